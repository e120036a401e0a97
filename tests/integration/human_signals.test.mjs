// Human-signals uploads, the bundled example, cases paging, the metric schema, the layout
// overrides of signals_metrics.yaml and the KPI figures, checked against values computed by hand.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

const cell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows) => rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';

const HEADER = ['dataset_id', 'metric_name', 'metric_category', 'signals', 'source', 'environment',
  'timestamp', 'conversation', 'conversation_stats', 'additional_input'];
const CONV_A1 = JSON.stringify({ messages: [
  { role: 'assistant', content: 'New support case: Login loop\nCustomer: Ann' },
  { role: 'user', content: 'help' }] });
const CONV_A2 = JSON.stringify({ messages: [{ role: 'user', content: 'Billing question about invoice 7' }] });
const A1 = ['bot_a', 'prod', '2025-03-01T10:00:00Z', CONV_A1, '{"turn_count": 3}',
  '{"message_url": "https://chat.example.com/p1", "sender": "Helper Bot"}'];
const A2 = ['bot_b', 'prod', '2025-03-02T10:00:00Z', CONV_A2, '{"user_message_count": 2, "ai_message_count": 3}', ''];
const A3 = ['bot_a', 'staging', '2025-03-03T10:00:00Z', '', '', ''];

// Three cases x three metrics (esc, res, notes). `confidence` is in 2 of 3 metrics: metadata.
// a1: a Python-literal res row; a2: an unreadable notes cell, no additional_input;
// a3: esc signals nested as {group: [{name, value}]}, no conversation.
// is_escalated T/F/F; is_resolved T/null/F; wait_minutes 30/null/90; Message_Count 3/5/0.
const FIXTURE = csv([
  HEADER,
  ['a1', 'esc', 'classification', '{"is_escalated": true, "reason": "policy", "confidence": 0.9}', ...A1],
  ['a1', 'res', 'classification', "{'is_resolved': True, 'wait_minutes': 30, 'outcome': 'fixed', 'confidence': 0.8}", ...A1],
  ['a1', 'notes', 'analysis', '{"learnings": ["x"], "suggested_action": "call"}', ...A1],
  ['a2', 'esc', 'classification', '{"is_escalated": false, "reason": null, "confidence": null}', ...A2],
  ['a2', 'res', 'classification', '{"is_resolved": null, "wait_minutes": null, "outcome": "open", "confidence": 0.6}', ...A2],
  ['a2', 'notes', 'analysis', '[not, a, dict', ...A2],
  ['a3', 'esc', 'classification', '{"scores": {"flags": [{"name": "is_escalated", "value": false}, {"name": "reason", "value": "timeout"}]}, "confidence": 0.7}', ...A3],
  ['a3', 'res', 'classification', '{"is_resolved": false, "wait_minutes": 90, "outcome": "fixed", "confidence": 0.5}', ...A3],
  ['a3', 'notes', 'analysis', '{"learnings": [], "suggested_action": "refund"}', ...A3],
]);

const SCHEMA = {
  metrics: {
    esc: { category: 'classification', signals: ['is_escalated', 'reason'],
      signal_types: { is_escalated: 'boolean', reason: 'string' }, values: { reason: ['policy', 'timeout'] } },
    notes: { category: 'analysis', signals: ['learnings', 'suggested_action'],
      signal_types: { learnings: 'array', suggested_action: 'string' }, values: { suggested_action: ['call', 'refund'] } },
    res: { category: 'classification', signals: ['is_resolved', 'wait_minutes', 'outcome'],
      signal_types: { is_resolved: 'boolean', wait_minutes: 'number', outcome: 'string' }, values: { outcome: ['fixed', 'open'] } },
  },
  source_fields: ['source_name', 'environment'],
  has_timestamp: true,
};

const KPIS = [
  { key: 'esc__is_escalated', label: 'Is Escalated', value: 100 / 3, format: 'percent', aggregation: 'rate', missing: 0 },
  // a2 has no value: 1 of the 2 cases with one is resolved (not 1 of 3).
  { key: 'res__is_resolved', label: 'Is Resolved', value: 50, format: 'percent', aggregation: 'rate', missing: 1 },
  { key: 'res__wait_minutes', label: 'Wait Minutes', value: 60, format: 'duration', aggregation: 'median', missing: 1 },
  { key: 'avg_message_count', label: 'Avg Messages', value: 8 / 3, format: 'number', aggregation: 'avg_message_count', missing: 0 },
  { key: 'total_cases', label: 'Total Cases', value: 3, format: 'number', aggregation: 'total_cases', missing: 0 },
];

