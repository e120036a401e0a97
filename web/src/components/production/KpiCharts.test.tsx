import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { serveApi } from '../../pages/evaluate/testServer';
import type { KpiItem } from '../../lib/kpi/types';
import { renderPanel } from '../../test/renderPanel';
import { KpiComposition } from './KpiComposition';
import { KpiTrendPanel } from './KpiTrendPanel';
import { OUTCOMES_CHART as CHART } from '../../test/kpiFixtures';

vi.mock('../charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const KPI: KpiItem = { kpi_name: 'resolution_rate', display_name: 'Resolution rate', current_value: 88.25, card_display_value: 'latest', trend_direction: 'up', polarity: 'higher_better', unit: 'percent', record_count: 3, sparkline: [] };

const TRENDS = {
  success: true,
  kpi_names: ['resolution_rate'],
  trend_lines: ['daily', 'avg_7d', 'avg_30d'],
  data: [
    { date: '2025-01-01', kpi_name: 'resolution_rate', value: 72.3, avg_7d: 72.3, avg_30d: 72.3, count: 1 },
    { date: '2025-01-02', kpi_name: 'resolution_rate', value: 72.1, avg_7d: 72.2, avg_30d: 72.2, count: 1 },
  ],
};

const SCOPE = { source: 'support_assistant', segment: 'retail' };

describe('KPI trend panel', () => {
  it('asks for the one KPI in the agent and segment, and lists its lines in the table view', async () => {
    const { calls } = serveApi(({ path }) => (path === '/api/kpi/trends' ? { body: TRENDS } : undefined));
    const onClose = vi.fn();
    renderPanel(<KpiTrendPanel scope={SCOPE} kpi={KPI} onClose={onClose} />);
    const chart = await screen.findByTestId('kpi-trend-chart');
    expect(chart.getAttribute('data-points')).toBe('2');
    const call = calls.find((c) => c.path === '/api/kpi/trends')!;
    expect([call.params.get('kpi_names'), call.params.get('source_name'), call.params.get('segment')]).toEqual(['resolution_rate', 'support_assistant', 'retail']);
    const table = screen.getByTestId('kpi-trend-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Date', 'Daily', '7-day average', '30-day average']);
    expect(within(table).getAllByRole('row')[2]?.textContent).toBe('2025-01-0272.1%72.2%72.2%');
    fireEvent.click(screen.getByTestId('kpi-trend-close'));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows the loading, empty and error states', async () => {
    let answer: { status?: number; body: unknown } = { body: { ...TRENDS, data: [] } };
    serveApi(({ path }) => (path === '/api/kpi/trends' ? answer : undefined));
    const { unmount } = renderPanel(<KpiTrendPanel scope={SCOPE} kpi={KPI} onClose={() => undefined} />);
    expect(screen.getByText('Loading the trend…')).toBeTruthy();
    expect(await screen.findByText('No daily values for this KPI in view.')).toBeTruthy();
    unmount();
    answer = { status: 500, body: { detail: 'trend query failed' } };
    renderPanel(<KpiTrendPanel scope={SCOPE} kpi={KPI} onClose={() => undefined} />);
    expect((await screen.findByTestId('error-block')).textContent).toContain('trend query failed');
    answer = { body: TRENDS };
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('kpi-trend-chart')).toBeTruthy();
  });
});

describe('KPI composition', () => {
  const rows = [
    { date: '2025-01-01', kpi_name: 'escalation_rate', value: 10, avg_7d: 10, avg_30d: 10, count: 1 },
    { date: '2025-01-01', kpi_name: 'resolution_rate', value: 70, avg_7d: 70, avg_30d: 70, count: 1 },
    { date: '2025-01-02', kpi_name: 'escalation_rate', value: 12.5, avg_7d: 11, avg_30d: 11, count: 1 },
    { date: '2025-01-02', kpi_name: 'resolution_rate', value: 80, avg_7d: 75, avg_30d: 75, count: 1 },
  ];

  it('draws the newest day as a donut with the remainder, and every day as a stacked area', async () => {
    const { calls } = serveApi(({ path }) => (path === '/api/kpi/trends' ? { body: { ...TRENDS, data: rows } } : undefined));
    renderPanel(<KpiComposition scope={SCOPE} chart={CHART} index={0} />);
    expect((await screen.findByTestId('kpi-composition-0-date')).textContent).toBe('2025-01-02');
    expect(calls.find((c) => c.path === '/api/kpi/trends')?.params.get('kpi_names')).toBe('resolution_rate,escalation_rate');
    const donut = within(screen.getByTestId('kpi-composition-0-table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(donut).toEqual(['Resolved80', 'Escalated12.5', 'Other7.5']);
    fireEvent.click(screen.getByTestId('kpi-composition-0-view-area'));
    await waitFor(() => expect(within(screen.getByTestId('kpi-composition-0-table')).getAllByRole('row')).toHaveLength(3));
    expect(within(screen.getByTestId('kpi-composition-0-table')).getAllByRole('row')[1]?.textContent).toBe('2025-01-01701020');
  });

  it('says when none of its KPIs has values, and offers Retry on an error', async () => {
    let answer: { status?: number; body: unknown } = { body: { ...TRENDS, data: [] } };
    serveApi(({ path }) => (path === '/api/kpi/trends' ? answer : undefined));
    const { unmount } = renderPanel(<KpiComposition scope={SCOPE} chart={CHART} index={0} />);
    expect(screen.getByText('Loading the composition…')).toBeTruthy();
    expect(await screen.findByText('None of these KPIs has values in view.')).toBeTruthy();
    unmount();
    answer = { status: 422, body: { detail: 'bad kpi_names' } };
    renderPanel(<KpiComposition scope={SCOPE} chart={CHART} index={1} />);
    expect((await screen.findByTestId('error-block')).textContent).toContain('bad kpi_names');
  });
});
