import { TONE_HEX, treeTone, scoreTone } from '../../lib/evaluate/format';
import type { ChartTreeNode } from '../../lib/evaluate/types';

export type ChartOption = Record<string, unknown>;

const FONT = 'Inter, ui-sans-serif, system-ui, sans-serif';
const AXIS_LINE = '#E1E5EA';
export const MUTED = '#7F8C8D';
export const INK = '#2C3E50';

/** Palette colours first, then three neutral extras, as the chart colourway. */
export function colorway(palette: { primary: string; primaryLight: string; primaryDark: string; primarySoft: string; primaryPale: string; accentGold: string; accentSilver: string }): string[] {
  return [
    palette.primary,
    palette.accentGold,
    palette.primaryLight,
    palette.primaryDark,
    palette.primarySoft,
    palette.accentSilver,
    palette.primaryPale,
    '#1f77b4',
    '#ff7f0e',
    '#2ca02c',
  ];
}

export function base(colors: string[]): ChartOption {
  return {
    color: colors,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK },
    animationDuration: 400,
  };
}

export const tooltip = {
  backgroundColor: '#fff',
  borderColor: AXIS_LINE,
  textStyle: { color: INK, fontFamily: FONT, fontSize: 12 },
  extraCssText: 'box-shadow: 0 4px 12px rgba(44,62,80,0.08); border-radius: 8px;',
};

export const valueAxis = (name?: string, extra: ChartOption = {}) => ({
  type: 'value',
  name,
  nameLocation: 'middle',
  nameGap: 32,
  nameTextStyle: { color: MUTED, fontSize: 11 },
  axisLabel: { color: MUTED, fontSize: 11 },
  splitLine: { lineStyle: { color: '#EEF1F4' } },
  ...extra,
});

export const categoryAxis = (data: string[], extra: ChartOption = {}) => ({
  type: 'category',
  data,
  axisLine: { lineStyle: { color: AXIS_LINE } },
  axisTick: { show: false },
  axisLabel: { color: MUTED, fontSize: 11, hideOverlap: true },
  ...extra,
});

export const round = (v: number | null | undefined, digits = 3) =>
  typeof v === 'number' && Number.isFinite(v) ? Number(v.toFixed(digits)) : null;

/** Horizontal bars, one per metric, coloured by score band, with pass (0.5) and good (0.7) lines. */
export function metricMeansOption(items: Array<{ name: string; value: number | null | undefined }>, colors: string[]): ChartOption {
  const rows = [...items].reverse();
  return {
    ...base(colors),
    grid: { left: 8, right: 40, top: 10, bottom: 28, containLabel: true },
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis('Mean score', { min: 0, max: 1 }),
    yAxis: categoryAxis(rows.map((r) => r.name), { axisLabel: { color: INK, fontSize: 12 } }),
    series: [
      {
        type: 'bar',
        name: 'Mean',
        barMaxWidth: 22,
        data: rows.map((r) => ({
          value: round(r.value),
          itemStyle: { color: TONE_HEX[scoreTone(r.value)], borderRadius: [0, 4, 4, 0] },
        })),
        label: { show: true, position: 'right', color: INK, fontSize: 11, formatter: (p: { value: number | null }) => (p.value === null ? '—' : p.value.toFixed(3)) },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { type: 'dashed' },
          data: [
            { xAxis: 0.5, lineStyle: { color: TONE_HEX.warning } },
            { xAxis: 0.7, lineStyle: { color: TONE_HEX.success } },
          ],
        },
      },
    ],
  };
}

export function radarOption(metrics: string[], traces: Array<{ name: string; values: Array<number | null> }>, colors: string[]): ChartOption {
  return {
    ...base(colors),
    tooltip: { ...tooltip, trigger: 'item' },
    legend: traces.length > 1 ? { bottom: 0, textStyle: { color: MUTED } } : undefined,
    radar: {
      radius: '58%',
      center: ['50%', traces.length > 1 ? '46%' : '50%'],
      indicator: metrics.map((m) => ({ name: m, max: 1, min: 0 })),
      axisName: { color: INK, fontSize: 11 },
      splitLine: { lineStyle: { color: AXIS_LINE } },
      splitArea: { areaStyle: { color: ['#FAFBFC', '#fff'] } },
      axisLine: { lineStyle: { color: AXIS_LINE } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        areaStyle: { opacity: 0.15 },
        data: traces.map((t) => ({ name: t.name, value: t.values.map((v) => round(v) ?? 0) })),
      },
    ],
  };
}

