// Start-up sync: with duckdb.yaml sync_mode startup (the default), a source with auto_load
// syncs by itself once the server listens; with sync_mode manual it waits for a trigger.
// Needs AXIS_PG_ENV.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pgEnv, psql, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';
const servers = [];

const yaml = (url) => `kpi_db:
  enabled: true
  auto_load: true
  url: ${url}
  ssl_mode: disable
  query: "SELECT i AS id, 'csat' AS kpi_name, i * 1.5 AS numeric_value, 'alpha' AS source_name, '2026-05-01'::timestamptz + i * interval '1 day' AS created_at FROM generate_series(1, 4) AS i"
`;

async function status(server) {
  const res = await fetch(`${server.url}/api/store/status`);
  return (await res.json()).datasets.kpi_data;
}

before(() => {
  if (!noCluster) psql('SELECT 1');
});

after(async () => {
  for (const s of servers) await s.stop();
});

test('sync_mode startup: an auto_load source syncs by itself', { skip: noCluster }, async () => {
  const pg = pgEnv();
  const server = await startServer({ args: ['--no-samples'], configFiles: { 'kpi_db.yaml': yaml(pg.DATABASE_URL) } });
  servers.push(server);
  let s;
  for (let i = 0; i < 100; i++) {
    s = await status(server);
    if (s.state === 'ready' || s.state === 'error') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(s.state, 'ready', s.error);
  assert.equal(s.rows, 4);
  assert.equal(s.sync_type, 'full');
  const trends = await fetch(`${server.url}/api/kpi/categories`);
  assert.equal(trends.status, 200);
});

test('sync_mode manual: nothing syncs until asked', { skip: noCluster }, async () => {
  const pg = pgEnv();
  const server = await startServer({
    args: ['--no-samples'],
    configFiles: { 'kpi_db.yaml': yaml(pg.DATABASE_URL), 'duckdb.yaml': 'duckdb:\n  sync_mode: manual\n' },
  });
  servers.push(server);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal((await status(server)).state, 'not_synced');
});
