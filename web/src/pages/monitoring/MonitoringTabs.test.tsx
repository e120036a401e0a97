import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS } from '../../lib/monitoring/filters';
import { useMonitoringStore } from '../../stores/monitoringStore';
import { monitoringServer } from '../../test/monitoringFixtures';
import { renderApp } from '../../test/renderApp';
import type { Call } from '../evaluate/testServer';

vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const last = (calls: Call[], path: string) => [...calls].reverse().find((c) => c.path === path);

describe('monitoring tabs', { timeout: 20_000 }, () => {
  beforeEach(() => {
    useMonitoringStore.setState({ datasetId: null, filters: EMPTY_FILTERS, granularity: 'weekly' });
  });

  it('classification: label counts of the first metric, its trend at the chosen granularity, and another metric on request', async () => {
    const { calls } = monitoringServer();
    renderApp('/monitoring?tab=classification');
    const values = await screen.findByTestId('classification-values', {}, { timeout: 5000 });
    expect([...values.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['billing6 · 60%', 'login4 · 40%']);
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/classification-trends')?.params.get('metric_name')).toBe('intent'));
    expect(last(calls, '/api/monitoring/analytics/classification-trends')?.params.get('granularity')).toBe('weekly');
    expect(last(calls, '/api/monitoring/analytics/classification-breakdown')?.params.get('category_source')).toBe('explanation');
    fireEvent.change(screen.getByTestId('classification-metric'), { target: { value: 'tone' } });
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/classification-trends')?.params.get('metric_name')).toBe('tone'));
    fireEvent.click(screen.getByTestId('classification-source-actual_output'));
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/classification-breakdown')?.params.get('category_source')).toBe('actual_output'));
  });

  it('insights: cards ten a page with the first one open and its signals as badges', async () => {
    const { calls } = monitoringServer();
    renderApp('/monitoring?tab=insights');
    const cards = await screen.findAllByTestId('insight-card', {}, { timeout: 5000 });
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByText('Duplicate charge confirmed.')).toBeTruthy();
    expect(within(cards[0]!).getByLabelText('yes')).toBeTruthy();
    expect(within(cards[0]!).getByLabelText('no')).toBeTruthy();
    expect(within(cards[1]!).queryByText('Cancelled.')).toBeNull();
    fireEvent.click(within(cards[1]!).getByRole('button'));
    expect(within(cards[1]!).getByText('overall · resolved')).toBeTruthy();
    expect(last(calls, '/api/monitoring/analytics/analysis-insights')?.params.get('limit')).toBe('10');
    fireEvent.click(within(screen.getByTestId('insights-pagination')).getByText('2'));
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/analysis-insights')?.params.get('page')).toBe('2'));
    fireEvent.change(screen.getByTestId('insights-metric'), { target: { value: 'summary' } });
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/analysis-insights')?.params.get('metric_name')).toBe('summary'));
    expect(last(calls, '/api/monitoring/analytics/analysis-insights')?.params.get('page')).toBe('1');
  });
});
