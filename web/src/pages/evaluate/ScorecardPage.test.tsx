import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EVAL_STORE_KEY, useEvalStore } from '../../stores/evalStore';
import { locationPath, renderApp } from '../../test/renderApp';
import { SCORECARD, serveApi, TREE_DATASET } from './testServer';

vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const OLDER = { ...TREE_DATASET, id: 'ds-old', name: 'older.csv', created_at: '2025-01-01T00:00:00Z' };
const JUDGMENT = { ...TREE_DATASET, id: 'ds-judge', name: 'judgments.csv', format: 'simple_judgment', created_at: '2025-06-01T00:00:00Z' };

function server(datasets = [TREE_DATASET, OLDER]) {
  return serveApi(({ path, params }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets } };
    if (path === '/api/evaluation/scorecard') return { body: { ...SCORECARD, dataset_id: params.get('dataset_id') } };
    if (path === '/api/evaluation/metrics/faithfulness/cases') {
      return {
        body: {
          success: true,
          metric: 'faithfulness',
          cases: [
            { dataset_id: 'case_007', query: 'How can I contact support?', score: 0.541, explanation: 'Mostly grounded.' },
            { dataset_id: 'case_002', query: 'Refund policy?', score: 0.62, explanation: 'One claim unsupported.' },
          ],
          total: 12,
          page: Number(params.get('page')),
          page_size: 10,
        },
      };
    }
    if (path === '/api/evaluation/cases/case_007') {
      return {
        body: {
          success: true,
          case: {
            dataset_id: 'case_007',
            query: 'How can I contact support?',
            actual_output: 'Call us.',
            expected_output: 'Use the help centre.',
            overall_score: 0.61,
            metrics: [{ metric_name: 'faithfulness', score: 0.541, explanation: 'Mostly grounded.', parent: 'Quality', weight: 0.5 }],
          },
        },
      };
    }
    return undefined;
  });
}

describe('scorecard page', () => {
  it('shows the five KPIs from the server and the tree table for the newest evaluation dataset', async () => {
    useEvalStore.setState({ datasetId: null });
    server();
    renderApp('/evaluate/scorecard');
    expect((await screen.findByTestId('kpi-overall-value', {}, { timeout: 5000 })).textContent).toBe('0.778');
    expect(screen.getByTestId('kpi-variance-value').textContent).toBe('0.0260');
    expect(screen.getByTestId('kpi-cases-value').textContent).toBe('40');
    expect(screen.getByTestId('kpi-metrics-value').textContent).toBe('3');
    expect(screen.getByTestId('kpi-components-value').textContent).toBe('1');
    expect(screen.getByTestId('dataset-picker-current').textContent).toBe('Example Model');
    await waitFor(() => expect(JSON.parse(localStorage.getItem(EVAL_STORE_KEY) ?? '{}').state?.datasetId).toBe('ds-tree'));
    expect(screen.getByTestId('scorecard-row-faithfulness').getAttribute('data-depth')).toBe('1');
    expect(screen.getByTestId('scorecard-toggle-Quality').getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByTestId('scorecard-toggle-Quality'));
    expect(screen.queryByTestId('scorecard-row-faithfulness')).toBeNull();
    fireEvent.click(screen.getByTestId('scorecard-toggle-Quality'));
    expect(screen.getByTestId('scorecard-row-faithfulness')).toBeTruthy();
    fireEvent.click(screen.getByTestId('collapse-all'));
    expect(screen.queryByTestId('scorecard-row-relevance')).toBeNull();
    fireEvent.click(screen.getByTestId('expand-all'));
    expect(screen.getByTestId('scorecard-row-relevance')).toBeTruthy();
  });

  it('opens the drill-down for a metric, pages 10 at a time, shows a case, and closes', async () => {
    const { calls } = server();
    renderApp('/evaluate/scorecard?dataset=ds-tree');
    fireEvent.click(await screen.findByTestId('scorecard-row-faithfulness', {}, { timeout: 5000 }));
    const modal = await screen.findByTestId('drilldown-modal');
    expect(await within(modal).findByText('How can I contact support?')).toBeTruthy();
    const request = calls.find((c) => c.path === '/api/evaluation/metrics/faithfulness/cases');
    expect(request?.params.get('dataset_id')).toBe('ds-tree');
    expect(request?.params.get('page_size')).toBe('10');
    expect(request?.params.get('sort_by')).toBe('score');
    expect(within(modal).getByText('1–10 of 12')).toBeTruthy();

    fireEvent.click(within(modal).getByText('Fail < 0.5'));
    await waitFor(() => expect(calls.some((c) => c.params.get('band') === 'fail')).toBe(true));

    fireEvent.click(within(modal).getAllByTestId('drilldown-row')[0]!);
    expect(await within(modal).findByText('Use the help centre.')).toBeTruthy();
    expect(within(modal).getByTestId('case-overall').textContent).toBe('0.610');
    fireEvent.click(within(modal).getByTestId('case-back'));
    expect(await within(modal).findByText('Refund policy?')).toBeTruthy();

    fireEvent.click(within(modal).getByLabelText('Close'));
    await waitFor(() => expect(screen.queryByTestId('drilldown-modal')).toBeNull());
  });

  it('keeps the dataset named in the URL over the newest one', async () => {
    server();
    renderApp('/evaluate/scorecard?dataset=ds-old');
    await waitFor(() => expect(screen.getByTestId('dataset-picker-current').textContent).toBe('older.csv'), { timeout: 5000 });
    expect(locationPath()).toBe('/evaluate/scorecard');
  });

  it('explains which format it needs for a non-hierarchical dataset', async () => {
    server([JUDGMENT, TREE_DATASET]);
    renderApp('/evaluate/scorecard?dataset=ds-judge');
    const notice = await screen.findByTestId('format-notice', {}, { timeout: 5000 });
    expect(notice.textContent).toContain('needs hierarchical evaluation data');
    expect(notice.textContent).toContain('simple_judgment');
    expect(notice.textContent).toContain('tree_format');
  });
});
