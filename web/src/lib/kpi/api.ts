import { fetchJson, withQuery } from '../api';
import { UPLOAD_TIMEOUT_MS } from '../evaluate/api';
import type { UploadResponse } from '../evaluate/types';
import type { KpiCategoriesResponse, KpiFiltersResponse } from './types';

export function getKpiCategories(sourceName: string, signal?: AbortSignal): Promise<KpiCategoriesResponse> {
  return fetchJson<KpiCategoriesResponse>(withQuery('/api/kpi/categories', { source_name: sourceName }), { signal });
}

export function getKpiFilters(signal?: AbortSignal): Promise<KpiFiltersResponse> {
  return fetchJson<KpiFiltersResponse>('/api/kpi/filters', { signal });
}

export function loadKpiExample(name = 'kpi'): Promise<UploadResponse> {
  return fetchJson<UploadResponse>(`/api/kpi/example/${encodeURIComponent(name)}`, { timeoutMs: UPLOAD_TIMEOUT_MS });
}
