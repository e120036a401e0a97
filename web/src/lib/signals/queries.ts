import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getCases, getMetricSchema } from './api';
import type { SignalsCase } from './types';

/** Cases are fetched in chunks of this many; the page works on the chunks loaded so far. */
export const CASE_CHUNK = 500;

/** The schema, display config and KPI figures; with `source`, the figures cover that source's cases only. */
export function useMetricSchema(datasetId: string | null, source?: string) {
  return useQuery({
    queryKey: ['signals', 'schema', datasetId ?? '', source ?? ''],
    queryFn: ({ signal }) => getMetricSchema(datasetId, signal, source),
    retry: false,
  });
}

export function useLoadedCases(datasetId: string) {
  const query = useInfiniteQuery({
    queryKey: ['signals', 'cases', datasetId],
    queryFn: ({ pageParam, signal }) => getCases(datasetId, pageParam, CASE_CHUNK, signal),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + (p.data?.length ?? 0), 0);
      return (last.data?.length ?? 0) > 0 && loaded < (last.row_count ?? 0) ? pages.length + 1 : undefined;
    },
    retry: false,
  });
  const cases = useMemo<SignalsCase[]>(() => query.data?.pages.flatMap((p) => p.data ?? []) ?? [], [query.data]);
  const total = query.data?.pages[0]?.row_count ?? cases.length;
  return { ...query, cases, total };
}
