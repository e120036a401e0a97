import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { evalKeys } from '../evaluate/queries';
import { getKpiCategories, getKpiFilters, loadKpiExample } from './api';

export function useKpiCategories(sourceName: string | null) {
  return useQuery({
    queryKey: ['kpi', 'categories', sourceName ?? ''],
    queryFn: ({ signal }) => getKpiCategories(sourceName!, signal),
    enabled: !!sourceName,
    retry: false,
  });
}

export function useKpiFilters() {
  return useQuery({ queryKey: ['kpi', 'filters'], queryFn: ({ signal }) => getKpiFilters(signal), retry: false });
}

/** Loads the KPI sample, then refreshes every KPI read and the dataset list. */
export function useLoadKpiExample() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => loadKpiExample(),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['kpi'] });
      void client.invalidateQueries({ queryKey: evalKeys.datasets });
    },
  });
}
