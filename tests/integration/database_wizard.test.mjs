// The database import wizard's reads against the throwaway cluster: defaults without secrets,
// connecting (masked password, wrong password, unsupported type), handles (stats, revoke,
// unknown → 401), tables with the allowlist, schema and samples, distinct values, preview with
// mappings and filters, hostile identifiers, and the user's SELECT: validator cases, a
// pg_sleep cut by the timeout, a write through a function refused by the read-only
// transaction. Needs AXIS_PG_ENV.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pgEnv, psql, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';

const SCHEMA = `
DROP SCHEMA IF EXISTS wiz CASCADE;
CREATE SCHEMA wiz;
CREATE TABLE wiz.tickets (id integer, agent text, score double precision, solved boolean);
INSERT INTO wiz.tickets VALUES (1, 'alpha', 0.5, true), (2, 'beta', 0.75, false), (3, 'alpha', NULL, true);
CREATE TABLE wiz."we""ird; DROP" ("a""b" text, plain integer);
INSERT INTO wiz."we""ird; DROP" VALUES ('x', 1), ('y', 2);
CREATE TABLE wiz.log (at timestamptz);
CREATE FUNCTION wiz.bump() RETURNS integer LANGUAGE sql AS $$ INSERT INTO wiz.log VALUES (now()) RETURNING 1 $$;
`;

let server;
let pg;

async function call(method, path, body) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

async function connect(store = 'monitoring', password = '********') {
  const res = await call('POST', `/api/database/connect?store=${store}`, {
    host: pg.PGHOST, port: Number(pg.PGPORT), database: pg.PGDATABASE, username: pg.PGUSER, password, ssl_mode: 'disable',
  });
  return res;
}