/** Bars between consecutive bin edges; labels are the bin ranges. */
export function histogramOption(counts: number[], edges: number[], color: string, metric: string): ChartOption {
  const labels = counts.map((_, i) => {
    const lo = edges[i];
    const hi = edges[i + 1];
    return typeof lo === 'number' && typeof hi === 'number' ? `${lo.toFixed(2)}–${hi.toFixed(2)}` : String(i + 1);
  });
  return {
    ...base([color]),
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: categoryAxis(labels, { axisLabel: { color: MUTED, fontSize: 10, rotate: 40, hideOverlap: true } }),
    yAxis: valueAxis(undefined, { minInterval: 1 }),
    series: [{ type: 'bar', name: metric, data: counts, barCategoryGap: '8%', itemStyle: { color, borderRadius: [3, 3, 0, 0] } }],
  };
}

export interface BoxItem {
  name: string;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export function boxplotOption(items: BoxItem[], colors: string[]): ChartOption {
  return {
    ...base(colors),
    grid: { left: 30, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltip,
      trigger: 'item',
      formatter: (p: { name: string; data: number[] }) => {
        const [, min, q1, med, q3, max] = p.data.length === 6 ? p.data : [0, ...p.data];
        return `<b>${p.name}</b><br/>max ${max?.toFixed(3)}<br/>Q3 ${q3?.toFixed(3)}<br/>median ${med?.toFixed(3)}<br/>Q1 ${q1?.toFixed(3)}<br/>min ${min?.toFixed(3)}`;
      },
    },
    xAxis: categoryAxis(items.map((i) => i.name), { axisLabel: { color: INK, fontSize: 11, interval: 0, rotate: items.length > 5 ? 25 : 0 } }),
    yAxis: valueAxis('Score', { min: 0, max: 1 }),
    series: [
      {
        type: 'boxplot',
        name: 'Distribution',
        data: items.map((i, idx) => ({
          value: [i.min, i.q1, i.median, i.q3, i.max].map((v) => round(v) ?? 0),
          itemStyle: { color: `${colors[idx % colors.length]}33`, borderColor: colors[idx % colors.length], borderWidth: 1.5 },
        })),
      },
    ],
  };
}

export function scatterOption(x: Array<number | null>, y: Array<number | null>, xName: string, yName: string, colors: string[], ids?: readonly unknown[]): ChartOption {
  const points: Array<{ value: [number, number]; name: string }> = [];
  x.forEach((xv, i) => {
    const yv = y[i];
    if (typeof xv === 'number' && typeof yv === 'number') points.push({ value: [xv, yv], name: String(ids?.[i] ?? i + 1) });
  });
  return {
    ...base(colors),
    grid: { left: 34, right: 24, top: 16, bottom: 36, containLabel: true },
    tooltip: {
      ...tooltip,
      trigger: 'item',
      formatter: (p: { name: string; value: [number, number] }) =>
        `<b>${p.name}</b><br/>${xName}: ${p.value[0].toFixed(3)}<br/>${yName}: ${p.value[1].toFixed(3)}`,
    },
    xAxis: valueAxis(xName, { min: 0, max: 1 }),
    yAxis: valueAxis(yName, { min: 0, max: 1, nameGap: 40 }),
    series: [{ type: 'scatter', name: `${xName} vs ${yName}`, symbolSize: 9, itemStyle: { opacity: 0.75 }, data: points }],
  };
}

/** A labelled square matrix; values outside [min,max] are clamped by the colour scale only. */
export function heatmapOption(
  labels: string[],
  matrix: Array<Array<number | null>>,
  opts: { min: number; max: number; colors: string[]; valueLabel: string; digits?: number },
): ChartOption {
  const data: Array<{ value: [number, number, number | '-']; label: { color: string } }> = [];
  const span = opts.max - opts.min || 1;
  labels.forEach((_, yi) => {
    labels.forEach((__, xi) => {
      const v = matrix[yi]?.[xi];
      const value = typeof v === 'number' && Number.isFinite(v) ? Number(v.toFixed(opts.digits ?? 2)) : '-';
      const strength = typeof value === 'number' ? (value - opts.min) / span : 0;
      data.push({ value: [xi, yi, value], label: { color: strength > 0.75 || (strength < 0.1 && opts.min < 0) ? '#FFFFFF' : INK } });
    });
  });
  return {
    ...base(opts.colors),
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      ...tooltip,
      trigger: 'item',
      formatter: (p: { value: [number, number, number | '-'] }) =>
        `${labels[p.value[1]]} × ${labels[p.value[0]]}<br/>${opts.valueLabel}: <b>${p.value[2]}</b>`,
    },
    xAxis: categoryAxis(labels, { splitArea: { show: true }, axisLabel: { color: INK, fontSize: 11, interval: 0, rotate: labels.length > 4 ? 30 : 0 } }),
    yAxis: categoryAxis(labels, { inverse: true, splitArea: { show: true }, axisLabel: { color: INK, fontSize: 11, interval: 0 } }),
    visualMap: {
      min: opts.min,
      max: opts.max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      textStyle: { color: MUTED, fontSize: 10 },
      inRange: { color: opts.colors },
    },
    series: [
      {
        type: 'heatmap',
        name: opts.valueLabel,
        data,
        label: { show: labels.length <= 10, color: INK, fontSize: 11 },
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 4 },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.2)' } },
      },
    ],
  };
}

