import { fetchJson, requestJson, withQuery } from '../api';
import { UPLOAD_TIMEOUT_MS } from '../evaluate/api';
import { uploadFile, type UploadOptions } from '../upload/xhrUpload';
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
  WireQualityReply,
  WireRuleListReply,
  WireRuleSaveReply,
  WireRulesReply,
  WireTrace,
  WireUploadReply,
} from './types';
import { normalizeRule, normalizeRules, normalizeTrace } from './normalize';

const BASE = '/api/memory';

/** An upload the server answered with success:false (a missing column) becomes an error carrying its message. */
function checked(reply: WireUploadReply): MemoryUploadReply {
  if (!reply.success) throw new Error(reply.message ?? 'The rules file could not be loaded');
  return { ...reply, data: normalizeRules(reply.data) };
}

export async function uploadRules(file: File, options: UploadOptions = {}): Promise<MemoryUploadReply> {
  return checked(await uploadFile<WireUploadReply>(`${BASE}/upload`, file, { timeoutMs: UPLOAD_TIMEOUT_MS, ...options }));
}

export async function loadRulesExample(): Promise<MemoryUploadReply> {
  return checked(await fetchJson<WireUploadReply>(`${BASE}/example`, { timeoutMs: UPLOAD_TIMEOUT_MS }));
}

const listOf = async (reply: Promise<WireRuleListReply>): Promise<RuleListReply> => ({ data: normalizeRules((await reply).data) });
const savedOf = async (reply: Promise<WireRuleSaveReply>): Promise<RuleSaveReply> => {
  const r = await reply;
  return { ...r, data: normalizeRule(r.data) };
};

export const getMemoryConfig = (signal?: AbortSignal) => fetchJson<MemoryConfig>(`${BASE}/config`, { signal });
export const getMemorySummary = (signal?: AbortSignal) => fetchJson<MemorySummary>(`${BASE}/summary`, { signal });
export async function getRules(filters: Record<string, string>, signal?: AbortSignal): Promise<RulesReply> {
  const reply = await fetchJson<WireRulesReply>(withQuery(`${BASE}/rules`, filters), { signal });
  return { ...reply, data: normalizeRules(reply.data) };
}

export async function getQuality(signal?: AbortSignal): Promise<QualityReply> {
  const q = await fetchJson<WireQualityReply>(`${BASE}/rules/quality`, { signal });
  return { aligned: normalizeRules(q.aligned), divergent: normalizeRules(q.divergent), partial: normalizeRules(q.partial) };
}

export const getSoftThresholds = (signal?: AbortSignal) => listOf(fetchJson<WireRuleListReply>(`${BASE}/rules/soft-thresholds`, { signal }));
export const getHardStops = (signal?: AbortSignal) => listOf(fetchJson<WireRuleListReply>(`${BASE}/hard-stops`, { signal }));
export const getBatches = (signal?: AbortSignal) => fetchJson<BatchesReply>(`${BASE}/batches`, { signal });
export const getConflicts = (signal?: AbortSignal) => fetchJson<ConflictsReply>(`${BASE}/conflicts`, { signal });
export const getTrace = async (ruleId: string, signal?: AbortSignal): Promise<DecisionTrace> =>
  normalizeTrace(await fetchJson<WireTrace>(withQuery(`${BASE}/trace`, { rule_id: ruleId }), { signal }));

export const createRule = (rule: RuleInput) => savedOf(requestJson<WireRuleSaveReply>(`${BASE}/rules`, { method: 'POST', body: rule }));
export const updateRule = (id: string, rule: RuleInput) =>
  savedOf(requestJson<WireRuleSaveReply>(`${BASE}/rules/${encodeURIComponent(id)}`, { method: 'PUT', body: rule }));
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
