import { formatDuration } from '../format';
import type { KpiItem, TrendDirection } from './types';

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A KPI value by unit: percent (a fraction up to 1 is scaled to %), seconds as a duration, count whole, score with 3 decimals. */
export function formatKpiValue(value: unknown, unit: string | undefined): string {
  if (!isNum(value)) return '—';
  switch (unit) {
    case 'percent':
      return `${(Math.abs(value) <= 1 ? value * 100 : value).toFixed(1)}%`;
    case 'seconds':
      return value < 60 ? `${value.toFixed(1)}s` : formatDuration(value);
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    default:
      return value.toFixed(3);
  }
}

export type TrendTone = 'good' | 'bad' | 'flat';

/** Whether the trend is good news: up for higher-better KPIs, down for lower-better ones. */
export function trendTone(direction: TrendDirection | null | undefined, polarity: KpiItem['polarity']): TrendTone {
  if (direction !== 'up' && direction !== 'down') return 'flat';
  const better = polarity === 'lower_better' ? 'down' : 'up';
  return direction === better ? 'good' : 'bad';
}
