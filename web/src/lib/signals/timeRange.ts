import { isoUtc, parseUtc } from '../monitoring/filters';

export type SignalsRange = '7d' | '30d' | '90d' | '6m' | '1y' | 'custom';

export const DEFAULT_RANGE: SignalsRange = '30d';

export const RANGE_OPTIONS: Array<{ value: SignalsRange; label: string }> = [
  { value: '7d', label: '7d' },
  { value: '30d', label: '30d' },
  { value: '90d', label: '90d' },
  { value: '6m', label: '6m' },
  { value: '1y', label: '1y' },
  { value: 'custom', label: 'Custom' },
];

const DAYS: Partial<Record<SignalsRange, number>> = { '7d': 7, '30d': 30, '90d': 90 };
const MONTHS: Partial<Record<SignalsRange, number>> = { '6m': 6, '1y': 12 };

/** The time window the case views take; empty = every case. */
export interface TimeWindow {
  time_start?: string;
  time_end?: string;
}

export function parseRange(value: string | null): SignalsRange {
  return RANGE_OPTIONS.find((o) => o.value === value)?.value ?? DEFAULT_RANGE;
}

/** `ms` moved back by whole calendar months in UTC (the day clamped to the shorter month: 31 Aug − 6m = 28/29 Feb). */
function monthsBack(ms: number, months: number): number {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/**
 * The window of a preset, counted back from the newest case's Timestamp (so a sample from last
 * year still shows its last 30 days): 7d/30d/90d are that many 24-hour days, 6m/1y calendar months;
 * both bounds inclusive. Custom takes two dates (YYYY-MM-DD, UTC): from its first second to its
 * last. Without a newest timestamp a preset has no window.
 */
export function rangeWindow(range: SignalsRange, newest: string | null | undefined, from = '', to = ''): TimeWindow {
  if (range === 'custom') {
    const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
    return { time_start: valid(from) ? `${from}T00:00:00Z` : undefined, time_end: valid(to) ? `${to}T23:59:59Z` : undefined };
  }
  const end = parseUtc(newest);
  if (end === null) return {};
  const days = DAYS[range];
  const start = days !== undefined ? end - days * 86_400_000 : monthsBack(end, MONTHS[range] ?? 0);
  return { time_start: isoUtc(start), time_end: isoUtc(end) };
}

/** "4 Mar 2025 – 31 Mar 2025 (UTC)" for a window. */
export function windowLabel(w: TimeWindow): string {
  const day = (iso?: string) => (iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '…');
  if (!w.time_start && !w.time_end) return 'every case';
  return `${day(w.time_start)} – ${day(w.time_end)} (UTC)`;
}
