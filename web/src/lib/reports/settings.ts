import type { ReportRequest, ReportSettings } from './types';

export const DEFAULT_MODES = ['low', 'high', 'overall'];
export const DEFAULT_REPORT_TYPES = ['summary', 'detailed', 'grouped', 'recommendations'];

export const DEFAULT_SETTINGS: ReportSettings = { mode: 'low', reportType: 'summary', scoreThreshold: 0.5, maxIssues: 100 };

export const MODE_LABELS: Record<string, string> = { low: 'Low scores', high: 'High scores', overall: 'Overall' };

/** The server's list when it sent one, else the defaults. */
export function optionsOr(list: unknown, fallback: string[]): string[] {
  const values = Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string' && v !== '') : [];
  return values.length > 0 ? values : fallback;
}

/** The wanted value when offered, else the first option. */
export function pickOption(options: string[], wanted: string): string {
  return options.includes(wanted) ? wanted : (options[0] ?? wanted);
}

/** "recommendations" → "Recommendations". */
export function optionLabel(value: string): string {
  const words = value.replace(/_/g, ' ');
  return MODE_LABELS[value] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

export function clampThreshold(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_SETTINGS.scoreThreshold;
  return Math.min(1, Math.max(0, value));
}

export function clampMaxIssues(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_SETTINGS.maxIssues;
  return Math.max(1, Math.round(value));
}

export function reportRequest(datasetId: string, s: ReportSettings): ReportRequest {
  return {
    dataset_id: datasetId,
    mode: s.mode,
    report_type: s.reportType,
    extraction_config: { score_threshold: clampThreshold(s.scoreThreshold), max_issues: clampMaxIssues(s.maxIssues) },
  };
}
