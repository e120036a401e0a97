import { describe, expect, it } from 'vitest';
import { compositionLatest, compositionSeries, kpiTrendSeries, trendLines } from './trends';
import type { KpiTrendPoint } from './types';
import { OUTCOMES_CHART as CHART } from '../../test/kpiFixtures';

const pt = (kpi_name: string, date: string, value: number, avg_7d = value, avg_30d = value): KpiTrendPoint => ({ kpi_name, date, value, avg_7d, avg_30d, count: 1 });

describe('KPI trend series', () => {
  it('keeps the configured lines in chart order and falls back to all three', () => {
    expect(trendLines(['avg_30d', 'daily'])).toEqual(['daily', 'avg_30d']);
    expect(trendLines([])).toEqual(['daily', 'avg_7d', 'avg_30d']);
    expect(trendLines(['weekly'])).toEqual(['daily', 'avg_7d', 'avg_30d']);
  });

  it('takes one KPI out of the rows with a value list per line', () => {
    const rows = [pt('a', '2025-01-01', 1, 1, 1), pt('b', '2025-01-01', 9), pt('a', '2025-01-02', 3, 2, 2)];
    const { dates, series } = kpiTrendSeries(rows, 'a', ['daily', 'avg_7d']);
    expect(dates).toEqual(['2025-01-01', '2025-01-02']);
    expect(series.map((s) => [s.name, s.values])).toEqual([
      ['Daily', [1, 3]],
      ['7-day average', [1, 2]],
    ]);
  });
});

describe('composition charts', () => {
  it('adds the remainder up to 100 percent points, never below 0', () => {
    const rows = [pt('resolution_rate', '2025-01-01', 70), pt('escalation_rate', '2025-01-01', 10), pt('resolution_rate', '2025-01-02', 95), pt('escalation_rate', '2025-01-02', 8)];
    const { dates, parts } = compositionSeries(CHART, rows);
    expect(dates).toEqual(['2025-01-01', '2025-01-02']);
    expect(parts.map((p) => [p.name, p.values])).toEqual([
      ['Resolved', [70, 95]],
      ['Escalated', [10, 8]],
      ['Other', [20, 0]],
    ]);
  });

  it('fills up to 1 for fractions and leaves a missing day null', () => {
    const rows = [pt('resolution_rate', '2025-01-01', 0.6), pt('escalation_rate', '2025-01-01', 0.1), pt('resolution_rate', '2025-01-02', 0.5)];
    const { parts } = compositionSeries(CHART, rows);
    expect(parts[1]?.values).toEqual([0.1, null]);
    expect(parts[2]?.values[0]).toBeCloseTo(0.3, 10);
    expect(parts[2]?.values[1]).toBeCloseTo(0.5, 10);
  });

  it('draws the donut from the newest day that has every KPI', () => {
    const rows = [pt('resolution_rate', '2025-01-01', 60), pt('escalation_rate', '2025-01-01', 10), pt('resolution_rate', '2025-01-02', 50)];
    const { dates, parts } = compositionSeries({ ...CHART, show_remainder: false }, rows);
    expect(compositionLatest(dates, parts)).toEqual({
      date: '2025-01-01',
      slices: [
        { name: 'Resolved', color: '#3D5A80', value: 60 },
        { name: 'Escalated', color: '#D4AF37', value: 10 },
      ],
    });
    expect(compositionLatest([], [])).toEqual({ date: null, slices: [] });
  });
});
