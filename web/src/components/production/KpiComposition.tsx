import { PieChart } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { KpiScope } from '../../lib/kpi/api';
import { useKpiTrends } from '../../lib/kpi/queries';
import { compositionLatest, compositionSeries } from '../../lib/kpi/trends';
import type { CompositionChart } from '../../lib/kpi/types';
import { ChartTable } from '../charts/ChartTable';
import { EChart } from '../charts/EChart';
import { QueryView } from '../QueryView';
import { Segmented } from '../Segmented';
import { donutOption, stackedAreaOption } from './kpiChartOptions';

type View = 'donut' | 'area';

const VIEWS: Array<{ value: View; label: string }> = [
  { value: 'donut', label: 'Donut' },
  { value: 'area', label: 'Stacked area' },
];

const num = (v: number | null | undefined) => (typeof v === 'number' ? String(Number(v.toFixed(2))) : '—');

/** One configured composition chart: the newest day's parts as a donut, or every day's as a stacked area. */
export function KpiComposition({ scope, chart, index }: { scope: KpiScope; chart: CompositionChart; index: number }) {
  const [view, setView] = useState<View>('donut');
  const names = useMemo(() => chart.kpis.map((k) => k.kpi_name), [chart]);
  const trends = useKpiTrends(scope, names);
  const { dates, parts } = useMemo(() => compositionSeries(chart, trends.data?.data ?? []), [chart, trends.data]);
  const latest = useMemo(() => compositionLatest(dates, parts), [dates, parts]);
  const option = useMemo(() => (view === 'donut' ? donutOption(latest.slices) : stackedAreaOption(dates, parts)), [view, latest, dates, parts]);
  const testId = `kpi-composition-${index}`;
  return (
    <div className="rounded-xl border bg-white p-4" data-testid={testId}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h4 className="flex items-center gap-2 text-sm font-semibold text-ink">
          <PieChart className="h-4 w-4 text-primary" aria-hidden="true" />
          {chart.title}
        </h4>
        <Segmented options={VIEWS} value={view} onChange={setView} label={`${chart.title} chart type`} testIdPrefix={`${testId}-view`} />
      </div>
      <QueryView query={trends} loadingLabel="Loading the composition…" empty={dates.length === 0} emptyText="None of these KPIs has values in view.">
        {view === 'donut' ? <p className="text-[11px] text-ink-muted" data-testid={`${testId}-date`}>{latest.date}</p> : null}
        <EChart option={option} height={260} ariaLabel={view === 'donut' ? `${chart.title} on ${latest.date}: ${latest.slices.map((s) => `${s.name} ${num(s.value)}`).join(', ')}` : `${chart.title} per day, stacked`} />
        {view === 'donut' ? (
          <ChartTable caption={`${chart.title} on ${latest.date}`} headers={['Part', 'Value']} rows={latest.slices.map((s) => [s.name, num(s.value)])} testId={`${testId}-table`} />
        ) : (
          <ChartTable caption={`${chart.title} per day`} headers={['Date', ...parts.map((p) => p.name)]} rows={dates.map((d, i) => [d, ...parts.map((p) => num(p.values[i]))])} testId={`${testId}-table`} />
        )}
      </QueryView>
    </div>
  );
}
