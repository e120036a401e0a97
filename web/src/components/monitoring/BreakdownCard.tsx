import { useMemo, useState } from 'react';
import type { FilterParams } from '../../lib/monitoring/filters';
import { useBreakdown } from '../../lib/monitoring/queries';
import type { GroupBy, MetricBreakdown } from '../../lib/monitoring/types';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { groupedBarOption } from '../charts/options';
import { useChartColors } from '../charts/useChartColors';
import { QueryView } from '../QueryView';
import { SelectField } from '../SelectField';
import { GROUP_BY_OPTIONS } from './groupBy';
import { MetricBreakdownTable } from './MetricBreakdownTable';

/** Group names across the metrics, in first-seen order. */
function groupNames(metrics: readonly MetricBreakdown[]): string[] {
  return [...new Set(metrics.flatMap((m) => Object.keys(m.by_group ?? {})))];
}

/** Average and pass rate per metric; with a group, the averages per group side by side. */
export function BreakdownCard({ params, passThreshold }: { params: FilterParams; passThreshold: number }) {
  const colors = useChartColors();
  const [groupBy, setGroupBy] = useState<GroupBy | ''>('');
  const breakdown = useBreakdown(params, groupBy, passThreshold);
  const metrics = useMemo(() => breakdown.data?.metrics ?? [], [breakdown.data]);
  const groups = useMemo(() => groupNames(metrics), [metrics]);
  const option = useMemo(
    () =>
      groupedBarOption(
        metrics.map((m) => m.name),
        groups.map((g) => ({ name: g, values: metrics.map((m) => m.by_group?.[g]?.avg) })),
        colors,
      ),
    [metrics, groups, colors],
  );
  return (
    <ChartCard
      title="Breakdown by metric"
      subtitle={`Average score and pass rate (score ≥ ${passThreshold}) per metric.`}
      actions={<SelectField label="Group by" value={groupBy} options={GROUP_BY_OPTIONS} emptyLabel="None" onChange={(v) => setGroupBy(v as GroupBy | '')} testId="breakdown-group-by" />}
      testId="breakdown-card"
    >
      <QueryView query={breakdown} loadingLabel="Loading breakdown…" empty={metrics.length === 0} emptyText="No scored metrics in this window.">
        {groups.length > 0 ? <EChart option={option} height={280} ariaLabel="Average score per metric and group" testId="breakdown-chart" /> : null}
        <MetricBreakdownTable metrics={metrics} />
      </QueryView>
    </ChartCard>
  );
}
