import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Reply } from '../api/replies';
import { requestJson, withQuery } from './api';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).
export type DatasetSyncStatus = Reply<'SyncDatasetStatus'>;
export type SyncState = DatasetSyncStatus['state'];
export type StoreStatusResponse = Reply<'StoreStatusReply'>;
export type SyncActionResponse = Reply<'MessageReply'>;

export type SyncDatasetName = 'monitoring' | 'human_signals' | 'eval' | 'kpi';

export interface SyncDatasetInfo {
  table: string;
  name: SyncDatasetName;
  label: string;
}

/** The store tables the sync engine fills, in display order, with their dataset names for the sync URLs. */
export const SYNC_DATASETS: readonly SyncDatasetInfo[] = [
  { table: 'monitoring_data', name: 'monitoring', label: 'Monitoring' },
  { table: 'human_signals_raw', name: 'human_signals', label: 'Human Signals' },
  { table: 'eval_data', name: 'eval', label: 'Evaluation' },
  { table: 'kpi_data', name: 'kpi', label: 'KPIs' },
];

export const SYNC_POLL_MS = 2000;
export const IDLE_POLL_MS = 30_000;

export const storeSyncKeys = {
  status: ['store', 'status'] as const,
};

export function getStoreStatus(signal?: AbortSignal): Promise<StoreStatusResponse> {
  return requestJson<StoreStatusResponse>('/api/store/status', { signal });
}

export function syncDataset(dataset: SyncDatasetName, full: boolean): Promise<SyncActionResponse> {
  return requestJson<SyncActionResponse>(withQuery(`/api/store/sync/${encodeURIComponent(dataset)}`, { full }), {
    method: 'POST',
  });
}

export function syncAllDatasets(full = false): Promise<SyncActionResponse> {
  return requestJson<SyncActionResponse>(withQuery('/api/store/sync', { full }), { method: 'POST' });
}

export function resetWatermark(dataset: SyncDatasetName): Promise<SyncActionResponse> {
  return requestJson<SyncActionResponse>(`/api/store/sync/${encodeURIComponent(dataset)}/reset-watermark`, {
    method: 'POST',
  });
}

export function anySyncing(status: StoreStatusResponse | undefined): boolean {
  return Object.values(status?.datasets ?? {}).some((d) => d?.state === 'syncing');
}

/** Polls every 2 s while a dataset is syncing, every 30 s otherwise. */
export function useStoreStatus() {
  return useQuery({
    queryKey: storeSyncKeys.status,
    queryFn: ({ signal }) => getStoreStatus(signal),
    refetchInterval: (query) => (anySyncing(query.state.data) ? SYNC_POLL_MS : IDLE_POLL_MS),
    retry: false,
  });
}

function useInvalidateStatus() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: storeSyncKeys.status });
}

export function useSyncDataset() {
  const onSettled = useInvalidateStatus();
  return useMutation({
    mutationFn: ({ dataset, full }: { dataset: SyncDatasetName; full: boolean }) => syncDataset(dataset, full),
    onSettled,
  });
}

export function useSyncAll() {
  const onSettled = useInvalidateStatus();
  return useMutation({ mutationFn: (full: boolean = false) => syncAllDatasets(full), onSettled });
}

export function useResetWatermark() {
  const onSettled = useInvalidateStatus();
  return useMutation({ mutationFn: (dataset: SyncDatasetName) => resetWatermark(dataset), onSettled });
}
