// The committed snapshot web/src/api/openapi.json, which the web UI's reply types are generated
// from, is exactly what the server's /openapi.json says; its reply schemas compile; and every
// route that declares a reply has its replies checked by one of the reply_schemas*.test.mjs files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { AGENT_REPLAY_ROUTES, ALIGN_ROUTES, CORE_ROUTES, EVAL_RUNNER_ROUTES, GRAPH_ROUTES, MEMORY_ROUTES, MONITORING_ROUTES, PG_ROUTES } from './lib/reply_routes.mjs';
import { ReplySchemas, readSnapshot, snapshotPath } from './lib/reply_schemas.mjs';
import { startServer } from './lib/server.mjs';

let server;
let doc;

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  doc = await (await fetch(`${server.url}/openapi.json`)).json();
});

after(async () => {
  await server?.stop();
});

test('/openapi.json is the committed snapshot (else run scripts/openapi-snapshot.sh)', () => {
  const committed = readFileSync(snapshotPath, 'utf8');
  const served = `${JSON.stringify(doc, null, 2)}\n`;
  if (served === committed) return;
  assert.deepEqual(doc, readSnapshot(), 'web/src/api/openapi.json is out of date: run scripts/openapi-snapshot.sh');
  assert.fail('web/src/api/openapi.json is not formatted as the script writes it: run scripts/openapi-snapshot.sh');
});

test('every reply schema compiles and every $ref resolves', () => {
  const schemas = new ReplySchemas(doc);
  for (const name of Object.keys(doc.components.schemas)) {
    assert.doesNotThrow(() => schemas.errors(name, null), name);
  }
});

test('every route that declares a reply is checked against real replies', () => {
  const checked = [...CORE_ROUTES, ...MONITORING_ROUTES, ...PG_ROUTES, ...EVAL_RUNNER_ROUTES, ...ALIGN_ROUTES, ...GRAPH_ROUTES,
    ...AGENT_REPLAY_ROUTES, ...MEMORY_ROUTES];
  assert.equal(new Set(checked).size, checked.length, 'a route is listed twice in lib/reply_routes.mjs');
  assert.deepEqual(new ReplySchemas(doc).declaredRoutes(), checked.sort());
});
