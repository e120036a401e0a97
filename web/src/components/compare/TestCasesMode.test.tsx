import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { locationSearch, renderApp } from '../../test/renderApp';
import { SCORECARD, serveApi, TREE_DATASET, type Call } from '../../pages/evaluate/testServer';

vi.mock('../charts/EChart', () => ({
  EChart: ({ ariaLabel }: { ariaLabel: string }) => <div data-testid="echart" aria-label={ariaLabel} />,
}));

const REPLY = {
  success: true,
  experiments: ['A', 'B'],
  kpis: { test_cases: 3, experiments: 2, average_score: 0.5444, leading_experiment: 'B', leading_score: 0.6667 },
  distribution: [
    { experiment: 'A', n: 2, mean: 0.45, min: 0.3, q1: 0.375, median: 0.45, q3: 0.525, max: 0.6 },
    { experiment: 'B', n: 2, mean: 0.65, min: 0.5, q1: 0.575, median: 0.65, q3: 0.725, max: 0.8 },
  ],
  metric_means: [
    { metric: 'acc', means: [0.4, 0.9] },
    { metric: 'flu', means: [0.5, null] },
  ],
  metric: null,
  fields: [],
  field_options: ['actual_output', 'expected_output'],
  metadata: [{ key: 'lang', values: [{ value: 'en', count: 2 }, { value: 'fr', count: 1 }] }],
  cases: [
    { dataset_id: 'k1', query: 'first question', scores: [0.3, 0.8], mean: 0.55, spread: 0.5, fields: [] },
    { dataset_id: 'k2', query: 'second question', scores: [0.6, null], mean: 0.6, spread: 0, fields: [] },
  ],
  total: 3,
  page: 1,
  page_size: 10,
};

const PAIR = {
  success: true,
  cases: [{ dataset_id: 'k1', query: 'first question', baseline_score: 0.3, challenger_score: 0.8, diff: 0.5, winner: 'Challenger' }],
  total: 1,
  counts: { Baseline: 0, Challenger: 1, Tie: 0 },
  page: 1,
  page_size: 500,
};

function server(testCases: (call: Call) => { status?: number; body: unknown }) {
  return serveApi((call) => {
    if (call.path === '/api/datasets') return { body: { success: true, datasets: [TREE_DATASET] } };
    if (call.path === '/api/evaluation/scorecard') return { body: { ...SCORECARD, experiments: ['A', 'B'] } };
    if (call.path === '/api/evaluation/compare/test-cases') return testCases(call);
    if (call.path === '/api/evaluation/compare/cases') return { body: PAIR };
    if (call.path === '/api/evaluation/compare/win-loss') return { body: { success: true, experiments: ['A', 'B'], wins: { A: 1, B: 2 }, ties: 1, cases_compared: 4 } };
    if (call.path === '/api/evaluation/compare/agreement') {
      return { body: { success: true, pairs: [{ model1: 'A', model2: 'B', both_pass: 1, both_fail: 1, model1_only: 1, model2_only: 0, total: 3, rate: 2 / 3 }] } };
    }
    if (call.path.startsWith('/api/evaluation/cases/')) {
      const experiment = call.params.get('evaluation_name');
      return {
        body: {
          success: true,
          case: {
            dataset_id: 'k1', evaluation_name: experiment, query: 'first question', actual_output: `answer of ${experiment}`, expected_output: 'the answer',
            evaluation_metadata: null, data_metadata: null, overall_score: experiment === 'A' ? 0.3 : 0.8,
            metrics: [{ metric_name: 'acc', score: experiment === 'A' ? 0.3 : 0.8, explanation: null, parent: null, metric_type: null, weight: null }],
          },
        },
      };
    }
    return undefined;
  });
}

