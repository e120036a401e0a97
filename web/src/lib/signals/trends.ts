import type { SignalsTrendSeries } from './types';

/** "10 Mar" for a week's Monday (YYYY-MM-DD, UTC). */
export function weekLabel(monday: string): string {
  const d = new Date(`${monday}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? monday : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** Which series the chart shows at first: the rate series (percentages share one scale); every series when there is no rate. */
export function initiallyShown(series: readonly SignalsTrendSeries[]): Record<string, boolean> {
  const anyRate = series.some((s) => s.aggregation === 'rate');
  return Object.fromEntries(series.map((s) => [s.label, !anyRate || s.aggregation === 'rate']));
}

/** The weekly series of one KPI strip entry, by its key. */
export function seriesOf(series: readonly SignalsTrendSeries[] | undefined, key: string): SignalsTrendSeries | undefined {
  return series?.find((s) => s.key === key);
}
