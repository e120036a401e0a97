// Real replies against their declared schemas (lib/reply_schemas.mjs) for the routes that read
// PostgreSQL: the import wizard into each store, the configured sources' imports, and the sync
// engine's controls and status. Needs AXIS_PG_ENV.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PG_ROUTES } from './lib/reply_routes.mjs';
import { ReplySchemas, callReply } from './lib/reply_schemas.mjs';
import { pgEnv, psql, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';

const SCHEMA = `
DROP SCHEMA IF EXISTS reply_t CASCADE;
CREATE SCHEMA reply_t;
CREATE TABLE reply_t.records (id text, agent text, question text, created_at timestamptz NOT NULL);
CREATE TABLE reply_t.scores (record_id text, metric text, score double precision, solved boolean,
  created_at timestamptz NOT NULL);
INSERT INTO reply_t.records VALUES ('r1', 'alpha', 'Why?', '2026-03-01 10:00+00'), ('r2', 'beta', NULL, '2026-03-02 10:00+00');
INSERT INTO reply_t.scores VALUES ('r1', 'relevance', 0.9, true, '2026-03-01 10:00+00'),
  ('r2', 'relevance', 0.4, false, '2026-03-02 10:00+00'), ('r2', 'coherence', 0.7, NULL, '2026-03-02 10:00+00');
CREATE TABLE reply_t.signals (case_id text, source text, metric text, category text, signals text);
INSERT INTO reply_t.signals VALUES ('c1', 'bot', 'escalation', 'classification', '{"is_escalated": true, "reason": "policy"}'),
  ('c2', 'bot', 'escalation', 'classification', '{"is_escalated": false, "reason": "none"}');
`;

const MONITORING_QUERIES = `  dataset_query: "SELECT id AS dataset_id, agent AS source_name, question AS query, created_at AS timestamp FROM reply_t.records"
  results_query: "SELECT record_id AS dataset_id, metric AS metric_name, score AS metric_score FROM reply_t.scores"
`;
const EVAL_QUERIES = `  tables: [reply_t.scores]
  dataset_query: "SELECT id AS dataset_id, question AS query FROM reply_t.records"
  results_query: "SELECT record_id AS dataset_id, metric AS metric_name, score AS metric_score FROM reply_t.scores"
`;
const HS_QUERIES = `  dataset_query: "SELECT DISTINCT case_id AS dataset_id, source AS source_name FROM reply_t.signals"
  results_query: "SELECT case_id AS dataset_id, metric AS metric_name, category AS metric_category, signals FROM reply_t.signals"
`;
const HS_SELECT = 'SELECT case_id AS dataset_id, source AS source_name, metric AS metric_name, category AS metric_category, signals FROM reply_t.signals';

let server;
let pg;
let schemas;
const call = (route, url, body) => callReply(server, schemas, route, url, body);

function source(name, url, queries) {
  return `${name}:\n  enabled: true\n  url: ${url}\n  ssl_mode: disable\n${queries}`;
}

async function connect(store) {
  const body = { host: pg.PGHOST, port: Number(pg.PGPORT), database: pg.PGDATABASE, username: pg.PGUSER,
    password: '********', ssl_mode: 'disable' };
  return (await call('POST /api/database/connect', `/api/database/connect?store=${store}`, body)).handle;
}

// The status once no dataset is syncing.
async function syncedStatus() {
  let status;
  for (let i = 0; i < 300; i++) {
    status = await call('GET /api/store/status', '/api/store/status');
    if (!Object.values(status.datasets).some((d) => d.state === 'syncing')) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the sync did not finish: ${JSON.stringify(status)}`);
}

before(async () => {
  if (noCluster) return;
  pg = pgEnv();
  psql(SCHEMA);
  server = await startServer({
    args: ['--no-samples'],
    configFiles: {
      'monitoring_db.yaml': source('monitoring_db', pg.DATABASE_URL, MONITORING_QUERIES),
      'eval_db.yaml': source('eval_db', pg.DATABASE_URL, EVAL_QUERIES),
      'human_signals_db.yaml': source('human_signals_db', pg.DATABASE_URL, HS_QUERIES),
      'duckdb.yaml': 'duckdb:\n  sync_mode: manual\n  sync_workers: 3\n',
    },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
  schemas = new ReplySchemas(await (await fetch(`${server.url}/openapi.json`)).json());
});

after(async () => {
  await server?.stop();
  if (!noCluster) psql('DROP SCHEMA IF EXISTS reply_t CASCADE;');
});

describe('replies conform to their declared schemas', { skip: noCluster }, () => {
  test('the import wizard, into each store', async () => {
    const data = await connect('data');
    const table = { schema_name: 'reply_t', name: 'scores' };
    const mappings = [{ source: 'record_id', target: 'dataset_id' }, { source: 'metric', target: 'metric_name' },
      { source: 'score', target: 'metric_score' }];
    await call('GET /api/database/{handle}/tables', `/api/database/${data}/tables`);
    await call('GET /api/database/{handle}/schema', `/api/database/${data}/schema?schema=reply_t&table=scores`);
    await call('POST /api/database/{handle}/distinct-values', `/api/database/${data}/distinct-values`, { table, column: 'metric' });
    await call('POST /api/database/{handle}/preview', `/api/database/${data}/preview`, { table, mappings, filters: [], limit: 5 });
    await call('POST /api/database/{handle}/query', `/api/database/${data}/query`, { query: 'SELECT * FROM reply_t.scores', limit: 5 });
    await call('POST /api/database/{handle}/import', `/api/database/${data}/import`, { table, mappings, filters: [] });
    const monitoring = await connect('monitoring');
    await call('POST /api/database/{handle}/query-import', `/api/database/${monitoring}/query-import`,
      { query: 'SELECT record_id AS dataset_id, metric AS metric_name, score AS metric_score, created_at AS timestamp FROM reply_t.scores' });
    const signals = await connect('human_signals');
    await call('POST /api/database/{handle}/query-import', `/api/database/${signals}/query-import`, { query: HS_SELECT });
    for (const handle of [data, monitoring, signals]) {
      await call('DELETE /api/database/{handle}', `/api/database/${handle}`);
    }
  });

  test("the configured sources' imports", async () => {
    await call('POST /api/data/eval-db-import', '/api/data/eval-db-import');
    await call('POST /api/monitoring/db-import', '/api/monitoring/db-import');
    await call('POST /api/human-signals/db-import', '/api/human-signals/db-import');
  });

  test('the sync engine: status before and after syncs, one dataset, watermarks', async () => {
    await call('GET /api/store/status', '/api/store/status');
    await call('POST /api/store/sync', '/api/store/sync?full=true');
    await syncedStatus();
    await call('POST /api/store/sync/{dataset}', '/api/store/sync/monitoring');
    const status = await syncedStatus();
    assert.equal(status.datasets.monitoring_data.state, 'ready', JSON.stringify(status.datasets.monitoring_data));
    await call('POST /api/store/sync/{dataset}/reset-watermark', '/api/store/sync/monitoring/reset-watermark');
  });
});

test('this file checks exactly the routes lib/reply_routes.mjs lists for it', { skip: noCluster }, () => {
  assert.deepEqual([...schemas.exercised].sort(), [...PG_ROUTES].sort());
});
