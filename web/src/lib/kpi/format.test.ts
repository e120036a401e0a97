import { describe, expect, it } from 'vitest';
import { presetLink } from '../production/agents';
import { formatKpiValue, trendTone } from './format';

describe('KPI formatting', () => {
  it('formats by unit', () => {
    expect(formatKpiValue(0.874, 'percent')).toBe('87.4%');
    expect(formatKpiValue(87.4, 'percent')).toBe('87.4%');
    expect(formatKpiValue(42.54, 'seconds')).toBe('42.5s');
    expect(formatKpiValue(125, 'seconds')).toBe('2m 5s');
    expect(formatKpiValue(1234.4, 'count')).toBe('1,234');
    expect(formatKpiValue(0.81234, 'score')).toBe('0.812');
    expect(formatKpiValue(null, 'score')).toBe('—');
  });

  it('colours a trend by polarity', () => {
    expect(trendTone('up', 'higher_better')).toBe('good');
    expect(trendTone('up', 'lower_better')).toBe('bad');
    expect(trendTone('down', 'lower_better')).toBe('good');
    expect(trendTone('flat', 'higher_better')).toBe('flat');
    expect(trendTone(null, 'higher_better')).toBe('flat');
  });
});

describe('production agents', () => {
  it('writes a link that presets the source of another page', () => {
    expect(presetLink('/monitoring', 'A & B')).toBe('/monitoring?source_name=A+%26+B');
  });
});