let server;
let fixture;  // the upload reply of FIXTURE

async function get(p) {
  const res = await fetch(`${server.url}${p}`);
  return { status: res.status, json: await res.json() };
}

async function upload(text, name = 'signals.csv') {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  const res = await fetch(`${server.url}/api/human-signals/upload`, { method: 'POST', body: form });
  return { status: res.status, json: await res.json() };
}

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  const empty = await get('/api/human-signals/cases');
  assert.equal(empty.status, 404);
  assert.equal(empty.json.detail, 'No human signals data yet: upload a human signals CSV or load the example');
  assert.equal((await get('/api/human-signals/metric-schema')).status, 404);
  const res = await upload(FIXTURE);
  assert.equal(res.status, 200, JSON.stringify(res.json));
  fixture = res.json;
});

after(async () => {
  await server?.stop();
});

describe('upload', () => {
  test('replies with the cases, schema, layout and KPI figures', () => {
    assert.equal(fixture.success, true);
    assert.equal(fixture.format, 'hitl_feedback');
    assert.equal(fixture.row_count, 3);
    assert.equal(fixture.total_rows, 3);
    assert.equal(fixture.truncated, false);
    assert.equal(fixture.message, 'Processed 3 cases');
    assert.equal(fixture.dataset.kind, 'human_signals');
    assert.equal(fixture.dataset.row_count, 9);
    assert.equal(fixture.dataset_id, fixture.dataset.id);
    assert.deepEqual(fixture.warnings,
      ['1 rows have a signals cell that is neither a JSON nor a Python-literal object; they were read as no signals']);
    assert.deepEqual(fixture.metric_schema, SCHEMA);
    assert.deepEqual(fixture.columns, ['Case_ID', 'source_name', 'environment', 'Slack_URL', 'Agent_Name',
      'Business', 'Full_Conversation', 'Message_Count', 'Timestamp', 'additional_input', 'confidence',
      'esc__is_escalated', 'esc__reason', 'notes__learnings', 'notes__suggested_action',
      'res__is_resolved', 'res__wait_minutes', 'res__outcome']);
  });

  test('builds one row per case, sorted by dataset_id', () => {
    assert.deepEqual(fixture.data, [
      { Case_ID: 'a1', source_name: 'bot_a', environment: 'prod', Slack_URL: 'https://chat.example.com/p1',
        Agent_Name: 'Helper Bot', Business: 'Login loop', Full_Conversation: JSON.parse(CONV_A1).messages,
        Message_Count: 3, Timestamp: '2025-03-01T10:00:00Z',
        additional_input: '{"message_url": "https://chat.example.com/p1", "sender": "Helper Bot"}',
        confidence: 0.9, esc__is_escalated: true, esc__reason: 'policy', notes__learnings: '["x"]',
        notes__suggested_action: 'call', res__is_resolved: true, res__wait_minutes: 30, res__outcome: 'fixed' },
      { Case_ID: 'a2', source_name: 'bot_b', environment: 'prod', Slack_URL: null, Agent_Name: 'bot_b',
        Business: 'Billing question about invoice 7', Full_Conversation: JSON.parse(CONV_A2).messages,
        Message_Count: 5, Timestamp: '2025-03-02T10:00:00Z', additional_input: null,
        confidence: 0.6, esc__is_escalated: false, esc__reason: null, notes__learnings: null,
        notes__suggested_action: null, res__is_resolved: null, res__wait_minutes: null, res__outcome: 'open' },
      { Case_ID: 'a3', source_name: 'bot_a', environment: 'staging', Slack_URL: null, Agent_Name: 'bot_a',
        Business: 'Unknown', Full_Conversation: [], Message_Count: 0, Timestamp: '2025-03-03T10:00:00Z',
        additional_input: null, confidence: 0.7, esc__is_escalated: false, esc__reason: 'timeout',
        notes__learnings: '[]', notes__suggested_action: 'refund', res__is_resolved: false,
        res__wait_minutes: 90, res__outcome: 'fixed' },
    ]);
  });

  test('generates the layout from the schema', () => {
    const c = fixture.display_config;
    assert.deepEqual(c.kpi_strip.map((k) => k.signal ?? k.aggregate),
      ['is_escalated', 'is_resolved', 'wait_minutes', 'avg_message_count', 'total_cases']);
    assert.deepEqual(c.kpi_strip[2], { metric: 'res', signal: 'wait_minutes', label: 'Wait Minutes',
      aggregation: 'median', format: 'duration', icon: 'clock' });
    assert.deepEqual(c.chart_sections.map((s) => [s.title, s.charts.map((x) => `${x.metric}.${x.signal}:${x.type}`)]), [
      ['Outcome Distribution', ['esc.reason:stacked_bar']],
      ['Breakdown', ['res.outcome:bar']],
      ['Insights', ['notes.learnings:text_list', 'notes.suggested_action:text_list']],
    ]);
    assert.deepEqual(c.filters.map((f) => f.field ?? `${f.metric}.${f.signal}`),
      ['source_name', 'environment', 'esc.reason', 'notes.suggested_action', 'res.outcome']);
    assert.deepEqual(c.table_columns.map((t) => t.key),
      ['Case_ID', 'source_name', 'Business', 'esc__reason', 'notes__suggested_action', 'res__outcome',
        'Message_Count', 'Timestamp']);
    assert.deepEqual(Object.keys(c.color_maps), ['esc__reason', 'notes__suggested_action', 'res__outcome']);
  });

  test('computes the KPI strip with missing values left out', () => {
    assert.deepEqual(fixture.kpis, KPIS);
  });
});

