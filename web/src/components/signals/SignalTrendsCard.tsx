import { useEffect, useMemo, useState } from 'react';
import { formatSignalsKpi } from '../../lib/signals/cases';
import { initiallyShown, weekLabel } from '../../lib/signals/trends';
import type { SignalsTrendsResponse } from '../../lib/signals/types';
import { cn } from '../../lib/cn';
import { ChartCard } from '../charts/ChartCard';
import { ChartTable } from '../charts/ChartTable';
import { EChart } from '../charts/EChart';
import { linesOption } from '../charts/seriesOptions';
import { useChartColors } from '../charts/useChartColors';
import { QueryView, type QueryLike } from '../QueryView';

interface SignalTrendsCardProps {
  query: QueryLike & { data?: SignalsTrendsResponse };
}

/**
 * Signal Trends: every KPI strip figure per week (Monday-based, UTC) from /trends. The rate series
 * show at first; the legend buttons toggle each series, and the table view lists them all.
 */
export function SignalTrendsCard({ query }: SignalTrendsCardProps) {
  const colors = useChartColors();
  const reply = query.data;
  const series = useMemo(() => reply?.series ?? [], [reply]);
  const weeks = useMemo(() => reply?.weeks ?? [], [reply]);
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const seriesKey = series.map((s) => s.key).join(',');
  useEffect(() => setShown(initiallyShown(series)), [seriesKey]);
  const visible = series.map((s, i) => ({ s, color: colors[i % colors.length]!, on: shown[s.label] ?? false })).filter((x) => x.on);
  const option = useMemo(() => {
    const base = linesOption(
      weeks.map(weekLabel),
      visible.map((x) => ({ name: x.s.label, values: x.s.values })),
      visible.map((x) => x.color),
      { yName: visible.every((x) => x.s.format === 'percent') && visible.length > 0 ? 'Rate (%)' : 'Value' },
    );
    return { ...base, legend: { show: false } };
  }, [weeks, visible.map((x) => x.s.key).join(','), colors]);
  const summary = visible.map((x) => `${x.s.label} ${formatSignalsKpi(x.s.values[x.s.values.length - 1], x.s.format, x.s.key)} in the last week`).join(', ');
  return (
    <ChartCard title="Signal Trends" subtitle="Each KPI per week (weeks start on Monday, UTC); undated cases are left out." testId="signal-trends">
      <QueryView query={query} loadingLabel="Loading the weekly trends…" empty={weeks.length === 0} emptyText="No dated cases in this range, so there are no weekly trends.">
        <div className="mb-2 flex flex-wrap gap-2" role="group" aria-label="Series shown">
          {series.map((s, i) => {
            const on = shown[s.label] ?? false;
            return (
              <button
                key={s.key}
                type="button"
                aria-pressed={on}
                onClick={() => setShown((prev) => ({ ...prev, [s.label]: !on }))}
                className={cn('flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs', on ? 'border-line bg-white text-ink' : 'border-transparent bg-canvas text-ink-muted line-through')}
                data-testid={`signal-trends-toggle-${s.key}`}
              >
                <span className="h-2 w-2 rounded-full" style={{ backgroundColor: colors[i % colors.length] }} aria-hidden="true" />
                {s.label}
              </button>
            );
          })}
        </div>
        <div data-testid="signal-trends-chart" data-weeks={weeks.length} data-series={visible.map((x) => x.s.key).join(',')}>
          <EChart option={option} height={300} ariaLabel={`Weekly signal trends over ${weeks.length} weeks${summary ? `: ${summary}` : ''}`} />
        </div>
        <ChartTable
          caption="Each KPI per week"
          headers={['Week of', 'Cases', ...series.map((s) => s.label)]}
          rows={weeks.map((w, i) => [w, reply?.cases[i] ?? 0, ...series.map((s) => formatSignalsKpi(s.values[i], s.format, s.key))])}
          testId="signal-trends-table"
        />
      </QueryView>
    </ChartCard>
  );
}