export function groupedBarOption(categories: string[], series: Array<{ name: string; values: Array<number | null | undefined> }>, colors: string[]): ChartOption {
  return {
    ...base(colors),
    grid: { left: 30, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: MUTED } },
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: categoryAxis(categories, { axisLabel: { color: INK, fontSize: 11, interval: 0, rotate: categories.length > 5 ? 25 : 0 } }),
    yAxis: valueAxis('Mean score', { min: 0, max: 1, nameGap: 36 }),
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 28,
      data: s.values.map((v) => round(v)),
      itemStyle: { borderRadius: [3, 3, 0, 0] },
    })),
  };
}

export function pieOption(slices: Array<{ name: string; value: number; color?: string }>, colors: string[]): ChartOption {
  return {
    ...base(colors),
    tooltip: { ...tooltip, trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, textStyle: { color: MUTED } },
    series: [
      {
        type: 'pie',
        name: 'Wins',
        radius: ['45%', '72%'],
        center: ['50%', '45%'],
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 4 },
        label: { position: 'inside', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''), color: '#fff', fontSize: 12, fontWeight: 600 },
        labelLine: { show: false },
        data: slices.map((s) => ({ name: s.name, value: s.value, itemStyle: s.color ? { color: s.color } : undefined })),
      },
    ],
  };
}

interface EChartsTreeDatum {
  name: string;
  value: number | null;
  children?: EChartsTreeDatum[];
  collapsed?: boolean;
  itemStyle: ChartOption;
  label?: ChartOption;
  node: ChartTreeNode;
}

/** Converts a metric tree for the ECharts tree series, colouring each node by its score band. */
export function treeData(root: ChartTreeNode): EChartsTreeDatum {
  const convert = (n: ChartTreeNode): EChartsTreeDatum => {
    const tone = treeTone(n.score);
    const kids = n.children ?? [];
    return {
      name: n.name,
      value: typeof n.score === 'number' ? n.score : null,
      itemStyle: { color: TONE_HEX[tone], borderColor: TONE_HEX[tone] },
      children: kids.length > 0 ? kids.map(convert) : undefined,
      node: { ...n, children: undefined },
    };
  };
  return convert(root);
}

function longestLeafName(n: ChartTreeNode): number {
  const kids = n.children ?? [];
  if (kids.length === 0) return n.name.length;
  return Math.max(...kids.map(longestLeafName));
}

export function treeOption(root: ChartTreeNode, colors: string[]): ChartOption {
  const charWidth = 7;
  return {
    ...base(colors),
    tooltip: {
      ...tooltip,
      trigger: 'item',
      formatter: (p: { name: string; value: number | null }) =>
        `<b>${p.name}</b><br/>Score: ${typeof p.value === 'number' ? p.value.toFixed(3) : 'not scored'}`,
    },
    series: [
      {
        type: 'tree',
        data: [treeData(root)],
        orient: 'LR',
        left: Math.min(260, Math.max(90, (root.name.length + 6) * charWidth)),
        right: Math.min(300, Math.max(120, (longestLeafName(root) + 6) * charWidth)),
        top: 16,
        bottom: 16,
        symbol: 'circle',
        symbolSize: 14,
        edgeShape: 'curve',
        initialTreeDepth: -1,
        expandAndCollapse: true,
        roam: false,
        lineStyle: { color: '#C9D1DA', width: 1.5, curveness: 0.5 },
        label: {
          position: 'left',
          verticalAlign: 'middle',
          align: 'right',
          fontSize: 12,
          color: INK,
          formatter: (p: { name: string; value: number | null }) =>
            `{name|${p.name}}  {score|${typeof p.value === 'number' ? p.value.toFixed(2) : '—'}}`,
          rich: {
            name: { fontSize: 12, color: INK, fontWeight: 500 },
            score: { fontSize: 11, color: MUTED },
          },
        },
        leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
        emphasis: { focus: 'descendant' },
        animationDurationUpdate: 500,
      },
    ],
  };
}
