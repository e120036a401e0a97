// Replies of the memory plugin for page tests: 17 rules (5 named ones and 12 document checks) with
// the summary, quality split, hard stops, batches and conflict the server derives from them, worked
// out by hand from the rules below.
import type {
  BatchesReply,
  ConflictsReply,
  GraphReply,
  GraphSearchReply,
  GraphStatus,
  GraphSummary,
  MemoryRule,
  MemorySummary,
  RuleDeleteReply,
  NeighborhoodReply,
  WireQualityReply,
  WireRule,
  WireRuleListReply,
  WireRulesReply,
  WireRuleSaveReply,
  WireTrace,
  WireUploadReply,
} from '../lib/memory/types';
import { serveApi, type Call, type Handler } from '../pages/evaluate/testServer';

export function rule(members: Partial<MemoryRule> & Pick<MemoryRule, 'id' | 'name' | 'action'>): MemoryRule {
  return {
    category: '',
    group_by: '',
    product: '',
    quality: '',
    threshold_type: '',
    threshold_value: '',
    description: '',
    mitigants: [],
    status: 'pending',
    batch: 'manual',
    agent: '',
    created_at: '',
    confidence: '',
    compound_trigger: '',
    source: '',
    source_type: '',
    historical_exceptions: '',
    data_fields: [],
    ingestion_error: '',
    ingested_at: '',
    ...members,
  };
}

export const NAMED_RULES: MemoryRule[] = [
  rule({ id: 'r1', name: 'Decline high DTI', action: 'decline', group_by: 'High DTI', product: 'Mortgage', category: 'Credit', quality: 'aligned', threshold_type: 'hard', threshold_value: 'DTI > 50%', description: 'Application declined', status: 'ingested', batch: 'b1', agent: 'alpha', created_at: '2026-01-05T10:00:00Z' }),
  rule({ id: 'r2', name: 'Refer high DTI', action: 'refer', group_by: 'High DTI', product: 'Mortgage', category: 'Credit', quality: 'divergent', threshold_type: 'soft', threshold_value: 'DTI > 43%', description: 'Sent to an underwriter', mitigants: ['Compensating reserves'], status: 'ingested', batch: 'b1', agent: 'alpha', created_at: '2026-01-04T09:00:00Z' }),
  rule({ id: 'r3', name: 'Verify income gap', action: 'verify', group_by: 'Income gap', product: 'Mortgage', category: 'Income', quality: 'partial', threshold_type: 'soft', threshold_value: 'gap > 6 months', mitigants: ['Offer letter'], status: 'pending', batch: 'b2', agent: 'beta', created_at: '2026-02-01T08:00:00Z' }),
  rule({ id: 'r4', name: 'Decline fraud flag', action: 'decline', group_by: 'Fraud flag', product: 'Auto', category: 'Fraud', quality: 'aligned', threshold_type: 'hard', threshold_value: 'any flag', description: 'Declined for fraud', status: 'failed', batch: 'b2', agent: 'beta', created_at: '2026-02-02T08:00:00Z' }),
  rule({ id: 'r5', name: 'Approve stable employment', action: 'approve_with_conditions', group_by: 'Stable employment', product: 'Auto', category: 'Income', quality: 'aligned', status: 'ingested', batch: 'b1', agent: 'alpha', created_at: '2026-01-06T10:00:00Z' }),
];

export const FILLER_RULES: MemoryRule[] = Array.from({ length: 12 }, (_, i) =>
  rule({ id: `f${String(i + 1).padStart(2, '0')}`, name: `Document check ${String(i + 1).padStart(2, '0')}`, action: 'verify', group_by: 'Document check', product: 'Auto', category: 'Docs', quality: 'partial', mitigants: ['Manual review'], status: 'pending', batch: 'b3', created_at: '2026-03-01T00:00:00Z' }),
);

export const RULES: MemoryRule[] = [...NAMED_RULES, ...FILLER_RULES];
RULES satisfies WireRule[];

export const ACTION_COLORS = { verify: '#3498DB', decline: '#E74C3C', refer: '#F39C12', approve_with_conditions: '#27AE60' };

export const SUMMARY = {
  rules_count: 17,
  risk_factors_count: 5,
  mitigants_count: 3,
  hard_stops_count: 2,
  rules_by_action: [
    { action: 'verify', count: 13, color: ACTION_COLORS.verify },
    { action: 'decline', count: 2, color: ACTION_COLORS.decline },
    { action: 'refer', count: 1, color: ACTION_COLORS.refer },
    { action: 'approve_with_conditions', count: 1, color: ACTION_COLORS.approve_with_conditions },
  ],
  rules_by_product: [
    { product: 'Auto', count: 14 },
    { product: 'Mortgage', count: 3 },
  ],
} satisfies MemorySummary;

