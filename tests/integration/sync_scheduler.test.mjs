// The periodic scheduler: a source with refresh_interval_minutes syncs by itself one interval
// after start-up, also with sync_mode manual. Waits a real minute. Needs AXIS_PG_ENV.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { pgEnv, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';
let server;

after(async () => {
  await server?.stop();
});

test('refresh_interval_minutes: 1 syncs about a minute after start-up', { skip: noCluster, timeout: 150000 }, async () => {
  const pg = pgEnv();
  server = await startServer({
    args: ['--no-samples'],
    configFiles: {
      'duckdb.yaml': 'duckdb:\n  sync_mode: manual\n',
      'kpi_db.yaml': `kpi_db:
  enabled: true
  url: ${pg.DATABASE_URL}
  ssl_mode: disable
  refresh_interval_minutes: 1
  query: "SELECT i AS id, 'nps' AS kpi_name, i AS numeric_value, 'alpha' AS source_name, now() AS created_at FROM generate_series(1, 3) AS i"
`,
    },
  });
  const started = Date.now();
  const state = async () => (await (await fetch(`${server.url}/api/store/status`)).json()).datasets.kpi_data;
  assert.equal((await state()).state, 'not_synced');
  assert.equal((await state()).refresh_interval_minutes, 1);
  let s;
  while (Date.now() - started < 120000) {
    s = await state();
    if (s.state === 'ready' || s.state === 'error') break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.equal(s.state, 'ready', JSON.stringify(s));
  assert.equal(s.rows, 3);
  const waited = (Date.now() - started) / 1000;
  assert.ok(waited >= 55, `synced after ${waited} s, before one interval`);
});
