import { fetchBlob, fetchJson, requestJson } from '../api';
import { UPLOAD_TIMEOUT_MS } from '../evaluate/api';
import type {
  AgentConfig,
  MessageResponse,
  RunnerMetricsResponse,
  RunnerUploadResponse,
  RunResponse,
  RunsResponse,
  TestConnectionResponse,
} from './types';

const BASE = '/api/eval-runner';

/** The event-stream route that starts a run. */
export const RUN_STREAM_PATH = `${BASE}/run/stream`;

/** The event-stream route that scores what a stored run is missing. */
export function resumeStreamPath(runId: string): string {
  return `${BASE}/runs/${encodeURIComponent(runId)}/resume`;
}

export function getRunnerMetrics(signal?: AbortSignal): Promise<RunnerMetricsResponse> {
  return fetchJson<RunnerMetricsResponse>(`${BASE}/metrics`, { signal });
}

export function uploadRunnerCsv(file: File): Promise<RunnerUploadResponse> {
  const form = new FormData();
  form.append('file', file, file.name);
  return requestJson<RunnerUploadResponse>(`${BASE}/upload`, { method: 'POST', body: form, timeoutMs: UPLOAD_TIMEOUT_MS });
}

export function loadRunnerSample(): Promise<RunnerUploadResponse> {
  return fetchJson<RunnerUploadResponse>(`${BASE}/example/sample`, { timeoutMs: UPLOAD_TIMEOUT_MS });
}

export function testConnection(agentConfig: AgentConfig, sampleQuery: string): Promise<TestConnectionResponse> {
  return requestJson<TestConnectionResponse>(`${BASE}/test-connection`, {
    method: 'POST',
    body: { agent_config: agentConfig, sample_query: sampleQuery },
    timeoutMs: 120_000,
  });
}

export function listRuns(signal?: AbortSignal): Promise<RunsResponse> {
  return fetchJson<RunsResponse>(`${BASE}/runs`, { signal });
}

export function getRun(runId: string, signal?: AbortSignal): Promise<RunResponse> {
  return fetchJson<RunResponse>(`${BASE}/runs/${encodeURIComponent(runId)}`, { signal });
}

export function deleteRun(runId: string): Promise<MessageResponse> {
  return requestJson<MessageResponse>(`${BASE}/runs/${encodeURIComponent(runId)}`, { method: 'DELETE' });
}

export type ExportFormat = 'csv' | 'json';

export function exportRun(runId: string, format: ExportFormat): Promise<Blob> {
  return fetchBlob(`${BASE}/export/${encodeURIComponent(runId)}/${format}`);
}
