import type { CorrelationResponse, ScorecardNode, SummaryResponse } from './types';

type MetricSummary = SummaryResponse['summary'][number];

/** Metric names that no other node names as parent, in the server's order. */
export function leafMetricNames(nodes: readonly Pick<ScorecardNode, 'metric_name' | 'parent'>[]): string[] {
  const parents = new Set(nodes.map((n) => n.parent).filter((p): p is string => typeof p === 'string' && p !== ''));
  const out: string[] = [];
  for (const n of nodes) {
    if (typeof n.metric_name === 'string' && !parents.has(n.metric_name) && !out.includes(n.metric_name)) out.push(n.metric_name);
  }
  return out;
}

/**
 * Share of all metric scores at or above the pass mark, from the server's per-metric passing rates
 * weighted by their counts. Null when the summary has no usable rows.
 */
export function overallPassRate(summary: readonly Pick<MetricSummary, 'metric_name' | 'passing_rate' | 'count'>[] | undefined): number | null {
  let passed = 0;
  let total = 0;
  for (const row of summary ?? []) {
    const rate = row?.passing_rate;
    const count = row?.count;
    if (typeof rate !== 'number' || !Number.isFinite(rate) || typeof count !== 'number' || count <= 0) continue;
    passed += rate * count;
    total += count;
  }
  return total > 0 ? passed / total : null;
}

/** The correlation object as a square matrix in the server's metric order (null where missing). */
export function correlationMatrix(response: Pick<CorrelationResponse, 'metrics' | 'correlation'> | undefined): { labels: string[]; values: Array<Array<number | null>> } {
  const corr = response?.correlation ?? {};
  const labels = response?.metrics?.length ? response.metrics : Object.keys(corr);
  const values = labels.map((a) =>
    labels.map((b) => {
      const v = corr[a]?.[b] ?? corr[b]?.[a];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
  );
  return { labels, values };
}