export const EMPTY_SUMMARY = { rules_count: 0, risk_factors_count: 0, mitigants_count: 0, hard_stops_count: 0, rules_by_action: [], rules_by_product: [] } satisfies MemorySummary;

export const FILTERS_AVAILABLE = {
  action: ['approve_with_conditions', 'decline', 'refer', 'verify'],
  product: ['Auto', 'Mortgage'],
  category: ['Credit', 'Docs', 'Fraud', 'Income'],
  threshold_type: ['hard', 'soft'],
  status: ['failed', 'ingested', 'pending'],
  batch: ['b1', 'b2', 'b3'],
};

export const CONFLICTS = {
  has_conflicts: true,
  data: [
    {
      risk_factor: 'High DTI',
      conflicting_rules: [
        { rule_name: 'Decline high DTI', action: 'decline' },
        { rule_name: 'Refer high DTI', action: 'refer' },
      ],
      description: "Risk factor 'High DTI' has contradictory actions: decline, refer",
    },
  ],
} satisfies ConflictsReply;

const byId = (...ids: string[]) => RULES.filter((r) => ids.includes(r.id));

export const QUALITY = { aligned: byId('r1', 'r4', 'r5'), divergent: byId('r2'), partial: [...byId('r3'), ...FILLER_RULES] } satisfies WireQualityReply;
export const SOFT = { data: byId('r2', 'r3') } satisfies WireRuleListReply;
export const HARD_STOPS = { data: byId('r1', 'r4') } satisfies WireRuleListReply;

export const BATCHES = {
  data: [
    { batch_id: 'b1', rules_count: 3, created_at: '2026-01-04T09:00:00Z', statuses: { ingested: 3 }, risk_categories: ['Credit', 'Income'] },
    { batch_id: 'b2', rules_count: 2, created_at: '2026-02-01T08:00:00Z', statuses: { pending: 1, failed: 1 }, risk_categories: ['Fraud', 'Income'] },
    { batch_id: 'b3', rules_count: 12, created_at: '2026-03-01T00:00:00Z', statuses: { pending: 12 }, risk_categories: ['Docs'] },
  ],
} satisfies BatchesReply;

export const UPLOAD = {
  success: true,
  format: 'memory',
  row_count: 17,
  columns: ['id', 'rule_name', 'action', 'batch_id', 'ingestion_status'],
  data: RULES,
  filters_available: FILTERS_AVAILABLE,
  summary: SUMMARY,
  message: null,
} satisfies WireUploadReply;

// Knowledge graph: High DTI triggers two rules; a mitigant overrides the refer rule; the decline rule results in an outcome.
const node = (type: string, name: string, metadata: Record<string, string> = {}) => ({ id: `${type}:${name.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`, label: name, type, metadata });

export const G = {
  dti: node('RiskFactor', 'High DTI', { severity: 'high' }),
  decline: node('Rule', 'Decline high DTI', { action: 'decline', product_type: 'Mortgage' }),
  refer: node('Rule', 'Refer high DTI', { action: 'refer', product_type: 'Mortgage' }),
  declined: node('Outcome', 'Declined'),
  reserves: node('Mitigant', 'Compensating reserves'),
  guide: node('Source', 'Credit guide 2026', { page: '12' }),
};

export const GRAPH_STATUS = { success: true, connected: true, graph_name: 'knowledge_graph', message: 'Connected to FalkorDB' } satisfies GraphStatus;

export const GRAPH_SUMMARY = {
  success: true,
  total_nodes: 6,
  total_edges: 5,
  nodes_by_type: { RiskFactor: 1, Rule: 2, Outcome: 1, Mitigant: 1, Source: 1 },
  edges_by_relation: { TRIGGERS: 2, RESULTS_IN: 1, OVERRIDES: 1, DERIVED_FROM: 1 },
  rules_by_action: { decline: 1, refer: 1 },
  rules_by_product: { Mortgage: 2 },
} satisfies GraphSummary;

/** The first page of the graph: the two TRIGGERS edges only. */
export const GRAPH = {
  success: true,
  data: {
    nodes: [G.dti, G.decline, G.refer],
    edges: [
      { source: G.dti.id, target: G.decline.id, type: 'TRIGGERS', label: '' },
      { source: G.dti.id, target: G.refer.id, type: 'TRIGGERS', label: '' },
    ],
    node_counts: { RiskFactor: 1, Rule: 2 },
    edge_counts: { TRIGGERS: 2 },
  },
} satisfies GraphReply;

