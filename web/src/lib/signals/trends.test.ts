import { describe, expect, it } from 'vitest';
import { initiallyShown, seriesOf, weekLabel } from './trends';
import type { SignalsTrendSeries } from './types';

const s = (key: string, aggregation: string): SignalsTrendSeries => ({ key, label: key.toUpperCase(), format: 'number', aggregation, values: [1], missing: [0] });

describe('signal trends', () => {
  it('labels a week by its Monday in UTC', () => {
    expect(weekLabel('2025-03-10')).toBe('10 Mar');
    expect(weekLabel('not a date')).toBe('not a date');
  });

  it('shows the rate series first, or every series when none is a rate', () => {
    expect(initiallyShown([s('a', 'rate'), s('b', 'median'), s('c', 'rate')])).toEqual({ A: true, B: false, C: true });
    expect(initiallyShown([s('b', 'median'), s('t', 'total_cases')])).toEqual({ B: true, T: true });
  });

  it('finds a KPI card series by key', () => {
    expect(seriesOf([s('a', 'rate'), s('b', 'median')], 'b')?.label).toBe('B');
    expect(seriesOf(undefined, 'b')).toBeUndefined();
  });
});
