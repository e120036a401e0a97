import { base, categoryAxis, MUTED, round, tooltip, valueAxis, type ChartOption } from '../charts/options';
import type { CompositionPart } from '../../lib/kpi/trends';

const DASH: Record<string, string | undefined> = { Daily: undefined, '7-day average': 'dashed', '30-day average': 'dotted' };

/** A KPI's daily value (thin, with points) and its moving averages (dashed and dotted). */
export function kpiTrendOption(dates: string[], series: Array<{ name: string; values: number[] }>, colors: string[], yName: string): ChartOption {
  return {
    ...base(colors),
    grid: { left: 30, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: MUTED } },
    tooltip: { ...tooltip, trigger: 'axis' },
    xAxis: categoryAxis(dates, { boundaryGap: false }),
    yAxis: valueAxis(yName, { scale: true, nameGap: 44 }),
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      showSymbol: i === 0 && dates.length <= 60,
      symbolSize: 4,
      lineStyle: { width: i === 0 ? 1.5 : 2, type: DASH[s.name] ?? 'solid' },
      data: s.values.map((v) => round(v)),
    })),
  };
}

/** The parts of a whole over time, stacked. */
export function stackedAreaOption(dates: string[], parts: readonly CompositionPart[]): ChartOption {
  return {
    ...base(parts.map((p) => p.color)),
    grid: { left: 30, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: MUTED } },
    tooltip: { ...tooltip, trigger: 'axis' },
    xAxis: categoryAxis(dates, { boundaryGap: false }),
    yAxis: valueAxis(undefined, { min: 0 }),
    series: parts.map((p) => ({
      type: 'line',
      name: p.name,
      stack: 'total',
      showSymbol: false,
      areaStyle: { opacity: 0.85 },
      lineStyle: { width: 1 },
      itemStyle: { color: p.color },
      data: p.values.map((v) => round(v)),
    })),
  };
}

/** One day's parts as a donut. */
export function donutOption(slices: Array<{ name: string; value: number; color: string }>): ChartOption {
  return {
    ...base(slices.map((s) => s.color)),
    legend: { bottom: 0, textStyle: { color: MUTED } },
    tooltip: { ...tooltip, trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { show: false },
        data: slices.map((s) => ({ name: s.name, value: round(s.value), itemStyle: { color: s.color } })),
      },
    ],
  };
}
