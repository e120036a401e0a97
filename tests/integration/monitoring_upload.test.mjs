// Monitoring ingest: POST /api/monitoring/upload (aliases, the monitoring_db.yaml columns map,
// timestamps in mixed zones, coercions, refusals that store nothing), the bundled example and
// GET /api/monitoring/db-config (no secrets), checked against hand-computed values.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

const PASSWORD = 'pa55-w0rd-never-shown';
const MONITORING_YAML = `monitoring_db:
  enabled: true
  url: "postgresql://watcher:${PASSWORD}@pg.example.internal:6432/telemetry?sslmode=require"
  dataset_query: "SELECT * FROM monitoring_records"
  results_query: "SELECT * FROM monitoring_scores"
  row_limit: 2000
  query_timeout: 30
  columns:
    Conversation: dataset_id
    Bot: source_name
  thresholds:
    default: {good: 0.8}
    per_source:
      Juniper: {pass: 0.6}
  anomaly_detection:
    enabled: true
    min_data_points: 2
    z_score: {threshold: 2.5, metrics: [faithfulness]}
    moving_average: {severity: error}
`;

let server;
let plain;

async function upload(target, csv, name = 'monitoring.csv') {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  const res = await fetch(`${target.url}/api/monitoring/upload`, { method: 'POST', body: form });
  return { status: res.status, json: await res.json() };
}

async function get(target, path) {
  const res = await fetch(`${target.url}${path}`);
  return { status: res.status, text: await res.text() };
}

async function monitoringDatasets() {
  const res = await get(server, '/api/datasets?kind=monitoring');
  return JSON.parse(res.text).datasets.map((d) => d.id);
}

before(async () => {
  server = await startServer({ configFiles: { 'monitoring_db.yaml': MONITORING_YAML } });
  assert.equal(server.exitStatus(), null, server.stderr());
  plain = await startServer();
  assert.equal(plain.exitStatus(), null, plain.stderr());
});

after(async () => {
  await server?.stop();
  await plain?.stop();
});

