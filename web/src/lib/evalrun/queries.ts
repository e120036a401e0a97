import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteRun, getRun, getRunnerMetrics, listRuns } from './api';

export const runnerKeys = {
  metrics: ['eval-runner', 'metrics'] as const,
  runs: ['eval-runner', 'runs'] as const,
};

export function useRunnerMetrics() {
  return useQuery({
    queryKey: runnerKeys.metrics,
    queryFn: async ({ signal }) => (await getRunnerMetrics(signal)).metrics,
    staleTime: 5 * 60_000,
  });
}

/** Listed runs are polled while one is running: a run cancelled or ended elsewhere shows its new status. */
export const RUNS_POLL_MS = 2000;

export function useRuns() {
  return useQuery({
    queryKey: runnerKeys.runs,
    queryFn: async ({ signal }) => (await listRuns(signal)).runs,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === 'running') ? RUNS_POLL_MS : false),
  });
}

/** Cancels a running run, deletes any other one; the list is refreshed after. */
export function useDeleteRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => deleteRun(runId),
    onSettled: () => client.invalidateQueries({ queryKey: runnerKeys.runs }),
  });
}

/** Fetches one stored run with its summary (for "open results"). */
export function useOpenRun() {
  return useMutation({ mutationFn: (runId: string) => getRun(runId) });
}
