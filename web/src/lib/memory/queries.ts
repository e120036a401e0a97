import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createRule,
  deleteRule,
  getBatches,
  getConflicts,
  getGraph,
  getGraphStatus,
  getGraphSummary,
  getHardStops,
  getMemoryConfig,
  getMemorySummary,
  getNeighborhood,
  getQuality,
  getRules,
  getSoftThresholds,
  getTrace,
  searchGraph,
  updateRule,
} from './api';
import type { GraphFilters, RuleDeleteReply, RuleInput, RuleSaveReply } from './types';

/** Every memory read lives under this key, so a change to the rules refreshes them all. */
export const MEMORY_KEY = ['memory'] as const;
const RULES_KEY = [...MEMORY_KEY, 'rules'] as const;
const GRAPH_KEY = ['memory-graph'] as const;

function useMemoryQuery<T>(key: unknown[], fn: (signal: AbortSignal) => Promise<T>, enabled = true) {
  return useQuery({ queryKey: [...RULES_KEY, ...key], queryFn: ({ signal }) => fn(signal), enabled, retry: false });
}

export const useMemoryConfig = () =>
  useQuery({ queryKey: [...MEMORY_KEY, 'config'], queryFn: ({ signal }) => getMemoryConfig(signal), retry: false, staleTime: 5 * 60_000 });
export const useMemorySummary = () => useMemoryQuery(['summary'], getMemorySummary);
export const useRules = (filters: Record<string, string>) =>
  useQuery({ queryKey: [...RULES_KEY, 'list', filters], queryFn: ({ signal }) => getRules(filters, signal), retry: false, placeholderData: keepPreviousData });
export const useQuality = () => useMemoryQuery(['quality'], getQuality);
export const useSoftThresholds = () => useMemoryQuery(['soft-thresholds'], getSoftThresholds);
export const useHardStops = () => useMemoryQuery(['hard-stops'], getHardStops);
export const useBatches = () => useMemoryQuery(['batches'], getBatches);
export const useConflicts = () => useMemoryQuery(['conflicts'], getConflicts);
export const useTrace = (ruleId: string) => useMemoryQuery(['trace', ruleId], (s) => getTrace(ruleId, s));

/** Refreshes every rule read and the graph (the server derives part of the graph from the rules) after an upload, an edit or a delete. */
export function useRefreshRules() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: RULES_KEY }), client.invalidateQueries({ queryKey: GRAPH_KEY })]);
}

export type RuleChange = { kind: 'create'; rule: RuleInput } | { kind: 'update'; id: string; rule: RuleInput } | { kind: 'delete'; id: string };

export function useRuleChange() {
  const refresh = useRefreshRules();
  return useMutation({
    mutationFn: (change: RuleChange): Promise<RuleSaveReply | RuleDeleteReply> => {
      if (change.kind === 'create') return createRule(change.rule);
      if (change.kind === 'update') return updateRule(change.id, change.rule);
      return deleteRule(change.id);
    },
    onSuccess: () => refresh(),
  });
}

// Knowledge graph.
export const useGraphStatus = () => useQuery({ queryKey: [...GRAPH_KEY, 'status'], queryFn: ({ signal }) => getGraphStatus(signal), retry: false });
export const useGraphSummary = (enabled: boolean) =>
  useQuery({ queryKey: [...GRAPH_KEY, 'summary'], queryFn: ({ signal }) => getGraphSummary(signal), retry: false, enabled });
export const useGraph = (filters: GraphFilters, limit: number, enabled: boolean) =>
  useQuery({ queryKey: [...GRAPH_KEY, 'data', filters, limit], queryFn: ({ signal }) => getGraph(filters, limit, signal), retry: false, enabled, placeholderData: keepPreviousData });
export const useGraphSearch = (q: string) =>
  useQuery({ queryKey: [...GRAPH_KEY, 'search', q], queryFn: ({ signal }) => searchGraph(q, 20, signal), retry: false, enabled: q.trim() !== '' });
export const useNeighborhood = (nodeId: string | null, depth: number) =>
  useQuery({
    queryKey: [...GRAPH_KEY, 'neighborhood', nodeId, depth],
    queryFn: ({ signal }) => getNeighborhood(nodeId!, depth, signal),
    retry: false,
    enabled: nodeId !== null,
  });
