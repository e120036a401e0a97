// PostgreSQL sources in /health: a reachable source is "up", an unreachable one is "down", and
// neither changes the overall status, since sources are optional. Needs AXIS_PG_ENV.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freePort, pgEnv, runCli, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';

let server;
let pg;
let closedPort;

before(async () => {
  if (noCluster) return;
  pg = pgEnv();
  closedPort = await freePort();
  server = await startServer({
    args: ['--no-samples'],
    env: {
      EVAL_DB_URL: pg.DATABASE_URL,
      MONITORING_DB_HOST: '127.0.0.1',
      MONITORING_DB_PORT: String(closedPort),
      KPI_DB_HOST: pg.PGHOST,
      KPI_DB_PORT: pg.PGPORT,
      KPI_DB_USER: pg.PGUSER,
      KPI_DB_PASSWORD: pg.PGPASSWORD,
      KPI_DB_NAME: pg.PGDATABASE,
      HS_URL: pg.DATABASE_URL,
    },
    configFiles: {
      'human_signals_db.yaml': 'human_signals_db:\n  enabled: true\n  url: ${HS_URL}\n  ssl_mode: disable\n',
    },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

async function health() {
  const res = await fetch(`${server.url}/health`);
  const text = await res.text();
  return { res, text, body: JSON.parse(text) };
}

test('with EVAL_DB_URL pointing at a live cluster, /health reports eval_db up', { skip: noCluster }, async () => {
  const { res, body } = await health();
  assert.equal(res.status, 200);
  assert.deepEqual(body.sources.eval_db, { status: 'up', detail: 'up' });
});

test('a source built from host, port, user, password and name env vars is up', { skip: noCluster }, async () => {
  const { body } = await health();
  assert.deepEqual(body.sources.kpi_db, { status: 'up', detail: 'up' });
});

test('a YAML source whose url comes from ${VAR} interpolation is up', { skip: noCluster }, async () => {
  const { body } = await health();
  assert.deepEqual(body.sources.human_signals_db, { status: 'up', detail: 'up' });
});

test('MONITORING_DB_HOST/PORT on a closed port is reported down with no response', { skip: noCluster }, async () => {
  const { body } = await health();
  assert.deepEqual(body.sources.monitoring_db, { status: 'down', detail: 'no response' });
});

test('a down source leaves the overall status healthy (200) because sources are optional', { skip: noCluster }, async () => {
  const { res, body } = await health();
  assert.equal(res.status, 200);
  assert.equal(body.status, 'healthy');
  assert.deepEqual(body.components, { api: 'up', data_processor: 'up', store: 'up' });
  assert.equal('failing' in body, false);
  assert.deepEqual(Object.keys(body.sources).sort(), ['eval_db', 'human_signals_db', 'kpi_db', 'monitoring_db'],
    'unconfigured agent_replay_db is not probed');
  const cli = await runCli(['healthcheck', '--url', server.url]);
  assert.equal(cli.code, 0, cli.stdout);
});

test('the source credentials never appear in /health or /api/config/runtime', { skip: noCluster }, async () => {
  const { text } = await health();
  assert.equal(text.includes(pg.PGPASSWORD), false);
  const runtime = await (await fetch(`${server.url}/api/config/runtime`)).text();
  assert.equal(runtime.includes(pg.PGPASSWORD), false);
  const sources = JSON.parse(runtime).config.sources;
  assert.equal(sources.eval_db.url, `postgresql://${pg.PGUSER}:********@${pg.PGHOST}:${pg.PGPORT}/${pg.PGDATABASE}`);
  assert.equal(sources.eval_db.configured, true);
  assert.equal(sources.kpi_db.password, '********');
  assert.equal(sources.kpi_db.port, Number(pg.PGPORT));
  assert.equal(sources.monitoring_db.host, '127.0.0.1');
  assert.equal(sources.monitoring_db.port, closedPort);
  assert.equal(sources.monitoring_db.configured, true);
  assert.equal(sources.human_signals_db.ssl_mode, 'disable');
  assert.equal(server.stderr().includes(pg.PGPASSWORD), false);
});