export function neighborhood(nodeId: string, depth: number): NeighborhoodReply {
  const focal = Object.values(G).find((n) => n.id === nodeId)!;
  const one = [
    { source: G.decline.id, target: G.declined.id, type: 'RESULTS_IN', label: '' },
    { source: G.dti.id, target: G.decline.id, type: 'TRIGGERS', label: '' },
    { source: G.decline.id, target: G.guide.id, type: 'DERIVED_FROM', label: 'p. 12' },
  ];
  const two = [
    { source: G.dti.id, target: G.refer.id, type: 'TRIGGERS', label: '' },
    { source: G.reserves.id, target: G.refer.id, type: 'OVERRIDES', label: '' },
  ];
  return depth === 1
    ? { success: true, focal_node: focal, nodes: [focal, G.declined, G.dti, G.guide], edges: one, depth }
    : { success: true, focal_node: focal, nodes: [focal, G.declined, G.dti, G.guide, G.refer, G.reserves], edges: [...one, ...two], depth };
}

export const SEARCH = {
  success: true,
  query: 'reserve',
  total: 1,
  results: [{ node_id: G.reserves.id, label: 'Compensating reserves', type: 'Mitigant', connected_nodes: 1, snippet: 'Compensating reserves' }],
} satisfies GraphSearchReply;

export interface MemoryServerOptions {
  summary?: MemorySummary;
  graphStatus?: GraphStatus;
  extra?: Handler;
}

/** A memory server over a mutable copy of the rules: filters by exact role match, and applies creates, edits and deletes. */
export function memoryServer({ summary = SUMMARY, graphStatus = GRAPH_STATUS, extra }: MemoryServerOptions = {}) {
  let rules = [...RULES];
  const handler: Handler = (call: Call) => {
    const hit = extra?.(call);
    if (hit) return hit;
    const { method, path, params } = call;
    if (path === '/api/memory/summary') return { body: summary };
    if (path === '/api/memory/conflicts') return { body: CONFLICTS };
    if (path === '/api/memory/rules/quality') return { body: QUALITY };
    if (path === '/api/memory/rules/soft-thresholds') return { body: SOFT };
    if (path === '/api/memory/hard-stops') return { body: HARD_STOPS };
    if (path === '/api/memory/batches') return { body: BATCHES };
    if (path === '/api/memory/example') return { body: UPLOAD };
    if (path === '/api/memory/trace') {
      const r = rules.find((x) => x.id === params.get('rule_id'));
      if (!r) return { status: 404, body: { detail: `Rule ${params.get('rule_id')} not found` } };
      return { body: { group_by: r.group_by, name: r.name, action: r.action, description: r.description, mitigants: r.mitigants, threshold_value: r.threshold_value, threshold_type: r.threshold_type } satisfies WireTrace };
    }
    if (path === '/api/memory/rules' && method === 'GET') {
      const data = rules.filter((r) => [...params.entries()].every(([k, v]) => v === '' || (r as unknown as Record<string, unknown>)[k] === v));
      return { body: { data, total: data.length, filters_available: FILTERS_AVAILABLE } satisfies WireRulesReply };
    }
    if (path === '/api/memory/rules' && method === 'POST') {
      const body = call.body as Partial<MemoryRule>;
      const created = rule({ ...body, id: 'new-1', name: body.name ?? '', action: body.action ?? '', batch: 'manual', status: 'pending', created_at: '2026-04-01T00:00:00Z' });
      rules = [created, ...rules];
      return { body: { success: true, data: created } satisfies WireRuleSaveReply };
    }
    const id = /^\/api\/memory\/rules\/(.+)$/.exec(path)?.[1];
    if (id !== undefined && method === 'PUT') {
      rules = rules.map((r) => (r.id === id ? { ...r, ...(call.body as Partial<MemoryRule>) } : r));
      const updated = rules.find((r) => r.id === id);
      return updated ? { body: { success: true, data: updated } satisfies WireRuleSaveReply } : { status: 404, body: { detail: `Rule ${id} not found` } };
    }
    if (id !== undefined && method === 'DELETE') {
      rules = rules.filter((r) => r.id !== id);
      return { body: { success: true, id } satisfies RuleDeleteReply };
    }
    if (path === '/api/memory/graph/status') return { body: graphStatus };
    if (path === '/api/memory/graph/summary') return { body: GRAPH_SUMMARY };
    if (path === '/api/memory/graph') return { body: GRAPH };
    if (path === '/api/memory/graph/search') return { body: SEARCH };
    if (path === '/api/memory/graph/neighborhood') return { body: neighborhood(params.get('node_id') ?? '', Number(params.get('depth'))) };
    return undefined;
  };
  return serveApi(handler);
}
