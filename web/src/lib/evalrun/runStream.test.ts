import { describe, expect, it } from 'vitest';
import { IDLE_RUN, MAX_LOG_LINES, runStreamReducer, type RunStreamState } from './runStream';

const started = runStreamReducer(IDLE_RUN, { type: 'start', id: 'r1' });
const feed = (state: RunStreamState, event: string, data: unknown) => runStreamReducer(state, { type: 'event', id: 'r1', event: { event, data } });

describe('run stream state', () => {
  it('keeps the latest counts and running averages, and ignores malformed metric entries', () => {
    let s = feed(started, 'progress', { run_id: 'x', current: 3, total: 8, status: 'running', message: 'Evaluating', phase: 'evaluating', metrics: [{ metric_key: 'm', count: 3, average_score: 0.5 }, { metric_key: 'bad' }] });
    expect(s).toMatchObject({ runId: 'x', current: 3, total: 8, message: 'Evaluating', metrics: [{ metric_key: 'm', count: 3, average_score: 0.5 }] });
    s = feed(s, 'progress', { current: 5 });
    expect(s).toMatchObject({ current: 5, total: 8, message: 'Evaluating', metrics: [{ metric_key: 'm', count: 3, average_score: 0.5 }] });
  });

  it('ends failed when the stream sent an error, complete otherwise', () => {
    const failed = feed(feed(started, 'error', { message: 'Boom', details: 'provider down' }), 'done', null);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('Boom (provider down)');
    expect(feed(started, 'done', null).status).toBe('complete');
  });

  it('keeps only the newest log lines', () => {
    let s = started;
    for (let i = 0; i < MAX_LOG_LINES + 5; i += 1) s = feed(s, 'log', { timestamp: '', level: 'INFO', message: `line ${i}` });
    expect(s.logs).toHaveLength(MAX_LOG_LINES);
    expect(s.logs[0]!.message).toBe('line 5');
  });

  it('ignores events of a superseded run and marks a stopped run', () => {
    const other = runStreamReducer(started, { type: 'event', id: 'old', event: { event: 'progress', data: { current: 9 } } });
    expect(other.current).toBe(0);
    expect(runStreamReducer(started, { type: 'end', id: 'r1', outcome: 'stopped' }).status).toBe('stopped');
  });
});
