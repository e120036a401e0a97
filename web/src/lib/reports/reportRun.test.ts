import { describe, expect, it } from 'vitest';
import { IDLE_REPORT, insightPatterns, reportRunReducer, type ReportRunAction, type ReportRunState } from './reportRun';
import { clampMaxIssues, clampThreshold, optionsOr, pickOption, reportRequest } from './settings';

const ev = (event: string, data: unknown = null, id = 'r1'): ReportRunAction => ({ type: 'event', id, event: { event, data } });

function play(actions: ReportRunAction[]): ReportRunState {
  return actions.reduce(reportRunReducer, IDLE_REPORT);
}

describe('reportRunReducer', () => {
  it('streams thoughts and text, then takes the final report, issues, metrics and insights', () => {
    const state = play([
      { type: 'start', id: 'r1' },
      ev('thought', { type: 'tool_use', content: 'Extracting issues', color: '#8B5CF6' }),
      ev('token', { text: '# Rep' }),
      ev('token', { text: 'ort' }),
      ev('insights', { patterns: [{ category: 'Hallucination', description: 'Unsupported claims', count: 4 }, { bogus: true }] }),
    ]);
    expect(state).toMatchObject({ status: 'streaming', text: '# Report', patterns: [{ category: 'Hallucination', description: 'Unsupported claims', count: 4 }] });
    expect(state.thoughts.map((t) => [t.type, t.color])).toEqual([['tool_use', '#8B5CF6']]);
    const done = [ev('response', { success: true, report_text: '# Final', issues_analyzed: 12, metrics_covered: ['faithfulness', 'relevance'] }), ev('done')].reduce(reportRunReducer, state);
    expect(done).toMatchObject({ status: 'complete', text: '# Final', issuesAnalyzed: 12, metricsCovered: ['faithfulness', 'relevance'], error: null });
    expect(done.patterns).toHaveLength(1);
  });

  it('keeps the error of an error event or a failed request', () => {
    expect(play([{ type: 'start', id: 'r1' }, ev('error', { error: 'No issues found' })]).error).toBe('No issues found');
    expect(play([{ type: 'start', id: 'r1' }, { type: 'end', id: 'r1', outcome: 'failed', error: 'HTTP 502' }])).toMatchObject({ status: 'complete', error: 'HTTP 502' });
  });

  it('marks a stopped run and ignores events of an older run', () => {
    const state = play([{ type: 'start', id: 'r1' }, ev('token', { text: 'Part' }), { type: 'end', id: 'r1', outcome: 'stopped' }, ev('token', { text: 'late' })]);
    expect(state).toMatchObject({ status: 'stopped', text: 'Part' });
    const next = [{ type: 'start', id: 'r2' } as const, ev('token', { text: 'old' }, 'r1')].reduce(reportRunReducer, state);
    expect(next).toMatchObject({ id: 'r2', status: 'streaming', text: '' });
  });

  it('reads only well-formed insight patterns', () => {
    expect(insightPatterns(null)).toEqual([]);
    expect(insightPatterns({ patterns: 'x' })).toEqual([]);
    expect(insightPatterns({ patterns: [{ category: 'A', count: 'many' }] })).toEqual([{ category: 'A', description: '', count: null }]);
  });
});

describe('report settings', () => {
  it('falls back to the default options and picks the wanted one when offered', () => {
    expect(optionsOr(undefined, ['low'])).toEqual(['low']);
    expect(optionsOr(['overall', 3, ''], ['low'])).toEqual(['overall']);
    expect(pickOption(['high', 'low'], 'low')).toBe('low');
    expect(pickOption(['high'], 'low')).toBe('high');
  });

  it('clamps the threshold to 0..1 and max issues to a positive whole number', () => {
    expect(clampThreshold(1.4)).toBe(1);
    expect(clampThreshold(-1)).toBe(0);
    expect(clampThreshold(Number.NaN)).toBe(0.5);
    expect(clampMaxIssues(0)).toBe(1);
    expect(clampMaxIssues(12.6)).toBe(13);
    expect(reportRequest('ds', { mode: 'low', reportType: 'summary', scoreThreshold: 2, maxIssues: 50 })).toEqual({
      dataset_id: 'ds',
      mode: 'low',
      report_type: 'summary',
      extraction_config: { score_threshold: 1, max_issues: 50 },
    });
  });
});
