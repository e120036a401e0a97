import { asCount, asRecord, asText } from '../eventData';
import { END_EVENT, type StreamEnd, type StreamEvent } from '../eventStream';
import type { LogEvent, MetricProgress, RunSummary } from './types';

export type RunStreamStatus = 'idle' | 'running' | 'complete' | 'failed' | 'stopped';

export interface RunStreamState {
  id: string | null;
  status: RunStreamStatus;
  runId: string | null;
  current: number;
  total: number;
  phase: string;
  message: string;
  logs: LogEvent[];
  metrics: MetricProgress[];
  summary: RunSummary | null;
  error: string | null;
}

export type RunStreamAction =
  | { type: 'start'; id: string; runId?: string | null }
  | { type: 'event'; id: string; event: StreamEvent }
  | ({ type: 'end'; id: string } & StreamEnd)
  | { type: 'show'; summary: RunSummary };

export const IDLE_RUN: RunStreamState = {
  id: null,
  status: 'idle',
  runId: null,
  current: 0,
  total: 0,
  phase: '',
  message: '',
  logs: [],
  metrics: [],
  summary: null,
  error: null,
};

/** Logs kept on screen: the newest ones, so a long run cannot grow the page without bound. */
export const MAX_LOG_LINES = 500;

function metricProgress(list: unknown): MetricProgress[] | null {
  if (!Array.isArray(list)) return null;
  return list.map(asRecord).flatMap((m) => {
    const key = asText(m.metric_key);
    const count = asCount(m.count);
    const average = asCount(m.average_score);
    return key !== null && count !== null && average !== null ? [{ metric_key: key, count, average_score: average }] : [];
  });
}

function applyEvent(s: RunStreamState, { event, data }: StreamEvent): RunStreamState {
  const d = asRecord(data);
  switch (event) {
    case 'log': {
      const line: LogEvent = { timestamp: asText(d.timestamp) ?? '', level: asText(d.level) ?? 'INFO', message: asText(d.message) ?? '' };
      return { ...s, logs: [...s.logs, line].slice(-MAX_LOG_LINES) };
    }
    case 'progress':
      return {
        ...s,
        runId: asText(d.run_id) ?? s.runId,
        current: asCount(d.current) ?? s.current,
        total: asCount(d.total) ?? s.total,
        phase: asText(d.phase) ?? s.phase,
        message: asText(d.message) ?? s.message,
        metrics: metricProgress(d.metrics) ?? s.metrics,
      };
    case 'complete': {
      const summary = d.summary && typeof d.summary === 'object' ? (d.summary as RunSummary) : null;
      return { ...s, runId: asText(d.run_id) ?? s.runId, summary, current: s.total > 0 ? s.total : s.current };
    }
    case 'error': {
      const details = asText(d.details);
      const message = asText(d.message) ?? asText(data) ?? 'The evaluation failed.';
      return { ...s, error: details ? `${message} (${details})` : message };
    }
    case END_EVENT:
      return { ...s, status: s.error ? 'failed' : 'complete' };
    default:
      return s;
  }
}

/** One run (or resume) as its event stream reports it: progress, logs, running averages, the summary. */
export function runStreamReducer(state: RunStreamState, action: RunStreamAction): RunStreamState {
  if (action.type === 'start') return { ...IDLE_RUN, id: action.id, status: 'running', runId: action.runId ?? null };
  if (action.type === 'show') return { ...IDLE_RUN, status: 'complete', runId: action.summary.run_id, summary: action.summary };
  if (action.id !== state.id || state.status !== 'running') return state;
  if (action.type === 'event') return applyEvent(state, action.event);
  if (action.outcome === 'stopped') return { ...state, status: 'stopped' };
  if (action.outcome === 'failed') return { ...state, status: 'failed', error: action.error ?? 'The request failed.' };
  return { ...state, status: state.error ? 'failed' : 'complete' };
}
