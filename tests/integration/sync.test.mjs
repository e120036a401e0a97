// The PostgreSQL sync engine against the throwaway cluster: full and incremental syncs of a
// split dataset (dataset + results joined by a view), column maps, partitioned COPY over
// timestamp and integer columns, the row cap, a failing results query that leaves the last
// generation serving, the watermark reset, 404/409 answers and the `sync` CLI. Needs AXIS_PG_ENV.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { pgEnv, psql, runCli, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';

const SCHEMA = `
DROP SCHEMA IF EXISTS sync_t CASCADE;
CREATE SCHEMA sync_t;
CREATE TABLE sync_t.records (id text PRIMARY KEY, agent text, env text, question text,
  created_at timestamptz NOT NULL);
CREATE TABLE sync_t.scores (n serial, record_id text, metric text, score double precision,
  latency_ms integer, created_at timestamptz NOT NULL);
CREATE TABLE sync_t.kpis (id integer, kpi_name text, numeric_value numeric, source_name text,
  created_at timestamptz);
CREATE TABLE sync_t.hs_cases (id text, source text, created_at timestamptz);
CREATE TABLE sync_t.hs_signals (case_id text, metric text, category text, signals jsonb);
INSERT INTO sync_t.hs_cases VALUES ('c1', 'bot_a', '2026-03-01'), ('c2', 'bot_b', '2026-03-02');
INSERT INTO sync_t.hs_signals VALUES
  ('c1', 'escalation', 'classification', '{"is_escalated": true, "reason": "policy"}'),
  ('c2', 'escalation', 'classification', '{"is_escalated": false, "reason": "none"}');
CREATE TABLE sync_t.eval_items (id text, query text, actual_output text);
CREATE TABLE sync_t.eval_scores (item_id text, metric text, score double precision, model text);
INSERT INTO sync_t.eval_items VALUES ('q1', 'Reset password?', 'Use the link'), ('q2', 'Refund?', 'Within 30 days');
INSERT INTO sync_t.eval_scores VALUES ('q1', 'faithfulness', 0.9, 'model-a'), ('q2', 'faithfulness', 0.5, 'model-a'),
  ('q1', 'relevance', 0.8, 'model-a'), ('q2', 'relevance', 0.6, 'model-a');
`;

const HS_YAML = (url) => `human_signals_db:
  enabled: true
  url: ${url}
  ssl_mode: disable
  dataset_query: "SELECT id AS dataset_id, source AS source_name, created_at AS timestamp FROM sync_t.hs_cases"
  results_query: "SELECT case_id AS dataset_id, metric AS metric_name, category AS metric_category, signals::text AS signals FROM sync_t.hs_signals"
`;

const EVAL_YAML = (url) => `eval_db:
  enabled: true
  url: ${url}
  ssl_mode: disable
  dataset_query: "SELECT id AS dataset_id, query, actual_output FROM sync_t.eval_items"
  results_query: "SELECT item_id AS dataset_id, metric AS metric_name, score AS metric_score, model AS evaluation_name FROM sync_t.eval_scores"
`;

// Three records of two agents, two metrics each; then two more records arrive.
function insertRecords(ids, day) {
  const rows = ids.map((id, i) => `('${id}', '${i % 2 ? 'beta' : 'alpha'}', 'prod', 'Why ''${id}''?', '2026-03-0${day} 10:0${i}:00+00')`);
  const scores = ids.flatMap((id, i) => [
    `('${id}', 'relevance', ${(0.5 + i / 10).toFixed(1)}, ${100 * (i + 1)}, '2026-03-0${day} 10:0${i}:00+00')`,
    `('${id}', 'coherence', ${(0.9 - i / 10).toFixed(1)}, ${100 * (i + 1)}, '2026-03-0${day} 10:0${i}:30+00')`,
  ]);
  psql(`INSERT INTO sync_t.records VALUES ${rows.join(',')};
        INSERT INTO sync_t.scores (record_id, metric, score, latency_ms, created_at) VALUES ${scores.join(',')};`);
}

const MONITORING_YAML = (url) => `monitoring_db:
  enabled: true
  url: ${url}
  ssl_mode: disable
  dataset_query: "SELECT id, agent, env, question, created_at FROM sync_t.records"
  results_query: "SELECT record_id AS dataset_id, metric AS metric_name, score AS metric_score, latency_ms, created_at FROM sync_t.scores"
  columns:
    agent: source_name
    question: query
  incremental_column: created_at
  partition_column: created_at
`;