describe('upload', () => {
  test('long format with aliases: reply shape, layout and converted values', async () => {
    const csv = [
      'Record ID,Time,Agent,Env,Latency-MS,Error,metric_name,metric_score,metric_category,explanation,trace_id',
      'r1,2025-06-01T10:00:00Z,gpt-4o,prod,120,false,faithfulness,0.9,SCORE,grounded,t-1',
      'r1,2025-06-01T10:00:00Z,gpt-4o,prod,120,false,intent,,CLASSIFICATION,billing,t-1',
      'r2,2025-06-01 12:30:00+02:00,gpt-4o,prod,95.5,Yes,faithfulness,0.25,,"made up, twice",t-2',
    ].join('\n');
    const { status, json } = await upload(server, csv, 'long.csv');
    assert.equal(status, 200, JSON.stringify(json));
    assert.equal(json.success, true);
    assert.equal(json.format, 'monitoring');
    assert.equal(json.row_count, 3);
    assert.equal(json.total_rows, 3);
    assert.equal(json.truncated, false);
    assert.equal(json.message, 'Processed 3 monitoring records');
    assert.deepEqual(json.warnings, []);
    assert.deepEqual(json.metric_columns, ['metric_score']);
    assert.match(json.dataset_id, /^[0-9a-f]{32}$/);
    assert.equal(json.dataset.kind, 'monitoring');
    assert.equal(json.dataset.name, 'long.csv');
    assert.deepEqual(json.columns, ['dataset_id', 'timestamp', 'environment', 'source_name',
      'source_component', 'source_type', 'model_name', 'evaluation_name', 'query', 'actual_output',
      'metric_category', 'explanation', 'signals', 'latency', 'has_errors', 'metric_name',
      'metric_score', 'trace_id']);
    assert.equal(json.data.length, 3);
    const pick = (row) => [row.dataset_id, row.timestamp, row.environment, row.model_name, row.latency,
      row.has_errors, row.metric_name, row.metric_score, row.metric_category, row.explanation, row.query];
    assert.deepEqual(json.data.map(pick), [
      ['r1', '2025-06-01 10:00:00', 'prod', 'gpt-4o', 120, false, 'faithfulness', 0.9, 'SCORE', 'grounded', null],
      ['r1', '2025-06-01 10:00:00', 'prod', 'gpt-4o', 120, false, 'intent', null, 'CLASSIFICATION', 'billing', null],
      ['r2', '2025-06-01 10:30:00', 'prod', 'gpt-4o', 95.5, true, 'faithfulness', 0.25, null, 'made up, twice', null],
    ]);
  });

  test('wide format: metric columns are the *_score columns in file order', async () => {
    const csv = 'id,coherence_score,answer,relevance_score\nw1,0.5,fine,0.75\nw2,1,ok,0\n';
    const { status, json } = await upload(server, csv);
    assert.equal(status, 200, JSON.stringify(json));
    assert.deepEqual(json.metric_columns, ['coherence_score', 'relevance_score']);
    assert.deepEqual(json.data.map((r) => [r.dataset_id, r.coherence_score, r.answer, r.relevance_score]),
      [['w1', 0.5, 'fine', 0.75], ['w2', 1, 'ok', 0]]);
  });

  test('timestamps in mixed formats and zones are stored in UTC', async () => {
    const csv = [
      'dataset_id,timestamp',
      'zulu,2025-03-01T10:00:00Z',
      'colon,2025-03-01 10:00:00+02:00',
      'compact,2025-03-01T10:00:00-0530',
      'hours,2025-03-01T23:30:00-03',
      'naive,2025-03-01T10:00:00',
      'fraction,2025-03-01T10:00:00.250+01:00',
      'date,2025-03-01',
      'epoch_s,1740823200',
      'epoch_ms,1740823200500',
      'blank,',
    ].join('\n');
    const { status, json } = await upload(server, csv);
    assert.equal(status, 200, JSON.stringify(json));
    assert.deepEqual(Object.fromEntries(json.data.map((r) => [r.dataset_id, r.timestamp])), {
      zulu: '2025-03-01 10:00:00',
      colon: '2025-03-01 08:00:00',
      compact: '2025-03-01 15:30:00',
      hours: '2025-03-02 02:30:00',
      naive: '2025-03-01 10:00:00',
      fraction: '2025-03-01 09:00:00.25',
      date: '2025-03-01 00:00:00',
      epoch_s: '2025-03-01 10:00:00',
      epoch_ms: '2025-03-01 10:00:00.5',
      blank: null,
    });
  });

  test('without a timestamp column every row gets the upload time', async () => {
    const before = Date.now();
    const { status, json } = await upload(server, 'dataset_id,latency\na,1\nb,2\n');
    const after = Date.now();
    assert.equal(status, 200, JSON.stringify(json));
    const [t1, t2] = json.data.map((r) => Date.parse(`${r.timestamp.replace(' ', 'T')}Z`));
    assert.equal(t1, t2);
    assert.ok(t1 >= before - 1000 && t1 <= after + 1000, `${json.data[0].timestamp} is not the upload time`);
  });

  test('non-numeric latency and scores become null and are counted in the message', async () => {
    const csv = 'dataset_id,response_time,helpfulness_score\na,fast,0.5\nb,250,n/a\nc,300,high\n';
    const { status, json } = await upload(server, csv);
    assert.equal(status, 200, JSON.stringify(json));
    assert.deepEqual(json.data.map((r) => [r.latency, r.helpfulness_score]), [[null, 0.5], [250, null], [300, null]]);
    const warning = '3 non-numeric values stored as null in columns latency (1), helpfulness_score (2)';
    assert.deepEqual(json.warnings, [warning]);
    assert.equal(json.message, `Processed 3 monitoring records; ${warning}`);
  });

  test('the monitoring_db.yaml columns map renames before the aliases', async () => {
    const { status, json } = await upload(server, 'Conversation,Bot,Agent\nc1,Juniper,gpt-4o\n');
    assert.equal(status, 200, JSON.stringify(json));
    assert.deepEqual([json.data[0].dataset_id, json.data[0].source_name, json.data[0].model_name],
      ['c1', 'Juniper', 'gpt-4o']);
    // Without the map the same file has no id column.
    const refused = await upload(plain, 'Conversation,Bot,Agent\nc1,Juniper,gpt-4o\n');
    assert.equal(refused.status, 400);
    assert.equal(refused.json.detail, 'Data does not appear to be monitoring format. Required column: ' +
      'dataset_id (or id, record_id). Columns found: Conversation, Bot, Agent');
  });
});

