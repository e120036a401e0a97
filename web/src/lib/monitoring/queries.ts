import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  getAlerts,
  getBreakdown,
  getClassificationBreakdown,
  getClassificationTrends,
  getDbConfig,
  getInsights,
  getLatency,
  getFailingRows,
  getRecords,
  getStoreMetadata,
  getSummary,
  getTrends,
  type CategorySource,
  type RecordsQuery,
} from './api';
import type { FilterParams } from './filters';
import type { Granularity, GroupBy } from './types';

/** One monitoring read: keyed by its name and inputs, no retries, the previous answer kept while the next loads. */
function useMonitoringQuery<T>(key: unknown[], fn: (signal: AbortSignal) => Promise<T>, enabled = true) {
  return useQuery({
    queryKey: ['monitoring', ...key],
    queryFn: ({ signal }) => fn(signal),
    enabled,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useMonitoringDbConfig() {
  return useQuery({ queryKey: ['monitoring', 'db-config'], queryFn: ({ signal }) => getDbConfig(signal), retry: false, staleTime: 5 * 60_000 });
}

/** A store's metadata (columns, filter values, time range) for a dataset: read by the pages' first render. */
export function storeMetadataQuery(store: string, datasetId: string | null) {
  return queryOptions({
    queryKey: ['monitoring', 'metadata', store, datasetId ?? ''],
    queryFn: ({ signal }) => getStoreMetadata(store, datasetId, signal),
    retry: false,
  });
}

export function useStoreMetadata(store: string, datasetId: string | null, enabled = true) {
  return useQuery({ ...storeMetadataQuery(store, datasetId), enabled, placeholderData: keepPreviousData });
}

export const useSummary = (p: FilterParams, enabled = true) => useMonitoringQuery(['summary', p], (s) => getSummary(p, s), enabled);

export const useTrends = (p: FilterParams, g: Granularity, enabled = true) =>
  useMonitoringQuery(['trends', p, g], (s) => getTrends(p, g, s), enabled);

export const useLatency = (p: FilterParams, groupBy: GroupBy | '') =>
  useMonitoringQuery(['latency', p, groupBy], (s) => getLatency(p, groupBy, s));

export const useBreakdown = (p: FilterParams, groupBy: GroupBy | '', threshold: number, enabled = true) =>
  useMonitoringQuery(['breakdown', p, groupBy, threshold], (s) => getBreakdown(p, groupBy, threshold, s), enabled);

export const useClassificationBreakdown = (p: FilterParams, source: CategorySource) =>
  useMonitoringQuery(['classification', p, source], (s) => getClassificationBreakdown(p, source, s));

export const useClassificationTrends = (p: FilterParams, metric: string | null, g: Granularity, source: CategorySource) =>
  useMonitoringQuery(['classification-trends', p, metric ?? '', g, source], (s) => getClassificationTrends(p, metric!, g, source, s), !!metric);

export const useInsights = (p: FilterParams, page: number, limit: number, metric: string) =>
  useMonitoringQuery(['insights', p, page, limit, metric], (s) => getInsights(p, page, limit, metric, s));

export const useAlerts = (p: FilterParams, g: Granularity, enabled = true) =>
  useMonitoringQuery(['alerts', p, g], (s) => getAlerts(p, g, s), enabled);

export const useRecords = (p: FilterParams, q: RecordsQuery) => useMonitoringQuery(['records', p, q], (s) => getRecords(p, q, s));

export const useFailingRows = (p: FilterParams, q: Record<string, string | number | undefined>, enabled = true) =>
  useMonitoringQuery(['failing', p, q], (s) => getFailingRows(p, q, s), enabled);
