import type { Row } from '../evaluate/types';

const LEADING = ['timestamp', 'source_name', 'environment', 'query', 'metric_name', 'metric_score'];

/** Table columns for monitoring rows: the usual ones that exist, then every *_score column, then latency. */
export function recordColumns(rows: readonly Row[]): string[] {
  const keys = new Set(rows.flatMap((r) => Object.keys(r)));
  const scores = [...keys].filter((k) => k.endsWith('_score') && k !== 'metric_score');
  return [...LEADING.filter((k) => keys.has(k)), ...scores, ...(keys.has('latency') ? ['latency'] : [])];
}

/** A row's identifier for keys and headings. */
export function recordId(row: Row, index: number): string {
  const id = row.dataset_id ?? row.id ?? row.trace_id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `row-${index + 1}`;
}