describe('refused uploads', () => {
  const cases = [
    ['no id column', 'query,latency\nq,1\n',
      'Data does not appear to be monitoring format. Required column: dataset_id (or id, record_id). Columns found: query, latency'],
    ['an unreadable timestamp', 'dataset_id,created_at\na,2025-03-01\nb,31/12/2024\n',
      "Unreadable timestamp '31/12/2024' in data row 2 (column 'created_at'): use ISO 8601 " +
      '(2024-05-01T13:45:00Z, 2024-05-01 13:45:00+02:00; no zone means UTC), a date (2024-05-01) ' +
      'or epoch seconds or milliseconds'],
    ['an empty file', '', 'Empty CSV file'],
    ['a header only', 'dataset_id,timestamp,latency\n', 'Empty dataset'],
    ['ragged rows', 'dataset_id,latency\na,1\nb\nc,3,4\n',
      'CSV parsing error: some rows do not have the 2 fields of the header row'],
    ['columns that collide once normalised', 'dataset_id,Latency,latency\na,1,2\n',
      'Duplicate column names after normalising the header: latency'],
  ];
  for (const [what, csv, detail] of cases) {
    test(`${what}: 400 with a clear message`, async () => {
      const { status, json } = await upload(server, csv);
      assert.equal(status, 400);
      assert.deepEqual(json, { detail });
    });
  }

  test('invalid UTF-8 in a row: 400 naming the encoding problem', async () => {
    const bytes = Buffer.concat([Buffer.from('dataset_id,query\na,caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const { status, json } = await upload(server, bytes);
    assert.equal(status, 400);
    assert.match(json.detail, /^CSV parsing error: .*(unicode|UTF-8)/i);
  });

  test('a file that is not a .csv, or no file at all', async () => {
    assert.deepEqual((await upload(server, 'dataset_id\na\n', 'data.xlsx')).json, { detail: 'Only CSV files are supported' });
    const res = await fetch(`${server.url}/api/monitoring/upload`, { method: 'POST', body: new FormData() });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { detail: 'No file provided' });
  });

  test('a refused upload leaves the earlier datasets intact', async () => {
    const kept = await upload(server, 'dataset_id,latency\nkeep,42\n');
    assert.equal(kept.status, 200);
    const beforeIds = await monitoringDatasets();
    for (const csv of ['dataset_id,timestamp\na,never\n', 'dataset_id,latency\na,1,2\n', 'nothing\nx\n']) {
      assert.equal((await upload(server, csv)).status, 400);
    }
    assert.deepEqual(await monitoringDatasets(), beforeIds);
    const rows = JSON.parse((await get(server, `/api/datasets/${kept.json.dataset_id}/rows`)).text);
    assert.equal(rows.total, 1);
    assert.deepEqual([rows.data[0].dataset_id, rows.data[0].latency], ['keep', 42]);
  });
});

describe('example', () => {
  test('the monitoring example is stored once and returned in full', async () => {
    const first = await get(server, '/api/monitoring/example/monitoring');
    assert.equal(first.status, 200, first.text);
    const json = JSON.parse(first.text);
    assert.equal(json.format, 'monitoring');
    assert.equal(json.row_count, 4905);
    assert.equal(json.data.length, 4905);
    assert.equal(json.truncated, false);
    assert.equal(json.message, 'Processed 4905 monitoring records');
    assert.deepEqual(json.metric_columns, ['metric_score']);
    assert.equal(json.dataset.source, 'example:monitoring');
    const categories = new Set(json.data.map((r) => r.metric_category));
    assert.deepEqual([...categories].sort(), ['ANALYSIS', 'CLASSIFICATION', 'SCORE']);
    assert.deepEqual([...new Set(json.data.map((r) => r.environment))].sort(), ['production', 'staging']);
    assert.equal(json.data[0].timestamp, '2025-06-10 06:19:25');
    const again = JSON.parse((await get(server, '/api/monitoring/example/monitoring')).text);
    assert.equal(again.dataset_id, json.dataset_id);
    assert.deepEqual(again.metric_columns, ['metric_score']);
    assert.equal(again.row_count, 4905);
  });

  test('any other example name is 404 listing the available one', async () => {
    const res = await get(server, '/api/monitoring/example/hitl');
    assert.equal(res.status, 404);
    assert.deepEqual(JSON.parse(res.text), { detail: "Dataset not found. Available: ['monitoring']" });
  });
});

describe('db-config', () => {
  test('the configured source: connection parts, thresholds and anomaly rules, no password', async () => {
    const res = await get(server, '/api/monitoring/db-config');
    assert.equal(res.status, 200);
    assert.ok(!res.text.includes(PASSWORD), 'the password reached the reply');
    assert.ok(!res.text.includes('postgresql://'), 'the URL reached the reply');
    assert.deepEqual(JSON.parse(res.text), {
      success: true,
      configured: true,
      auto_connect: false,
      auto_load: false,
      has_query: true,
      row_limit: 2000,
      query_timeout: 30,
      connection: {
        host: 'pg.example.internal', port: 6432, database: 'telemetry', username: 'watcher',
        ssl_mode: 'require', schema: 'public', table: '', has_url: true,
      },
      thresholds: { default: { good: 0.8, pass: 0.5 }, per_source: { Juniper: { good: 0.8, pass: 0.6 } } },
      anomaly_detection: {
        enabled: true,
        min_data_points: 3,
        z_score: { enabled: true, threshold: 2.5, severity: 'warning', lookback_window: 20, metrics: ['faithfulness'] },
        moving_average: { enabled: true, window_size: 5, deviation_threshold: 0.15, severity: 'error' },
        rate_of_change: { enabled: true, threshold: 0.3, severity: 'error' },
      },
    });
  });

  test('no monitoring source: not configured, no connection, the defaults', async () => {
    const res = await get(plain, '/api/monitoring/db-config');
    assert.equal(res.status, 200);
    const json = JSON.parse(res.text);
    assert.equal(json.configured, false);
    assert.equal(json.connection, null);
    assert.equal(json.has_query, false);
    assert.equal(json.row_limit, 10000);
    assert.equal(json.query_timeout, 60);
    assert.deepEqual(json.thresholds, { default: { good: 0.7, pass: 0.5 }, per_source: {} });
    assert.equal(json.anomaly_detection.enabled, false);
    assert.equal(json.anomaly_detection.min_data_points, 5);
  });
});
