// PostgreSQL sources configured from the environment alone, as the deployment guide's "Option 1"
// does: with their queries in the environment they sync at start-up like YAML sources; without
// them the server says at start-up (and check-config says) which keys to add, instead of
// skipping the source without a word. Needs AXIS_PG_ENV.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pgEnv, psql, runCli, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';
const servers = [];

// Three monitoring cases scored .25, .5, .75; four KPI rows.
const MONITORING_DATASET = "SELECT 'd' || i AS dataset_id, '2026-05-01'::timestamptz + i * interval '1 hour' AS timestamp, 'atlas' AS source_name FROM generate_series(1, 3) AS i";
const MONITORING_RESULTS = "SELECT 'd' || i AS dataset_id, 'relevance' AS metric_name, i * 0.25 AS metric_score FROM generate_series(1, 3) AS i";
const KPI_QUERY = "SELECT i AS id, 'csat' AS kpi_name, i * 1.5 AS numeric_value, 'alpha' AS source_name, '2026-05-01'::timestamptz + i * interval '1 day' AS created_at FROM generate_series(1, 4) AS i";

async function settled(server, dataset) {
  let s;
  for (let i = 0; i < 150; i++) {
    s = (await (await fetch(`${server.url}/api/store/status`)).json()).datasets[dataset];
    if (s.state === 'ready' || s.state === 'error') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return s;
}

before(() => {
  if (!noCluster) psql('SELECT 1');
});

after(async () => {
  for (const s of servers) await s.stop();
});

test('env-only monitoring and KPI sources with their queries sync at start-up', { skip: noCluster }, async () => {
  const pg = pgEnv();
  const server = await startServer({
    args: ['--no-samples'],
    env: {
      MONITORING_DB_URL: pg.DATABASE_URL, MONITORING_DB_SSL_MODE: 'disable', MONITORING_DB_AUTO_LOAD: 'true',
      MONITORING_DB_DATASET_QUERY: MONITORING_DATASET, MONITORING_DB_RESULTS_QUERY: MONITORING_RESULTS,
      KPI_DB_URL: pg.DATABASE_URL, KPI_DB_SSL_MODE: 'disable', KPI_DB_AUTO_LOAD: 'true', KPI_DB_QUERY: KPI_QUERY,
    },
  });
  servers.push(server);
  assert.equal(server.exitStatus(), null, server.stderr());
  const monitoring = await settled(server, 'monitoring_data');
  assert.equal(monitoring.state, 'ready', monitoring.error);
  const kpi = await settled(server, 'kpi_data');
  assert.equal(kpi.state, 'ready', kpi.error);
  assert.equal(kpi.rows, 4);
  const { kpis } = await (await fetch(`${server.url}/api/monitoring/analytics/summary`)).json();
  assert.equal(kpis.total_records, 3);
  assert.ok(Math.abs(kpis.avg_score - 0.5) < 1e-9, String(kpis.avg_score));
  assert.doesNotMatch(server.stdout() + server.stderr(), /lacks its queries/);
});

test('a source asked to sync without its queries is named, with the keys to add', { skip: noCluster }, async () => {
  const pg = pgEnv();
  const env = {
    EVAL_DB_URL: pg.DATABASE_URL, EVAL_DB_SSL_MODE: 'disable', EVAL_DB_AUTO_LOAD: 'true',
    EVAL_DB_QUERY: "SELECT * FROM evaluations WHERE created_at > NOW() - INTERVAL '30 days'",
    HUMAN_SIGNALS_DB_URL: pg.DATABASE_URL, HUMAN_SIGNALS_DB_AUTO_LOAD: 'true',
  };
  const evalWarning = /eval_db is configured to sync but lacks its queries, so it is never synced: set EVAL_DB_DATASET_QUERY and EVAL_DB_RESULTS_QUERY \(or dataset_query: and results_query: in eval_db\.yaml\)\. EVAL_DB_QUERY alone is not read/;
  const signalsWarning = /human_signals_db is configured to sync but lacks its queries, so it is never synced: set HUMAN_SIGNALS_DB_DATASET_QUERY and HUMAN_SIGNALS_DB_RESULTS_QUERY/;
  const check = await runCli(['check-config'], { env });
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stderr, evalWarning);
  assert.match(check.stderr, signalsWarning);
  const server = await startServer({ args: ['--no-samples'], env });
  servers.push(server);
  assert.equal(server.exitStatus(), null, server.stderr());
  const log = server.stdout() + server.stderr();
  assert.match(log, evalWarning);
  assert.match(log, signalsWarning);
  assert.equal((await settled(server, 'eval_data')).state, 'not_synced');
});
