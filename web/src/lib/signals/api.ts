import { fetchJson, withQuery } from '../api';
import { UPLOAD_TIMEOUT_MS } from '../evaluate/api';
import { uploadFile, type UploadOptions } from '../upload/xhrUpload';
import type { TimeWindow } from './timeRange';
import type { CaseFigures, CaseFilters, CaseSort, FilterOptionsResponse, MetricSchemaResponse, SignalsCasesReply, SignalsReply, SignalsTrendsResponse } from './types';

export function uploadSignals(file: File, options: UploadOptions = {}): Promise<SignalsReply> {
  return uploadFile<SignalsReply>('/api/human-signals/upload', file, { timeoutMs: UPLOAD_TIMEOUT_MS, ...options });
}

export function loadSignalsExample(name: string): Promise<SignalsReply> {
  return fetchJson<SignalsReply>(`/api/human-signals/example/${encodeURIComponent(name)}`, { timeoutMs: UPLOAD_TIMEOUT_MS });
}

/** The schema, layout and KPIs of a signals dataset (the newest without an id); the KPIs cover the source's cases in the window. */
export function getMetricSchema(datasetId: string | null, signal?: AbortSignal, source?: string, window: TimeWindow = {}): Promise<MetricSchemaResponse> {
  return fetchJson<MetricSchemaResponse>(withQuery('/api/human-signals/metric-schema', { dataset_id: datasetId, source_name: source, ...window }), { signal });
}

/** `path` with `params` and one `filter.<field>=<value>` per chosen value (fields and values in a stable order). */
export function caseViewPath(path: string, params: Record<string, string | number | null | undefined>, filters: CaseFilters): string {
  const base = withQuery(path, params);
  const search = new URLSearchParams();
  for (const field of Object.keys(filters).sort()) {
    for (const value of filters[field] ?? []) if (value !== '') search.append(`filter.${field}`, value);
  }
  const text = search.toString();
  return text ? `${base}${base.includes('?') ? '&' : '?'}${text}` : base;
}

export interface CasesPageQuery {
  datasetId: string;
  filters: CaseFilters;
  sort: CaseSort | null;
  page: number;
  pageSize: number;
  window: TimeWindow;
}

/** One page of the cases matching the filters, sorted on the server. */
export function getCases(q: CasesPageQuery, signal?: AbortSignal): Promise<SignalsCasesReply> {
  const params = { dataset_id: q.datasetId, page: q.page, page_size: q.pageSize, sort_by: q.sort?.key, sort_dir: q.sort?.dir, ...q.window };
  return fetchJson<SignalsCasesReply>(caseViewPath('/api/human-signals/cases', params, q.filters), { signal });
}

/** Every chart's figures over all the cases matching the filters and the window. */
export function getCaseFigures(datasetId: string, filters: CaseFilters, window: TimeWindow, signal?: AbortSignal): Promise<CaseFigures> {
  return fetchJson<CaseFigures>(caseViewPath('/api/human-signals/figures', { dataset_id: datasetId, ...window }, filters), { signal });
}

/** Every KPI strip figure per Monday-based UTC week over the matching dated cases. */
export function getSignalsTrends(datasetId: string, filters: CaseFilters, window: TimeWindow, signal?: AbortSignal): Promise<SignalsTrendsResponse> {
  return fetchJson<SignalsTrendsResponse>(caseViewPath('/api/human-signals/trends', { dataset_id: datasetId, ...window }, filters), { signal });
}

/** The values each filter of the layout offers, over all cases. */
export function getFilterOptions(datasetId: string, signal?: AbortSignal): Promise<FilterOptionsResponse> {
  return fetchJson<FilterOptionsResponse>(withQuery('/api/human-signals/filter-options', { dataset_id: datasetId }), { signal });
}
