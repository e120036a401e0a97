// The sync engine when things go wrong, against the throwaway cluster: readers polling during a
// sync see the old generation or the new one, never a mix; a connection dropped mid-COPY and a
// server killed mid-sync leave the previous generation serving, and the next sync recovers; a
// second sync of a dataset that is syncing is 409. A knob table makes the source slow on demand
// (each row waits sync_f.knobs.seconds). Needs AXIS_PG_ENV.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pgEnv, psql, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';

const SCHEMA = `
DROP SCHEMA IF EXISTS sync_f CASCADE;
CREATE SCHEMA sync_f;
CREATE TABLE sync_f.knobs (seconds double precision);
INSERT INTO sync_f.knobs VALUES (0);
CREATE FUNCTION sync_f.pause() RETURNS boolean LANGUAGE plpgsql VOLATILE AS
  $$ BEGIN PERFORM pg_sleep((SELECT seconds FROM sync_f.knobs)); RETURN true; END $$;
CREATE TABLE sync_f.records (id text, agent text, created_at timestamptz);
CREATE TABLE sync_f.scores (record_id text, metric text, score double precision, created_at timestamptz);
`;

function addRecords(from, count) {
  const ids = Array.from({ length: count }, (_, i) => `r${from + i}`);
  psql(`INSERT INTO sync_f.records SELECT unnest(ARRAY[${ids.map((id) => `'${id}'`).join(',')}]), 'alpha', '2026-04-01';
        INSERT INTO sync_f.scores SELECT id, 'relevance', 0.5, '2026-04-01' FROM sync_f.records WHERE id = ANY(ARRAY[${ids.map((id) => `'${id}'`).join(',')}]);`);
}

const slow = (seconds) => psql(`UPDATE sync_f.knobs SET seconds = ${seconds};`);

const YAML = (url) => `monitoring_db:
  enabled: true
  url: ${url}
  ssl_mode: disable
  dataset_query: "SELECT id AS dataset_id, agent AS source_name, created_at AS timestamp FROM sync_f.records"
  results_query: "SELECT record_id AS dataset_id, metric AS metric_name, score AS metric_score FROM sync_f.scores WHERE sync_f.pause()"
`;

let server;
let pg;
let configFiles;

async function api(method, path) {
  const res = await fetch(`${server.url}${path}`, { method });
  return { status: res.status, json: await res.json() };
}

async function state() {
  return (await api('GET', '/api/store/status')).json.datasets.monitoring_data;
}

async function waitDone() {
  for (let i = 0; i < 300; i++) {
    const s = await state();
    if (s.state !== 'syncing') return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('sync did not finish');
}

async function waitForCopy() {
  for (let i = 0; i < 100; i++) {
    const n = psql(`SELECT count(*) FROM pg_stat_activity WHERE application_name = 'axis-backend' AND query LIKE 'COPY%'`, { admin: true }).trim();
    if (Number(n) > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no COPY started: ${psql("SELECT application_name, state, left(query, 80) FROM pg_stat_activity WHERE datname IS NOT NULL", { admin: true })} ${JSON.stringify(await state())}`);
}

const records = async () => (await api('GET', '/api/monitoring/analytics/summary')).json.kpis?.total_records;

before(async () => {
  if (noCluster) return;
  pg = pgEnv();
  psql(SCHEMA);
  addRecords(0, 10);
  configFiles = { 'monitoring_db.yaml': YAML(pg.DATABASE_URL), 'duckdb.yaml': 'duckdb:\n  sync_mode: manual\n' };
  server = await startServer({ args: ['--no-samples'], configFiles });
  assert.equal(server.exitStatus(), null, server.stderr());
  assert.equal((await api('POST', '/api/store/sync/monitoring')).status, 200);
  assert.equal((await waitDone()).state, 'ready');
});

after(async () => {
  await server?.stop();
  if (!noCluster) psql('DROP SCHEMA IF EXISTS sync_f CASCADE;');
});

describe('sync faults', { skip: noCluster }, () => {
  test('readers during a sync see the old or the new generation only; a second sync is 409', async () => {
    assert.equal(await records(), 10);
    addRecords(10, 5);
    slow(0.1); // 15 rows: about 1.5 s
    assert.equal((await api('POST', '/api/store/sync/monitoring?full=true')).status, 200);
    assert.equal((await api('POST', '/api/store/sync/monitoring')).status, 409);
    assert.equal((await api('POST', '/api/store/sync')).status, 409);
    const seen = new Set();
    for (;;) {
      seen.add(await records());
      if ((await state()).state !== 'syncing') break;
    }
    slow(0);
    seen.add(await records());
    assert.deepEqual([...seen].sort((a, b) => a - b), [10, 15].filter((n) => seen.has(n)));
    assert.ok(seen.has(15), [...seen].join(','));
    assert.equal((await state()).state, 'ready');
  });

  test('a connection dropped mid-COPY: error, the last generation serves, the next sync recovers', async () => {
    addRecords(15, 5);
    slow(0.2);
    assert.equal((await api('POST', '/api/store/sync/monitoring?full=true')).status, 200);
    await waitForCopy();
    psql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'axis-backend' AND query LIKE 'COPY%'`, { admin: true });
    const failed = await waitDone();
    slow(0);
    assert.equal(failed.state, 'error');
    assert.match(failed.error, /terminat|connection|server closed/i);
    assert.equal(await records(), 15);
    assert.equal((await api('POST', '/api/store/sync/monitoring')).status, 200);
    const recovered = await waitDone();
    assert.equal(recovered.state, 'ready', recovered.error);
    assert.equal(await records(), 20);
  });

  test('a server killed mid-sync restarts on the previous generation and syncs again', async () => {
    addRecords(20, 5);
    slow(0.2);
    assert.equal((await api('POST', '/api/store/sync/monitoring?full=true')).status, 200);
    await waitForCopy();
    await server.stop({ signal: 'SIGKILL' });
    slow(0);
    psql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'axis-backend'`, { admin: true });
    server = await startServer({ args: ['--no-samples'], configFiles, dataDir: server.dataDir });
    assert.equal(server.exitStatus(), null, server.stderr());
    assert.equal((await state()).state, 'not_synced');
    assert.equal(await records(), 20);
    assert.equal((await api('POST', '/api/store/sync/monitoring')).status, 200);
    const recovered = await waitDone();
    assert.equal(recovered.state, 'ready', recovered.error);
    assert.equal(await records(), 25);
  });
});
