import { fetchJson, requestJson, withQuery } from '../api';
import { UPLOAD_TIMEOUT_MS } from '../evaluate/api';
import type {
  BatchesReply,
  ConflictsReply,
  DecisionTrace,
  GraphFilters,
  GraphReply,
  GraphSearchReply,
  GraphStatus,
  GraphSummary,
  MemoryConfig,
  MemorySummary,
  MemoryUploadReply,
  NeighborhoodReply,
  QualityReply,
  RuleDeleteReply,
  RuleInput,
  RuleListReply,
  RuleSaveReply,
  RulesReply,
} from './types';

const BASE = '/api/memory';

/** An upload the server answered with success:false (a missing column) becomes an error carrying its message. */
function checked(reply: MemoryUploadReply): MemoryUploadReply {
  if (!reply.success) throw new Error(reply.message ?? 'The rules file could not be loaded');
  return reply;
}

export async function uploadRules(file: File): Promise<MemoryUploadReply> {
  const form = new FormData();
  form.append('file', file, file.name);
  return checked(await requestJson<MemoryUploadReply>(`${BASE}/upload`, { method: 'POST', body: form, timeoutMs: UPLOAD_TIMEOUT_MS }));
}

export async function loadRulesExample(): Promise<MemoryUploadReply> {
  return checked(await fetchJson<MemoryUploadReply>(`${BASE}/example`, { timeoutMs: UPLOAD_TIMEOUT_MS }));
}

export const getMemoryConfig = (signal?: AbortSignal) => fetchJson<MemoryConfig>(`${BASE}/config`, { signal });
export const getMemorySummary = (signal?: AbortSignal) => fetchJson<MemorySummary>(`${BASE}/summary`, { signal });
export const getRules = (filters: Record<string, string>, signal?: AbortSignal) => fetchJson<RulesReply>(withQuery(`${BASE}/rules`, filters), { signal });
export const getQuality = (signal?: AbortSignal) => fetchJson<QualityReply>(`${BASE}/rules/quality`, { signal });
export const getSoftThresholds = (signal?: AbortSignal) => fetchJson<RuleListReply>(`${BASE}/rules/soft-thresholds`, { signal });
export const getHardStops = (signal?: AbortSignal) => fetchJson<RuleListReply>(`${BASE}/hard-stops`, { signal });
export const getBatches = (signal?: AbortSignal) => fetchJson<BatchesReply>(`${BASE}/batches`, { signal });
export const getConflicts = (signal?: AbortSignal) => fetchJson<ConflictsReply>(`${BASE}/conflicts`, { signal });
export const getTrace = (ruleId: string, signal?: AbortSignal) => fetchJson<DecisionTrace>(withQuery(`${BASE}/trace`, { rule_id: ruleId }), { signal });

export const createRule = (rule: RuleInput) => requestJson<RuleSaveReply>(`${BASE}/rules`, { method: 'POST', body: rule });
export const updateRule = (id: string, rule: RuleInput) =>
  requestJson<RuleSaveReply>(`${BASE}/rules/${encodeURIComponent(id)}`, { method: 'PUT', body: rule });
export const deleteRule = (id: string) => requestJson<RuleDeleteReply>(`${BASE}/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });

// Knowledge graph.
const GRAPH = `${BASE}/graph`;

export const getGraphStatus = (signal?: AbortSignal) => fetchJson<GraphStatus>(`${GRAPH}/status`, { signal });
export const getGraphSummary = (signal?: AbortSignal) => fetchJson<GraphSummary>(`${GRAPH}/summary`, { signal });
export const getGraph = (filters: GraphFilters, limit: number, signal?: AbortSignal) =>
  fetchJson<GraphReply>(withQuery(GRAPH, { ...filters, limit }), { signal });
export const searchGraph = (q: string, limit: number, signal?: AbortSignal) =>
  fetchJson<GraphSearchReply>(withQuery(`${GRAPH}/search`, { q, limit }), { signal });
export const getNeighborhood = (nodeId: string, depth: number, signal?: AbortSignal) =>
  fetchJson<NeighborhoodReply>(withQuery(`${GRAPH}/neighborhood`, { node_id: nodeId, depth }), { signal });
