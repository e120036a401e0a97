import { describe, expect, it } from 'vitest';
import { conversationOf, filterKey, formatSignalsKpi, valuesOf } from './cases';

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

  it('reads a field as its list items, its JSON, or its one value as text', () => {
    expect(valuesOf(CASES[0]!, 'tags')).toEqual(['x', 'y']);
    expect(valuesOf(CASES[2]!, 'tags')).toEqual([]);
    expect(valuesOf(CASES[0]!, 'flag')).toEqual(['true']);
    expect(valuesOf(CASES[1]!, 'n')).toEqual(['10']);
    expect(valuesOf(CASES[2]!, 'n')).toEqual([]);
    expect(valuesOf({ v: ' [1, "", null, {"a": 2}] ' }, 'v')).toEqual(['1', '{"a":2}']);
    expect(valuesOf({ v: '[broken' }, 'v')).toEqual(['[broken']);
  });

  it('names the field a filter reads', () => {
    expect(filterKey({ type: 'metric', metric: 'outcome', signal: 'status', label: 'S' })).toBe('outcome__status');
    expect(filterKey({ type: 'source', field: 'source_name', label: 'Source' })).toBe('source_name');
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
