import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getCaseFigures, getCases, getFilterOptions, getMetricSchema, getSignalsTrends, type CasesPageQuery } from './api';
import type { TimeWindow } from './timeRange';
import type { CaseFilters } from './types';

export const signalsKeys = {
  schema: (id: string, source: string, window: TimeWindow) => ['signals', 'schema', id, source, window] as const,
  filterOptions: (id: string) => ['signals', 'filter-options', id] as const,
  figures: (id: string, filters: CaseFilters, window: TimeWindow) => ['signals', 'figures', id, filters, window] as const,
  trends: (id: string, filters: CaseFilters, window: TimeWindow) => ['signals', 'trends', id, filters, window] as const,
  cases: (q: CasesPageQuery) => ['signals', 'cases', q] as const,
};

/** The schema, display config and KPI figures; with `source`, the figures cover that source's cases only, and with a window its cases in it. */
export function useMetricSchema(datasetId: string | null, source?: string, window: TimeWindow = {}, enabled = true) {
  return useQuery({
    queryKey: signalsKeys.schema(datasetId ?? '', source ?? '', window),
    queryFn: ({ signal }) => getMetricSchema(datasetId, signal, source, window),
    placeholderData: keepPreviousData,
    enabled,
    retry: false,
  });
}

/** The values each filter offers, over every case of the dataset. */
export function useFilterOptions(datasetId: string) {
  return useQuery({
    queryKey: signalsKeys.filterOptions(datasetId),
    queryFn: ({ signal }) => getFilterOptions(datasetId, signal),
    retry: false,
  });
}

/** Every chart's figures over all the cases matching the filters and the window, computed by the server. */
export function useCaseFigures(datasetId: string, filters: CaseFilters, window: TimeWindow, enabled = true) {
  return useQuery({
    queryKey: signalsKeys.figures(datasetId, filters, window),
    queryFn: ({ signal }) => getCaseFigures(datasetId, filters, window, signal),
    placeholderData: keepPreviousData,
    enabled,
    retry: false,
  });
}

/** The KPI strip figures per week over the matching cases in the window. */
export function useSignalsTrends(datasetId: string, filters: CaseFilters, window: TimeWindow, enabled = true) {
  return useQuery({
    queryKey: signalsKeys.trends(datasetId, filters, window),
    queryFn: ({ signal }) => getSignalsTrends(datasetId, filters, window, signal),
    placeholderData: keepPreviousData,
    enabled,
    retry: false,
  });
}

export function casesPageQuery(q: CasesPageQuery) {
  return queryOptions({ queryKey: signalsKeys.cases(q), queryFn: ({ signal }) => getCases(q, signal), retry: false });
}

/** One page of the matching cases, filtered and sorted by the server. */
export function useCasesPage(q: CasesPageQuery) {
  return useQuery({ ...casesPageQuery(q), placeholderData: keepPreviousData });
}
