import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { evalKeys } from '../evaluate/queries';
import { queryKeys } from '../queries';
import { getKpiCategories, getKpiFilters, getKpiTrends, loadKpiExample, type KpiScope } from './api';

export function useKpiCategories(scope: KpiScope | null) {
  return useQuery({
    queryKey: ['kpi', 'categories', scope?.source ?? '', scope?.segment ?? ''],
    queryFn: ({ signal }) => getKpiCategories(scope!, signal),
    enabled: !!scope?.source,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useKpiFilters(scope: KpiScope | null = null) {
  return useQuery({
    queryKey: ['kpi', 'filters', scope?.source ?? '', scope?.segment ?? ''],
    queryFn: ({ signal }) => getKpiFilters(scope, signal),
    retry: false,
  });
}

/** Daily trend rows of the named KPIs (nothing is asked for an empty list). */
export function useKpiTrends(scope: KpiScope, kpiNames: readonly string[]) {
  return useQuery({
    queryKey: ['kpi', 'trends', scope.source, scope.segment ?? '', kpiNames.join(',')],
    queryFn: ({ signal }) => getKpiTrends(scope, kpiNames, signal),
    enabled: kpiNames.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Loads the KPI sample, then refreshes every KPI read and the dataset list. */
export function useLoadKpiExample() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => loadKpiExample(),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['kpi'] });
      void client.invalidateQueries({ queryKey: evalKeys.datasets });
      void client.invalidateQueries({ queryKey: queryKeys.sources });
    },
  });
}
