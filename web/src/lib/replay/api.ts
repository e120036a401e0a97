import { fetchJson, requestJson, withQuery } from '../api';
import type { DatasetsReply, ReplayStatus, ReviewBody, ReviewReply, ReviewsReply, TraceDetail, TraceListReply, TreeNode } from './types';

const BASE = '/api/agent-replay';
const LOAD_TIMEOUT_MS = 60_000;

/** The agent parameter is left out for the default credentials. */
const agentParam = (agent: string) => ({ agent: agent || undefined });

export const getReplayStatus = (signal?: AbortSignal) => fetchJson<ReplayStatus>(`${BASE}/status`, { signal });

export const getRecentTraces = (agent: string, limit: number, daysBack: number, signal?: AbortSignal) =>
  fetchJson<TraceListReply>(withQuery(`${BASE}/traces`, { ...agentParam(agent), limit, days_back: daysBack }), { signal, timeoutMs: LOAD_TIMEOUT_MS });

export const searchTraces = (agent: string, query: string, searchBy: string, signal?: AbortSignal) =>
  fetchJson<TraceListReply>(withQuery(`${BASE}/search`, { ...agentParam(agent), query, search_by: searchBy }), { signal, timeoutMs: LOAD_TIMEOUT_MS });

export const getTrace = (agent: string, traceId: string, signal?: AbortSignal) =>
  fetchJson<TraceDetail>(withQuery(`${BASE}/traces/${encodeURIComponent(traceId)}`, agentParam(agent)), { signal, timeoutMs: LOAD_TIMEOUT_MS });

/** One observation's subtree with the larger per-node limit, for content the trace view truncated. */
export const getNode = (agent: string, traceId: string, nodeId: string, signal?: AbortSignal) =>
  fetchJson<TreeNode>(withQuery(`${BASE}/traces/${encodeURIComponent(traceId)}/nodes/${encodeURIComponent(nodeId)}`, agentParam(agent)), {
    signal,
    timeoutMs: LOAD_TIMEOUT_MS,
  });

export const getReviews = (agent: string, traceId: string, signal?: AbortSignal) =>
  fetchJson<ReviewsReply>(withQuery(`${BASE}/traces/${encodeURIComponent(traceId)}/reviews`, agentParam(agent)), { signal });

export const getDatasets = (agent: string, signal?: AbortSignal) => fetchJson<DatasetsReply>(withQuery(`${BASE}/datasets`, agentParam(agent)), { signal });

export const postReview = (agent: string, body: ReviewBody) =>
  requestJson<ReviewReply>(withQuery(`${BASE}/reviews`, agentParam(agent)), { method: 'POST', body, timeoutMs: LOAD_TIMEOUT_MS });
