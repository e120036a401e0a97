import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  deleteDataset,
  getAgreement,
  getCase,
  getComparison,
  getCompareCases,
  getTestCases,
  getCorrelation,
  getDistribution,
  getMetricCases,
  getRadar,
  getRows,
  getScatter,
  getScorecard,
  getSummary,
  getTree,
  getWinLoss,
  listDatasets,
  type CompareCasesQuery,
  type TestCasesQuery,
  type EvalScope,
  type MetricCasesQuery,
  type PairScope,
} from './api';
import { choosable, resolveDatasetId, sortNewestFirst, type DatasetPreference } from './datasets';
import type { Dataset, StoredResponse } from './types';
import { queryKeys } from '../queries';
import { useSearchWriter } from '../useSearchParam';

export const evalKeys = {
  datasets: ['datasets'] as const,
  rows: (id: string, page: number, size: number) => ['datasets', 'rows', id, page, size] as const,
  scorecard: (id: string, exp: string | null | undefined) => ['evaluation', 'scorecard', id, exp ?? ''] as const,
  tree: (id: string, exp: string | null | undefined, caseId: string | null) =>
    ['evaluation', 'tree', id, exp ?? '', caseId ?? ''] as const,
  metricCases: (q: MetricCasesQuery) => ['evaluation', 'metric-cases', q] as const,
  case: (id: string, exp: string | null | undefined, caseId: string) => ['evaluation', 'case', id, exp ?? '', caseId] as const,
  compare: (p: PairScope) => ['evaluation', 'compare', p] as const,
  compareCases: (q: CompareCasesQuery) => ['evaluation', 'compare-cases', q] as const,
  testCases: (q: TestCasesQuery) => ['evaluation', 'compare-test-cases', q] as const,
  winLoss: (id: string) => ['evaluation', 'win-loss', id] as const,
  agreement: (id: string) => ['evaluation', 'agreement', id] as const,
  distribution: (id: string, metric: string, bins: number) => ['analytics', 'distribution', id, metric, bins] as const,
  correlation: (id: string) => ['analytics', 'correlation', id] as const,
  radar: (id: string) => ['analytics', 'radar', id] as const,
  scatter: (id: string, x: string, y: string) => ['analytics', 'scatter', id, x, y] as const,
  summary: (id: string) => ['analytics', 'summary', id] as const,
};

export const datasetsQuery = queryOptions({
  queryKey: evalKeys.datasets,
  queryFn: async ({ signal }) => sortNewestFirst((await listDatasets(undefined, signal)).datasets ?? []),
  staleTime: 10_000,
});

/** Every stored dataset, newest first. */
export function useDatasets() {
  return useQuery(datasetsQuery);
}

export interface CurrentDataset {
  datasetId: string | null;
  dataset: Dataset | null;
  datasets: Dataset[] | undefined;
  isLoading: boolean;
  error: Error | null;
  select: (id: string | null) => void;
}

/**
 * The dataset a page works on, kept in `?dataset=` and in a persisted store, defaulting to the
 * newest dataset of the preferred kinds. Writing the URL uses replace so Back is not filled with it.
 */
export function useCurrentDataset(
  storedId: string | null,
  setStoredId: (id: string | null) => void,
  preference: DatasetPreference = {},
): CurrentDataset {
  const [params] = useSearchParams();
  const write = useSearchWriter();
  const urlId = params.get('dataset');
  const { data: all, isPending, error } = useDatasets();
  const datasets = useMemo(() => choosable(all, preference), [all, preference]);
  const datasetId = resolveDatasetId(urlId, storedId, error ? [] : datasets, preference);

  useEffect(() => {
    if (isPending && !error) return;
    if (datasetId !== storedId) setStoredId(datasetId);
    if (datasetId !== urlId) {
      write((next) => {
        if (datasetId) next.set('dataset', datasetId);
        else next.delete('dataset');
      });
    }
  }, [datasetId, urlId, storedId, setStoredId, write, isPending, error]);

  const select = useCallback(
    (id: string | null) => {
      setStoredId(id);
      write((next) => {
        if (id) next.set('dataset', id);
        else next.delete('dataset');
      }, { replace: false });
    },
    [write, setStoredId],
  );

  const dataset = useMemo(() => datasets?.find((d) => d.id === datasetId) ?? null, [datasets, datasetId]);
  return { datasetId, dataset, datasets, isLoading: isPending && !error, error: error ?? null, select };
}

/**
 * What every upload does once the server stored a dataset: list it first at once, then refetch the
 * list and the source tabs (new monitoring, human-signals or KPI rows may name new agents).
 */
export function useRememberUpload() {
  const client = useQueryClient();
  return useCallback(
    (response: StoredResponse) => {
      const created = response.dataset ?? (response.dataset_id ? { id: response.dataset_id, format: response.format, row_count: response.row_count } : null);
      if (created) {
        client.setQueryData<Dataset[]>(evalKeys.datasets, (old) => [created, ...(old ?? []).filter((d) => d.id !== created.id)]);
      }
      void client.invalidateQueries({ queryKey: evalKeys.datasets });
      void client.invalidateQueries({ queryKey: queryKeys.sources });
    },
    [client],
  );
}

