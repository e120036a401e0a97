import { fetchJson, withQuery } from '../api';
import { UPLOAD_TIMEOUT_MS } from '../evaluate/api';
import type { UploadResponse } from '../evaluate/types';
import { uploadFile, type UploadOptions } from '../upload/xhrUpload';
import type { KpiCategoriesResponse, KpiFiltersResponse, KpiTrendsResponse } from './types';

/** The filters every KPI view of one agent takes: its source_name and an optional segment. */
export interface KpiScope {
  source: string;
  segment?: string;
}

const scopeParams = (s: KpiScope) => ({ source_name: s.source, segment: s.segment || undefined });

export function getKpiCategories(scope: KpiScope, signal?: AbortSignal): Promise<KpiCategoriesResponse> {
  return fetchJson<KpiCategoriesResponse>(withQuery('/api/kpi/categories', scopeParams(scope)), { signal });
}

/** The filter values (each list ignores its own filter, so `segments` lists every segment of the agent) and the composition charts. */
export function getKpiFilters(scope: KpiScope | null, signal?: AbortSignal): Promise<KpiFiltersResponse> {
  return fetchJson<KpiFiltersResponse>(withQuery('/api/kpi/filters', scope ? scopeParams(scope) : {}), { signal });
}

/** Daily values with their 7- and 30-day averages for the named KPIs. */
export function getKpiTrends(scope: KpiScope, kpiNames: readonly string[], signal?: AbortSignal): Promise<KpiTrendsResponse> {
  return fetchJson<KpiTrendsResponse>(withQuery('/api/kpi/trends', { ...scopeParams(scope), kpi_names: kpiNames.join(',') }), { signal });
}

/** A KPI CSV, stored as a dataset of kind `kpi`: the KPI views read the newest one. */
export function uploadKpi(file: File, options: UploadOptions = {}): Promise<UploadResponse> {
  return uploadFile<UploadResponse>('/api/kpi/upload', file, { timeoutMs: UPLOAD_TIMEOUT_MS, ...options });
}

export function loadKpiExample(name = 'kpi'): Promise<UploadResponse> {
  return fetchJson<UploadResponse>(`/api/kpi/example/${encodeURIComponent(name)}`, { timeoutMs: UPLOAD_TIMEOUT_MS });
}
