import type { Dataset } from '../lib/evaluate/types';
import type { CaseFigures, DisplayConfig, FilterOptionsResponse, MetricSchema, SignalsKpi, SignalsTrendsResponse } from '../lib/signals/types';
import { serveApi, type Handler } from '../pages/evaluate/testServer';

export const HS_DATASET = { id: 'hs1', name: 'Human Signals Sample', kind: 'human_signals', format: 'hitl_feedback', row_count: 3, columns: [], created_at: '2026-02-02T10:00:00Z', source: 'example:hitl' } satisfies Dataset;

const conversation = (first: string) =>
  JSON.stringify({ messages: [{ role: 'assistant', content: first }, { role: 'user', content: 'Please escalate this.' }, { role: 'assistant', content: 'Escalated to billing.' }] });

export const CASES = [
  { Case_ID: 'cs-001', source_name: 'Atlas', Business: 'Acme Corp', Message_Count: 3, Timestamp: '2026-02-10 09:00:00', Slack_URL: 'https://chat.example.com/t/1', Full_Conversation: conversation('New support case: ORDER-1'), outcome__status: 'resolved', outcome__is_escalated: true, insights__requests: '["faster refunds", "status page"]', insights__categories: '["billing", "refunds"]' },
  { Case_ID: 'cs-002', source_name: 'Beacon', Business: 'Globex', Message_Count: 5, Timestamp: '2026-02-11 10:00:00', Full_Conversation: conversation('New support case: ORDER-2'), outcome__status: 'escalated', outcome__is_escalated: false, insights__requests: '["status page"]', insights__categories: '["billing"]' },
  { Case_ID: 'cs-003', source_name: 'Atlas', Business: 'Initech', Message_Count: 2, Timestamp: '2026-02-12 11:00:00', Full_Conversation: [{ role: 'user', content: 'Where is my order?' }], outcome__status: 'resolved', outcome__is_escalated: false, insights__requests: '[]', insights__categories: '["shipping"]' },
];

export const DISPLAY_CONFIG = {
  kpi_strip: [
    { metric: 'outcome', signal: 'is_escalated', label: 'Escalation Rate', icon: 'arrow-up-right', format: 'percent' },
    { aggregate: 'avg_message_count', label: 'Avg Messages', icon: 'message-square', format: 'number' },
    { aggregate: 'total_cases', label: 'Total Cases', icon: 'hash', format: 'number', highlight: true },
  ],
  chart_sections: [
    { title: 'Outcome Distribution', layout: 'full', charts: [{ metric: 'outcome', signal: 'status', type: 'stacked_bar', title: 'Status' }] },
    {
      title: 'Insights',
      layout: 'grid_2',
      charts: [
        { metric: 'insights', signal: 'requests', type: 'text_list', title: 'Feature requests' },
        { metric: 'insights', signal: 'categories', type: 'ranked_list', title: 'Categories' },
      ],
    },
  ],
  filters: [
    { type: 'source', field: 'source_name', label: 'Source' },
    { type: 'metric', metric: 'outcome', signal: 'status', label: 'Status', options: ['escalated', 'resolved'] },
  ],
  table_columns: [
    { key: 'Case_ID', label: 'Case' },
    { key: 'source_name', label: 'Source' },
    { key: 'Business', label: 'Business' },
    { key: 'outcome__status', label: 'Status' },
    { key: 'Message_Count', label: 'Messages' },
  ],
  color_maps: { outcome__status: { resolved: '#27AE60', escalated: '#E74C3C' } },
} satisfies DisplayConfig;

export const METRIC_SCHEMA = {
  metrics: {
    insights: { category: 'classification', signals: ['requests', 'categories'], signal_types: { requests: 'array', categories: 'array' }, values: {} },
    outcome: { category: 'classification', signals: ['status', 'is_escalated'], signal_types: { status: 'string', is_escalated: 'boolean' }, values: { status: ['escalated', 'resolved'] } },
  },
  source_fields: ['source_name'],
  has_timestamp: true,
} satisfies MetricSchema;

export const KPIS = [
  { key: 'outcome__is_escalated', label: 'Escalation Rate', value: 33.333, format: 'percent', aggregation: 'rate', missing: 0 },
  { key: 'avg_message_count', label: 'Avg Messages', value: 3.3333, format: 'number', aggregation: 'mean', missing: 0 },
  { key: 'total_cases', label: 'Total Cases', value: 3, format: 'number', aggregation: 'count', missing: 0 },
  { key: 'resolution__time_to_resolve', label: 'Time To Resolve', value: 5400, format: 'duration', aggregation: 'median', missing: 1 },
] satisfies SignalsKpi[];

