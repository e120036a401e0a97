import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useEvalStore } from '../../stores/evalStore';
import { renderApp } from '../../test/renderApp';
import { sseStream } from '../../test/sseStream';
import { SCORECARD, serveApi, TREE_DATASET } from './testServer';

vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const ROWS = [
  { dataset_id: 'c1', metric_name: 'faithfulness', metric_score: 0.2, actual_output: 'x'.repeat(50), conversation: '[{"role":"user"},{"role":"assistant"}]', data_metadata: "{'region': 'EU'}" },
  { dataset_id: 'c1', metric_name: 'relevance', metric_score: 0.4 },
  { dataset_id: 'c2', metric_name: 'faithfulness', metric_score: 0.9, actual_output: 'y'.repeat(350), conversation: 'User: a\nBot: b\nUser: c', data_metadata: '{"region": "US"}' },
  { dataset_id: 'c3', metric_name: 'faithfulness', metric_score: 0.7, actual_output: 'z'.repeat(120), data_metadata: '{"region": "US"}' },
];

type Reply = { status?: number; body: unknown } | Response | undefined;

function server(rows: () => Reply) {
  return serveApi(({ path, params }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets: [TREE_DATASET] } };
    if (path === '/api/evaluation/scorecard') return { body: SCORECARD };
    if (path === '/api/datasets/ds-tree/rows') {
      expect(params.get('page_size')).toBe('500');
      return rows();
    }
    return undefined;
  });
}

const rowsReply = (data: unknown[]) => ({ body: { success: true, total: data.length, page: 1, page_size: 500, columns: [], data } });

function open(tab: string) {
  useEvalStore.setState({ datasetId: null });
  renderApp(`/evaluate/deep-dive?dataset=ds-tree&tab=${tab}`);
}

const cells = (table: HTMLElement, label: string) => {
  const r = within(table).getAllByTestId('bin-row').find((el) => el.getAttribute('data-label') === label)!;
  return [r.querySelector('[data-testid="bin-count"]')!.textContent, r.querySelector('[data-testid="bin-mean"]')!.textContent, r.querySelector('[data-testid="bin-pass"]')!.textContent];
};

describe('deep dive: response, conversation and metadata tabs', () => {
  it('shows loading while the rows are read', async () => {
    const pending = sseStream();
    server(() => pending.response);
    open('response');
    const panel = await screen.findByTestId('deep-dive-panel-response', {}, { timeout: 12000 });
    expect(within(panel).getByTestId('loading').textContent).toContain("Reading the dataset's cases");
    expect(screen.getByTestId('deep-dive-tab-response').getAttribute('aria-selected')).toBe('true');
  }, 15000);

  it('names the failed read and retries it', async () => {
    let fail = true;
    const { calls } = server(() => (fail ? { status: 500, body: { detail: 'Rows are unreadable' } } : rowsReply(ROWS)));
    open('response');
    const error = await screen.findByTestId('error-block', {}, { timeout: 5000 });
    expect(error.textContent).toContain("Could not read the dataset's rows");
    expect(error.textContent).toContain('Rows are unreadable');
    fail = false;
    fireEvent.click(within(error).getByText('Retry'));
    const table = await screen.findByTestId('response-table');
    expect(cells(table, '0–100')).toEqual(['1', '0.300', '0.0%']);
    expect(cells(table, '100–300')).toEqual(['1', '0.700', '100.0%']);
    expect(cells(table, '300–500')).toEqual(['1', '0.900', '100.0%']);
    expect(cells(table, '1000+')).toEqual(['0', '—', '—']);
    expect(calls.filter((c) => c.path === '/api/datasets/ds-tree/rows')).toHaveLength(2);
  });

  it('bins conversations by turns and says when there are none', async () => {
    server(() => rowsReply(ROWS));
    open('conversation');
    const table = await screen.findByTestId('conversation-table', {}, { timeout: 5000 });
    expect(cells(table, '1')).toEqual(['1', '0.300', '0.0%']);
    expect(cells(table, '2–3')).toEqual(['1', '0.900', '100.0%']);
    expect(screen.getByTestId('conversation-count').querySelector('[aria-label]')?.getAttribute('aria-label')).toContain('turn bin');
  });

  it('shows the empty state with an upload link when no case has a conversation', async () => {
    server(() => rowsReply(ROWS.map(({ conversation: _c, ...r }) => r)));
    open('conversation');
    const empty = await screen.findByTestId('deep-dive-conversation-empty', {}, { timeout: 5000 });
    expect(empty.textContent).toContain('No conversations');
    expect(within(empty).getByRole('link', { name: /Upload data/ }).getAttribute('href')).toBe('/evaluate/upload');
  });

  it('groups by a metadata key and empties without metadata', async () => {
    server(() => rowsReply(ROWS));
    open('metadata');
    const table = await screen.findByTestId('metadata-table', {}, { timeout: 5000 });
    expect(cells(table, 'US')).toEqual(['2', '0.800', '100.0%']);
    expect(cells(table, 'EU')).toEqual(['1', '0.300', '0.0%']);
    expect((screen.getByTestId('metadata-key') as HTMLSelectElement).value).toBe('region');
    expect(screen.getByTestId('metadata-coverage').textContent).toBe('3 of 3 cases have “region”');
  });

  it('shows the metadata empty state', async () => {
    server(() => rowsReply(ROWS.map(({ data_metadata: _m, ...r }) => r)));
    open('metadata');
    expect((await screen.findByTestId('deep-dive-metadata-empty', {}, { timeout: 5000 })).textContent).toContain('No metadata');
  });

  it('shows the response empty state when no case has an output', async () => {
    server(() => rowsReply(ROWS.map(({ actual_output: _o, ...r }) => r)));
    open('response');
    expect((await screen.findByTestId('deep-dive-response-empty', {}, { timeout: 5000 })).textContent).toContain('No outputs to measure');
  });
});

describe('deep dive: tree case in the URL', () => {
  it('opens the case named in the URL and drops it when going back to all cases', async () => {
    const { calls } = serveApi(({ path }) => {
      if (path === '/api/datasets') return { body: { success: true, datasets: [TREE_DATASET] } };
      if (path === '/api/evaluation/scorecard') return { body: SCORECARD };
      if (path === '/api/evaluation/tree') return { body: { success: true, root: { name: 'Quality', type: 'component', score: 0.5, weight: 1, children: [] } } };
      if (path === '/api/evaluation/metrics/faithfulness/cases') {
        return { body: { success: true, metric: 'faithfulness', cases: [{ dataset_id: 'case_001', query: 'q1', score: 0.5 }], total: 1, page: 1, page_size: 100 } };
      }
      return undefined;
    });
    useEvalStore.setState({ datasetId: null });
    renderApp('/evaluate/deep-dive?dataset=ds-tree&tab=tree&case=case_042');
    const select = (await screen.findByTestId('tree-case-select', {}, { timeout: 8000 })) as HTMLSelectElement;
    await waitFor(() => expect(calls.some((c) => c.path === '/api/evaluation/tree' && c.params.get('case_id') === 'case_042')).toBe(true));
    expect(select.value).toBe('case_042');
    expect(screen.getByTestId('tree-mode-individual').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('tree-mode-aggregated'));
    await waitFor(() => expect(screen.queryByTestId('tree-case-select')).toBeNull());
    expect(calls.some((c) => c.path === '/api/evaluation/tree' && !c.params.get('case_id'))).toBe(true);
  });
});
