import { describe, expect, it } from 'vitest';
import { booleanRate, conversationOf, distribution, filterCases, filterKey, filterOptions, formatSignalsKpi, sortCases, valuesOf } from './cases';

const CASES = [
  { Case_ID: 'a', status: 'resolved', tags: '["x", "y"]', flag: true, n: 3 },
  { Case_ID: 'b', status: 'escalated', tags: '["x"]', flag: 'false', n: 10 },
  { Case_ID: 'c', status: 'resolved', tags: [], flag: 'true', n: null },
];

describe('signals cases', () => {
  it('reads conversations as lists, {messages} objects or JSON text of either', () => {
    const messages = [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }];
    expect(conversationOf({ Full_Conversation: messages })).toEqual(messages);
    expect(conversationOf({ Full_Conversation: JSON.stringify({ messages }) })).toEqual(messages);
    expect(conversationOf({ Full_Conversation: JSON.stringify(messages) })).toEqual(messages);
    expect(conversationOf({ Full_Conversation: 'not json' })).toEqual([]);
    expect(conversationOf({})).toEqual([]);
  });

  it('counts values and list items per case, most common first, with the rate over all cases', () => {
    expect(distribution(CASES, 'status')).toEqual([
      { name: 'resolved', count: 2, rate: (200 / 3) },
      { name: 'escalated', count: 1, rate: 100 / 3 },
    ]);
    expect(distribution(CASES, 'tags', 1)).toEqual([{ name: 'x', count: 2, rate: 200 / 3 }]);
    expect(valuesOf(CASES[2]!, 'tags')).toEqual([]);
    expect(booleanRate(CASES, 'flag')).toEqual({ count: 2, total: 3, rate: 200 / 3 });
  });

  it('filters by any chosen value of every chosen field', () => {
    expect(filterCases(CASES, { status: ['resolved'] }).map((c) => c.Case_ID)).toEqual(['a', 'c']);
    expect(filterCases(CASES, { status: ['resolved'], tags: ['y'] }).map((c) => c.Case_ID)).toEqual(['a']);
    expect(filterCases(CASES, { status: [] })).toHaveLength(3);
    expect(filterKey({ type: 'metric', metric: 'outcome', signal: 'status', label: 'S' })).toBe('outcome__status');
    expect(filterKey({ type: 'source', field: 'source_name', label: 'Source' })).toBe('source_name');
    expect(filterOptions({ type: 'source', field: 'status', label: 'S' }, CASES)).toEqual(['escalated', 'resolved']);
  });

  it('sorts numbers numerically with empty values last', () => {
    expect(sortCases(CASES, 'n', 'asc').map((c) => c.Case_ID)).toEqual(['a', 'b', 'c']);
    expect(sortCases(CASES, 'n', 'desc').map((c) => c.Case_ID)).toEqual(['b', 'a', 'c']);
  });

  it('formats KPI values by their format', () => {
    expect(formatSignalsKpi(33.333, 'percent')).toBe('33.3%');
    expect(formatSignalsKpi(90, 'duration')).toBe('1.5m');
    expect(formatSignalsKpi(112, 'duration', 'case_resolution__resolution_time_minutes')).toBe('1.9h');
    expect(formatSignalsKpi(1500, 'duration', 'wait_ms')).toBe('1.5s');
    expect(formatSignalsKpi(36, 'duration', 'ttq_hours')).toBe('1.5d');
    expect(formatSignalsKpi(12500, 'compact')).toBe('12.5K');
    expect(formatSignalsKpi(1234, 'number')).toBe('1,234');
    expect(formatSignalsKpi(null, 'number')).toBe('—');
  });
});
