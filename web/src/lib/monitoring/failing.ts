import type { Row } from '../evaluate/types';

/** The thresholds the Top Failing Outputs table offers; 0.5 (the default pass line) is the default. */
export const FAIL_THRESHOLDS = ['0.3', '0.5', '0.7', '0.8', '0.9'] as const;
export const DEFAULT_FAIL_THRESHOLD = '0.5';
export const FAILING_ROWS = 15;

/** Where a table keeps its scores: `metric_score` (long format, one metric per row) or one `*_score` column per metric (wide). */
export interface ScoreLayout {
  long: boolean;
  /** Wide format: the score columns, in table order. */
  columns: string[];
}

export function scoreLayout(columnNames: readonly string[]): ScoreLayout {
  if (columnNames.includes('metric_score')) return { long: true, columns: ['metric_score'] };
  return { long: false, columns: columnNames.filter((c) => c.endsWith('_score')) };
}

export function parseThreshold(value: string | null): string {
  return FAIL_THRESHOLDS.find((t) => t === value) ?? DEFAULT_FAIL_THRESHOLD;
}

/**
 * The store-browsing parameters of the lowest scores: sorted ascending on the score column (nulls
 * last), the first 15; long format keeps SCORE rows and the chosen metric.
 */
export function failingQuery(layout: ScoreLayout, metric: string): { column: string; params: Record<string, string | number | undefined> } {
  const column = layout.long ? 'metric_score' : metric || layout.columns[0] || '';
  return {
    column,
    params: {
      sort_by: column,
      sort_dir: 'asc',
      page: 1,
      page_size: FAILING_ROWS,
      metric_category: layout.long ? 'SCORE' : undefined,
      metric_name: layout.long ? metric || undefined : undefined,
    },
  };
}

export interface FailingRow {
  row: Row;
  metric: string;
  score: number;
}

/** The rows whose score is below the threshold (strictly), in the server's order. */
export function failingRows(rows: readonly Row[], column: string, threshold: number): FailingRow[] {
  return rows.flatMap((row) => {
    const score = row[column];
    if (typeof score !== 'number' || !Number.isFinite(score) || score >= threshold) return [];
    const metric = column === 'metric_score' ? String(row.metric_name ?? 'score') : column.replace(/_score$/, '');
    return [{ row, metric, score }];
  });
}

/** A row's trace id: `trace_id`, else the `dataset_id` that names the traced interaction. */
export function traceIdOf(row: Row): string {
  const id = row.trace_id ?? row.dataset_id ?? row.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}
