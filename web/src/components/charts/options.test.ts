import { describe, expect, it } from 'vitest';
import { colorway, heatmapOption, histogramOption, metricMeansOption, pieOption, treeData } from './options';

const PALETTE = {
  primary: '#111111',
  primaryLight: '#222222',
  primaryDark: '#333333',
  primarySoft: '#444444',
  primaryPale: '#555555',
  accentGold: '#666666',
  accentSilver: '#777777',
};

type Series = Array<Record<string, unknown>>;

describe('chart options', () => {
  it('starts the colourway with the palette and ends with three fixed colours', () => {
    expect(colorway(PALETTE)).toEqual(['#111111', '#666666', '#222222', '#333333', '#444444', '#777777', '#555555', '#1f77b4', '#ff7f0e', '#2ca02c']);
  });

  it('colours tree nodes by score band and keeps the node for click handling', () => {
    const data = treeData({
      name: 'root',
      score: 0.8,
      children: [
        { name: 'low', score: 0.3 },
        { name: 'mid', score: 0.5, children: [{ name: 'unscored', score: null }] },
      ],
    });
    expect(data.itemStyle.color).toBe('#27AE60');
    expect(data.children?.[0]?.itemStyle.color).toBe('#E74C3C');
    expect(data.children?.[1]?.itemStyle.color).toBe('#F39C12');
    expect(data.children?.[1]?.children?.[0]?.itemStyle.color).toBe('#B8C5D3');
    expect(data.children?.[0]?.children).toBeUndefined();
    expect(data.children?.[1]?.node).toMatchObject({ name: 'mid', score: 0.5, children: undefined });
  });

  it('labels histogram bins by their edges', () => {
    const opt = histogramOption([2, 3], [0, 0.5, 1], '#000', 'm');
    expect((opt.xAxis as { data: string[] }).data).toEqual(['0.00–0.50', '0.50–1.00']);
    expect(((opt.series as Series)[0] as { data: number[] }).data).toEqual([2, 3]);
  });

  it('lays the heatmap out cell by cell with "-" for missing values', () => {
    const opt = heatmapOption(['a', 'b'], [[1, 0.25], [0.25, null]], { min: 0, max: 1, colors: ['#fff', '#000'], valueLabel: 'r' });
    const data = ((opt.series as Series)[0] as { data: Array<{ value: unknown[] }> }).data.map((d) => d.value);
    expect(data).toEqual([
      [0, 0, 1],
      [1, 0, 0.25],
      [0, 1, 0.25],
      [1, 1, '-'],
    ]);
  });

  it('draws metric means top-down in the given order, coloured by band', () => {
    const opt = metricMeansOption(
      [
        { name: 'first', value: 0.9 },
        { name: 'second', value: 0.4 },
      ],
      ['#000'],
    );
    expect((opt.yAxis as { data: string[] }).data).toEqual(['second', 'first']);
    const bars = ((opt.series as Series)[0] as { data: Array<{ value: number; itemStyle: { color: string } }> }).data;
    expect(bars.map((b) => [b.value, b.itemStyle.color])).toEqual([
      [0.4, '#E74C3C'],
      [0.9, '#27AE60'],
    ]);
  });

  it('passes slice colours through to the pie', () => {
    const opt = pieOption([{ name: 'a', value: 3, color: '#abc' }, { name: 'b', value: 1 }], ['#000']);
    const data = ((opt.series as Series)[0] as { data: Array<{ name: string; itemStyle?: { color: string } }> }).data;
    expect(data[0]?.itemStyle?.color).toBe('#abc');
    expect(data[1]?.itemStyle).toBeUndefined();
  });
});
