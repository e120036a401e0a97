import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getDatasets, getNode, getRecentTraces, getReplayStatus, getReviews, getTrace, postReview, searchTraces } from './api';
import type { ReviewBody } from './types';

const KEY = ['agent-replay'] as const;

export const replayStatusQuery = queryOptions({ queryKey: [...KEY, 'status'], queryFn: ({ signal }) => getReplayStatus(signal), retry: false });

export const useReplayStatus = () => useQuery(replayStatusQuery);

export const useRecentTraces = (agent: string, limit: number, daysBack: number, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'traces', agent, limit, daysBack], queryFn: ({ signal }) => getRecentTraces(agent, limit, daysBack, signal), retry: false, enabled });

export const useTraceSearch = (agent: string, query: string, searchBy: string) =>
  useQuery({
    queryKey: [...KEY, 'search', agent, query, searchBy],
    queryFn: ({ signal }) => searchTraces(agent, query, searchBy, signal),
    retry: false,
    enabled: query !== '',
  });

export const useTrace = (agent: string, traceId: string | null) =>
  useQuery({ queryKey: [...KEY, 'trace', agent, traceId], queryFn: ({ signal }) => getTrace(agent, traceId!, signal), retry: false, enabled: traceId !== null });

export const useFullNode = (agent: string, traceId: string, nodeId: string, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'node', agent, traceId, nodeId], queryFn: ({ signal }) => getNode(agent, traceId, nodeId, signal), retry: false, enabled });

export const reviewsQuery = (agent: string, traceId: string) =>
  queryOptions({ queryKey: [...KEY, 'reviews', agent, traceId], queryFn: ({ signal }) => getReviews(agent, traceId, signal), retry: false });

export const useReviews = (agent: string, traceId: string) => useQuery(reviewsQuery(agent, traceId));

export const useReplayDatasets = (agent: string, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'datasets', agent], queryFn: ({ signal }) => getDatasets(agent, signal), retry: false, enabled, staleTime: 60_000 });

export function useSubmitReview(agent: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewBody) => postReview(agent, body),
    onSuccess: (_reply, body) => {
      void client.invalidateQueries({ queryKey: [...KEY, 'reviews', agent, body.trace_id] });
      if (body.add_to_dataset) void client.invalidateQueries({ queryKey: [...KEY, 'datasets', agent] });
    },
  });
}