describe('cases and metric schema', () => {
  test('pages through the cases of the newest dataset', async () => {
    const { status, json } = await get('/api/human-signals/cases?page=2&page_size=2');
    assert.equal(status, 200);
    assert.equal(json.page, 2);
    assert.equal(json.page_size, 2);
    assert.equal(json.row_count, 3);
    assert.equal(json.truncated, true);
    assert.equal(json.dataset_id, fixture.dataset_id);
    assert.deepEqual(json.data.map((c) => c.Case_ID), ['a3']);
    assert.deepEqual(json.kpis, KPIS);
    assert.deepEqual(json.metric_schema, SCHEMA);
    const first = await get(`/api/human-signals/cases?dataset_id=${fixture.dataset_id}`);
    assert.equal(first.json.page_size, 50);
    assert.equal(first.json.truncated, false);
    assert.deepEqual(first.json.data, fixture.data);
  });

  test('page_size is capped at 500 and page starts at 1', async () => {
    assert.equal((await get('/api/human-signals/cases?page_size=500')).status, 200);
    const over = await get('/api/human-signals/cases?page_size=501');
    assert.equal(over.status, 422);
    assert.deepEqual(over.json.detail[0].loc, ['query', 'page_size']);
    assert.equal((await get('/api/human-signals/cases?page=0')).status, 422);
    assert.equal((await get('/api/human-signals/cases?page=x')).status, 422);
  });

  test('the metric schema route has the schema, layout and KPIs', async () => {
    const { status, json } = await get('/api/human-signals/metric-schema');
    assert.equal(status, 200);
    assert.equal(json.success, true);
    assert.deepEqual(json.metric_schema, SCHEMA);
    assert.deepEqual(json.display_config, fixture.display_config);
    assert.deepEqual(json.kpis, KPIS);
    assert.equal(json.kpi_source_name, null);
  });

  test('source_name narrows the KPI figures to that source\'s cases', async () => {
    const figures = async (source) => {
      const { status, json } = await get(`/api/human-signals/metric-schema?source_name=${source}`);
      assert.equal(status, 200, JSON.stringify(json));
      assert.equal(json.kpi_source_name, source);
      assert.deepEqual(json.metric_schema, SCHEMA); // the schema stays the dataset's
      return Object.fromEntries(json.kpis.map((k) => [k.key, [k.value, k.missing]]));
    };
    // bot_a: a1 and a3.
    assert.deepEqual(await figures('bot_a'), {
      esc__is_escalated: [50, 0], res__is_resolved: [50, 0], res__wait_minutes: [60, 0],
      avg_message_count: [1.5, 0], total_cases: [2, 0],
    });
    // bot_b: a2 alone, without is_resolved or wait_minutes.
    assert.deepEqual(await figures('bot_b'), {
      esc__is_escalated: [0, 0], res__is_resolved: [null, 1], res__wait_minutes: [null, 1],
      avg_message_count: [5, 0], total_cases: [1, 0],
    });
    assert.deepEqual(await figures('nobody'), {
      esc__is_escalated: [null, 0], res__is_resolved: [null, 0], res__wait_minutes: [null, 0],
      avg_message_count: [null, 0], total_cases: [0, 0],
    });
  });

  test('unknown datasets and other kinds are 404', async () => {
    assert.equal((await get('/api/human-signals/cases?dataset_id=nope')).status, 404);
    const form = new FormData();
    form.append('file', new Blob(['dataset_id,query,actual_output,metric_name,metric_score\n1,q,a,m,0.5\n']), 'eval.csv');
    const evalUpload = await (await fetch(`${server.url}/api/data/upload`, { method: 'POST', body: form })).json();
    assert.ok(evalUpload.dataset_id, JSON.stringify(evalUpload));
    const other = await get(`/api/human-signals/metric-schema?dataset_id=${evalUpload.dataset_id}`);
    assert.equal(other.status, 404);
  });
});