describe('compare: test cases mode', () => {
  it('shows the server’s KPIs, cases side by side, distribution and scatter with their table views', async () => {
    server(() => ({ body: REPLY }));
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases');
    expect(screen.getByText('Loading datasets…')).toBeTruthy();
    expect((await screen.findByTestId('kpi-test-cases-value', {}, { timeout: 5000 })).textContent).toBe('3');
    expect(screen.getByTestId('kpi-experiments-value').textContent).toBe('2');
    expect(screen.getByTestId('kpi-average-value').textContent).toBe('0.544');
    expect(screen.getByTestId('kpi-leading-value').textContent).toBe('B');
    const rows = screen.getAllByTestId('test-case-row');
    expect(rows.map((r) => r.getAttribute('data-case'))).toEqual(['k1', 'k2']);
    expect(within(rows[0]!).getAllByTestId('test-case-score').map((c) => c.textContent)).toEqual(['0.300', '0.800']);
    expect(within(rows[1]!).getAllByTestId('test-case-score').map((c) => c.textContent)).toEqual(['0.600', '—']);
    expect(rows.map((r) => within(r).getByTestId('test-case-mean').textContent)).toEqual(['0.550', '0.600']);
    expect(screen.getByTestId('spread-summary').textContent).toContain('B: median 0.650, quartiles 0.575–0.725 over 2 cases');
    fireEvent.click(screen.getByTestId('spread-view-table'));
    const spreadRows = screen.getAllByTestId('spread-row');
    expect(spreadRows.map((r) => r.textContent)).toEqual(['A20.4500.3000.3750.4500.5250.600', 'B20.6500.5000.5750.6500.7250.800']);
    fireEvent.click(screen.getByTestId('chart-tab-scatter'));
    expect((await screen.findByTestId('scatter-summary')).textContent).toBe('1 cases scored by both: B higher in 1, A higher in 0, within 0.01 in 0.');
    fireEvent.click(screen.getByTestId('scatter-view-table'));
    expect(screen.getAllByTestId('scatter-row').map((r) => r.textContent)).toEqual(['k10.3000.800']);
  });

  it('sends the metadata filter and the search to the server, and clears them', async () => {
    const { calls } = server(() => ({ body: REPLY }));
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases');
    fireEvent.change(await screen.findByTestId('metadata-filter-lang', {}, { timeout: 5000 }), { target: { value: 'fr' } });
    await waitFor(() => expect(calls.some((c) => c.path === '/api/evaluation/compare/test-cases' && c.params.getAll('meta.lang').join() === 'fr')).toBe(true));
    fireEvent.change(screen.getByTestId('test-cases-search'), { target: { value: 'second' } });
    await waitFor(() => expect(calls.some((c) => c.params.get('search') === 'second' && c.params.get('meta.lang') === 'fr')).toBe(true));
    // The search reaches the URL (a navigation of its own) before the person clicks Clear.
    await waitFor(() => expect(locationSearch()).toBe('?dataset=ds-tree&mode=cases&meta.lang=fr&q=second'));
    fireEvent.click(screen.getByTestId('metadata-filters-clear'));
    await waitFor(() => expect(locationSearch()).toBe('?dataset=ds-tree&mode=cases&q=second'));
    await waitFor(() => {
      const last = calls.filter((c) => c.path === '/api/evaluation/compare/test-cases').at(-1)!;
      expect(last.params.has('meta.lang')).toBe(false);
      expect(last.params.get('search')).toBe('second');
    });
    expect((screen.getByTestId('metadata-filter-lang') as HTMLSelectElement).value).toBe('');
  });

  it('shows an empty list and says when there is no metadata', async () => {
    server(() => ({ body: { ...REPLY, kpis: { ...REPLY.kpis, test_cases: 0, average_score: null, leading_experiment: null, leading_score: null }, distribution: [], metadata: [], cases: [], total: 0 } }));
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases');
    expect(await screen.findByText('No cases match these filters.', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('metadata-filters-empty')).toBeTruthy();
    expect(screen.getByTestId('kpi-leading-value').textContent).toBe('—');
    expect(within(screen.getByTestId('compare-distribution')).getByText('No case matches the filters.')).toBeTruthy();
  });

  it('names the failure and retries', async () => {
    let fail = true;
    server(() => (fail ? { status: 500, body: { detail: 'store is down' } } : { body: REPLY }));
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases');
    expect(await screen.findByText('Could not load the test cases', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/store is down/)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: /retry/i }));
    expect((await screen.findByTestId('kpi-test-cases-value')).textContent).toBe('3');
  });

  it('chart tabs: each tab renders from the server, arrow keys move, the URL keeps the tab, the panel collapses', async () => {
    server(() => ({ body: REPLY }));
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases&chart=bar');
    const bar = await screen.findByTestId('compare-bar', {}, { timeout: 5000 });
    expect(screen.getByTestId('chart-tab-bar').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(within(bar).getByTestId('bar-view-table'));
    expect(screen.getAllByTestId('metric-means-row').map((r) => r.textContent)).toEqual(['acc0.4000.900', 'flu0.500—']);
    // Two metrics are too few for a radar: the means show as a table.
    fireEvent.keyDown(screen.getByTestId('chart-tab-bar'), { key: 'ArrowLeft' });
    await waitFor(() => expect(locationSearch()).toContain('chart=radar'));
    expect(within(screen.getByTestId('compare-radar')).getByText(/A radar needs three metrics/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('chart-tab-radar'));
    fireEvent.click(screen.getByTestId('chart-tab-winloss'));
    expect((await screen.findByTestId('winloss-summary')).textContent).toBe('A won 1, B won 2, 1 ties');
    fireEvent.keyDown(screen.getByTestId('chart-tab-winloss'), { key: 'End' });
    expect((await screen.findByTestId('agreement-summary')).textContent).toBe('A and B agree on 0.667 of 3 cases');
    fireEvent.click(screen.getByTestId('chart-tabs-toggle'));
    await waitFor(() => expect(locationSearch()).toContain('chart=hidden'));
    expect(screen.queryByTestId('compare-agreement')).toBeNull();
    expect(screen.getByTestId('chart-tabs-toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('toolbar: quick filter, metric, fields, layout and rows go to the server and the URL', async () => {
    const { calls } = server((call) =>
      call.params.get('fields') === 'expected_output'
        ? { body: { ...REPLY, metric: 'acc', fields: ['expected_output'], cases: REPLY.cases.map((c) => ({ ...c, fields: [`expected ${c.dataset_id}`] })) } }
        : { body: REPLY },
    );
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases');
    fireEvent.click(await screen.findByTestId('quick-filter-top', {}, { timeout: 5000 }));
    await waitFor(() => expect(calls.at(-1)!.params.get('view')).toBe('top'));
    fireEvent.change(screen.getByTestId('test-cases-metric'), { target: { value: 'acc' } });
    await waitFor(() => expect(calls.at(-1)!.params.get('metric')).toBe('acc'));
    fireEvent.click(screen.getByTestId('test-cases-field-expected_output'));
    await waitFor(() => expect(screen.getAllByTestId('test-case-field').map((c) => c.textContent)).toEqual(['expected k1', 'expected k2']));
    const last = calls.filter((c) => c.path === '/api/evaluation/compare/test-cases').at(-1)!;
    expect([last.params.get('view'), last.params.get('metric'), last.params.get('fields')]).toEqual(['top', 'acc', 'expected_output']);
    fireEvent.change(screen.getByTestId('test-cases-page-size'), { target: { value: '25' } });
    await waitFor(() => expect(calls.at(-1)!.params.get('page_size')).toBe('25'));
    fireEvent.click(screen.getByTestId('table-layout-classic'));
    // Classic: one row per case and experiment that scored it (k2 has no B score).
    const classic = await screen.findAllByTestId('test-case-classic-row');
    expect(classic.map((r) => r.textContent)).toEqual(['k1first questionexpected k1A0.300', 'k1first questionexpected k1B0.800', 'k2second questionexpected k2A0.600']);
    expect(locationSearch()).toBe('?dataset=ds-tree&mode=cases&view=top&metric=acc&fields=expected_output&rows=25&layout=classic');
  });

  it('export CSV downloads the server\'s file for the same filters', async () => {
    const { calls } = server(() => ({ body: REPLY }));
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:x'), revokeObjectURL: () => undefined }));
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases&view=diff&metric=acc');
    fireEvent.click(await screen.findByTestId('export-test-cases-csv', {}, { timeout: 5000 }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/evaluation/compare/test-cases/export')).toBe(true));
    const call = calls.find((c) => c.path === '/api/evaluation/compare/test-cases/export')!;
    expect([call.params.get('view'), call.params.get('metric'), call.params.has('page')]).toEqual(['diff', 'acc', false]);
  });

  it('a row opens the case modal (click or Enter) with each experiment\'s scores from the case route', async () => {
    server(() => ({ body: REPLY }));
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases');
    const rows = await screen.findAllByTestId('test-case-row', {}, { timeout: 5000 });
    fireEvent.keyDown(rows[0]!, { key: 'Enter' });
    const modal = await screen.findByTestId('compare-case-modal');
    await waitFor(() => expect(locationSearch()).toContain('case=k1'));
    expect(await within(modal).findByText('answer of A')).toBeTruthy();
    expect(within(modal).getByTestId('case-overall').textContent).toBe('0.300');
    fireEvent.click(within(modal).getByTestId('case-modal-tab-1'));
    expect(await within(modal).findByText('answer of B')).toBeTruthy();
    expect(within(modal).getByText('the answer')).toBeTruthy();
  });

  it('a rejected metric shows the server\'s message and a reset', async () => {
    server((call) => (call.params.get('metric') === 'gone' ? { status: 422, body: { detail: [{ type: 'literal_error', loc: ['query', 'metric'], msg: "Unknown metric 'gone'; the dataset's metrics are: acc, flu", input: 'gone' }] } } : { body: REPLY }));
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases&metric=gone');
    expect(await screen.findByText(/Unknown metric 'gone'/, {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByTestId('test-cases-reset'));
    expect((await screen.findByTestId('kpi-test-cases-value')).textContent).toBe('3');
  });

  it('empty and error states: no metric scores, a failed win/loss request, a failed case request', async () => {
    let caseFails = true;
    serveApi((call) => {
      if (call.path === '/api/datasets') return { body: { success: true, datasets: [TREE_DATASET] } };
      if (call.path === '/api/evaluation/scorecard') return { body: { ...SCORECARD, experiments: ['A', 'B'] } };
      if (call.path === '/api/evaluation/compare/test-cases') return { body: { ...REPLY, metric_means: [{ metric: 'acc', means: [null, null] }] } };
      if (call.path === '/api/evaluation/compare/win-loss') return { status: 500, body: { detail: 'win-loss store is down' } };
      if (call.path.startsWith('/api/evaluation/cases/')) {
        if (caseFails) return { status: 500, body: { detail: 'case store is down' } };
        return { body: { success: true, case: { dataset_id: 'k1', evaluation_name: 'A', query: 'first question', actual_output: 'fine now', expected_output: null, evaluation_metadata: null, data_metadata: null, overall_score: 0.3, metrics: [] } } };
      }
      return undefined;
    });
    renderApp('/evaluate/compare?dataset=ds-tree&mode=cases&chart=radar');
    expect(await screen.findByText('No metric scores for the listed cases.', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByTestId('chart-tab-winloss'));
    expect(await screen.findByText('Could not load the win/loss counts')).toBeTruthy();
    expect(screen.getByText(/win-loss store is down/)).toBeTruthy();
    fireEvent.click(screen.getAllByTestId('test-case-row')[0]!);
    const modal = await screen.findByTestId('compare-case-modal');
    expect(await within(modal).findByText('Could not load this case')).toBeTruthy();
    caseFails = false;
    fireEvent.click(within(modal).getByRole('button', { name: /retry/i }));
    expect(await within(modal).findByText('fine now')).toBeTruthy();
  });
});
