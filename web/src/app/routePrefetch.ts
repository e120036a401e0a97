import type { QueryClient } from '@tanstack/react-query';
import { datasetsQuery, scorecardQuery } from '../lib/evaluate/queries';
import { storeMetadataQuery } from '../lib/monitoring/queries';
import { authStatusQuery } from '../lib/auth/status';
import { agentsQuery, featuresQuery, pluginsQuery, sourcesQuery, themeQuery } from '../lib/queries';
import { replayStatusQuery } from '../lib/replay/queries';
import { useEvalStore } from '../stores/evalStore';
import { useMonitoringStore } from '../stores/monitoringStore';
import { useSignalsStore } from '../stores/signalsStore';
import { pageChunks, type PageChunk } from './pageChunks';

/** What a page reads first, asked for with what the address (or the page's stored choice) holds. */
type FirstReads = (client: QueryClient, datasetId: string | null) => void;

interface RoutePlan {
  chunk?: PageChunk;
  /** The page works on one stored dataset (the list resolves `?dataset=`). */
  datasets?: boolean;
  /** The page shows the source tabs. */
  sources?: boolean;
  /** The page's dataset when the address has none: its persisted choice. */
  storedDataset?: () => string | null;
  reads?: FirstReads;
}

const evalDataset = () => useEvalStore.getState().datasetId;
const scorecard: FirstReads = (client, id) => {
  if (id) void client.prefetchQuery(scorecardQuery({ datasetId: id, evaluationName: null }));
};
const metadata =
  (store: string): FirstReads =>
  (client, id) => {
    if (id) void client.prefetchQuery(storeMetadataQuery(store, id));
  };
const evaluate = (chunk: PageChunk, reads?: FirstReads): RoutePlan => ({ chunk, datasets: true, storedDataset: evalDataset, reads });

const PLANS: Record<string, RoutePlan> = {
  '/production': { chunk: 'production', datasets: true, sources: true },
  '/evaluate/runner': evaluate('runner'),
  '/evaluate/upload': evaluate('upload'),
  '/evaluate/scorecard': evaluate('scorecard', scorecard),
  '/evaluate/deep-dive': evaluate('deepDive', scorecard),
  '/evaluate/compare': evaluate('compare', scorecard),
  '/evaluate/report': evaluate('report'),
  '/monitoring': {
    chunk: 'monitoring', datasets: true, sources: true,
    storedDataset: () => useMonitoringStore.getState().datasetId, reads: metadata('monitoring'),
  },
  '/human-signals': {
    chunk: 'humanSignals', datasets: true, sources: true,
    storedDataset: () => useSignalsStore.getState().datasetId, reads: metadata('human_signals'),
  },
  '/annotation-studio': { chunk: 'annotation', datasets: true },
  '/caliber-hq': { chunk: 'caliber', datasets: true },
  '/memory': { chunk: 'memory', reads: (client) => void client.prefetchQuery(agentsQuery) },
  '/agent-replay': {
    chunk: 'agentReplay',
    reads: (client) => {
      void client.prefetchQuery(agentsQuery);
      void client.prefetchQuery(replayStatusQuery);
    },
  },
  '/learn': { chunk: 'learn' },
  '/settings': { chunk: 'settings' },
};

/**
 * Starts, at once and side by side, what the page at `location` will ask for: the shell's
 * configuration (plugins, feature flags), the page's code, the dataset list and source tabs it
 * resolves its choice with, and its first reads for the dataset named in the address (or
 * remembered). The page then finds them under the same query keys instead of asking for each
 * after the sign-in check, its code and the dataset list have come back one after another.
 */
export function prefetchRoute(client: QueryClient, location: { pathname: string; search: string }) {
  // The browser opens six connections to the server: what gates the first paint goes first.
  void client.prefetchQuery(authStatusQuery);
  void client.prefetchQuery(themeQuery);
  void client.prefetchQuery(pluginsQuery);
  void client.prefetchQuery(featuresQuery);
  const plan = PLANS[location.pathname.replace(/\/+$/, '')];
  if (!plan) return;
  if (plan.chunk) void pageChunks[plan.chunk]().catch(() => undefined);
  if (plan.datasets) void client.prefetchQuery(datasetsQuery);
  if (plan.sources) void client.prefetchQuery(sourcesQuery);
  const datasetId = new URLSearchParams(location.search).get('dataset') ?? plan.storedDataset?.() ?? null;
  plan.reads?.(client, datasetId);
}
