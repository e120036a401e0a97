// Replies of the agent replay plugin for page tests: one claim-triage trace with a span, a generation,
// a tool call (its output truncated) and an event; the totals are the sums of the figures below.
import type { DatasetsReply, ReplayStatus, ReviewBody, ReviewReply, ReviewsReply, TraceDetail, TraceListReply, TreeNode } from '../lib/replay/types';
import type { PluginsResponse } from '../lib/types';
import { serveApi, type Call, type Handler } from '../pages/evaluate/testServer';

export const STATUS = {
  enabled: true,
  configured: true,
  langfuse_host: 'https://langfuse.example.org',
  default_limit: 20,
  default_days_back: 7,
  agents: ['alpha', 'beta_bot'],
  search_fields: [{ value: 'trace_id', label: 'Trace ID' }],
  agent_search_fields: {
    alpha: [
      { value: 'trace_id', label: 'Trace ID' },
      { value: 'case_reference', label: 'Case Reference' },
    ],
    beta_bot: [{ value: 'trace_id', label: 'Trace ID' }],
  },
} satisfies ReplayStatus;

export const PLUGINS = {
  plugins: [
    { name: 'agent_replay', version: '0.1.0', api_version: 1, description: 'Replay agent traces', nav: [{ name: 'Agent Replay', href: '/agent-replay', icon: 'PlayCircle', section: 'main', order: 45 }], enabled: true, error: null },
  ],
} satisfies PluginsResponse;

export const RECENT = {
  total: 2,
  traces: [
    { id: 't-1', name: 'claim-triage', tags: ['prod'], timestamp: '2026-03-02T10:00:00Z', step_count: 4, step_names: ['workflow', 'classify', 'lookup_policy', 'done'] },
    { id: 't-2', name: 'claim-followup', tags: [], timestamp: '2026-03-01T09:00:00Z', step_count: 1, step_names: ['workflow'] },
  ],
} satisfies TraceListReply;

export const FOUND = { total: 1, traces: [RECENT.traces[1]!] } satisfies TraceListReply;

const base = { model: null, metadata: {}, usage: null, input_truncated: false, output_truncated: false, start_time: null, end_time: null };

export const GEN: TreeNode = {
  ...base,
  id: 'gen-1',
  name: 'classify',
  type: 'GENERATION',
  model: 'gpt-4o',
  input: [
    { role: 'system', content: 'You triage claims.' },
    { role: 'user', content: 'My car was hit' },
  ],
  output: { label: 'auto', confidence: 0.9 },
  usage: { input: 120, output: 30, total: 150 },
  latency_ms: 850,
  start_time: '2026-03-02T10:00:00.100Z',
  end_time: '2026-03-02T10:00:00.950Z',
  depth: 1,
  children: [],
};

export const TOOL: TreeNode = {
  ...base,
  id: 'tool-1',
  name: 'lookup_policy',
  type: 'TOOL',
  input: { policy: 'P-1' },
  output: 'Policy P-1 is active [...truncated]',
  output_truncated: true,
  latency_ms: 300,
  depth: 1,
  children: [],
};

export const EVENT: TreeNode = { ...base, id: 'evt-1', name: 'done', type: 'EVENT', input: null, output: null, latency_ms: null, depth: 1, children: [] };

export const ROOT: TreeNode = { ...base, id: 'span-1', name: 'workflow', type: 'SPAN', input: null, output: null, latency_ms: 2500, depth: 0, children: [GEN, TOOL, EVENT] };

const strip = ({ depth: _d, children: _c, ...o }: TreeNode) => o;

export const TRACE = {
  id: 't-1',
  name: 'claim-triage',
  tags: ['prod'],
  timestamp: '2026-03-02T10:00:00Z',
  trace_input: { messages: [{ role: 'user', content: 'My car was hit' }] },
  trace_output: { decision: 'approve', reason: 'Covered by policy P-1' },
  trace_metadata: {},
  steps: [
    { name: 'workflow', index: 0, observation_types: ['SPAN'], generation: null, observations: [strip(ROOT)], variables: null },
    { name: 'classify', index: 1, observation_types: ['GENERATION'], generation: strip(GEN), observations: [strip(GEN)], variables: null },
    { name: 'lookup_policy', index: 2, observation_types: ['TOOL'], generation: null, observations: [strip(TOOL)], variables: null },
    { name: 'done', index: 3, observation_types: ['EVENT'], generation: null, observations: [strip(EVENT)], variables: null },
  ],
  tree: [ROOT],
  total_tokens: 150,
  total_latency_ms: 2500,
  total_cost: 0.0021,
  schema_version: '2.0',
} satisfies TraceDetail;

export const FULL_TOOL: TreeNode = { ...TOOL, output: 'Policy P-1 is active until 2027-01-31 and covers collision damage.', output_truncated: false };

export const REVIEWS = {
  trace_id: 't-1',
  datasets: [],
  scores: [{ id: 's-1', name: 'review.verdict.v1', value: 1, string_value: null, data_type: 'NUMERIC', comment: 'positive', observation_id: null, timestamp: '2026-03-02T11:00:00Z' }],
} satisfies ReviewsReply;

export const DATASETS = {
  datasets: [
    { name: 'golden-claims', id: 'ds-1', item_count: 12, created_at: '2026-01-01T00:00:00Z' },
    { name: 'alpha-golden-2026-03', id: 'ds-2', item_count: 3, created_at: '2026-03-01T00:00:00Z' },
  ],
} satisfies DatasetsReply;

/** A replay server for one status; reviews posted are recorded and listed back. */
export function replayServer(status: ReplayStatus = STATUS, extra?: Handler) {
  const posted: unknown[] = [];
  const handler: Handler = (call: Call) => {
    const hit = extra?.(call);
    if (hit) return hit;
    const { path, method } = call;
    if (path === '/api/config/plugins') return { body: PLUGINS };
    if (path === '/api/agent-replay/status') return { body: status };
    if (path === '/api/agent-replay/traces') return { body: RECENT };
    if (path === '/api/agent-replay/search') return { body: FOUND };
    if (path === '/api/agent-replay/traces/t-1') return { body: TRACE };
    if (path === '/api/agent-replay/traces/t-1/nodes/tool-1') return { body: FULL_TOOL };
    if (path === '/api/agent-replay/traces/t-1/reviews') {
      const extraScores = posted.length > 0 ? [{ ...REVIEWS.scores[0]!, id: 's-2', value: -1, comment: 'negative' }] : [];
      return { body: { ...REVIEWS, scores: [...REVIEWS.scores, ...extraScores] } };
    }
    if (path === '/api/agent-replay/datasets') return { body: DATASETS };
    if (path === '/api/agent-replay/reviews' && method === 'POST') {
      const body = call.body as ReviewBody;
      posted.push(body);
      // As the server: one verdict score, one per non-blank text, one for the failure step; the
      // dataset is the failure step's name, else the chosen name, else the monthly default.
      const texts = [body.tooling_needs, body.rationale, body.expected_output].filter((t) => t.trim() !== '').length;
      const dataset = body.failure_observation_name ?? body.dataset_name ?? `${body.agent_label ?? body.agent ?? 'default'}-golden-2026-03`;
      return {
        body: {
          success: true,
          trace_id: body.trace_id,
          scores_created: 1 + texts + (body.failure_observation_id ? 1 : 0),
          dataset_item_created: body.add_to_dataset,
          dataset_name: body.add_to_dataset ? dataset : null,
          scores: [],
        } satisfies ReviewReply,
      };
    }
    return undefined;
  };
  return { ...serveApi(handler), posted };
}
