import { fetchJson, requestJson, withQuery } from '../api';
import { UPLOAD_TIMEOUT_MS } from '../evaluate/api';
import { uploadFile, type UploadOptions } from '../upload/xhrUpload';
import type { FilterParams } from './filters';
import type {
  AlertsResponse,
  BreakdownResponse,
  ClassificationBreakdownResponse,
  ClassificationTrendsResponse,
  Granularity,
  GroupBy,
  InsightsResponse,
  LatencyResponse,
  MonitoringDbConfig,
  MonitoringUploadResponse,
  RecordsResponse,
  StoreMetadataResponse,
  SummaryResponse,
  TrendsResponse,
} from './types';

export function uploadMonitoring(file: File, options: UploadOptions = {}): Promise<MonitoringUploadResponse> {
  return uploadFile<MonitoringUploadResponse>('/api/monitoring/upload', file, { timeoutMs: UPLOAD_TIMEOUT_MS, ...options });
}

export function loadMonitoringExample(name: string): Promise<MonitoringUploadResponse> {
  return fetchJson<MonitoringUploadResponse>(`/api/monitoring/example/${encodeURIComponent(name)}`, { timeoutMs: UPLOAD_TIMEOUT_MS });
}

/** Imports the configured monitoring source (its queries, LIMIT row_limit) as a new monitoring dataset. */
export function importMonitoringFromDb(): Promise<MonitoringUploadResponse> {
  return requestJson<MonitoringUploadResponse>('/api/monitoring/db-import', { method: 'POST', timeoutMs: UPLOAD_TIMEOUT_MS });
}

export function getDbConfig(signal?: AbortSignal): Promise<MonitoringDbConfig> {
  return fetchJson<MonitoringDbConfig>('/api/monitoring/db-config', { signal });
}

export function getStoreMetadata(store: string, datasetId: string | null, signal?: AbortSignal): Promise<StoreMetadataResponse> {
  return fetchJson<StoreMetadataResponse>(withQuery(`/api/store/metadata/${encodeURIComponent(store)}`, { dataset_id: datasetId }), { signal });
}

function analytics<T>(name: string, params: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<T> {
  return fetchJson<T>(withQuery(`/api/monitoring/analytics/${name}`, params), { signal });
}

export const getSummary = (p: FilterParams, signal?: AbortSignal) => analytics<SummaryResponse>('summary', p, signal);

export const getTrends = (p: FilterParams, granularity: Granularity, signal?: AbortSignal) =>
  analytics<TrendsResponse>('trends', { ...p, granularity }, signal);

export const getLatency = (p: FilterParams, groupBy: GroupBy | '', signal?: AbortSignal) =>
  analytics<LatencyResponse>('latency-distribution', { ...p, group_by: groupBy || undefined }, signal);

export const getBreakdown = (p: FilterParams, groupBy: GroupBy | '', threshold: number, signal?: AbortSignal) =>
  analytics<BreakdownResponse>('metric-breakdown', { ...p, group_by: groupBy || undefined, threshold }, signal);

export type CategorySource = 'explanation' | 'actual_output';

export const getClassificationBreakdown = (p: FilterParams, source: CategorySource, signal?: AbortSignal) =>
  analytics<ClassificationBreakdownResponse>('classification-breakdown', { ...p, category_source: source }, signal);

export const getClassificationTrends = (p: FilterParams, metric: string, granularity: Granularity, source: CategorySource, signal?: AbortSignal) =>
  analytics<ClassificationTrendsResponse>('classification-trends', { ...p, metric_name: metric, granularity, category_source: source }, signal);

export const getInsights = (p: FilterParams, page: number, limit: number, metric: string, signal?: AbortSignal) =>
  analytics<InsightsResponse>('analysis-insights', { ...p, page, limit, metric_name: metric || undefined }, signal);

export const getAlerts = (p: FilterParams, granularity: Granularity, signal?: AbortSignal) =>
  analytics<AlertsResponse>('alerts', { ...p, granularity }, signal);

export interface RecordsQuery {
  page: number;
  pageSize: number;
  sortBy: string;
  sortDir: 'asc' | 'desc';
  search: string;
}

export function getRecords(p: FilterParams, q: RecordsQuery, signal?: AbortSignal): Promise<RecordsResponse> {
  return fetchJson<RecordsResponse>(
    withQuery('/api/store/data/monitoring', {
      ...p,
      page: q.page,
      page_size: q.pageSize,
      sort_by: q.sortBy,
      sort_dir: q.sortDir,
      search: q.search.trim(),
    }),
    { signal },
  );
}

/** The lowest-scored rows for the filters (see lib/monitoring/failing.ts for the sort and filters). */
export function getFailingRows(p: FilterParams, q: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<RecordsResponse> {
  return fetchJson<RecordsResponse>(withQuery('/api/store/data/monitoring', { ...p, ...q }), { signal });
}
