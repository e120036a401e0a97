import { useMemo, useState } from 'react';
import type { FilterParams } from '../../lib/monitoring/filters';
import { formatLatency } from '../../lib/monitoring/format';
import { useLatency } from '../../lib/monitoring/queries';
import type { GroupBy } from '../../lib/monitoring/types';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { binnedBarsOption } from '../charts/seriesOptions';
import { useChartColors } from '../charts/useChartColors';
import { QueryView } from '../QueryView';
import { SelectField } from '../SelectField';
import { GROUP_BY_OPTIONS } from './groupBy';

/** Latency histogram with P50/P95/P99 markers, and the percentiles per group when grouped. */
export function LatencyCard({ params }: { params: FilterParams }) {
  const colors = useChartColors();
  const [groupBy, setGroupBy] = useState<GroupBy | ''>('');
  const latency = useLatency(params, groupBy);
  const p = latency.data?.percentiles;
  const counts = latency.data?.histogram?.counts ?? [];
  const option = useMemo(
    () =>
      binnedBarsOption(counts, latency.data?.histogram?.edges ?? [], colors[0]!, [
        { label: 'P50', value: p?.p50 },
        { label: 'P95', value: p?.p95 },
        { label: 'P99', value: p?.p99 },
      ], ' ms'),
    [counts, latency.data, colors, p],
  );
  const groups = Object.entries(latency.data?.by_group ?? {});
  return (
    <ChartCard
      title="Latency"
      subtitle={
        <span data-testid="latency-percentiles">
          P50 {formatLatency(p?.p50)} · P95 {formatLatency(p?.p95)} · P99 {formatLatency(p?.p99)}
        </span>
      }
      actions={<SelectField label="Group by" value={groupBy} options={GROUP_BY_OPTIONS} emptyLabel="None" onChange={(v) => setGroupBy(v as GroupBy | '')} testId="latency-group-by" />}
      testId="latency-card"
    >
      <QueryView query={latency} loadingLabel="Loading latency…" empty={counts.every((c) => c === 0)} emptyText="No latency values in this window.">
        <EChart option={option} height={240} ariaLabel="Latency histogram" />
        {groups.length > 0 ? (
          <table className="mt-3 w-full text-left text-xs" data-testid="latency-groups">
            <thead className="text-[11px] uppercase tracking-wide text-ink-muted">
              <tr>
                <th className="py-1 font-semibold">Group</th>
                <th className="py-1 text-right font-semibold">P50</th>
                <th className="py-1 text-right font-semibold">P95</th>
                <th className="py-1 text-right font-semibold">P99</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {groups.map(([name, g]) => (
                <tr key={name}>
                  <td className="py-1 text-ink">{name}</td>
                  <td className="py-1 text-right tabular-nums">{formatLatency(g.percentiles?.p50)}</td>
                  <td className="py-1 text-right tabular-nums">{formatLatency(g.percentiles?.p95)}</td>
                  <td className="py-1 text-right tabular-nums">{formatLatency(g.percentiles?.p99)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </QueryView>
    </ChartCard>
  );
}
