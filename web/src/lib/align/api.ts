import { fetchJson, requestJson, withQuery } from '../api';
import type {
  AlignDefaults,
  AlignModel,
  AlignModelsResponse,
  AlignmentMetrics,
  AlignmentResult,
  AlignRecord,
  AlignStatus,
  ClusterMethod,
  ClusterResponse,
  EvaluateRequest,
  EvaluateResponse,
  ExampleStrategy,
  HumanScore,
  JudgeConfig,
  JudgeRunResponse,
  JudgeRunsResponse,
  Labels,
  LabelsResponse,
  MessageResponse,
  MisalignmentResponse,
  OptimizeResponse,
  SaveConfigResponse,
  SavedConfig,
  SavedConfigsResponse,
  SaveLabelsResponse,
  SuggestExamplesResponse,
} from './types';

const BASE = '/api/align';
/** Judging and the LLM analyses call a model once per record or once per request: allow minutes. */
const LLM_TIMEOUT_MS = 300_000;

export async function getModels(signal?: AbortSignal): Promise<AlignModel[]> {
  return (await fetchJson<AlignModelsResponse>(`${BASE}/models`, { signal })).models;
}

export function getStatus(signal?: AbortSignal): Promise<AlignStatus> {
  return fetchJson<AlignStatus>(`${BASE}/status`, { signal });
}

export function getDefaults(signal?: AbortSignal): Promise<AlignDefaults> {
  return fetchJson<AlignDefaults>(`${BASE}/defaults`, { signal });
}

export function getLabels(datasetKey: string, signal?: AbortSignal): Promise<LabelsResponse> {
  return fetchJson<LabelsResponse>(withQuery(`${BASE}/labels`, { dataset_key: datasetKey }), { signal });
}

export function saveLabels(datasetKey: string, annotations: Labels): Promise<SaveLabelsResponse> {
  return requestJson<SaveLabelsResponse>(`${BASE}/labels`, { method: 'PUT', body: { dataset_key: datasetKey, annotations }, timeoutMs: 30_000 });
}

export function evaluateJudge(request: EvaluateRequest): Promise<EvaluateResponse> {
  return requestJson<EvaluateResponse>(`${BASE}/evaluate`, { method: 'POST', body: request, timeoutMs: LLM_TIMEOUT_MS });
}

export function clusterPatterns(annotations: Labels, judgeConfig: JudgeConfig, method: ClusterMethod): Promise<ClusterResponse> {
  return requestJson<ClusterResponse>(`${BASE}/cluster-patterns`, {
    method: 'POST',
    body: { annotations, judge_config: judgeConfig, method },
    timeoutMs: LLM_TIMEOUT_MS,
  });
}

export function analyzeMisalignment(results: AlignmentResult[], judgeConfig: JudgeConfig): Promise<MisalignmentResponse> {
  return requestJson<MisalignmentResponse>(`${BASE}/analyze-misalignment`, { method: 'POST', body: { results, judge_config: judgeConfig }, timeoutMs: LLM_TIMEOUT_MS });
}

export function optimizePrompt(results: AlignmentResult[], currentConfig: JudgeConfig): Promise<OptimizeResponse> {
  return requestJson<OptimizeResponse>(`${BASE}/optimize-prompt`, { method: 'POST', body: { results, current_config: currentConfig }, timeoutMs: LLM_TIMEOUT_MS });
}

export function suggestExamples(
  records: AlignRecord[],
  humanAnnotations: Record<string, HumanScore>,
  strategy: ExampleStrategy,
  count: number,
): Promise<SuggestExamplesResponse> {
  return requestJson<SuggestExamplesResponse>(`${BASE}/suggest-examples`, {
    method: 'POST',
    body: { records, human_annotations: humanAnnotations, strategy, count },
  });
}

export function saveConfig(name: string, config: JudgeConfig, metrics: AlignmentMetrics | null): Promise<SaveConfigResponse> {
  return requestJson<SaveConfigResponse>(`${BASE}/save-config`, { method: 'POST', body: metrics ? { name, config, metrics } : { name, config } });
}

export async function listConfigs(signal?: AbortSignal): Promise<SavedConfig[]> {
  return (await fetchJson<SavedConfigsResponse>(`${BASE}/configs`, { signal })).configs;
}

export function deleteConfig(configId: string): Promise<MessageResponse> {
  return requestJson<MessageResponse>(`${BASE}/configs/${encodeURIComponent(configId)}`, { method: 'DELETE' });
}

export function listJudgeRuns(signal?: AbortSignal): Promise<JudgeRunsResponse> {
  return fetchJson<JudgeRunsResponse>(`${BASE}/runs`, { signal });
}

export function getJudgeRun(runId: string): Promise<JudgeRunResponse> {
  return fetchJson<JudgeRunResponse>(`${BASE}/runs/${encodeURIComponent(runId)}`);
}
