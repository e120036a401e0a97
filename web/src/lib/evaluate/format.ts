import type { DatasetFormat } from './types';

function isNum(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A 0–1 score with three decimals ("0.823"); "—" when missing. */
export function formatScore(value: unknown, digits = 3): string {
  return isNum(value) ? value.toFixed(digits) : '—';
}

/** A fraction as a percentage ("0.254" → "25.4%"). */
export function formatPercent(fraction: unknown, digits = 1): string {
  return isNum(fraction) ? `${(fraction * 100).toFixed(digits)}%` : '—';
}

/** A value that already is a percentage, with its sign ("+4.2%"). */
export function formatPercentChange(percent: unknown, digits = 1): string {
  if (!isNum(percent)) return '—';
  const sign = percent > 0 ? '+' : '';
  return `${sign}${percent.toFixed(digits)}%`;
}

/** A signed difference ("+0.042", "−0.013"). */
export function formatSigned(value: unknown, digits = 3): string {
  if (!isNum(value)) return '—';
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return value > 0 ? `+${text}` : `−${text}`;
}

export function formatPValue(p: unknown): string {
  if (!isNum(p)) return '—';
  if (p < 0.001) return '<0.001';
  return p.toFixed(3);
}

/** Stars for a two-sided p-value: *** <0.001, ** <0.01, * <0.05. */
export function starsFor(p: unknown): string {
  if (!isNum(p)) return '';
  if (p < 0.001) return '***';
  if (p < 0.01) return '**';
  if (p < 0.05) return '*';
  return '';
}

export function formatCount(value: unknown): string {
  return isNum(value) ? Math.round(value).toLocaleString('en-US') : '—';
}

/** Weight as given ("1", "0.25"). */
export function formatWeight(value: unknown): string {
  if (!isNum(value)) return '—';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

export type ScoreTone = 'success' | 'warning' | 'error' | 'neutral';

/** Score colour bands: ≥0.7 good, ≥0.5 borderline, below that failing. */
export function scoreTone(value: unknown): ScoreTone {
  if (!isNum(value)) return 'neutral';
  if (value >= 0.7) return 'success';
  if (value >= 0.5) return 'warning';
  return 'error';
}

/** Tree node colour bands: ≥0.7 success, ≤0.3 error, warning between, neutral when unscored. */
export function treeTone(value: unknown): ScoreTone {
  if (!isNum(value)) return 'neutral';
  if (value >= 0.7) return 'success';
  if (value <= 0.3) return 'error';
  return 'warning';
}

export const TONE_HEX: Record<ScoreTone, string> = {
  success: '#27AE60',
  warning: '#F39C12',
  error: '#E74C3C',
  neutral: '#B8C5D3',
};

export const TONE_TEXT: Record<ScoreTone, string> = {
  success: 'text-success',
  warning: 'text-warning',
  error: 'text-error',
  neutral: 'text-ink-muted',
};

/** Cohen's d label by |d|: <0.2 negligible, <0.5 small, <0.8 medium, else large. */
export function effectLabel(d: unknown): string {
  if (!isNum(d)) return '—';
  const a = Math.abs(d);
  if (a < 0.2) return 'negligible';
  if (a < 0.5) return 'small';
  if (a < 0.8) return 'medium';
  return 'large';
}

const FORMAT_LABELS: Record<string, string> = {
  tree_format: 'Tree format',
  flat_format: 'Flat format',
  simple_judgment: 'Simple judgment',
  fresh_annotation: 'Fresh annotation',
  eval_runner: 'Eval runner',
};

export function formatLabel(format: DatasetFormat | null | undefined): string {
  if (!format) return 'Unknown format';
  return FORMAT_LABELS[format] ?? format;
}

/** Formats the scorecard and tree can read: one row per case and metric with a score and optional parent. */
export function isHierarchicalFormat(format: DatasetFormat | null | undefined): boolean {
  return format === 'tree_format' || format === 'flat_format';
}

/** "2025-01-31T10:20:00Z" → "31 Jan 2025, 10:20" in the browser's zone; raw text when unparseable. */
export function formatDateTime(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Shortens long text to max characters on a word boundary, with an ellipsis. */
export function truncate(text: unknown, max = 120): string {
  if (text === null || text === undefined) return '';
  const s = String(text);
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A cell value as display text; objects as compact JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