export function useDeleteDataset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteDataset(id),
    onSuccess: (_r, id) => {
      client.setQueryData<Dataset[]>(evalKeys.datasets, (old) => old?.filter((d) => d.id !== id));
      void client.invalidateQueries({ queryKey: evalKeys.datasets });
    },
  });
}

export function rowsQuery(id: string | null, page: number, pageSize: number) {
  return queryOptions({
    queryKey: evalKeys.rows(id ?? '', page, pageSize),
    queryFn: ({ signal }) => getRows(id!, page, pageSize, signal),
    enabled: !!id,
  });
}

export function useRows(id: string | null, page: number, pageSize: number) {
  return useQuery({ ...rowsQuery(id, page, pageSize), placeholderData: keepPreviousData });
}

export function scorecardQuery(scope: EvalScope | null) {
  return queryOptions({
    queryKey: evalKeys.scorecard(scope?.datasetId ?? '', scope?.evaluationName),
    queryFn: ({ signal }) => getScorecard(scope!, signal),
    enabled: !!scope?.datasetId,
    retry: false,
  });
}

export function useScorecard(scope: EvalScope | null) {
  return useQuery(scorecardQuery(scope));
}

export function useTree(scope: EvalScope | null, caseId: string | null) {
  return useQuery({
    queryKey: evalKeys.tree(scope?.datasetId ?? '', scope?.evaluationName, caseId),
    queryFn: ({ signal }) => getTree(scope!, caseId, signal),
    enabled: !!scope?.datasetId,
    retry: false,
  });
}

export function useMetricCases(q: MetricCasesQuery | null) {
  return useQuery({
    queryKey: q ? evalKeys.metricCases(q) : ['evaluation', 'metric-cases', 'none'],
    queryFn: ({ signal }) => getMetricCases(q!, signal),
    enabled: !!q,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useCase(scope: EvalScope | null, caseId: string | null) {
  return useQuery({
    queryKey: evalKeys.case(scope?.datasetId ?? '', scope?.evaluationName, caseId ?? ''),
    queryFn: ({ signal }) => getCase(scope!, caseId!, signal),
    enabled: !!scope?.datasetId && !!caseId,
    retry: false,
  });
}

export function useComparison(p: PairScope | null) {
  return useQuery({
    queryKey: p ? evalKeys.compare(p) : ['evaluation', 'compare', 'none'],
    queryFn: ({ signal }) => getComparison(p!, signal),
    enabled: !!p,
    retry: false,
  });
}

export function compareCasesQuery(q: CompareCasesQuery | null) {
  return queryOptions({
    queryKey: q ? evalKeys.compareCases(q) : ['evaluation', 'compare-cases', 'none'],
    queryFn: ({ signal }) => getCompareCases(q!, signal),
    enabled: !!q,
    retry: false,
  });
}

export function useCompareCases(q: CompareCasesQuery | null) {
  return useQuery({ ...compareCasesQuery(q), placeholderData: keepPreviousData });
}

export function useTestCases(q: TestCasesQuery | null) {
  return useQuery({
    queryKey: q ? evalKeys.testCases(q) : ['evaluation', 'compare-test-cases', 'none'],
    queryFn: ({ signal }) => getTestCases(q!, signal),
    enabled: !!q,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useWinLoss(id: string | null, enabled = true) {
  return useQuery({
    queryKey: evalKeys.winLoss(id ?? ''),
    queryFn: ({ signal }) => getWinLoss(id!, signal),
    enabled: !!id && enabled,
    retry: false,
  });
}

export function useAgreement(id: string | null, enabled = true) {
  return useQuery({
    queryKey: evalKeys.agreement(id ?? ''),
    queryFn: ({ signal }) => getAgreement(id!, signal),
    enabled: !!id && enabled,
    retry: false,
  });
}

export function useDistribution(id: string | null, metric: string | null, bins = 20) {
  return useQuery({
    queryKey: evalKeys.distribution(id ?? '', metric ?? '', bins),
    queryFn: ({ signal }) => getDistribution(id!, metric!, bins, signal),
    enabled: !!id && !!metric,
    retry: false,
  });
}

export function useCorrelation(id: string | null) {
  return useQuery({
    queryKey: evalKeys.correlation(id ?? ''),
    queryFn: ({ signal }) => getCorrelation(id!, signal),
    enabled: !!id,
    retry: false,
  });
}

export function radarQuery(id: string | null) {
  return queryOptions({
    queryKey: evalKeys.radar(id ?? ''),
    queryFn: ({ signal }) => getRadar(id!, signal),
    enabled: !!id,
    retry: false,
  });
}

export function useRadar(id: string | null) {
  return useQuery(radarQuery(id));
}

export function useScatter(id: string | null, x: string | null, y: string | null) {
  return useQuery({
    queryKey: evalKeys.scatter(id ?? '', x ?? '', y ?? ''),
    queryFn: ({ signal }) => getScatter(id!, x!, y!, signal),
    enabled: !!id && !!x && !!y,
    retry: false,
  });
}

export function summaryQuery(id: string | null) {
  return queryOptions({
    queryKey: evalKeys.summary(id ?? ''),
    queryFn: ({ signal }) => getSummary(id!, signal),
    enabled: !!id,
    retry: false,
  });
}

export function useSummary(id: string | null) {
  return useQuery(summaryQuery(id));
}
