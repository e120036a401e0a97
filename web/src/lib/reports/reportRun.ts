import { asCount, asRecord, asText, errorText } from '../eventData';
import { END_EVENT, type StreamEnd, type StreamEvent } from '../eventStream';
import { appendThought, type Thought } from '../thoughts';
import type { InsightPattern } from './types';

export type ReportStatus = 'idle' | 'streaming' | 'complete' | 'stopped';

export interface ReportRunState {
  id: string | null;
  status: ReportStatus;
  thoughts: Thought[];
  text: string;
  patterns: InsightPattern[];
  issuesAnalyzed: number | null;
  metricsCovered: string[];
  error: string | null;
}

export type ReportRunAction =
  | { type: 'start'; id: string }
  | { type: 'event'; id: string; event: StreamEvent }
  | ({ type: 'end'; id: string } & StreamEnd);

export const IDLE_REPORT: ReportRunState = {
  id: null,
  status: 'idle',
  thoughts: [],
  text: '',
  patterns: [],
  issuesAnalyzed: null,
  metricsCovered: [],
  error: null,
};

/** The `patterns` of an insights object, keeping those with a category or a description. */
export function insightPatterns(insights: unknown): InsightPattern[] {
  const list = asRecord(insights).patterns;
  if (!Array.isArray(list)) return [];
  return list
    .map((p) => asRecord(p))
    .map((p) => ({ category: asText(p.category) ?? '', description: asText(p.description) ?? '', count: asCount(p.count) }))
    .filter((p) => p.category !== '' || p.description !== '');
}

function applyEvent(s: ReportRunState, { event, data }: StreamEvent): ReportRunState {
  const d = asRecord(data);
  switch (event) {
    case 'thought':
      return { ...s, thoughts: appendThought(s.thoughts, data, s.id ?? 'report') };
    case 'token':
      return { ...s, text: s.text + (asText(d.text) ?? '') };
    case 'insights': {
      const patterns = insightPatterns(data);
      return patterns.length > 0 ? { ...s, patterns } : s;
    }
    case 'response': {
      if (d.success === false) return { ...s, error: asText(d.error) ?? 'The report could not be generated.' };
      const patterns = insightPatterns(d.insights);
      const metrics = Array.isArray(d.metrics_covered) ? d.metrics_covered.filter((m): m is string => typeof m === 'string') : s.metricsCovered;
      return {
        ...s,
        text: asText(d.report_text) ?? s.text,
        issuesAnalyzed: asCount(d.issues_analyzed) ?? s.issuesAnalyzed,
        metricsCovered: metrics,
        patterns: patterns.length > 0 ? patterns : s.patterns,
      };
    }
    case 'error':
      return { ...s, error: errorText(data, 'The report generation failed.') };
    case END_EVENT:
      return { ...s, status: 'complete' };
    default:
      return s;
  }
}

/** One report generation: progress thoughts, the text as it streams, then the final report. */
export function reportRunReducer(state: ReportRunState, action: ReportRunAction): ReportRunState {
  if (action.type === 'start') return { ...IDLE_REPORT, id: action.id, status: 'streaming' };
  if (action.id !== state.id || state.status !== 'streaming') return state;
  if (action.type === 'event') return applyEvent(state, action.event);
  return {
    ...state,
    status: action.outcome === 'stopped' ? 'stopped' : 'complete',
    error: action.outcome === 'failed' ? (action.error ?? 'The request failed.') : state.error,
  };
}
