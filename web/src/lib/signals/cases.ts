import type { FilterConfig, SignalsCase } from './types';

export interface ChatMessage {
  role: string;
  content: string;
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

/** The list of a conversation value: a list, {messages:[…]}, or JSON text of either; null for anything else. */
export function messageListOf(raw: unknown): unknown[] | null {
  const value = parseJsonish(raw);
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? (value as { messages?: unknown }).messages : null;
  return Array.isArray(list) ? list : null;
}

/** The messages of a conversation value (see messageListOf); items that are not objects are skipped. */
export function messagesOf(raw: unknown): ChatMessage[] {
  return (messageListOf(raw) ?? [])
    .filter((m): m is Record<string, unknown> => !!m && typeof m === 'object')
    .map((m) => ({ role: String(m.role ?? 'user'), content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '') }));
}

/** The messages of a case's Full_Conversation. */
export function conversationOf(c: SignalsCase): ChatMessage[] {
  return messagesOf(c.Full_Conversation);
}

/**
 * The values a case holds for a field: list items of a list (or JSON list), else the one value as text.
 * The server reads a field the same way when it filters cases and counts chart values (src/signals/case_values.h).
 */
export function valuesOf(c: SignalsCase, key: string): string[] {
  const value = parseJsonish(c[key]);
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== '').map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}

/** The case field a filter reads: the source field itself, or `{metric}__{signal}`. */
export function filterKey(f: FilterConfig): string {
  return f.type === 'source' ? (f.field ?? '') : `${f.metric ?? ''}__${f.signal ?? ''}`;
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
