import { fetchJson, withQuery } from '../api';
import type { AiStatus, HistoryResponse } from './types';

export const COPILOT_STREAM_PATH = '/api/ai/copilot/stream';

export function getAiStatus(signal?: AbortSignal): Promise<AiStatus> {
  return fetchJson<AiStatus>('/api/ai/status', { signal });
}

export function getCopilotHistory(sessionId: string, signal?: AbortSignal): Promise<HistoryResponse> {
  return fetchJson<HistoryResponse>(withQuery('/api/ai/copilot/history', { session_id: sessionId }), { signal });
}
