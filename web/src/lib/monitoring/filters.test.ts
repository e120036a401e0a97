import { describe, expect, it } from 'vitest';
import { activeFilterCount, EMPTY_FILTERS, filterParams, isoUtc, parseUtc, timeWindow } from './filters';

describe('monitoring filters', () => {
  it('reads server timestamps without a zone as UTC', () => {
    expect(parseUtc('2026-01-29 18:00:00')).toBe(Date.UTC(2026, 0, 29, 18));
    expect(parseUtc('2026-01-29T18:00:00Z')).toBe(Date.UTC(2026, 0, 29, 18));
    expect(parseUtc('2026-01-29T19:00:00+01:00')).toBe(Date.UTC(2026, 0, 29, 18));
    expect(parseUtc('not a date')).toBeNull();
    expect(isoUtc(Date.UTC(2026, 0, 29, 18, 5, 7, 120))).toBe('2026-01-29T18:05:07Z');
  });

  it('counts presets back from the newest record and leaves "all" unbounded', () => {
    expect(timeWindow({ ...EMPTY_FILTERS, timePreset: '7d' }, '2026-01-29 18:00:00')).toEqual({ time_start: '2026-01-22T18:00:00Z', time_end: '2026-01-29T18:00:00Z' });
    expect(timeWindow({ ...EMPTY_FILTERS, timePreset: '1h' }, null)).toEqual({});
    expect(timeWindow(EMPTY_FILTERS, '2026-01-29 18:00:00')).toEqual({});
    expect(timeWindow({ ...EMPTY_FILTERS, timePreset: 'custom', customStart: '2026-01-28T08:30', customEnd: '' }, null)).toEqual({ time_start: '2026-01-28T08:30:00Z', time_end: undefined });
  });

  it('builds the shared query parameters with the chosen source id and counts the active filters', () => {
    const filters = { ...EMPTY_FILTERS, environment: 'prod', timePreset: '6h' as const };
    expect(filterParams('ds1', filters, '2026-01-29T18:00:00', 'atlas')).toEqual({
      dataset_id: 'ds1',
      environment: 'prod',
      source_name: 'atlas',
      time_start: '2026-01-29T12:00:00Z',
      time_end: '2026-01-29T18:00:00Z',
    });
    expect(filterParams('ds1', EMPTY_FILTERS, null).source_name).toBeUndefined();
    expect(activeFilterCount(filters)).toBe(2);
    expect(activeFilterCount({ ...EMPTY_FILTERS, timePreset: '24h' })).toBe(1);
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
  });
});
