import { X } from 'lucide-react';
import { useMemo } from 'react';
import type { KpiScope } from '../../lib/kpi/api';
import { formatKpiValue } from '../../lib/kpi/format';
import { useKpiTrends } from '../../lib/kpi/queries';
import { kpiTrendSeries, trendLines } from '../../lib/kpi/trends';
import type { KpiItem } from '../../lib/kpi/types';
import { ChartTable } from '../charts/ChartTable';
import { EChart } from '../charts/EChart';
import { useChartColors } from '../charts/useChartColors';
import { QueryView } from '../QueryView';
import { kpiTrendOption } from './kpiChartOptions';

interface KpiTrendPanelProps {
  scope: KpiScope;
  kpi: KpiItem;
  onClose: () => void;
}

/** The chosen KPI's daily values with the lines the server names (daily, 7-day and 30-day averages by default). */
export function KpiTrendPanel({ scope, kpi, onClose }: KpiTrendPanelProps) {
  const colors = useChartColors();
  const names = useMemo(() => [kpi.kpi_name], [kpi.kpi_name]);
  const trends = useKpiTrends(scope, names);
  const label = kpi.display_name ?? kpi.kpi_name;
  const { dates, series } = useMemo(() => kpiTrendSeries(trends.data?.data ?? [], kpi.kpi_name, trendLines(trends.data?.trend_lines)), [trends.data, kpi.kpi_name]);
  const option = useMemo(() => kpiTrendOption(dates, series, colors, label), [dates, series, colors, label]);
  const fmt = (v: number | undefined) => formatKpiValue(v, kpi.unit);
  return (
    <div className="rounded-xl border bg-white p-4" data-testid="kpi-trend" data-kpi={kpi.kpi_name}>
      <div className="mb-2 flex items-start justify-between gap-3">
        <div>
          <h4 className="text-sm font-semibold text-ink">{label}: daily trend</h4>
          <p className="text-[11px] text-ink-muted">One point per UTC day; the averages are the mean of the day and the 6 or 29 days with data before it.</p>
        </div>
        <button type="button" onClick={onClose} className="rounded p-1 text-ink-muted hover:text-ink" aria-label={`Close the ${label} trend`} data-testid="kpi-trend-close">
          <X className="h-4 w-4" aria-hidden="true" />
        </button>
      </div>
      <QueryView query={trends} loadingLabel="Loading the trend…" empty={dates.length === 0} emptyText="No daily values for this KPI in view.">
        <div data-testid="kpi-trend-chart" data-points={dates.length}>
          <EChart option={option} height={280} ariaLabel={`${label} per day with ${series.map((s) => s.name.toLowerCase()).join(', ')}`} />
        </div>
        <ChartTable
          caption={`${label} per day`}
          headers={['Date', ...series.map((s) => s.name)]}
          rows={dates.map((d, i) => [d, ...series.map((s) => fmt(s.values[i]))])}
          testId="kpi-trend-table"
        />
      </QueryView>
    </div>
  );
}
