import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serveApi, type Call } from '../../pages/evaluate/testServer';
import { renderPanel } from '../../test/renderPanel';
import { FailingOutputsCard } from './FailingOutputsCard';

const LONG = ['dataset_id', 'timestamp', 'query', 'actual_output', 'metric_name', 'metric_score', 'metric_category'];
const PARAMS = { dataset_id: 'mon1', source_name: 'Juniper' };

const ROWS = [
  { dataset_id: 'mon-449', timestamp: '2025-06-19T10:57:29Z', query: 'Can I talk to a person instead?', actual_output: 'Sorry, something went wrong.', metric_name: 'helpfulness', metric_score: 0, explanation: 'Does not help.' },
  { dataset_id: 'mon-715', timestamp: '2025-06-25T03:40:25Z', query: 'What is the maximum attachment size?', actual_output: '25 MB.', metric_name: 'faithfulness', metric_score: 0.42 },
  { dataset_id: 'mon-716', timestamp: '2025-06-25T04:00:00Z', query: 'Hours?', actual_output: '9 to 5.', metric_name: 'faithfulness', metric_score: 0.61 },
];

const page = (data: unknown[]) => ({ body: { success: true, data, total: 900, page: 1, page_size: 15 } });
const last = (calls: Call[]) => [...calls].reverse().find((c) => c.path === '/api/store/data/monitoring')!;

describe('top failing outputs', () => {
  it('asks the store for the 15 lowest SCORE rows and lists those below the threshold; the eye opens the trace', async () => {
    const { calls } = serveApi(({ path }) => (path === '/api/store/data/monitoring' ? page(ROWS) : undefined));
    renderPanel(<FailingOutputsCard params={PARAMS} columns={LONG} metrics={['faithfulness', 'helpfulness']} />);
    await waitFor(() => expect(screen.getAllByTestId('failing-row')).toHaveLength(2));
    const call = last(calls);
    expect(Object.fromEntries(call.params)).toEqual({
      dataset_id: 'mon1',
      source_name: 'Juniper',
      sort_by: 'metric_score',
      sort_dir: 'asc',
      page: '1',
      page_size: '15',
      metric_category: 'SCORE',
    });
    const rows = screen.getAllByTestId('failing-row');
    expect(rows.map((r) => [r.getAttribute('data-trace'), within(r).getByTestId('failing-score').textContent])).toEqual([
      ['mon-449', '0.000'],
      ['mon-715', '0.420'],
    ]);
    expect(rows[0]?.textContent).toContain('Can I talk to a person instead?');
    fireEvent.click(within(rows[0]!).getByTestId('failing-open'));
    const modal = await screen.findByTestId('record-modal');
    expect(within(modal).getByText('Trace mon-449')).toBeTruthy();
    expect(within(modal).getByText('Does not help.')).toBeTruthy();
  });

  it('a higher threshold keeps more rows and the metric select narrows the query', async () => {
    const { calls } = serveApi(({ path }) => (path === '/api/store/data/monitoring' ? page(ROWS) : undefined));
    renderPanel(<FailingOutputsCard params={PARAMS} columns={LONG} metrics={['faithfulness', 'helpfulness']} />);
    await waitFor(() => expect(screen.getAllByTestId('failing-row')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('failing-threshold'), { target: { value: '0.7' } });
    await waitFor(() => expect(screen.getAllByTestId('failing-row')).toHaveLength(3));
    fireEvent.change(screen.getByTestId('failing-metric'), { target: { value: 'faithfulness' } });
    await waitFor(() => expect(last(calls).params.get('metric_name')).toBe('faithfulness'));
  });

  it('sorts a wide table on its first score column', async () => {
    const { calls } = serveApi(({ path }) => (path === '/api/store/data/monitoring' ? page([{ dataset_id: 'w1', accuracy_score: 0.2, relevance_score: 0.9 }]) : undefined));
    renderPanel(<FailingOutputsCard params={PARAMS} columns={['dataset_id', 'accuracy_score', 'relevance_score']} metrics={[]} />);
    const row = await screen.findByTestId('failing-row');
    expect(row.textContent).toContain('accuracy');
    expect(last(calls).params.get('sort_by')).toBe('accuracy_score');
    expect(last(calls).params.get('metric_category')).toBeNull();
  });

  it('shows the loading, empty, no-score and error states', async () => {
    let answer: { status?: number; body: unknown } = page([ROWS[2]]);
    serveApi(({ path }) => (path === '/api/store/data/monitoring' ? answer : undefined));
    const first = renderPanel(<FailingOutputsCard params={PARAMS} columns={LONG} metrics={[]} />);
    expect(screen.getByText('Loading the lowest scores…')).toBeTruthy();
    expect(await screen.findByText('No score below 0.5 under these filters.')).toBeTruthy();
    first.unmount();
    const second = renderPanel(<FailingOutputsCard params={PARAMS} columns={['dataset_id']} metrics={[]} />);
    expect(screen.getByTestId('failing-no-scores')).toBeTruthy();
    second.unmount();
    answer = { status: 400, body: { detail: "Unknown sort_by 'metric_score'" } };
    renderPanel(<FailingOutputsCard params={PARAMS} columns={LONG} metrics={[]} />);
    expect((await screen.findByTestId('error-block')).textContent).toContain("Unknown sort_by 'metric_score'");
    answer = page(ROWS);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getAllByTestId('failing-row')).toHaveLength(2));
  });
});
