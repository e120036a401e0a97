import { useMemo, useState } from 'react';
import type { CategorySource } from '../../lib/monitoring/api';
import type { FilterParams } from '../../lib/monitoring/filters';
import { bucketLabel } from '../../lib/monitoring/format';
import { useClassificationBreakdown, useClassificationTrends } from '../../lib/monitoring/queries';
import { classificationSeries } from '../../lib/monitoring/series';
import type { Granularity } from '../../lib/monitoring/types';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { countBarsOption, stackedBarsOption } from '../charts/seriesOptions';
import { useChartColors } from '../charts/useChartColors';
import { QueryView } from '../QueryView';
import { Segmented } from '../Segmented';
import { SelectField } from '../SelectField';
import { GranularitySwitch } from './GranularitySwitch';

interface ClassificationCardProps {
  params: FilterParams;
  granularity: Granularity;
  onGranularity: (g: Granularity) => void;
}

const SOURCES: Array<{ value: CategorySource; label: string }> = [
  { value: 'explanation', label: 'Explanation' },
  { value: 'actual_output', label: 'Output' },
];

/** Label counts of one classification metric and how they move over time. */
export function ClassificationCard({ params, granularity, onGranularity }: ClassificationCardProps) {
  const colors = useChartColors();
  const [source, setSource] = useState<CategorySource>('explanation');
  const [picked, setPicked] = useState('');
  const breakdown = useClassificationBreakdown(params, source);
  // Labels of rows without a metric name come as metric_name null: they cannot be picked (nor trended).
  const metrics = (breakdown.data?.metrics ?? []).filter((m): m is typeof m & { metric_name: string } => m.metric_name !== null);
  const current = metrics.find((m) => m.metric_name === picked) ?? metrics[0];
  const trends = useClassificationTrends(params, current?.metric_name ?? null, granularity, source);
  const barOption = useMemo(
    () => countBarsOption((current?.categories ?? []).map((c) => ({ name: c.value, value: c.count })), colors),
    [current, colors],
  );
  const { buckets, series } = useMemo(() => classificationSeries(trends.data), [trends.data]);
  const trendOption = useMemo(
    () => stackedBarsOption(buckets.map((b) => bucketLabel(b, granularity)), series, colors),
    [buckets, series, colors, granularity],
  );
  return (
    <div className="space-y-6" data-testid="classification">
      <div className="flex flex-wrap items-center gap-4 rounded-xl border bg-white px-4 py-3 shadow-card">
        <SelectField label="Metric" value={current?.metric_name ?? ''} options={metrics.map((m) => m.metric_name)} onChange={setPicked} testId="classification-metric" />
        <span className="flex items-center gap-2 text-xs font-medium text-ink-muted">
          Label from
          <Segmented options={SOURCES} value={source} onChange={setSource} label="Label source" testIdPrefix="classification-source" />
        </span>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <ChartCard title="Label counts" subtitle={current ? `${current.total_count ?? 0} classified records of ${current.metric_name}` : undefined} testId="classification-breakdown">
          <QueryView query={breakdown} loadingLabel="Loading classifications…" empty={!current} emptyText="No classification metrics in this data.">
            <EChart option={barOption} height={Math.max(200, (current?.categories?.length ?? 0) * 30 + 40)} ariaLabel="Classification label counts" />
            <ul className="mt-2 space-y-1 text-xs" data-testid="classification-values">
              {(current?.categories ?? []).map((c) => (
                <li key={c.value} className="flex justify-between gap-3">
                  <span className="truncate text-ink">{c.value}</span>
                  <span className="tabular-nums text-ink-muted">
                    {c.count} · {c.percentage ?? 0}%
                  </span>
                </li>
              ))}
            </ul>
          </QueryView>
        </ChartCard>
        <ChartCard title="Label trend" actions={<GranularitySwitch value={granularity} onChange={onGranularity} />} testId="classification-trends">
          {current ? (
            <QueryView query={trends} loadingLabel="Loading trend…" empty={buckets.length === 0}>
              <EChart option={trendOption} height={300} ariaLabel="Classification labels over time" />
            </QueryView>
          ) : (
            <p className="py-10 text-center text-sm text-ink-muted">Pick a classification metric.</p>
          )}
        </ChartCard>
      </div>
    </div>
  );
}