describe('bad uploads', () => {
  test('say what is wrong and keep the earlier datasets', async () => {
    const missing = await upload('dataset_id,metric_name,source_name\n1,m,s\n');
    assert.equal(missing.status, 400);
    assert.equal(missing.json.detail, 'Data does not appear to be in signals format. Required columns: ' +
      'metric_name, dataset_id, signals. Columns found: dataset_id, metric_name, source_name');
    const noSource = await upload('dataset_id,metric_name,signals\n1,m,{}\n');
    assert.equal(noSource.status, 400);
    assert.equal(noSource.json.detail,
      'Data is missing required source fields (source_name). Please ensure source_name is present.');
    const utf8 = await upload(Buffer.concat([Buffer.from('dataset_id,metric_name,signals,source_name\n1,m,{},s'),
      Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    assert.equal(utf8.status, 400);
    assert.match(utf8.json.detail, /^CSV parsing error: /);
    assert.equal((await upload('', 'empty.csv')).status, 400);
    assert.equal((await upload('a,b\n1,2\n', 'signals.txt')).json.detail, 'Only CSV files are supported');

    const after = await get('/api/human-signals/cases');
    assert.equal(after.status, 200);
    assert.equal(after.json.dataset_id, fixture.dataset_id);
    assert.equal(after.json.row_count, 3);
  });

  test('cells that are neither JSON nor Python literals count as no signals', async () => {
    const { status, json } = await upload(csv([
      ['dataset_id', 'metric_name', 'signals', 'source_name'],
      ['x1', 'm', "{'ok': True}", 's'],
      ['x2', 'm', '{"ok": tru', 's'],
      ['x3', 'm', 'plain words', 's'],
    ]));
    assert.equal(status, 200);
    assert.deepEqual(json.data.map((c) => c.m__ok), [true, null, null]);
    assert.equal(json.warnings.length, 1);
    assert.match(json.warnings[0], /^2 rows have a signals cell/);
    assert.deepEqual(json.kpis.find((k) => k.key === 'total_cases').value, 3);
  });
});

describe('example', () => {
  test('loads our hitl example once', async () => {
    const first = await get('/api/human-signals/example/hitl');
    assert.equal(first.status, 200);
    assert.equal(first.json.row_count, 48);
    assert.equal(first.json.message, 'Processed 48 cases');
    assert.equal(first.json.dataset.source, 'example:hitl');
    assert.deepEqual(Object.keys(first.json.metric_schema.metrics), ['case_resolution', 'escalation', 'insights', 'sentiment']);
    assert.ok(first.json.columns.includes('confidence'));
    assert.deepEqual(first.json.kpis.map((k) => k.key), ['case_resolution__is_resolved', 'escalation__is_escalated',
      'case_resolution__resolution_time_minutes', 'sentiment__csat_rating', 'avg_message_count', 'total_cases']);
    assert.ok(first.json.kpis[0].missing > 0, 'pending cases have no is_resolved');
    const again = await get('/api/human-signals/example/hitl');
    assert.equal(again.json.dataset_id, first.json.dataset_id);
    const other = await get('/api/human-signals/example/other');
    assert.equal(other.status, 404);
    assert.equal(other.json.detail, "Dataset not found. Available: ['hitl']");
  });
});

describe('db-config', () => {
  test('is not configured by default', async () => {
    const { status, json } = await get('/api/human-signals/db-config');
    assert.equal(status, 200);
    assert.deepEqual(json, { success: true, configured: false, auto_connect: false, auto_load: false,
      has_query: false, row_limit: 10000, query_timeout: 60, connection: null });
  });
});

describe('signals_metrics.yaml', () => {
  let custom;
  before(async () => {
    custom = await startServer({
      configFiles: {
        'signals_metrics.yaml': [
          'kpi_strip:',
          '  - {label: Escalations, metric: esc, signal: is_escalated, format: percent}',
          '  - {label: Mean wait, metric: res, signal: wait_minutes, aggregate: mean, format: duration}',
          'color_maps:',
          '  res__outcome: {fixed: "#00AA00"}',
        ].join('\n') + '\n',
        'human_signals_db.yaml': [
          'human_signals_db:',
          '  enabled: true',
          '  host: db.internal',
          '  database: feedback',
          '  username: reader',
          '  password: s3cret-pass',
          '  auto_connect: true',
          '  dataset_query: SELECT 1',
          '  results_query: SELECT 2',
          '  table: signals',
          '  visible_metrics: [esc, res]',
        ].join('\n') + '\n',
      },
    });
    assert.equal(custom.exitStatus(), null, custom.stderr());
    const form = new FormData();
    form.append('file', new Blob([FIXTURE]), 'signals.csv');
    const res = await fetch(`${custom.url}/api/human-signals/upload`, { method: 'POST', body: form });
    assert.equal(res.status, 200);
  });
  after(async () => {
    await custom?.stop();
  });

  const schema = async () => (await fetch(`${custom.url}/api/human-signals/metric-schema`)).json();

  test('overrides the KPI strip and merges colours; figures follow the override', async () => {
    const json = await schema();
    assert.deepEqual(json.display_config.kpi_strip.map((k) => k.label), ['Escalations', 'Mean wait']);
    assert.deepEqual(json.kpis, [
      { key: 'esc__is_escalated', label: 'Escalations', value: 100 / 3, format: 'percent', aggregation: 'rate', missing: 0 },
      { key: 'res__wait_minutes', label: 'Mean wait', value: 60, format: 'duration', aggregation: 'mean', missing: 1 },
    ]);
    assert.deepEqual(json.display_config.color_maps.res__outcome, { fixed: '#00AA00' });
    assert.ok(json.display_config.color_maps.esc__reason.policy);
    // visible_metrics hides the notes metric.
    assert.deepEqual(Object.keys(json.metric_schema.metrics), ['esc', 'res']);
  });

  test('is read again on each request', async () => {
    const file = path.join(custom.customDir, 'config', 'signals_metrics.yaml');
    writeFileSync(file, 'kpi_strip:\n  - {aggregate: total_cases, label: Cases}\n');
    const json = await schema();
    assert.deepEqual(json.kpis, [{ key: 'total_cases', label: 'Cases', value: 3, format: 'number',
      aggregation: 'total_cases', missing: 0 }]);
    assert.equal(json.display_config.color_maps.res__outcome.fixed === '#00AA00', false);
    writeFileSync(file, 'kpi_strip: [broken\n');
    const broken = await schema();
    assert.equal(broken.display_config.kpi_strip.length, 5);
    assert.equal(broken.warnings.length, 2);  // the unreadable notes cell, then the file
    assert.match(broken.warnings[1], /^signals_metrics\.yaml ignored: /);
  });

  test('db-config shows the connection without the password', async () => {
    const res = await fetch(`${custom.url}/api/human-signals/db-config`);
    const text = await res.text();
    assert.equal(text.includes('s3cret'), false);
    assert.deepEqual(JSON.parse(text), { success: true, configured: true, auto_connect: true, auto_load: true,
      has_query: true, row_limit: 10000, query_timeout: 60,
      connection: { host: 'db.internal', port: 5432, database: 'feedback', username: 'reader',
        ssl_mode: 'prefer', schema: 'public', table: 'signals', has_url: false } });
  });
});
