import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getCaseFigures, getCases, getFilterOptions, getMetricSchema, type CasesPageQuery } from './api';
import type { CaseFilters } from './types';

export const signalsKeys = {
  schema: (id: string, source: string) => ['signals', 'schema', id, source] as const,
  filterOptions: (id: string) => ['signals', 'filter-options', id] as const,
  figures: (id: string, filters: CaseFilters) => ['signals', 'figures', id, filters] as const,
  cases: (q: CasesPageQuery) => ['signals', 'cases', q] as const,
};

/** The schema, display config and KPI figures; with `source`, the figures cover that source's cases only. */
export function useMetricSchema(datasetId: string | null, source?: string) {
  return useQuery({
    queryKey: signalsKeys.schema(datasetId ?? '', source ?? ''),
    queryFn: ({ signal }) => getMetricSchema(datasetId, signal, source),
    placeholderData: keepPreviousData,
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

/** Every chart's figures over all the cases matching the filters, computed by the server. */
export function useCaseFigures(datasetId: string, filters: CaseFilters) {
  return useQuery({
    queryKey: signalsKeys.figures(datasetId, filters),
    queryFn: ({ signal }) => getCaseFigures(datasetId, filters, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** One page of the matching cases, filtered and sorted by the server. */
export function useCasesPage(q: CasesPageQuery) {
  return useQuery({
    queryKey: signalsKeys.cases(q),
    queryFn: ({ signal }) => getCases(q, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