const KPI_YAML = (url) => `kpi_db:
  enabled: true
  url: ${url}
  ssl_mode: disable
  query: "SELECT id, kpi_name, numeric_value, source_name, created_at FROM sync_t.kpis"
  partition_column: id
`;

let server;
let pg;

async function api(method, path) {
  const res = await fetch(`${server.url}${path}`, { method });
  return { status: res.status, json: await res.json() };
}

// Starts a sync and waits until the dataset is ready or failed; returns its status entry.
async function syncAndWait(name, query = '', table = 'monitoring_data') {
  const started = await api('POST', `/api/store/sync/${name}${query}`);
  assert.equal(started.status, 200, JSON.stringify(started.json));
  for (let i = 0; i < 200; i++) {
    const { json } = await api('GET', '/api/store/status');
    const entry = json.datasets[table];
    if (entry.state === 'ready' || entry.state === 'error') return entry;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not finish syncing`);
}

before(async () => {
  if (noCluster) return;
  pg = pgEnv();
  psql(SCHEMA);
  insertRecords(['r1', 'r2', 'r3'], 1);
  psql(`INSERT INTO sync_t.kpis SELECT i, 'csat', i * 10, 'alpha', '2026-03-01'::timestamptz + i * interval '1 day'
        FROM generate_series(1, 12) AS i;`);
  server = await startServer({
    args: ['--no-samples'],
    configFiles: {
      'monitoring_db.yaml': MONITORING_YAML(pg.DATABASE_URL),
      'kpi_db.yaml': KPI_YAML(pg.DATABASE_URL),
      'human_signals_db.yaml': HS_YAML(pg.DATABASE_URL),
      'eval_db.yaml': EVAL_YAML(pg.DATABASE_URL),
      'duckdb.yaml': 'duckdb:\n  sync_mode: manual\n  sync_workers: 3\n  max_sync_rows: 10\n',
    },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
  if (!noCluster) psql('DROP SCHEMA IF EXISTS sync_t CASCADE;');
});

describe('sync engine', { skip: noCluster }, () => {
  test('status lists the four datasets, nothing synced yet', async () => {
    const { status, json } = await api('GET', '/api/store/status');
    assert.equal(status, 200);
    assert.equal(json.enabled, true);
    assert.deepEqual(Object.keys(json.datasets), ['monitoring_data', 'human_signals_raw', 'eval_data', 'kpi_data']);
    const m = json.datasets.monitoring_data;
    assert.equal(m.state, 'not_synced');
    assert.equal(m.incremental_column, 'created_at');
    assert.deepEqual(m.watermarks, { monitoring_dataset: null, monitoring_results: null });
    assert.equal(json.datasets.kpi_data.watermarks, undefined);
  });

  test('a full sync joins both halves, renames by the columns map and feeds the analytics', async () => {
    const entry = await syncAndWait('monitoring');
    assert.equal(entry.state, 'ready', entry.error);
    assert.equal(entry.sync_type, 'full');
    assert.equal(entry.rows, 6);
    assert.equal(entry.truncated, false);
    assert.deepEqual(entry.watermarks, {
      monitoring_dataset: '2026-03-01 10:02:00', monitoring_results: '2026-03-01 10:02:30',
    });
    // relevance .5 .6 .7 and coherence .9 .8 .7: 6 scores, mean .7, all >= .5.
    const summary = await api('GET', '/api/monitoring/analytics/summary');
    assert.equal(summary.status, 200, JSON.stringify(summary.json));
    assert.equal(summary.json.kpis.total_records, 6);
    assert.ok(Math.abs(summary.json.kpis.avg_score - 0.7) < 1e-9);
    const beta = await api('GET', '/api/monitoring/analytics/summary?source_name=beta');
    assert.equal(beta.json.kpis.total_records, 2); // r2, renamed agent -> source_name
    const meta = await api('GET', '/api/store/metadata/monitoring');
    assert.equal(meta.status, 200);
    assert.equal(meta.json.metadata.row_count, 6);
    const page = await api('GET', '/api/store/data/monitoring?search=why%20%27r2');
    assert.equal(page.json.total, 2);
  });

  test('an incremental sync reads only the new rows and moves the watermarks', async () => {
    insertRecords(['r4', 'r5'], 2);
    const entry = await syncAndWait('monitoring');
    assert.equal(entry.state, 'ready', entry.error);
    assert.equal(entry.sync_type, 'incremental');
    assert.equal(entry.rows, 10);
    assert.equal(entry.incremental_rows, 4);
    assert.equal(entry.watermarks.monitoring_results, '2026-03-02 10:01:30');
    const summary = await api('GET', '/api/monitoring/analytics/summary');
    assert.equal(summary.json.kpis.total_records, 10);
    // Nothing new: nothing added.
    const again = await syncAndWait('monitoring');
    assert.equal(again.sync_type, 'incremental');
    assert.equal(again.rows, 10);
    assert.equal(again.incremental_rows, 0);
  });

  test('a failing results query leaves the last generation serving and clears the watermarks', async () => {
    psql('ALTER TABLE sync_t.scores RENAME TO scores_gone;');
    try {
      const entry = await syncAndWait('monitoring');
      assert.equal(entry.state, 'error');
      assert.match(entry.error, /scores/);
      assert.deepEqual(entry.watermarks, { monitoring_dataset: null, monitoring_results: null });
      const summary = await api('GET', '/api/monitoring/analytics/summary');
      assert.equal(summary.status, 200);
      assert.equal(summary.json.kpis.total_records, 10);
    } finally {
      psql('ALTER TABLE sync_t.scores_gone RENAME TO scores;');
    }
    const recovered = await syncAndWait('monitoring');
    assert.equal(recovered.state, 'ready', recovered.error);
    assert.equal(recovered.sync_type, 'full');
    assert.equal(recovered.rows, 10);
  });

  test('reset-watermark makes the next sync full; kpi has no split tables', async () => {
    const reset = await api('POST', '/api/store/sync/monitoring/reset-watermark');
    assert.equal(reset.status, 200);
    assert.equal(reset.json.success, true);
    assert.match(reset.json.message, /Next sync will do a full rebuild/);
    const entry = await syncAndWait('monitoring');
    assert.equal(entry.sync_type, 'full');
    const kpi = await api('POST', '/api/store/sync/kpi/reset-watermark');
    assert.deepEqual(kpi.json, { success: false, message: 'No split tables found for kpi' });
  });

  test('kpi: partitioned COPY over an integer column, capped at max_sync_rows', async () => {
    const entry = await syncAndWait('kpi', '', 'kpi_data');
    assert.equal(entry.state, 'ready', entry.error);
    assert.equal(entry.rows, 10); // 12 in the source
    assert.equal(entry.truncated, true);
  });

  test('human signals: the cases table is derived from the synced rows', async () => {
    const entry = await syncAndWait('human_signals', '', 'human_signals_raw');
    assert.equal(entry.state, 'ready', entry.error);
    assert.equal(entry.rows, 2);
    const cases = await api('GET', '/api/human-signals/cases');
    assert.equal(cases.status, 200, JSON.stringify(cases.json));
    assert.deepEqual(cases.json.data.map((c) => [c.Case_ID, c.source_name, c.escalation__is_escalated]),
      [['c1', 'bot_a', true], ['c2', 'bot_b', false]]);
    const schema = await api('GET', '/api/human-signals/metric-schema?source_name=bot_a');
    const escalated = schema.json.kpis.find((k) => k.key === 'escalation__is_escalated');
    assert.equal(escalated.value, 100);
    const page = await api('GET', '/api/store/data/human_signals');
    assert.equal(page.json.total, 2);
  });

  test('eval: the synced rows answer the scorecard', async () => {
    const entry = await syncAndWait('eval', '', 'eval_data');
    assert.equal(entry.state, 'ready', entry.error);
    assert.equal(entry.rows, 4);
    const { json } = await api('GET', '/api/datasets');
    const synced = json.datasets.find((d) => d.source === 'sync:eval');
    const card = await api('GET', `/api/evaluation/scorecard?dataset_id=${synced.id}`);
    assert.equal(card.status, 200, JSON.stringify(card.json));
    // faithfulness .9 and .5, relevance .8 and .6, over two cases.
    const means = Object.fromEntries(card.json.nodes.map((n) => [n.metric_name, [n.mean, n.count]]));
    assert.ok(Math.abs(means.faithfulness[0] - 0.7) < 1e-9, JSON.stringify(means));
    assert.ok(Math.abs(means.relevance[0] - 0.7) < 1e-9, JSON.stringify(means));
    assert.deepEqual([means.faithfulness[1], means.relevance[1]], [2, 2]);
    assert.equal(card.json.total_cases, 2);
    assert.equal(card.json.dataset_id, synced.id);
  });

  test('a synced dataset is in the catalog and cannot be deleted through the API', async () => {
    const { json } = await api('GET', '/api/datasets');
    const synced = json.datasets.find((d) => d.source === 'sync:monitoring');
    assert.ok(synced, JSON.stringify(json));
    assert.equal(synced.kind, 'monitoring');
    assert.equal(synced.row_count, 10);
    const del = await api('DELETE', `/api/datasets/${synced.id}`);
    assert.equal(del.status, 409);
    assert.match(del.json.detail, /synced from PostgreSQL/);
  });

  test('an empty source gives an empty table with the query\'s columns', async () => {
    psql('CREATE TABLE sync_t.kpis_saved AS SELECT * FROM sync_t.kpis; DELETE FROM sync_t.kpis;');
    try {
      const entry = await syncAndWait('kpi', '', 'kpi_data');
      assert.equal(entry.state, 'ready', entry.error);
      assert.equal(entry.rows, 0);
      assert.equal(entry.truncated, false);
      const meta = await api('GET', '/api/store/metadata/kpi');
      assert.equal(meta.status, 200, JSON.stringify(meta.json));
      assert.equal(meta.json.metadata.row_count, 0);
      assert.deepEqual(meta.json.metadata.columns.map((c) => c.column_name ?? c.name),
        ['id', 'kpi_name', 'numeric_value', 'source_name', 'created_at']);
    } finally {
      psql('INSERT INTO sync_t.kpis SELECT * FROM sync_t.kpis_saved; DROP TABLE sync_t.kpis_saved;');
    }
  });

  test('a sync while another process holds the store\'s lock file fails and changes nothing', async () => {
    const before = await syncAndWait('kpi', '', 'kpi_data');
    assert.equal(before.rows, 10);
    const lockFile = `${server.dataDir}/local_store.duckdb.lock`;
    // flock and its sleep in their own process group, so both can be stopped.
    const holder = spawn('flock', ['-n', lockFile, 'sleep', '30'], { detached: true, stdio: 'ignore' });
    // Wait until the lock is really held: then a non-blocking flock of our own fails.
    for (let i = 0; i < 100 && spawnSync('flock', ['-n', lockFile, 'true']).status === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    try {
      const entry = await syncAndWait('kpi', '', 'kpi_data');
      assert.equal(entry.state, 'error');
      assert.match(entry.error, /another process is syncing this store/);
      assert.equal(entry.rows, 10); // the last generation still serves
    } finally {
      process.kill(-holder.pid, 'SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
  });

  test('unknown datasets are 404, bad flags 422', async () => {
    assert.equal((await api('POST', '/api/store/sync/nothing')).status, 404);
    assert.equal((await api('POST', '/api/store/sync/nothing/reset-watermark')).status, 404);
    assert.equal((await api('POST', '/api/store/sync/kpi?full=maybe')).status, 422);
  });
});

describe('scripts/duckdb_sync_once.sh', { skip: noCluster }, () => {
  const script = new URL('../../scripts/duckdb_sync_once.sh', import.meta.url).pathname;
  const run = (env) => spawnSync('bash', [script], {
    encoding: 'utf8', timeout: 60000,
    env: { PATH: process.env.PATH, BACKEND_URL: server.url, POLL_INTERVAL_SECONDS: '1', ...env },
  });

  test('starts a sync over HTTP and waits until the dataset is ready', () => {
    const r = run({ DATASET: 'kpi', FULL: 'true' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /kpi ready: 10 rows/);
  });

  test('fails for an unknown dataset and an unreachable server', () => {
    const unknown = run({ DATASET: 'feedback_raw' });
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /unknown DATASET 'feedback_raw'/);
    const down = run({ DATASET: 'kpi', BACKEND_URL: 'http://127.0.0.1:9' });
    assert.equal(down.status, 1);
  });
});

describe('sync CLI', { skip: noCluster }, () => {
  test('syncs into a store file and exits; refuses a file a server holds', async () => {
    const configFiles = { 'kpi_db.yaml': KPI_YAML(pg.DATABASE_URL) };
    const dataDir = server.dataDir;
    const held = await runCli(['sync', '--dataset', 'kpi', '--data-dir', dataDir], { configFiles });
    assert.equal(held.code, 3, held.stderr);
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const own = mkdtempSync(`${tmpdir()}/axis-sync-`);
    const done = await runCli(['sync', '--dataset', 'kpi', '--data-dir', own], { configFiles });
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /kpi: full sync, 12 rows/);
    const unknown = await runCli(['sync', '--dataset', 'nothing', '--data-dir', own], { configFiles });
    assert.equal(unknown.code, 2);
  });
});
