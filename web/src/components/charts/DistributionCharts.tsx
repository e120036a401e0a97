import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getDistribution } from '../../lib/evaluate/api';
import { formatScore } from '../../lib/evaluate/format';
import { evalKeys, useDistribution } from '../../lib/evaluate/queries';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';
import { boxplotOption, histogramOption, type BoxItem } from './options';
import { useChartColors } from './useChartColors';

const BINS = 20;

function HistogramCard({ datasetId, metric, color }: { datasetId: string; metric: string; color: string }) {
  const { data, isPending, isError, error, refetch } = useDistribution(datasetId, metric, BINS);
  const option = useMemo(
    () => histogramOption(data?.histogram?.counts ?? [], data?.histogram?.bin_edges ?? [], color, metric),
    [data, color, metric],
  );
  const stats = data?.stats;
  return (
    <ChartCard
      title={metric}
      subtitle={
        stats
          ? `mean ${formatScore(stats.mean)} · median ${formatScore(stats.median)} · std ${formatScore(stats.std)} · IQR ${formatScore(stats.q25)}–${formatScore(stats.q75)}`
          : undefined
      }
      testId={`histogram-${metric}`}
    >
      {isPending ? <LoadingBlock label="Loading distribution…" /> : null}
      {isError ? <ErrorBlock error={error} onRetry={() => void refetch()} /> : null}
      {data ? <EChart option={option} height={220} ariaLabel={`Histogram of ${metric}`} /> : null}
    </ChartCard>
  );
}

export function HistogramGrid({ datasetId, metrics }: { datasetId: string; metrics: string[] }) {
  const colors = useChartColors();
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="histogram-grid">
      {metrics.map((m, i) => (
        <HistogramCard key={m} datasetId={datasetId} metric={m} color={colors[i % colors.length]!} />
      ))}
    </div>
  );
}

function boxFor(metric: string, values: number[] | undefined, stats: { median?: number | null; q25?: number | null; q75?: number | null } | undefined): BoxItem | null {
  const finite = (values ?? []).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0 || !stats) return null;
  const { median, q25, q75 } = stats;
  if (typeof median !== 'number' || typeof q25 !== 'number' || typeof q75 !== 'number') return null;
  return { name: metric, min: Math.min(...finite), q1: q25, median, q3: q75, max: Math.max(...finite) };
}

export function BoxPlotCard({ datasetId, metrics }: { datasetId: string; metrics: string[] }) {
  const colors = useChartColors();
  const results = useQueries({
    queries: metrics.map((metric) => ({
      queryKey: evalKeys.distribution(datasetId, metric, BINS),
      queryFn: ({ signal }: { signal: AbortSignal }) => getDistribution(datasetId, metric, BINS, signal),
      retry: false,
    })),
  });
  const pending = results.some((r) => r.isPending);
  const failed = results.find((r) => r.isError);
  const items = results
    .map((r, i) => boxFor(metrics[i]!, r.data?.values, r.data?.stats))
    .filter((b): b is BoxItem => b !== null);
  const itemsKey = JSON.stringify(items);
  const option = useMemo(() => boxplotOption(JSON.parse(itemsKey) as BoxItem[], colors), [itemsKey, colors]);
  return (
    <ChartCard title="Box plot" subtitle="Quartiles from the server; whiskers span the lowest and highest score." testId="boxplot-card">
      {pending ? <LoadingBlock label="Loading distributions…" /> : null}
      {failed ? <ErrorBlock error={failed.error} /> : null}
      {!pending && items.length > 0 ? <EChart option={option} height={360} ariaLabel="Box plot of metric scores" testId="boxplot-chart" /> : null}
    </ChartCard>
  );
}
