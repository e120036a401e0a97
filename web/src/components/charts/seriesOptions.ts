import { TONE_HEX } from '../../lib/evaluate/format';
import { base, categoryAxis, INK, MUTED, round, tooltip, valueAxis, type ChartOption } from './options';

export interface LineSeries {
  name: string;
  values: Array<number | null | undefined>;
}

export interface ReferenceLine {
  value: number;
  label: string;
  color: string;
}

/** One line per series over shared x labels, with dashed horizontal reference lines (e.g. good and pass). */
export function linesOption(labels: string[], series: LineSeries[], colors: string[], opts: { yName?: string; yMax?: number; references?: ReferenceLine[] } = {}): ChartOption {
  const references = opts.references ?? [];
  return {
    ...base(colors),
    grid: { left: 30, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll', textStyle: { color: MUTED } },
    tooltip: { ...tooltip, trigger: 'axis' },
    xAxis: categoryAxis(labels, { boundaryGap: false }),
    yAxis: valueAxis(opts.yName, { min: 0, max: opts.yMax, nameGap: 36 }),
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      showSymbol: labels.length <= 40,
      symbolSize: 5,
      connectNulls: true,
      data: s.values.map((v) => round(v)),
      markLine:
        i === 0 && references.length > 0
          ? {
              silent: true,
              symbol: 'none',
              data: references.map((r) => ({
                yAxis: r.value,
                lineStyle: { color: r.color, type: 'dashed' },
                label: { formatter: `${r.label} ${r.value}`, color: r.color, fontSize: 10, position: 'insideEndTop' },
              })),
            }
          : undefined,
    })),
  };
}

/** Bars over value bins, with vertical markers on the bins that hold the given percentiles. */
export function binnedBarsOption(counts: number[], edges: number[], color: string, markers: Array<{ label: string; value: number | null | undefined }>, unit = ''): ChartOption {
  const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toString() : v.toFixed(1));
  const labels = counts.map((_, i) => {
    const lo = edges[i];
    const hi = edges[i + 1];
    return typeof lo === 'number' && typeof hi === 'number' ? `${fmt(lo)}–${fmt(hi)}${unit}` : String(i + 1);
  });
  const binOf = (v: number) => {
    for (let i = 0; i < counts.length; i += 1) {
      const hi = edges[i + 1];
      if (typeof hi === 'number' && v <= hi) return i;
    }
    return counts.length - 1;
  };
  const markerColors = [TONE_HEX.success, TONE_HEX.warning, TONE_HEX.error];
  return {
    ...base([color]),
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: categoryAxis(labels, { axisLabel: { color: MUTED, fontSize: 10, rotate: 40, hideOverlap: true } }),
    yAxis: valueAxis(undefined, { minInterval: 1 }),
    series: [
      {
        type: 'bar',
        name: 'Records',
        data: counts,
        barCategoryGap: '8%',
        itemStyle: { color, borderRadius: [3, 3, 0, 0] },
        markLine: {
          silent: true,
          symbol: 'none',
          data: markers
            .filter((m): m is { label: string; value: number } => typeof m.value === 'number' && Number.isFinite(m.value))
            .map((m, i) => ({
              xAxis: binOf(m.value),
              lineStyle: { color: markerColors[i % markerColors.length], type: 'dashed' },
              label: { formatter: m.label, color: markerColors[i % markerColors.length], fontSize: 10 },
            })),
        },
      },
    ],
  };
}

export interface CountItem {
  name: string;
  value: number;
  color?: string;
}

/** Horizontal bars, first item on top, each labelled with its value. */
export function countBarsOption(items: CountItem[], colors: string[], valueName = 'Count'): ChartOption {
  const rows = [...items].reverse();
  return {
    ...base(colors),
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis(undefined, { minInterval: 1 }),
    yAxis: categoryAxis(rows.map((r) => r.name), { axisLabel: { color: INK, fontSize: 11, width: 160, overflow: 'truncate' } }),
    series: [
      {
        type: 'bar',
        name: valueName,
        barMaxWidth: 20,
        data: rows.map((r, i) => ({ value: r.value, itemStyle: { color: r.color ?? colors[(rows.length - 1 - i) % colors.length], borderRadius: [0, 4, 4, 0] } })),
        label: { show: true, position: 'right', color: INK, fontSize: 11 },
      },
    ],
  };
}

export interface StackSeries {
  name: string;
  values: number[];
  color?: string;
}

/** Stacked bars: one bar per category, one stack segment per series; horizontal for a single 100% bar. */
export function stackedBarsOption(categories: string[], series: StackSeries[], colors: string[], opts: { horizontal?: boolean; percent?: boolean } = {}): ChartOption {
  const horizontal = opts.horizontal ?? false;
  const catAxis = categoryAxis(categories, horizontal ? { show: categories.some((c) => c !== '') } : {});
  const valAxis = valueAxis(opts.percent ? '%' : undefined, opts.percent ? { max: 100 } : { minInterval: 1 });
  return {
    ...base(colors),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll', textStyle: { color: MUTED } },
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: horizontal ? valAxis : catAxis,
    yAxis: horizontal ? catAxis : valAxis,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      stack: 'total',
      barMaxWidth: horizontal ? 36 : 28,
      data: s.values.map((v) => round(v, 1)),
      itemStyle: s.color ? { color: s.color } : undefined,
    })),
  };
}
