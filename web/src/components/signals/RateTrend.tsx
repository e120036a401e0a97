import { X } from 'lucide-react';
import { useMemo } from 'react';
import { formatSignalsKpi } from '../../lib/signals/cases';
import { weekLabel } from '../../lib/signals/trends';
import type { SignalsTrendSeries } from '../../lib/signals/types';
import { ChartTable } from '../charts/ChartTable';
import { EChart } from '../charts/EChart';
import { linesOption } from '../charts/seriesOptions';
import { useChartColors } from '../charts/useChartColors';

interface RateTrendProps {
  series: SignalsTrendSeries;
  weeks: readonly string[];
  onClose: () => void;
}

/** One rate KPI per week, opened from its card: a line, and a table with the cases that had no value. */
export function RateTrend({ series, weeks, onClose }: RateTrendProps) {
  const colors = useChartColors();
  const option = useMemo(() => linesOption(weeks.map(weekLabel), [{ name: series.label, values: series.values }], colors, { yName: series.format === 'percent' ? 'Rate (%)' : undefined, yMax: series.format === 'percent' ? 100 : undefined }), [weeks, series, colors]);
  const fmt = (v: number | null | undefined) => formatSignalsKpi(v, series.format, series.key);
  return (
    <div className="rounded-xl border bg-white p-4 shadow-card" data-testid="signals-rate-trend" data-key={series.key}>
      <div className="mb-1 flex items-start justify-between gap-3">
        <h3 className="text-sm font-semibold text-ink">{series.label} per week</h3>
        <button type="button" onClick={onClose} className="rounded p-1 text-ink-muted hover:text-ink" aria-label={`Close the ${series.label} weekly trend`}>
          <X className="h-4 w-4" aria-hidden="true" />
        </button>
      </div>
      {weeks.length === 0 ? (
        <p className="py-6 text-center text-sm text-ink-muted">No dated cases in this range.</p>
      ) : (
        <>
          <EChart option={option} height={200} ariaLabel={`${series.label} per week: ${weeks.map((w, i) => `${weekLabel(w)} ${fmt(series.values[i])}`).join(', ')}`} />
          <ChartTable caption={`${series.label} per week`} headers={['Week of', series.label, 'Without a value']} rows={weeks.map((w, i) => [w, fmt(series.values[i]), series.missing[i] ?? 0])} testId="signals-rate-trend-table" />
        </>
      )}
    </div>
  );
}
