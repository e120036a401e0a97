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
  metadata: [{ key: 'lang', values: [{ value: 'en', count: 2 }, { value: 'fr', count: 1 }] }],
  cases: [
    { dataset_id: 'k1', query: 'first question', scores: [0.3, 0.8], spread: 0.5 },
    { dataset_id: 'k2', query: 'second question', scores: [0.6, null], spread: 0 },
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
    expect(screen.getByTestId('spread-summary').textContent).toContain('B: median 0.650, quartiles 0.575–0.725 over 2 cases');
    fireEvent.click(screen.getByTestId('spread-view-table'));
    const spreadRows = screen.getAllByTestId('spread-row');
    expect(spreadRows.map((r) => r.textContent)).toEqual(['A20.4500.3000.3750.4500.5250.600', 'B20.6500.5000.5750.6500.7250.800']);
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
});
