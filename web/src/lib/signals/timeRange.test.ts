import { describe, expect, it } from 'vitest';
import { parseRange, rangeWindow, windowLabel } from './timeRange';

const NEWEST = '2025-03-31T19:51:00Z';

describe('human signals time range', () => {
  it('counts the day presets back from the newest case', () => {
    expect(rangeWindow('7d', NEWEST)).toEqual({ time_start: '2025-03-24T19:51:00Z', time_end: NEWEST });
    expect(rangeWindow('30d', NEWEST)).toEqual({ time_start: '2025-03-01T19:51:00Z', time_end: NEWEST });
    expect(rangeWindow('90d', NEWEST)).toEqual({ time_start: '2024-12-31T19:51:00Z', time_end: NEWEST });
  });

  it('counts months on the calendar, clamping the day', () => {
    expect(rangeWindow('6m', NEWEST)).toEqual({ time_start: '2024-09-30T19:51:00Z', time_end: NEWEST });
    expect(rangeWindow('1y', '2024-02-29T00:00:00Z')).toEqual({ time_start: '2023-02-28T00:00:00Z', time_end: '2024-02-29T00:00:00Z' });
    expect(rangeWindow('6m', '2025-08-31 12:00:00').time_start).toBe('2025-02-28T12:00:00Z');
  });

  it('takes whole UTC days for a custom range and ignores a missing bound', () => {
    expect(rangeWindow('custom', NEWEST, '2025-03-10', '2025-03-16')).toEqual({ time_start: '2025-03-10T00:00:00Z', time_end: '2025-03-16T23:59:59Z' });
    expect(rangeWindow('custom', NEWEST, '2025-03-10', '')).toEqual({ time_start: '2025-03-10T00:00:00Z', time_end: undefined });
  });

  it('has no window without a newest timestamp, and reads unknown presets as 30d', () => {
    expect(rangeWindow('30d', null)).toEqual({});
    expect(parseRange('2w')).toBe('30d');
    expect(parseRange('6m')).toBe('6m');
    expect(windowLabel({})).toBe('every case');
    expect(windowLabel({ time_start: '2025-03-01T19:51:00Z', time_end: NEWEST })).toBe('1 Mar 2025 – 31 Mar 2025 (UTC)');
  });
});
