import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SignalsKpiStrip } from './SignalsKpiStrip';
import { serveApi } from '../../pages/evaluate/testServer';
import { WEEKLY_TRENDS as TRENDS } from '../../test/signalsFixtures';
import { renderPanel } from '../../test/renderPanel';

vi.mock('../charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const KPIS = [
  { key: 'case_resolution__is_resolved', label: 'Is Resolved', value: 55.26315789473684, format: 'percent', aggregation: 'rate', missing: 10 },
  { key: 'sentiment__csat_rating', label: 'Csat Rating', value: 3, format: 'number', aggregation: 'median', missing: 7 },
];

describe('signals KPI strip', () => {
  beforeEach(() => {
    serveApi(() => undefined);
  });
  it('a rate card shows its weekly sparkline and opens its weekly trend; other cards do not', () => {
    renderPanel(<SignalsKpiStrip kpis={KPIS} trends={TRENDS} />);
    expect(screen.queryByTestId('sentiment__csat_rating-toggle')).toBeNull();
    expect(screen.getByTestId('signals-kpi-sentiment__csat_rating-value').textContent).toBe('3');
    const toggle = screen.getByTestId('signals-kpi-case_resolution__is_resolved-toggle');
    expect(screen.getByTestId('signals-kpi-case_resolution__is_resolved-spark').getAttribute('data-points')).toBe('2');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const panel = screen.getByTestId('signals-rate-trend');
    expect(panel.getAttribute('data-key')).toBe('case_resolution__is_resolved');
    expect(within(screen.getByTestId('signals-rate-trend-table')).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'Week ofIs ResolvedWithout a value',
      '2025-03-0350.0%3',
      '2025-03-1066.7%3',
    ]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Close the Is Resolved weekly trend' }));
    expect(screen.queryByTestId('signals-rate-trend')).toBeNull();
  });

  it('without weekly figures the cards are plain, and nothing shows without KPIs', () => {
    const { container, rerender } = renderPanel(<SignalsKpiStrip kpis={KPIS} />);
    expect(screen.queryByTestId('signals-kpi-case_resolution__is_resolved-toggle')).toBeNull();
    expect(screen.getByTestId('signals-kpi-case_resolution__is_resolved-value').textContent).toBe('55.3%');
    rerender(<SignalsKpiStrip kpis={[]} trends={TRENDS} />);
    expect(container.textContent).toBe('');
  });

  it('an opened rate with no dated weeks says so', () => {
    renderPanel(<SignalsKpiStrip kpis={KPIS} trends={{ ...TRENDS, weeks: [], cases: [], series: TRENDS.series.map((s) => ({ ...s, values: [], missing: [] })) }} />);
    fireEvent.click(screen.getByTestId('signals-kpi-case_resolution__is_resolved-toggle'));
    expect(within(screen.getByTestId('signals-rate-trend')).getByText('No dated cases in this range.')).toBeTruthy();
  });
});
