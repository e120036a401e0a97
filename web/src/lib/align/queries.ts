import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteConfig, getDefaults, getModels, getStatus, listConfigs, listJudgeRuns, saveConfig } from './api';
import type { AlignmentMetrics, JudgeConfig } from './types';

export const alignKeys = {
  models: ['align', 'models'] as const,
  status: ['align', 'status'] as const,
  defaults: ['align', 'defaults'] as const,
  configs: ['align', 'configs'] as const,
  runs: ['align', 'runs'] as const,
  labels: (key: string) => ['align', 'labels', key] as const,
};

export function useAlignModels() {
  return useQuery({ queryKey: alignKeys.models, queryFn: ({ signal }) => getModels(signal), staleTime: 5 * 60_000 });
}

export function useAlignStatus() {
  return useQuery({ queryKey: alignKeys.status, queryFn: ({ signal }) => getStatus(signal), staleTime: 30_000 });
}

export function useAlignDefaults() {
  return useQuery({ queryKey: alignKeys.defaults, queryFn: ({ signal }) => getDefaults(signal), staleTime: Infinity });
}

export function useSavedConfigs() {
  return useQuery({ queryKey: alignKeys.configs, queryFn: ({ signal }) => listConfigs(signal) });
}

export function useJudgeRuns() {
  return useQuery({ queryKey: alignKeys.runs, queryFn: async ({ signal }) => (await listJudgeRuns(signal)).runs });
}

export function useSaveConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; config: JudgeConfig; metrics: AlignmentMetrics | null }) => saveConfig(v.name, v.config, v.metrics),
    onSettled: () => client.invalidateQueries({ queryKey: alignKeys.configs }),
  });
}

export function useDeleteConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteConfig(id),
    onSettled: () => client.invalidateQueries({ queryKey: alignKeys.configs }),
  });
}
