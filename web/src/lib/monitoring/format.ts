import type { StatusTone } from '../../components/StatusBadge';
import { isSevere } from './alerts';
import { parseUtc } from './filters';
import type { Granularity, MonitoringAlert, MonitoringDbConfig } from './types';

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Milliseconds as "234 ms" or "1.25 s". */
export function formatLatency(ms: unknown): string {
  if (!isNum(ms)) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** A value that already is a percentage ("87.5" → "87.5%"). */
export function formatRate(percent: unknown, digits = 1): string {
  return isNum(percent) ? `${percent.toFixed(digits)}%` : '—';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A trend bucket in UTC: "27 Jan 10:00" hourly, "27 Jan" daily and weekly (the week's Monday). */
export function bucketLabel(timestamp: string, granularity: Granularity): string {
  const ms = parseUtc(timestamp);
  if (ms === null) return timestamp;
  const d = new Date(ms);
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  if (granularity !== 'hourly') return day;
  return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:00`;
}

export interface Thresholds {
  good: number;
  pass: number;
}

/**
 * good/pass for a source: its own values, else the configured defaults, else 0.7/0.5. `source` may
 * list several keys (an agent's id, then its stored source_names): the first one configured wins.
 */
export function thresholdsFor(config: Pick<MonitoringDbConfig, 'thresholds'> | undefined, source: string | readonly string[] | null | undefined): Thresholds {
  const keys = typeof source === 'string' ? [source] : (source ?? []);
  const perSource = config?.thresholds?.per_source;
  const own = keys.map((k) => (k ? perSource?.[k] : undefined)).find((t) => t !== undefined);
  const global = config?.thresholds?.default;
  const pick = (a: unknown, b: unknown, fallback: number) => (isNum(a) ? a : isNum(b) ? b : fallback);
  return { good: pick(own?.good, global?.good, 0.7), pass: pick(own?.pass, global?.pass, 0.5) };
}

export type Health = 'healthy' | 'warning' | 'critical';

/** Critical with any critical or error alert, warning with any warning, else healthy (info alerts count for nothing). */
export function healthOf(alerts: readonly MonitoringAlert[] | undefined): Health {
  if (alerts?.some(isSevere)) return 'critical';
  if (alerts?.some((a) => a.severity === 'warning')) return 'warning';
  return 'healthy';
}

export const HEALTH_TONE: Record<Health, StatusTone> = { healthy: 'success', warning: 'warning', critical: 'error' };

export const HEALTH_LABEL: Record<Health, string> = { healthy: 'Healthy', warning: 'Warning', critical: 'Critical' };
