import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useEvalStore } from '../../stores/evalStore';
import { captureDownloads } from '../../test/downloads';
import { renderApp } from '../../test/renderApp';
import { SCORECARD, serveApi, TREE_DATASET } from './testServer';

vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const COMPARISON = {
  success: true,
  baseline: 'base',
  challenger: 'chal',
  experiments: ['base', 'chal'],
  metrics: [
    { metric: 'faithfulness', baseline: { mean: 0.774, std: 0.14, n: 40 }, challenger: { mean: 0.856, std: 0.14, n: 40 }, difference: 0.082, percent_change: 10.6, cohens_d: 0.59, effect_size: 'medium', t_statistic: 2.7, df: 78, p_value: 0.008, stars: '**', significant: true, winner: 'Challenger' },
    { metric: 'relevance', baseline: { mean: 0.721, std: 0.13, n: 40 }, challenger: { mean: 0.754, std: 0.14, n: 40 }, difference: 0.033, percent_change: 4.6, cohens_d: 0.24, effect_size: 'small', t_statistic: 1.1, df: 78, p_value: 0.279, stars: '', significant: false, winner: 'Tie' },
  ],
  summary: { winner: 'Challenger', baseline_wins: 0, challenger_wins: 2, ties: 0, significant_baseline_wins: 0, significant_challenger_wins: 1, avg_improvement: 7.6 },
};

function server(experiments: string[]) {
  return serveApi(({ path, params }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets: [TREE_DATASET] } };
    if (path === '/api/evaluation/scorecard') return { body: { ...SCORECARD, experiments } };
    if (path === '/api/evaluation/compare') {
      const swapped = params.get('baseline') === 'chal';
      return {
        body: swapped
          ? { ...COMPARISON, baseline: 'chal', challenger: 'base', summary: { ...COMPARISON.summary, winner: 'Baseline' } }
          : COMPARISON,
      };
    }
    if (path === '/api/evaluation/compare/cases') {
      return {
        body: {
          success: true,
          cases: [{ dataset_id: 'case_001', query: 'Reset password?', baseline_score: 0.668, challenger_score: 0.775, diff: 0.107, winner: 'Challenger' }],
          total: 1,
          counts: { Baseline: 0, Challenger: 1, Tie: 0 },
          page: 1,
          page_size: 15,
        },
      };
    }
    if (path === '/api/evaluation/compare/export') {
      return new Response('dataset_id,query,base score,chal score,diff,winner\r\n', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
    }
    if (path === '/api/evaluation/compare/win-loss') return { body: { success: true, experiments, wins: { base: 9, chal: 29 }, ties: 2, cases_compared: 40 } };
    if (path === '/api/evaluation/compare/agreement') return { body: { success: true, pairs: [{ model1: 'base', model2: 'chal', rate: 0.78, total: 40 }] } };
    return undefined;
  });
}

describe('compare page', () => {
  it('auto-selects two experiments and shows the winner, stars and case list', async () => {
    useEvalStore.setState({ pairByDataset: {} });
    const { calls } = server(['base', 'chal']);
    renderApp('/evaluate/compare?dataset=ds-tree');
    expect((await screen.findByTestId('compare-winner', {}, { timeout: 5000 })).textContent).toBe('chal');
    expect(screen.getByTestId('compare-winner-side').getAttribute('data-side')).toBe('challenger');
    expect((screen.getByTestId('baseline-select') as HTMLSelectElement).value).toBe('base');
    expect((screen.getByTestId('challenger-select') as HTMLSelectElement).value).toBe('chal');
    const significant = screen.getByTestId('compare-metric-faithfulness');
    expect(significant.getAttribute('data-significant')).toBe('true');
    expect(within(significant).getByTestId('significance-stars').textContent).toBe('**');
    expect(within(significant).getByText('0.008')).toBeTruthy();
    expect(within(screen.getByTestId('compare-metric-relevance')).queryByTestId('significance-stars')).toBeNull();
    expect(screen.getByTestId('overall-change').textContent).toBe('+7.6%');
    expect(await screen.findByText('Reset password?')).toBeTruthy();
    expect(screen.getByTestId('winner-filter-Challenger').textContent).toContain('1');

    fireEvent.click(screen.getByTestId('case-filter-top'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/evaluation/compare/cases' && c.params.get('filter') === 'top')).toBe(true));

    fireEvent.click(screen.getByTestId('swap-pair'));
    await waitFor(() => expect((screen.getByTestId('baseline-select') as HTMLSelectElement).value).toBe('chal'));
    await waitFor(() => expect(screen.getByTestId('compare-winner-side').getAttribute('data-side')).toBe('baseline'));
    expect(screen.getByTestId('compare-winner').textContent).toBe('chal');
  }, 15000);

  it('exports the listed cases as the CSV the server writes, with the list’s filters', async () => {
    useEvalStore.setState({ pairByDataset: {} });
    const { calls } = server(['base', 'chal']);
    const capture = captureDownloads();
    try {
      renderApp('/evaluate/compare?dataset=ds-tree');
      await screen.findByText('Reset password?', {}, { timeout: 5000 });
      fireEvent.click(screen.getByTestId('case-filter-bottom'));
      fireEvent.click(screen.getByTestId('winner-filter-Challenger'));
      fireEvent.click(screen.getByTestId('export-cases-csv'));
      await waitFor(() => expect(capture.downloads).toHaveLength(1));
      const exported = calls.filter((c) => c.path === '/api/evaluation/compare/export');
      expect(exported).toHaveLength(1);
      expect(Object.fromEntries(exported[0]!.params)).toEqual({ dataset_id: 'ds-tree', baseline: 'base', challenger: 'chal', filter: 'bottom', winner: 'Challenger' });
      expect(calls.some((c) => c.path === '/api/evaluation/compare/cases' && c.params.get('page_size') === '500')).toBe(false);
      const [saved] = capture.downloads;
      expect(saved!.filename).toMatch(/^comparison-base-vs-chal-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(await saved!.blob.text()).toBe('dataset_id,query,base score,chal score,diff,winner\r\n');
    } finally {
      capture.restore();
    }
  });

  it('asks for multi-experiment data when there is only one experiment', async () => {
    server(['only']);
    renderApp('/evaluate/compare?dataset=ds-tree');
    const notice = await screen.findByTestId('compare-needs-experiments', {}, { timeout: 5000 });
    expect(notice.textContent).toContain('Comparison needs multi-experiment data');
    expect(within(notice).getByTestId('load-comparison-example')).toBeTruthy();
  });
});
