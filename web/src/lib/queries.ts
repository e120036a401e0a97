import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchJson } from './api';
import { DEFAULT_FEATURES } from './defaults';
import type { SourcesResponse } from './sources/types';
import { resolveBranding, resolvePalette } from './theme';
import type {
  AgentsResponse,
  Features,
  HealthResponse,
  PluginsResponse,
  RuntimeResponse,
  ThemeResponse,
} from './types';

export const HEALTH_TIMEOUT_MS = 5000;

export const queryKeys = {
  theme: ['config', 'theme'] as const,
  features: ['config', 'features'] as const,
  plugins: ['config', 'plugins'] as const,
  agents: ['config', 'agents'] as const,
  sources: ['config', 'sources'] as const,
  runtime: ['config', 'runtime'] as const,
  health: ['health'] as const,
};

export function fetchPlugins(signal?: AbortSignal): Promise<PluginsResponse> {
  return fetchJson<PluginsResponse>('/api/config/plugins', { signal });
}

export const pluginsQuery = queryOptions({
  queryKey: queryKeys.plugins,
  queryFn: ({ signal }) => fetchPlugins(signal),
});

export const themeQuery = queryOptions({
  queryKey: queryKeys.theme,
  queryFn: ({ signal }) => fetchJson<ThemeResponse>('/api/config/theme', { signal }),
});

export function useThemeConfig() {
  return useQuery(themeQuery);
}

export function usePalette() {
  const { data } = useThemeConfig();
  const partial = data?.activePalette;
  return useMemo(() => resolvePalette(partial), [partial]);
}

export function useBranding() {
  const { data } = useThemeConfig();
  const partial = data?.branding;
  return useMemo(() => resolveBranding(partial), [partial]);
}

function asFlag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export const featuresQuery = queryOptions({
  queryKey: queryKeys.features,
  queryFn: async ({ signal }): Promise<Features> => {
    try {
      const body = await fetchJson<Partial<Features>>('/api/config/features', { signal });
      return {
        eval_runner_enabled: asFlag(body?.eval_runner_enabled, DEFAULT_FEATURES.eval_runner_enabled),
        copilot_enabled: asFlag(body?.copilot_enabled, DEFAULT_FEATURES.copilot_enabled),
      };
    } catch {
      return DEFAULT_FEATURES;
    }
  },
});

/** Feature flags; both default to on when the call fails. */
export function useFeatures(): Features {
  const { data } = useQuery(featuresQuery);
  return data ?? DEFAULT_FEATURES;
}

export function usePlugins() {
  return useQuery(pluginsQuery);
}

export const agentsQuery = queryOptions({
  queryKey: queryKeys.agents,
  queryFn: ({ signal }) => fetchJson<AgentsResponse>('/api/config/agents', { signal }),
});

export function useAgents() {
  return useQuery(agentsQuery);
}

export const sourcesQuery = queryOptions({
  queryKey: queryKeys.sources,
  queryFn: ({ signal }) => fetchJson<SourcesResponse>('/api/config/sources', { signal }),
  retry: false,
});

/** The agents and raw source names found in the monitoring, human-signals and KPI data, registered agents first. */
export function useSources() {
  return useQuery(sourcesQuery);
}

/** /health answers 503 with the same body when a component is down: that still counts as reachable. */
export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) =>
      fetchJson<HealthResponse>('/health', { signal, timeoutMs: HEALTH_TIMEOUT_MS, acceptStatus: [503] }),
    retry: false,
    staleTime: 10_000,
  });
}

export function useRuntimeConfig() {
  return useQuery({
    queryKey: queryKeys.runtime,
    queryFn: ({ signal }) => fetchJson<RuntimeResponse>('/api/config/runtime', { signal }),
  });
}
