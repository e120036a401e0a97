import type { CompositionChart, KpiTrendPoint } from './types';

export type TrendLine = 'daily' | 'avg_7d' | 'avg_30d';

export const TREND_LINE_LABEL: Record<TrendLine, string> = { daily: 'Daily', avg_7d: '7-day average', avg_30d: '30-day average' };

const ALL_LINES: TrendLine[] = ['daily', 'avg_7d', 'avg_30d'];

/** The server's trend_lines in chart order; all three when it names none it knows. */
export function trendLines(names: readonly string[] | undefined): TrendLine[] {
  const known = ALL_LINES.filter((l) => names?.includes(l));
  return known.length > 0 ? known : ALL_LINES;
}

const lineValue = (p: KpiTrendPoint, line: TrendLine) => (line === 'daily' ? p.value : p[line]);

/** One KPI's daily rows as chart input: dates, then one value list per line. */
export function kpiTrendSeries(points: readonly KpiTrendPoint[], kpiName: string, lines: readonly TrendLine[]) {
  const rows = points.filter((p) => p.kpi_name === kpiName);
  return {
    dates: rows.map((p) => p.date),
    series: lines.map((line) => ({ line, name: TREND_LINE_LABEL[line], values: rows.map((p) => lineValue(p, line)) })),
  };
}

export interface CompositionPart {
  name: string;
  color: string;
  /** One value per date; null when the KPI has no row that day. */
  values: Array<number | null>;
}

/** The whole a remainder fills up to: 100 when any value is above 1 (percent points), else 1 (fractions). */
function wholeOf(values: number[]): number {
  return values.some((v) => Math.abs(v) > 1) ? 100 : 1;
}

/**
 * A composition chart's parts per day: each configured KPI's daily value, then (with
 * show_remainder) what is left of the whole that day, never below 0. Dates are every day any
 * of its KPIs has a row.
 */
export function compositionSeries(chart: CompositionChart, points: readonly KpiTrendPoint[]): { dates: string[]; parts: CompositionPart[] } {
  const names = new Set(chart.kpis.map((k) => k.kpi_name));
  const rows = points.filter((p) => names.has(p.kpi_name));
  const dates = [...new Set(rows.map((p) => p.date))].sort();
  const byKey = new Map(rows.map((p) => [`${p.kpi_name}|${p.date}`, p.value]));
  const parts: CompositionPart[] = chart.kpis.map((k) => ({
    name: k.label || k.kpi_name,
    color: k.color,
    values: dates.map((d) => byKey.get(`${k.kpi_name}|${d}`) ?? null),
  }));
  if (chart.show_remainder && parts.length > 0) {
    const whole = wholeOf(rows.map((p) => p.value));
    parts.push({
      name: chart.remainder_label,
      color: chart.remainder_color,
      values: dates.map((_, i) => {
        const day = parts.map((p) => p.values[i]).filter((v): v is number => v !== null);
        return day.length === 0 ? null : Math.max(0, whole - day.reduce((a, b) => a + b, 0));
      }),
    });
  }
  return { dates, parts };
}

/** The donut's slices: each part's value on the newest date that has every KPI of the chart (else the newest date). */
export function compositionLatest(dates: readonly string[], parts: readonly CompositionPart[]): { date: string | null; slices: Array<{ name: string; color: string; value: number }> } {
  let index = dates.length - 1;
  for (let i = dates.length - 1; i >= 0; i -= 1) {
    if (parts.every((p) => p.values[i] !== null)) {
      index = i;
      break;
    }
  }
  if (index < 0) return { date: null, slices: [] };
  const slices = parts
    .map((p) => ({ name: p.name, color: p.color, value: p.values[index] }))
    .filter((s): s is { name: string; color: string; value: number } => s.value !== null);
  return { date: dates[index] ?? null, slices };
}
