import type { CaseFigures, ChartConfig, CountRow, TruthyRate } from './types';

/** How many values a chart lists: text lists 15 and ranked lists 8 unless configured; other charts all. */
export function listLimit(chart: ChartConfig): number | undefined {
  if (chart.type === 'text_list') return chart.limit ?? 15;
  if (chart.type === 'ranked_list') return chart.limit ?? 8;
  return undefined;
}

/** A chart's field: `{metric}__{signal}`. */
export function chartKey(chart: ChartConfig): string {
  return `${chart.metric}__${chart.signal}`;
}

/** The rows and the truthy rate a chart draws, from the server's figures (none while they load). */
export function chartFigures(figures: CaseFigures | undefined, chart: ChartConfig): { rows: CountRow[]; stat: TruthyRate } {
  const key = chartKey(chart);
  const all = figures?.distributions[key] ?? [];
  const limit = listLimit(chart);
  const rows = limit ? all.slice(0, limit) : all;
  const stat = figures?.rates[key] ?? { count: 0, total: figures?.total ?? 0, rate: 0 };
  return { rows, stat };
}
