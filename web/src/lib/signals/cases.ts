import type { FilterConfig, SignalsCase } from './types';

export interface ChatMessage {
  role: string;
  content: string;
}

export interface CountRow {
  name: string;
  count: number;
  /** Percentage of the cases given. */
  rate: number;
}

/** JSON text of an object or array parsed; anything else unchanged. */
export function parseJsonish(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!(text.startsWith('{') || text.startsWith('['))) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

export function isTruthy(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return ['true', 'yes', '1'].includes(value.trim().toLowerCase());
  return false;
}

/** The messages of a case's Full_Conversation: a list, {messages:[…]}, or JSON text of either. */
export function conversationOf(c: SignalsCase): ChatMessage[] {
  const value = parseJsonish(c.Full_Conversation);
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? (value as { messages?: unknown }).messages : null;
  if (!Array.isArray(list)) return [];
  return list
    .filter((m): m is Record<string, unknown> => !!m && typeof m === 'object')
    .map((m) => ({ role: String(m.role ?? 'user'), content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '') }));
}

/** The values a case holds for a field: list items of a list (or JSON list), else the one value as text. */
export function valuesOf(c: SignalsCase, key: string): string[] {
  const value = parseJsonish(c[key]);
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== '').map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}

/** How many cases hold each value (or list item) of a field, most common first. */
export function distribution(cases: readonly SignalsCase[], key: string, limit?: number): CountRow[] {
  const counts = new Map<string, number>();
  for (const c of cases) for (const v of new Set(valuesOf(c, key))) counts.set(v, (counts.get(v) ?? 0) + 1);
  const rows = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => ({ name, count, rate: cases.length ? (100 * count) / cases.length : 0 }));
  return limit ? rows.slice(0, limit) : rows;
}

/** Share of cases whose field is truthy. */
export function booleanRate(cases: readonly SignalsCase[], key: string): { count: number; total: number; rate: number } {
  const count = cases.filter((c) => isTruthy(c[key])).length;
  return { count, total: cases.length, rate: cases.length ? (100 * count) / cases.length : 0 };
}

/** The case field a filter reads: the source field itself, or `{metric}__{signal}`. */
export function filterKey(f: FilterConfig): string {
  return f.type === 'source' ? (f.field ?? '') : `${f.metric ?? ''}__${f.signal ?? ''}`;
}

/** The filter's configured options, else the values present in the cases. */
export function filterOptions(f: FilterConfig, cases: readonly SignalsCase[]): string[] {
  if (f.options && f.options.length > 0) return f.options;
  return [...new Set(cases.flatMap((c) => valuesOf(c, filterKey(f))))].sort();
}

/** Cases that, for every chosen filter, hold at least one of the chosen values. */
export function filterCases(cases: readonly SignalsCase[], chosen: Record<string, string[]>): SignalsCase[] {
  const active = Object.entries(chosen).filter(([, v]) => v.length > 0);
  if (active.length === 0) return [...cases];
  return cases.filter((c) => active.every(([key, values]) => valuesOf(c, key).some((v) => values.includes(v))));
}

/** Sorted copy: numbers numerically, the rest as text; empty values last. */
export function sortCases(cases: readonly SignalsCase[], key: string, dir: 'asc' | 'desc'): SignalsCase[] {
  const sign = dir === 'asc' ? 1 : -1;
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  return [...cases].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (empty(x) || empty(y)) return empty(x) === empty(y) ? 0 : empty(x) ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), undefined, { numeric: true });
  });
}

const DURATION_UNITS: Array<[RegExp, number]> = [
  [/(^|_)(ms|millis|milliseconds?)($|_)/, 0.001],
  [/(^|_)(mins?|minutes?)($|_)/, 60],
  [/(^|_)(hrs?|hours?)($|_)/, 3600],
  [/(^|_)days?($|_)/, 86400],
];

/** Seconds in one unit of a duration signal, read from its name ("…_minutes" → 60); seconds otherwise. */
export function durationUnit(key: string): number {
  const name = key.toLowerCase();
  return DURATION_UNITS.find(([re]) => re.test(name))?.[1] ?? 1;
}

/** A signals KPI value by its format: percent (already 0–100), duration (unit from the key's name), else a number. */
export function formatSignalsKpi(value: number | null | undefined, format: string | undefined, key = ''): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  switch (format) {
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'duration': {
      const s = value * durationUnit(key);
      return s >= 86400 ? `${(s / 86400).toFixed(1)}d` : s >= 3600 ? `${(s / 3600).toFixed(1)}h` : s >= 60 ? `${(s / 60).toFixed(1)}m` : `${s.toFixed(1)}s`;
    }
    case 'compact':
      return Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
    default:
      return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
  }
}
