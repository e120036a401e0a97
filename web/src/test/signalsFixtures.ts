import { serveApi, type Handler } from '../pages/evaluate/testServer';

export const HS_DATASET = { id: 'hs1', name: 'Human Signals Sample', kind: 'human_signals', format: 'hitl_feedback', row_count: 3, created_at: '2026-02-02T10:00:00Z', source: 'example:hitl' };

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
};

export const METRIC_SCHEMA = {
  metrics: {
    insights: { category: 'classification', signals: ['requests', 'categories'], signal_types: { requests: 'array', categories: 'array' }, values: {} },
    outcome: { category: 'classification', signals: ['status', 'is_escalated'], signal_types: { status: 'string', is_escalated: 'boolean' }, values: { status: ['escalated', 'resolved'] } },
  },
  source_fields: ['source_name'],
  has_timestamp: true,
};

export const KPIS = [
  { key: 'outcome__is_escalated', label: 'Escalation Rate', value: 33.333, format: 'percent', aggregation: 'rate', missing: 0 },
  { key: 'avg_message_count', label: 'Avg Messages', value: 3.3333, format: 'number', aggregation: 'mean', missing: 0 },
  { key: 'total_cases', label: 'Total Cases', value: 3, format: 'number', aggregation: 'count', missing: 0 },
  { key: 'resolution__time_to_resolve', label: 'Time To Resolve', value: 5400, format: 'duration', aggregation: 'median', missing: 1 },
];

/** A stubbed server answering the human-signals reads from the fixtures above; `extra` answers first. */
export function signalsServer(datasets: unknown[] = [HS_DATASET], extra: Handler = () => undefined) {
  return serveApi((call) => {
    const { path, params } = call;
    const hit = extra(call);
    if (hit) return hit;
    if (path === '/api/datasets') return { body: { success: true, datasets } };
    if (path === '/api/human-signals/metric-schema') return { body: { success: true, metric_schema: METRIC_SCHEMA, display_config: DISPLAY_CONFIG, kpis: KPIS } };
    if (path === '/api/human-signals/cases') {
      return { body: { success: true, format: 'hitl_feedback', row_count: CASES.length, data: CASES, page: Number(params.get('page')), page_size: Number(params.get('page_size')) } };
    }
    if (path === '/api/human-signals/example/hitl') return { body: { success: true, format: 'hitl_feedback', row_count: 3, dataset_id: 'hs1', dataset: HS_DATASET, kpis: KPIS } };
    return undefined;
  });
}