/** The server's figures over all three cases (see the CASES above). */
export const FIGURES = {
  success: true,
  dataset_id: 'hs1',
  total: 3,
  all_cases: 3,
  distributions: {
    outcome__status: [
      { name: 'resolved', count: 2, rate: 200 / 3 },
      { name: 'escalated', count: 1, rate: 100 / 3 },
    ],
    insights__requests: [
      { name: 'status page', count: 2, rate: 200 / 3 },
      { name: 'faster refunds', count: 1, rate: 100 / 3 },
    ],
    insights__categories: [
      { name: 'billing', count: 2, rate: 200 / 3 },
      { name: 'refunds', count: 1, rate: 100 / 3 },
      { name: 'shipping', count: 1, rate: 100 / 3 },
    ],
  },
  rates: {},
} satisfies CaseFigures;

export const FILTER_OPTIONS = { success: true, dataset_id: 'hs1', options: { source_name: ['Atlas', 'Beacon'], outcome__status: ['escalated', 'resolved'] } } satisfies FilterOptionsResponse;

/** Weekly figures as /api/human-signals/trends answers them (two weeks of the sample). */
export const WEEKLY_TRENDS: SignalsTrendsResponse = {
  success: true,
  dataset_id: 'hs1',
  granularity: 'weekly',
  weeks: ['2025-03-03', '2025-03-10'],
  cases: [9, 12],
  series: [
    { key: 'case_resolution__is_resolved', label: 'Is Resolved', format: 'percent', aggregation: 'rate', values: [50, 66.66666666666667], missing: [3, 3] },
    { key: 'sentiment__csat_rating', label: 'Csat Rating', format: 'number', aggregation: 'median', values: [3, null], missing: [1, 12] },
    { key: 'escalation__is_escalated', label: 'Is Escalated', format: 'percent', aggregation: 'rate', values: [33.333333333333336, 8.333333333333334], missing: [0, 0] },
  ],
};

/** The fixture cases holding, for every `filter.<field>` parameter, one of its values (plain equality: enough for these cases). */
function matching(params: URLSearchParams) {
  const chosen = new Map<string, string[]>();
  for (const [name, value] of params) if (name.startsWith('filter.')) chosen.set(name.slice(7), [...(chosen.get(name.slice(7)) ?? []), value]);
  return CASES.filter((c) => [...chosen].every(([field, values]) => values.includes(String((c as Record<string, unknown>)[field]))));
}

/** The matching fixture cases sorted by `sort_by` (numbers or text) and paged as the server would. */
function casesPage(params: URLSearchParams) {
  const rows = matching(params);
  const key = params.get('sort_by');
  if (key) {
    const sign = params.get('sort_dir') === 'desc' ? -1 : 1;
    const value = (c: unknown) => (c as Record<string, unknown>)[key];
    rows.sort((a, b) => sign * (typeof value(a) === 'number' ? (value(a) as number) - (value(b) as number) : String(value(a)).localeCompare(String(value(b)))));
  }
  const page = Number(params.get('page') ?? 1);
  const size = Number(params.get('page_size') ?? 50);
  return { rows: rows.slice((page - 1) * size, page * size), total: rows.length };
}

/** A stubbed server answering the human-signals reads from the fixtures above; `extra` answers first. */
export function signalsServer(datasets: unknown[] = [HS_DATASET], extra: Handler = () => undefined) {
  return serveApi((call) => {
    const { path, params } = call;
    const hit = extra(call);
    if (hit) return hit;
    if (path === '/api/datasets') return { body: { success: true, datasets } };
    if (path === '/api/human-signals/metric-schema') return { body: { success: true, metric_schema: METRIC_SCHEMA, display_config: DISPLAY_CONFIG, kpis: KPIS } };
    if (path === '/api/human-signals/filter-options') return { body: FILTER_OPTIONS };
    if (path === '/api/human-signals/figures') return { body: { ...FIGURES, total: matching(params).length } };
    if (path === '/api/human-signals/cases') {
      const { rows, total } = casesPage(params);
      return { body: { success: true, format: 'hitl_feedback', row_count: CASES.length, total, data: rows, page: Number(params.get('page')), page_size: Number(params.get('page_size')) } };
    }
    if (path === '/api/human-signals/example/hitl') return { body: { success: true, format: 'hitl_feedback', row_count: 3, dataset_id: 'hs1', dataset: HS_DATASET, kpis: KPIS } };
    return undefined;
  });
}
