import { describe, expect, it } from 'vitest';
import { flattenObject, formatBytes, formatDuration, formatValue, humanizeKey } from './format';

describe('formatting helpers', () => {
  it('formats sizes and durations', () => {
    expect(formatBytes(5_242_880)).toBe('5.0 MB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(undefined)).toBe('—');
    expect(formatDuration(3725)).toBe('1h 2m');
    expect(formatDuration(61)).toBe('1m 1s');
    expect(formatDuration(90061)).toBe('1d 1h 1m');
  });

  it('renders values as given, including masked secrets', () => {
    expect(formatValue('********')).toBe('********');
    expect(formatValue(['openai', 'anthropic'])).toBe('openai, anthropic');
    expect(formatValue([{ a: 1 }])).toBe('[{"a":1}]');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(null)).toBe('—');
  });

  it('flattens nested sections into dotted keys', () => {
    expect(flattenObject({ a: 1, b: { c: 'x', d: { e: [1, 2] } }, f: {} })).toEqual([
      { key: 'a', value: 1 },
      { key: 'b.c', value: 'x' },
      { key: 'b.d.e', value: [1, 2] },
      { key: 'f', value: {} },
    ]);
  });

  it('humanises keys with acronyms', () => {
    expect(humanizeKey('monitoring_db')).toBe('Monitoring DB');
    expect(humanizeKey('llm')).toBe('LLM');
    expect(humanizeKey('sync_mode')).toBe('Sync mode');
  });
});
