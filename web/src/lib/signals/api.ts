import { fetchJson, requestJson, withQuery } from '../api';
import { UPLOAD_TIMEOUT_MS } from '../evaluate/api';
import type { MetricSchemaResponse, SignalsCasesReply, SignalsReply } from './types';

export function uploadSignals(file: File): Promise<SignalsReply> {
  const form = new FormData();
  form.append('file', file, file.name);
  return requestJson<SignalsReply>('/api/human-signals/upload', { method: 'POST', body: form, timeoutMs: UPLOAD_TIMEOUT_MS });
}

export function loadSignalsExample(name: string): Promise<SignalsReply> {
  return fetchJson<SignalsReply>(`/api/human-signals/example/${encodeURIComponent(name)}`, { timeoutMs: UPLOAD_TIMEOUT_MS });
}

/** The schema, layout and KPIs of a signals dataset (the newest without an id). */
export function getMetricSchema(datasetId: string | null, signal?: AbortSignal, source?: string): Promise<MetricSchemaResponse> {
  return fetchJson<MetricSchemaResponse>(withQuery('/api/human-signals/metric-schema', { dataset_id: datasetId, source_name: source }), { signal });
}

export function getCases(datasetId: string, page: number, pageSize: number, signal?: AbortSignal): Promise<SignalsCasesReply> {
  return fetchJson<SignalsCasesReply>(withQuery('/api/human-signals/cases', { dataset_id: datasetId, page, page_size: pageSize }), { signal });
}
