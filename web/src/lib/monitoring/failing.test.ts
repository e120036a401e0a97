import { describe, expect, it } from 'vitest';
import { failingQuery, failingRows, parseThreshold, scoreLayout, traceIdOf } from './failing';

describe('top failing outputs', () => {
  it('tells long from wide tables by their columns', () => {
    expect(scoreLayout(['dataset_id', 'metric_name', 'metric_score'])).toEqual({ long: true, columns: ['metric_score'] });
    expect(scoreLayout(['dataset_id', 'accuracy_score', 'relevance_score', 'latency'])).toEqual({ long: false, columns: ['accuracy_score', 'relevance_score'] });
  });

  it('asks for the 15 lowest scores: SCORE rows of a long table, the chosen column of a wide one', () => {
    expect(failingQuery({ long: true, columns: ['metric_score'] }, 'faithfulness')).toEqual({
      column: 'metric_score',
      params: { sort_by: 'metric_score', sort_dir: 'asc', page: 1, page_size: 15, metric_category: 'SCORE', metric_name: 'faithfulness' },
    });
    expect(failingQuery({ long: false, columns: ['accuracy_score', 'relevance_score'] }, '').params).toEqual({
      sort_by: 'accuracy_score',
      sort_dir: 'asc',
      page: 1,
      page_size: 15,
      metric_category: undefined,
      metric_name: undefined,
    });
  });

  it('keeps the rows strictly below the threshold', () => {
    const rows = [
      { dataset_id: 'a', metric_name: 'helpfulness', metric_score: 0 },
      { dataset_id: 'b', metric_name: 'faithfulness', metric_score: 0.49 },
      { dataset_id: 'c', metric_name: 'faithfulness', metric_score: 0.5 },
      { dataset_id: 'd', metric_name: 'faithfulness', metric_score: null },
    ];
    expect(failingRows(rows, 'metric_score', 0.5).map((r) => [r.metric, r.score])).toEqual([
      ['helpfulness', 0],
      ['faithfulness', 0.49],
    ]);
    expect(failingRows([{ accuracy_score: 0.2 }], 'accuracy_score', 0.3)[0]?.metric).toBe('accuracy');
  });

  it('reads the threshold and the trace id', () => {
    expect(parseThreshold('0.9')).toBe('0.9');
    expect(parseThreshold('0.42')).toBe('0.5');
    expect(parseThreshold(null)).toBe('0.5');
    expect(traceIdOf({ trace_id: 't-1', dataset_id: 'mon-1' })).toBe('t-1');
    expect(traceIdOf({ dataset_id: 'mon-1' })).toBe('mon-1');
    expect(traceIdOf({})).toBe('');
  });
});
