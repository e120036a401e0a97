// A running sync shows its progress in GET /api/store/status: the KPI source below streams 300
// wide rows from the throwaway PostgreSQL cluster, one every 10 ms, so the reading phase lasts
// about 3 s and its row count is seen growing; a second dataset started meanwhile waits behind
// it. Once ready, the status has no progress and the rows counted are the rows stored.
// Needs AXIS_PG_ENV.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ReplySchemas } from './lib/reply_schemas.mjs';
import { pgEnv, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';
const ROWS = 300;

// Each row is about 1 kB, so PostgreSQL's 8 kB output buffer goes out every few rows.
const KPI_YAML = (url) => `kpi_db:
  enabled: true
  url: ${url}
  ssl_mode: disable
  query: "SELECT g AS id, 'csat' AS kpi_name, g AS numeric_value, repeat('x', 1000) AS source_name, '2026-03-01'::timestamptz AS created_at FROM generate_series(1, ${ROWS}) AS g, LATERAL (SELECT pg_sleep(0.01 + g * 0)) AS s"
`;
const EVAL_YAML = (url) => `eval_db:
  enabled: true
  url: ${url}
  ssl_mode: disable
  dataset_query: "SELECT 'q' || g AS dataset_id, 'question ' || g AS query FROM generate_series(1, 3) AS g"
  results_query: "SELECT 'q' || g AS dataset_id, 'relevance' AS metric_name, g / 10.0 AS metric_score FROM generate_series(1, 3) AS g"
`;

let server;
let schemas;

before(async () => {
  if (noCluster) return;
  const pg = pgEnv();
  server = await startServer({
    args: ['--no-samples'],
    configFiles: {
      'kpi_db.yaml': KPI_YAML(pg.DATABASE_URL),
      'eval_db.yaml': EVAL_YAML(pg.DATABASE_URL),
      'duckdb.yaml': 'duckdb:\n  sync_mode: manual\n',
    },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
  schemas = new ReplySchemas(await (await fetch(`${server.url}/openapi.json`)).json());
});

after(async () => {
  await server?.stop();
});

async function status() {
  const res = await fetch(`${server.url}/api/store/status`);
  assert.equal(res.status, 200);
  const json = await res.json();
  schemas.check('GET /api/store/status', json);  // progress included while syncing
  return json.datasets;
}

test('a running sync reports its phase and the rows read so far', { skip: noCluster }, async () => {
  assert.equal((await fetch(`${server.url}/api/store/sync/kpi?full=true`, { method: 'POST' })).status, 200);
  const seen = [];
  let waiting;
  let evalStarted = false;
  const deadline = Date.now() + 60000;
  for (;;) {
    const d = await status();
    const kpi = d.kpi_data;
    if (kpi.state !== 'syncing') break;
    assert.ok(kpi.progress, JSON.stringify(kpi));
    seen.push(kpi.progress);
    if (evalStarted && d.eval_data.state === 'syncing' && kpi.progress.phase === 'reading') waiting ??= d.eval_data.progress;
    // The second dataset starts once the first is reading, so it has to wait behind it.
    if (!evalStarted && kpi.progress.phase === 'reading') {
      assert.equal((await fetch(`${server.url}/api/store/sync/eval?full=true`, { method: 'POST' })).status, 200);
      evalStarted = true;
    }
    assert.ok(Date.now() < deadline, 'the sync did not end within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const reading = seen.filter((p) => p.phase === 'reading');
  // Counts only grow, and some poll saw the copy part-way, with bytes matching its rows.
  for (let i = 1; i < reading.length; i++) assert.ok(reading[i].rows_read >= reading[i - 1].rows_read, JSON.stringify(reading));
  const partway = reading.filter((p) => p.rows_read > 0 && p.rows_read < ROWS);
  assert.ok(partway.length > 0, `no poll saw the copy part-way: ${JSON.stringify(seen)}`);
  for (const p of partway) assert.ok(p.bytes_read > p.rows_read * 1000, JSON.stringify(p));
  // The other dataset's sync waited for this one.
  assert.deepEqual(waiting, { phase: 'waiting', rows_read: 0, bytes_read: 0 });

  const done = (await status()).kpi_data;
  assert.equal(done.state, 'ready', done.error);
  assert.equal(done.rows, ROWS);
  assert.equal(done.progress, undefined);
  for (let i = 0; i < 100 && (await status()).eval_data.state === 'syncing'; i++) await new Promise((r) => setTimeout(r, 100));
  const evalDone = (await status()).eval_data;
  assert.equal(evalDone.state, 'ready', evalDone.error);
  assert.equal(evalDone.rows, 3);
  assert.equal(evalDone.progress, undefined);
});
