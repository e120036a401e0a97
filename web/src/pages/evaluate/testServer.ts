import { vi } from 'vitest';
import { defaultRoutes } from '../../test/mockApi';

export interface Call {
  method: string;
  path: string;
  params: URLSearchParams;
  body: unknown;
  signal: AbortSignal | null;
}

export type Handler = (call: Call) => { status?: number; body: unknown } | Response | undefined;

/**
 * Stubs fetch with a handler that sees method, path, query, JSON body and abort signal; config routes
 * answer as in mockApi. A handler may return a ready Response (e.g. an event stream).
 */
export function serveApi(handler: Handler) {
  const calls: Call[] = [];
  const config = defaultRoutes();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://localhost');
    let body: unknown;
    if (typeof init?.body === 'string') body = JSON.parse(init.body);
    const call: Call = { method: init?.method ?? 'GET', path: url.pathname, params: url.searchParams, body, signal: init?.signal ?? null };
    calls.push(call);
    const hit = handler(call);
    if (hit instanceof Response) return hit;
    const entry = config[url.pathname];
    const route = hit ?? (typeof entry === 'function' ? entry() : entry);
    if (!route) return new Response(JSON.stringify({ detail: 'Not Found' }), { status: 404 });
    return new Response(JSON.stringify(route.body), { status: route.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export const TREE_DATASET = {
  id: 'ds-tree',
  name: 'Example Model',
  kind: 'evaluation',
  format: 'tree_format',
  row_count: 280,
  columns: [{ name: 'dataset_id', type: 'VARCHAR' }],
  created_at: '2025-05-02T10:00:00Z',
  source: 'example:model',
};

export const SCORECARD = {
  success: true,
  dataset_id: 'ds-tree',
  evaluation_name: null,
  experiments: ['base', 'chal'],
  overall_score: 0.77756,
  score_variance: 0.026,
  total_cases: 40,
  metrics_count: 3,
  components_count: 1,
  nodes: [
    { metric_name: 'Quality', parent: null, level: 1, type: 'component', weight: 1, normalized_weight: 1, mean: 0.72, min: 0.5, max: 0.9, std: 0.1, count: 40, histogram: [0, 0, 5, 27, 8], children: ['faithfulness', 'relevance'] },
    { metric_name: 'faithfulness', parent: 'Quality', level: 2, type: 'metric', weight: 0.5, normalized_weight: 0.5, mean: 0.77, min: 0.5, max: 1, std: 0.1, count: 40, histogram: [0, 0, 3, 20, 17], children: [] },
    { metric_name: 'relevance', parent: 'Quality', level: 2, type: 'metric', weight: 0.5, normalized_weight: 0.5, mean: 0.45, min: 0.1, max: 0.9, std: 0.2, count: 40, histogram: [4, 6, 10, 10, 10], children: [] },
  ],
};
