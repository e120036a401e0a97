// Annotations: GET/PUT/DELETE /api/annotations and the CSV export, against an uploaded dataset,
// including annotations that arrive in the file and survival across a restart.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './lib/server.mjs';

const CSV = [
  'dataset_id,query,actual_output,evaluation_name,judgment,critique,user_tags',
  'r1,What is 2+2?,4,m1,,,',
  'r2,"Capital of France, please","Paris, said ""the bot""",m1,reject,Wrong tone,"[""tone""]"',
  'r3,Two lines?,"line one',
  'line two",m1,,,',
  'r1,What is 2+2?,duplicate row of r1,m2,,,',
  '',
].join('\n');

let server;
let datasetId;

async function call(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* CSV or empty */ }
  return { status: res.status, headers: res.headers, text, json };
}

const q = () => `dataset_id=${encodeURIComponent(datasetId)}`;
const list = () => call('GET', `/api/annotations?${q()}`);
const put = (id, body) => call('PUT', `/api/annotations/${encodeURIComponent(id)}?${q()}`, body);

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  const form = new FormData();
  form.append('file', new Blob([CSV], { type: 'text/csv' }), 'support review.csv');
  const res = await fetch(`${server.url}/api/data/upload`, { method: 'POST', body: form });
  const json = await res.json();
  assert.equal(res.status, 200, JSON.stringify(json));
  datasetId = json.dataset_id;
  assert.match(datasetId, /^[0-9a-f]{32}$/);
});

after(async () => {
  await server?.stop();
});

test('dataset_id is required and must name a stored dataset', async () => {
  const missing = await call('GET', '/api/annotations');
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.json.detail.map((d) => [d.type, d.loc]), [['missing', ['query', 'dataset_id']]]);
  const empty = await call('GET', '/api/annotations/export?dataset_id=');
  assert.equal(empty.status, 422);
  const unknown = await call('GET', '/api/annotations?dataset_id=0123456789abcdef0123456789abcdef');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.json.detail, "Dataset '0123456789abcdef0123456789abcdef' not found");
});

test('annotations carried by the uploaded file are listed with the progress', async () => {
  const res = await list();
  assert.equal(res.status, 200);
  assert.equal(res.json.success, true);
  assert.equal(res.json.dataset_id, datasetId);
  assert.equal(res.json.annotations.length, 1);
  const [r2] = res.json.annotations;
  assert.deepEqual({ ...r2, updated_at: undefined }, {
    case_id: 'r2', judgment: 'reject', rating: null, critique: 'Wrong tone', tags: ['tone'],
    flagged: false, updated_at: undefined,
  });
  assert.match(r2.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(res.json.progress, { total: 3, annotated: 1, accepted: 0, rejected: 1, rated: 0, flagged: 0 });
});

test('PUT creates an annotation, a second PUT changes only the fields it sends', async () => {
  const first = await put('r1', { judgment: 'accept', critique: 'Correct', tags: ['math', 'short'] });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.json.success, true);
  assert.deepEqual({ ...first.json.annotation, updated_at: 0 }, {
    case_id: 'r1', judgment: 'accept', rating: null, critique: 'Correct', tags: ['math', 'short'],
    flagged: false, updated_at: 0,
  });
  assert.deepEqual(first.json.progress, { total: 3, annotated: 2, accepted: 1, rejected: 1, rated: 0, flagged: 0 });

  const second = await put('r1', { flagged: true });
  assert.equal(second.json.annotation.judgment, 'accept');
  assert.equal(second.json.annotation.critique, 'Correct');
  assert.equal(second.json.annotation.flagged, true);

  const rated = await put('r3', { rating: 4, critique: 'Split over "two" lines, fine' });
  assert.equal(rated.json.annotation.rating, 4);
  assert.deepEqual(rated.json.progress, { total: 3, annotated: 3, accepted: 1, rejected: 1, rated: 1, flagged: 1 });
});

test('invalid bodies are refused with a 422 list and change nothing', async () => {
  const before = await list();
  const bad = await put('r1', { judgment: 'yes', rating: 11, critique: 'x'.repeat(10001),
    tags: ['ok', 7], flagged: 'true', note: 1 });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json.detail.map((d) => [d.type, d.loc.join('.')]), [
    ['literal_error', 'body.judgment'], ['less_than_equal', 'body.rating'],
    ['string_too_long', 'body.critique'], ['string_type', 'body.tags.1'],
    ['bool_type', 'body.flagged'], ['extra_forbidden', 'body.note'],
  ]);
  assert.equal((await put('r1', '{"judgment":')).status, 422);
  assert.equal((await put('r1', '[]')).status, 422);
  const notUtf8 = await put('r1', Buffer.from('{"critique":"caf\xe9"}', 'latin1'));
  assert.equal(notUtf8.status, 422);
  assert.equal(notUtf8.json.detail[0].type, 'utf8_invalid');
  assert.equal((await put('r1', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })).status, 422);
  assert.deepEqual((await list()).json, before.json);
});

test('unknown and SQL-looking case ids are 404 and stored data is intact', async () => {
  const before = await list();
  const missing = await put('zz', { judgment: 'accept' });
  assert.equal(missing.status, 404);
  assert.equal(missing.json.detail, "Case 'zz' not found");
  const hostile = await put("r1' OR '1'='1", { judgment: 'reject' });
  assert.equal(hostile.status, 404);
  assert.equal(hostile.json.detail, "Case 'r1' OR '1'='1' not found");
  assert.equal((await call('DELETE', `/api/annotations/zz?${q()}`)).status, 404);
  assert.deepEqual((await list()).json, before.json);
});

test('DELETE removes one annotation and returns the progress', async () => {
  const res = await call('DELETE', `/api/annotations/r2?${q()}`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, { success: true, progress: { total: 3, annotated: 2, accepted: 1, rejected: 0, rated: 1, flagged: 1 } });
  assert.deepEqual((await list()).json.annotations.map((a) => a.case_id), ['r1', 'r3']);
});

test('annotations survive a restart and the export has every case with them', async () => {
  const beforeRestart = (await list()).json;
  await server.stop();
  server = await startServer({ dataDir: server.dataDir });
  assert.equal(server.exitStatus(), null, server.stderr());
  assert.deepEqual((await list()).json, beforeRestart);

  const res = await call('GET', `/api/annotations/export?${q()}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/csv/);
  assert.equal(res.headers.get('content-disposition'),
    "attachment; filename=\"support review-annotations.csv\"; filename*=UTF-8''support%20review-annotations.csv");
  assert.equal(res.text, [
    'dataset_id,query,actual_output,evaluation_name,judgment,critique,user_tags,annotation_flagged',
    'r1,What is 2+2?,4,m1,accept,Correct,"[""math"",""short""]",true',
    'r2,"Capital of France, please","Paris, said ""the bot""",m1,,"",[],false',
    'r3,Two lines?,"line one\nline two",m1,4,"Split over ""two"" lines, fine",[],false',
    '',
  ].join('\n'));
});
