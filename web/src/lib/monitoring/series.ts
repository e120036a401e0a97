import type { ClassificationTrendsResponse, TrendPoint } from './types';

export interface NamedValues {
  name: string;
  values: Array<number | null>;
}

/** Buckets in time order and one series of averages per metric, null where a metric has no bucket. */
export function trendSeries(points: readonly Pick<TrendPoint, 'timestamp' | 'metric' | 'avg'>[], metrics: readonly string[]): { buckets: string[]; series: NamedValues[] } {
  const buckets = [...new Set(points.map((p) => p.timestamp))].sort();
  const index = new Map(buckets.map((b, i) => [b, i]));
  const names = metrics.length > 0 ? metrics : [...new Set(points.map((p) => p.metric))].sort();
  const series = names.map((name) => {
    const values: Array<number | null> = buckets.map(() => null);
    for (const p of points) if (p.metric === name) values[index.get(p.timestamp)!] = p.avg ?? null;
    return { name, values };
  });
  return { buckets, series };
}

/** Classification counts per bucket as one stack series per label (0 where a label is absent). */
export function classificationSeries(reply: Pick<ClassificationTrendsResponse, 'data' | 'unique_categories'> | undefined): { buckets: string[]; series: Array<{ name: string; values: number[] }> } {
  const data = reply?.data ?? [];
  const buckets = data.map((d) => d.timestamp);
  const labels = reply?.unique_categories ?? [...new Set(data.flatMap((d) => Object.keys(d.categories ?? {})))].sort();
  return { buckets, series: labels.map((name) => ({ name, values: data.map((d) => d.categories?.[name] ?? 0) })) };
}
