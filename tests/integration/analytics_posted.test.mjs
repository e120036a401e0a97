// POST /api/analytics/* on posted rows read by DuckDB: what JSON allows that a table does not
// (repeated keys, keys differing in case, elements that are not objects, numbers beyond the
// double range, group values of mixed types), the column limit, the spool file, and the store
// being required.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

async function postText(server, route, text, params = {}) {
  const qs = new URLSearchParams(params).toString();
  const res = await fetch(`${server.url}/api/analytics/${route}${qs ? `?${qs}` : ''}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: text,
  });
  return { status: res.status, json: await res.json() };
}

const byName = (summary) => Object.fromEntries(summary.map((m) => [m.metric_name, m]));

// A server started with `options` for the enclosing describe block, as a getter.
function serverFor(options) {
  let server;
  before(async () => {
    server = await startServer(options);
    assert.equal(server.exitStatus(), null, server.stderr());
  });
  after(async () => {
    await server?.stop();
  });
  return () => server;
}

describe('posted rows', () => {
  const server = serverFor({ args: ['--no-samples'] });

  test('a row that repeats a key counts its last value, in the place the key first had', async () => {
    const { status, json } = await postText(server(), 'summary', '[{"a": "x", "b": 2, "a": 1}, {"b": 4, "a": 3}]');
    assert.equal(status, 200);
    assert.deepEqual(json.summary.map((m) => [m.metric_name, m.count, m.mean]), [['a', 2, 2], ['b', 2, 3]]);
  });

  test('keys differing only in case are two metrics; elements that are not objects are rows', async () => {
    const { json } = await postText(server(), 'summary', '[{"Score": 1, "score": 0}, 5, null, "x", [1], {"score": 1}]');
    assert.equal(json.total_records, 6);
    assert.deepEqual(json.summary.map((m) => [m.metric_name, m.count, m.mean]), [['Score', 1, 1], ['score', 2, 0.5]]);
  });

  test('any JSON number is a number; one beyond the double range is refused as JSON', async () => {
    const { json } = await postText(server(), 'summary',
      '[{"u": 18446744073709551615, "i": 1, "flag": true}, {"u": -1, "i": 2.5, "flag": false}]');
    const m = byName(json.summary);
    assert.deepEqual(Object.keys(m), ['u', 'i']);
    assert.equal(m.u.max, 18446744073709551615);
    assert.equal(m.u.mean, 2 ** 63);
    assert.equal(m.i.mean, 1.75);
    const huge = await postText(server(), 'summary', '[{"a": 1e400}]');
    assert.equal(huge.status, 422);
    assert.equal(huge.json.detail[0].type, 'json_invalid');
    assert.equal(huge.json.detail[0].msg, "JSON decode error: number overflow parsing '1e400'");
  });

  test('groups keep their JSON values: booleans, then numbers by value, then strings', async () => {
    const rows = [{ g: 'b', s: 1 }, { g: 10, s: 2 }, { g: 9, s: 3 }, { g: true, s: 4 }, { g: null, s: 5 }, { s: 6 }];
    const { json } = await postText(server(), 'comparison', JSON.stringify(rows), { group_by: 'g' });
    assert.deepEqual(json.comparison.map((c) => [c.group, c.s.mean]), [[true, 4], [9, 3], [10, 2], ['b', 1]]);
    assert.deepEqual(json.groups, ['b', 10, 9, true]);
  });

  test('the rows written for DuckDB are removed when the request ends', async () => {
    await postText(server(), 'distribution', '[{"a": 1}, {"a": 2}]', { metric: 'a' });
    const missing = await postText(server(), 'distribution', '[{"a": 1}]', { metric: 'b' });
    assert.equal(missing.status, 400);
    const spool = readdirSync(path.join(server().dataDir, 'tmp', 'uploads'));
    assert.deepEqual(spool.filter((name) => name.startsWith('analytics-')), []);
  });
});

describe('posted rows on a server with AXIS_MAX_CSV_COLUMNS=3 and a 40 MiB body limit', () => {
  const server = serverFor({
    args: ['--no-samples'], env: { AXIS_MAX_CSV_COLUMNS: '3', AXIS_MAX_JSON_BYTES: String(40 << 20) },
  });

  test('are refused with 400 naming the limit', async () => {
    const { status, json } = await postText(server(), 'summary', '[{"a": 1, "b": 2}, {"c": 3, "d": 4}]');
    assert.equal(status, 400);
    assert.equal(json.detail, 'The posted rows have 4 distinct keys; the limit is 3 (AXIS_MAX_CSV_COLUMNS)');
    assert.equal((await postText(server(), 'summary', '[{"a": 1, "b": 2, "c": 3}]')).status, 200);
  });

  test('a row larger than DuckDB reads by default (about 32 MiB) is read', async () => {
    const note = 'x'.repeat(34 << 20);
    const { status, json } = await postText(server(), 'summary', `[{"a": 1, "note": "${note}"}, {"a": 3}]`);
    assert.equal(status, 200);
    assert.deepEqual([json.total_records, json.summary.map((m) => [m.metric_name, m.mean])], [2, [['a', 2]]]);
  });
});

describe('posted rows without the store', () => {
  const server = serverFor({ configFiles: { 'duckdb.yaml': 'duckdb:\n  enabled: false\n' } });

  test('are 503: DuckDB computes the analytics', async () => {
    const { status, json } = await postText(server(), 'summary', '[{"a": 1}]');
    assert.equal(status, 503);
    assert.equal(json.detail, 'The store is disabled (duckdb.yaml enabled: false)');
  });
});