before(async () => {
  if (noCluster) return;
  pg = pgEnv();
  psql(SCHEMA);
  const source = (name, extra = '') => `${name}:
  enabled: true
  host: ${pg.PGHOST}
  port: ${pg.PGPORT}
  database: ${pg.PGDATABASE}
  username: ${pg.PGUSER}
  password: ${pg.PGPASSWORD}
  ssl_mode: disable
  query_timeout: 1
${extra}`;
  server = await startServer({
    args: ['--no-samples'],
    configFiles: {
      'monitoring_db.yaml': source('monitoring_db', '  dataset_query: "SELECT id::text AS dataset_id, agent AS source_name FROM wiz.tickets ORDER BY id"\n'),
      'eval_db.yaml': source('eval_db', '  tables: [wiz.tickets]\n  results_query: "SELECT id::text AS dataset_id, \'relevance\' AS metric, score AS \\"Score Value\\" FROM wiz.tickets WHERE score IS NOT NULL"\n  columns:\n    metric: metric_name\n    score_value: metric_score\n'),
    },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
  if (!noCluster) psql('DROP SCHEMA IF EXISTS wiz CASCADE;');
});

describe('database wizard', { skip: noCluster }, () => {
  test('defaults show the connection without its password', async () => {
    const { status, json } = await call('GET', '/api/database/defaults?store=monitoring');
    assert.equal(status, 200);
    assert.equal(json.host, pg.PGHOST);
    assert.equal(json.port, Number(pg.PGPORT));
    assert.equal(json.username, pg.PGUSER);
    assert.equal(json.has_password, true);
    assert.equal(json.has_defaults, true);
    assert.equal(json.url, null);
    assert.ok(!JSON.stringify(json).includes(pg.PGPASSWORD), 'the password must not leave the server');
    assert.equal((await call('GET', '/api/database/defaults?store=nowhere')).status, 400);
  });

  test('connect: the masked password uses the configured one; wrong passwords and types are refused', async () => {
    const ok = await connect();
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.match(ok.json.handle, /^[0-9a-f]{8}-[0-9a-f]{4}-/);
    assert.match(ok.json.version, /^\d+\.\d+/);
    const wrong = await connect('monitoring', 'not-the-password');
    assert.equal(wrong.status, 400);
    assert.match(wrong.json.detail, /Authentication failed/);
    const type = await call('POST', '/api/database/connect', { host: 'h', database: 'd', username: 'u', password: 'p', db_type: 'mysql' });
    assert.equal(type.status, 422);
    assert.deepEqual(type.json.detail.map((d) => [d.type, d.loc.join('.')]), [['literal_error', 'body.db_type']]);
    const missing = await call('POST', '/api/database/connect', { host: 'h', port: 'x' });
    assert.equal(missing.status, 422);
    // Every problem at once, in the API's one 422 shape.
    assert.deepEqual(missing.json.detail.map((d) => [d.type, d.loc.join('.')]), [
      ['missing', 'body.password'], ['int_type', 'body.port'], ['missing', 'body.database'], ['missing', 'body.username'],
    ]);
  });

  test('handles: stats, revoke, unknown handles are 401', async () => {
    const { json: { handle } } = await connect();
    const before = (await call('GET', '/api/database/stats')).json;
    assert.equal(before.max_handles, 100);
    assert.ok(before.active_handles >= 1);
    assert.equal((await call('DELETE', `/api/database/${handle}`)).status, 200);
    const gone = await call('GET', `/api/database/${handle}/tables`);
    assert.equal(gone.status, 401);
    assert.equal(gone.json.detail, 'Connection handle has expired or is invalid. Please reconnect.');
    assert.equal((await call('GET', '/api/database/stats')).json.active_handles, before.active_handles - 1);
  });

  test('tables, with the configured allowlist of a store', async () => {
    const { json: { handle } } = await connect();
    const all = await call('GET', `/api/database/${handle}/tables`);
    assert.equal(all.status, 200);
    const names = all.json.tables.filter((t) => t.schema_name === 'wiz').map((t) => t.name);
    assert.deepEqual(names, ['log', 'tickets', 'we"ird; DROP']);
    const data = (await connect('data')).json.handle;
    const allowed = await call('GET', `/api/database/${data}/tables`);
    assert.deepEqual(allowed.json.tables.map((t) => `${t.schema_name}.${t.name}`), ['wiz.tickets']);
  });

  test('schema, distinct values and preview, including hostile identifiers', async () => {
    const { json: { handle } } = await connect();
    const schema = await call('GET', `/api/database/${handle}/schema?schema=wiz&table=tickets`);
    assert.equal(schema.status, 200);
    assert.deepEqual(schema.json.columns.map((c) => [c.name, c.data_type]),
      [['id', 'integer'], ['agent', 'text'], ['score', 'double precision'], ['solved', 'boolean']]);
    assert.deepEqual(schema.json.sample_values.score, [0.5, 0.75, null]);
    assert.equal((await call('GET', `/api/database/${handle}/schema?schema=wiz&table=nothing`)).status, 404);
    const distinct = await call('POST', `/api/database/${handle}/distinct-values`,
      { table: { schema_name: 'wiz', name: 'tickets' }, column: 'agent' });
    assert.deepEqual(distinct.json.values, ['alpha', 'beta']);
    const preview = await call('POST', `/api/database/${handle}/preview`, {
      table: { schema_name: 'wiz', name: 'tickets' },
      mappings: [{ source: 'id', target: 'dataset_id' }, { source: 'score', target: 'metric_score' }],
      filters: [{ column: 'agent', value: 'alpha' }],
    });
    assert.equal(preview.status, 200, JSON.stringify(preview.json));
    assert.deepEqual(preview.json.data, [{ dataset_id: 1, metric_score: 0.5 }, { dataset_id: 3, metric_score: null }]);
    assert.equal(preview.json.row_count, 2);
    const hostile = { schema_name: 'wiz', name: 'we"ird; DROP' };
    const weird = await call('POST', `/api/database/${handle}/preview`,
      { table: hostile, mappings: [{ source: 'a"b', target: 'x"; --' }], filters: [{ column: 'plain', value: "2' OR '1'='1" }] });
    assert.equal(weird.status, 200, JSON.stringify(weird.json));
    assert.deepEqual(weird.json.data, []);
    const weirdDistinct = await call('POST', `/api/database/${handle}/distinct-values`, { table: hostile, column: 'a"b' });
    assert.deepEqual(weirdDistinct.json.values, ['x', 'y']);
    const unknown = await call('POST', `/api/database/${handle}/preview`,
      { table: { schema_name: 'wiz', name: 'tickets' }, mappings: [{ source: 'nope' }] });
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.detail, /Column 'nope' not found/);
  });

  test('import: a table\'s mapped, filtered rows become a monitoring dataset', async () => {
    const { json: { handle } } = await connect();
    const res = await call('POST', `/api/database/${handle}/import`, {
      handle,
      table: { schema_name: 'wiz', name: 'tickets' },
      mappings: [{ source: 'id', target: 'dataset_id' }, { source: 'agent', target: 'source_name' },
        { source: 'score', target: 'latency' }],
      filters: [{ column: 'agent', value: 'alpha' }],
      limit: 100,
    });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.row_count, 2);
    assert.deepEqual(res.json.data.map((r) => [r.dataset_id, r.source_name]), [['1', 'alpha'], ['3', 'alpha']]);
    const { json } = await call('GET', '/api/datasets');
    const stored = json.datasets.find((d) => d.id === res.json.dataset_id);
    assert.equal(stored.kind, 'monitoring');
    assert.equal(stored.source, 'database');
    const mismatch = await call('POST', `/api/database/${handle}/import`, { handle: 'other', table: { name: 'tickets', schema_name: 'wiz' } });
    assert.equal(mismatch.status, 400);
    const nothing = await call('POST', `/api/database/${handle}/import`,
      { table: { schema_name: 'wiz', name: 'tickets' }, filters: [{ column: 'agent', value: 'nobody' }] });
    assert.equal(nothing.status, 400);
    assert.match(nothing.json.detail, /no rows/);
  });

  test('query-import: one SELECT becomes an evaluation dataset; unsafe SQL is refused first', async () => {
    const { json: { handle } } = await connect('data');
    const sql = "SELECT id::text AS dataset_id, 'faithfulness' AS metric_name, score AS metric_score FROM wiz.tickets WHERE score IS NOT NULL ORDER BY id";
    const res = await call('POST', `/api/database/${handle}/query-import`, { handle, query: sql });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.format, 'flat_format');
    assert.equal(res.json.row_count, 2);
    const refused = await call('POST', `/api/database/${handle}/query-import`, { handle, query: 'DELETE FROM wiz.tickets' });
    assert.equal(refused.status, 422);
    const slow = await call('POST', `/api/database/${handle}/query-import`, { handle, query: 'SELECT pg_sleep(5) AS x' });
    assert.equal(slow.status, 408);
    assert.equal(psql('SELECT count(*) FROM wiz.tickets').trim(), '3');
  });

  test('query-import passes the CSV intake check: a 9 MiB field is 413, nothing stored, nothing spooled', async () => {
    const { json: { handle } } = await connect('data');
    const before = (await call('GET', '/api/datasets')).json.datasets.length;
    const sql = "SELECT 'c1' AS dataset_id, 'm' AS metric_name, 0.5 AS metric_score, repeat('x', 9 * 1024 * 1024) AS query";
    const res = await call('POST', `/api/database/${handle}/query-import`, { handle, query: sql });
    assert.equal(res.status, 413, JSON.stringify(res.json).slice(0, 300));
    assert.equal(res.json.detail, 'A CSV field in data row 1 is larger than 8 MiB, the limit for one field; set AXIS_MAX_CSV_CELL_BYTES to raise it');
    assert.equal((await call('GET', '/api/datasets')).json.datasets.length, before);
    assert.deepEqual(readdirSync(path.join(server.dataDir, 'tmp', 'uploads')), []);
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
  });

  test('db-import of a configured source; unconfigured sources are 400', async () => {
    const res = await call('POST', '/api/monitoring/db-import');
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.row_count, 3);
    assert.deepEqual(res.json.data.map((r) => r.dataset_id), ['1', '2', '3']);
    assert.equal((await call('POST', '/api/human-signals/db-import')).status, 400);
    // eval_db's columns map renames metric → metric_name and "Score Value" (by its normalised name) → metric_score.
    const evalImport = await call('POST', '/api/data/eval-db-import');
    assert.equal(evalImport.status, 200, JSON.stringify(evalImport.json));
    assert.equal(evalImport.json.format, 'flat_format');
    assert.deepEqual(evalImport.json.data.map((r) => [r.metric_name, r.metric_score]), [['relevance', 0.5], ['relevance', 0.75]]);
  });

  test('user SQL: the validator, the timeout and the read-only transaction', async () => {
    const { json: { handle } } = await connect();
    const run = (query, limit) => call('POST', `/api/database/${handle}/query`, { query, limit });
    const ok = await run('SELECT agent, count(*) AS n FROM wiz.tickets GROUP BY agent ORDER BY agent;', 10);
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.deepEqual(ok.json.data, [{ agent: 'alpha', n: 2 }, { agent: 'beta', n: 1 }]);
    const limited = await run('SELECT * FROM wiz.tickets ORDER BY id LIMIT 3', 2);
    assert.equal(limited.json.row_count, 2); // its own LIMIT is fine, the smaller limit wins
    for (const unsafe of ['', '  ;  ', 'DELETE FROM wiz.tickets', 'select 1; drop table wiz.tickets',
      '/* hi */ (INSERT INTO wiz.log VALUES (now()))', 'copy wiz.tickets to stdout', "SELECT ';'"]) {
      const r = await run(unsafe, 10);
      assert.equal(r.status, 422, `${unsafe}: ${JSON.stringify(r.json)}`);
      assert.match(r.json.detail[0].msg, /Unsafe SQL/);
      assert.deepEqual(r.json.detail[0].loc, ['body', 'query']);
    }
    const slow = await run('SELECT pg_sleep(5)', 1);
    assert.equal(slow.status, 408, JSON.stringify(slow.json));
    const write = await run('SELECT wiz.bump()', 1);
    assert.equal(write.status, 400);
    assert.match(write.json.detail, /read-only transaction/);
    assert.equal(psql('SELECT count(*) FROM wiz.log').trim(), '0');
    assert.equal(psql('SELECT count(*) FROM wiz.tickets').trim(), '3');
  });
});
