import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SignalsTrendsResponse } from '../../lib/signals/types';
import { serveApi } from '../../pages/evaluate/testServer';
import { WEEKLY_TRENDS as TRENDS } from '../../test/signalsFixtures';
import { renderPanel } from '../../test/renderPanel';
import { SignalTrendsCard } from './SignalTrendsCard';

vi.mock('../charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));


const ok = (data?: SignalsTrendsResponse) => ({ isPending: false, isError: false, error: null, refetch: vi.fn(), data });

describe('Signal Trends', () => {
  it('shows the rate series first, toggles the others from the legend and lists every week in the table view', () => {
    serveApi(() => undefined);
    renderPanel(<SignalTrendsCard query={ok(TRENDS)} />);
    const chart = screen.getByTestId('signal-trends-chart');
    expect(chart.getAttribute('data-weeks')).toBe('2');
    expect(chart.getAttribute('data-series')).toBe('case_resolution__is_resolved,escalation__is_escalated');
    expect(within(chart).getByRole('generic', { name: /Weekly signal trends over 2 weeks: Is Resolved 66.7% in the last week, Is Escalated 8.3% in the last week/ })).toBeTruthy();
    const csat = screen.getByTestId('signal-trends-toggle-sentiment__csat_rating');
    expect(csat.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(csat);
    expect(chart.getAttribute('data-series')).toBe('case_resolution__is_resolved,sentiment__csat_rating,escalation__is_escalated');
    fireEvent.click(screen.getByTestId('signal-trends-toggle-case_resolution__is_resolved'));
    expect(chart.getAttribute('data-series')).toBe('sentiment__csat_rating,escalation__is_escalated');
    const rows = within(screen.getByTestId('signal-trends-table')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['Week ofCasesIs ResolvedCsat RatingIs Escalated', '2025-03-03950.0%333.3%', '2025-03-101266.7%—8.3%']);
  });

  it('shows loading, the error with Retry, and the empty state', () => {
    serveApi(() => undefined);
    const { rerender } = renderPanel(<SignalTrendsCard query={{ ...ok(), isPending: true }} />);
    expect(screen.getByText('Loading the weekly trends…')).toBeTruthy();
    const failed = { ...ok(), isError: true, error: new Error('trends failed: 500') };
    rerender(<SignalTrendsCard query={failed} />);
    expect(screen.getByTestId('error-block').textContent).toContain('trends failed: 500');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(failed.refetch).toHaveBeenCalled();
    rerender(<SignalTrendsCard query={ok({ ...TRENDS, weeks: [], cases: [], series: TRENDS.series.map((s) => ({ ...s, values: [], missing: [] })) })} />);
    expect(screen.getByText('No dated cases in this range, so there are no weekly trends.')).toBeTruthy();
  });
});
