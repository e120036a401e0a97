// Request body limits (413), the 422 validation shape for unreadable JSON bodies, and
// POST /api/analytics/summary on real numbers, including text that looks like SQL.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { rawRequest, runCli, startServer } from './lib/server.mjs';

const JSON_LIMIT = 2048;
const UPLOAD_LIMIT = 8192;
const SUMMARY = '/api/analytics/summary';

let server;

before(async () => {
  server = await startServer({
    env: { AXIS_MAX_JSON_BYTES: String(JSON_LIMIT), AXIS_MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

function post(target, body, { contentType = 'application/json', extra = [] } = {}) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const head = [`POST ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close',
    `Content-Type: ${contentType}`, `Content-Length: ${bytes.length}`, ...extra].join('\r\n');
  return rawRequest(server.port, Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), bytes]));
}

// A JSON array of rows padded with spaces to exactly `size` bytes.
function jsonOfSize(size) {
  const text = JSON.stringify([{ score: 1 }]);
  assert.ok(size >= text.length);
  return text + ' '.repeat(size - text.length);
}

function multipart(boundary, fileBytes) {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rows.csv"\r\n` +
      'Content-Type: text/csv\r\n\r\n'),
    fileBytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

function summaryByName(body) {
  return Object.fromEntries(body.summary.map((m) => [m.metric_name, m]));
}

function assertClose(actual, expected, what) {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} != ${expected}`);
}

describe('body limits', () => {
  test('a JSON body one byte over AXIS_MAX_JSON_BYTES is refused with 413 and the limit', async () => {
    const res = await post(SUMMARY, jsonOfSize(JSON_LIMIT + 1));
    assert.equal(res.status, 413);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(res.body), { detail: `Request body too large: the limit is ${JSON_LIMIT} bytes` });
    assert.equal(res.headers.connection, 'close');
  });

  test('a JSON body of exactly AXIS_MAX_JSON_BYTES is accepted', async () => {
    const res = await post(SUMMARY, jsonOfSize(JSON_LIMIT));
    assert.equal(res.status, 200, res.body);
    assert.equal(JSON.parse(res.body).total_records, 1);
  });

  test('a chunked JSON body that grows past the limit is refused with 413', async () => {
    const chunk = 'x'.repeat(1000);
    const chunks = [0, 1, 2].map(() => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const raw = `POST ${SUMMARY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}0\r\n\r\n`;
    const res = await rawRequest(server.port, raw);
    assert.equal(res.status, 413);
    assert.deepEqual(JSON.parse(res.body), { detail: `Request body too large: the limit is ${JSON_LIMIT} bytes` });
  });

  test('a too-large body announced with Expect: 100-continue is refused before it is sent', async () => {
    const raw = `POST ${SUMMARY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      'Content-Length: 5000\r\nExpect: 100-continue\r\n\r\n';
    const res = await rawRequest(server.port, raw, { timeoutMs: 5000 });
    assert.equal(res.status, 413);
    assert.deepEqual(JSON.parse(res.body), { detail: `Request body too large: the limit is ${JSON_LIMIT} bytes` });
  });

  test('a JSON Content-Length above AXIS_MAX_UPLOAD_BYTES is still 413 with the JSON limit', async () => {
    const raw = `POST ${SUMMARY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      'Content-Length: 1000000\r\nExpect: 100-continue\r\n\r\n';
    const res = await rawRequest(server.port, raw, { timeoutMs: 5000 });
    assert.equal(res.status, 413);
    assert.deepEqual(JSON.parse(res.body), { detail: `Request body too large: the limit is ${JSON_LIMIT} bytes` });
    assert.match(res.headers['x-request-id'] ?? '', /^[0-9a-f]{32}$/);
  });

  test('a multipart body above the JSON limit but within AXIS_MAX_UPLOAD_BYTES reaches the handler', async () => {
    const csv = 'dataset_id,metric_name,metric_score\n' + 'c1,acc,0.5\n'.repeat(400);
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'big.csv');
    const res = await fetch(`${server.url}/api/data/detect-format`, { method: 'POST', body: form });
    assert.ok(csv.length > JSON_LIMIT && csv.length < UPLOAD_LIMIT);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(),
      { format: 'flat_format', columns: ['dataset_id', 'metric_name', 'metric_score'], row_count: 400 });
  });

  test('a chunked multipart body that grows past AXIS_MAX_UPLOAD_BYTES is refused with 413', async () => {
    const chunk = 'a'.repeat(3000);
    const chunks = [0, 1, 2, 3].map(() => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const raw = `POST ${SUMMARY} HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n` +
      `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}0\r\n\r\n`;
    const res = await rawRequest(server.port, raw);
    assert.equal(res.status, 413);
    assert.deepEqual(JSON.parse(res.body), { detail: `Request body too large: the limit is ${UPLOAD_LIMIT} bytes` });
  });

  test('a multipart body with a Content-Length over AXIS_MAX_UPLOAD_BYTES is refused with 413 and the upload limit', async () => {
    const body = multipart('axisBoundary42', Buffer.alloc(UPLOAD_LIMIT, 'a'));
    const res = await post(SUMMARY, body, { contentType: 'Multipart/Form-Data; boundary=axisBoundary42' });
    assert.equal(res.status, 413);
    assert.deepEqual(JSON.parse(res.body), { detail: `Request body too large: the limit is ${UPLOAD_LIMIT} bytes` });
  });

  test('the server keeps serving after refusing bodies', async () => {
    const res = await fetch(`${server.url}/health`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'healthy');
  });

  test('a malformed multipart body is 400 and leaves no upload file behind', async () => {
    const cut = multipart('axisBoundary7', Buffer.from('a,b\n1,2\n')).subarray(0, 120);
    const res = await post('/api/data/upload', cut, { contentType: 'multipart/form-data; boundary=axisBoundary7' });
    assert.equal(res.status, 400);
    assert.deepEqual(JSON.parse(res.body), { detail: 'Malformed multipart body: body ends inside a part' });
    const wrong = await post('/api/data/upload', multipart('axisBoundary7', Buffer.from('a,b\n1,2\n')),
      { contentType: 'multipart/form-data; boundary=other' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(JSON.parse(wrong.body), { detail: 'Malformed multipart body: no boundary found' });
    assert.deepEqual(readdirSync(path.join(server.dataDir, 'tmp', 'uploads')), []);
  });

  test('AXIS_MAX_JSON_BYTES below 1 KiB is raised to 1024 with a warning', async () => {
    const result = await runCli(['check-config'], { env: { AXIS_MAX_JSON_BYTES: '1000' } });
    assert.equal(result.code, 0, result.stderr);
    const config = JSON.parse(result.stdout);
    assert.equal(config.server.max_json_bytes, 1024);
    assert.ok(config.warnings.includes('AXIS_MAX_JSON_BYTES: 1000 is out of range 1024..4294967296, using 1024'),
      JSON.stringify(config.warnings));
    assert.match(result.stderr, /warning: AXIS_MAX_JSON_BYTES: 1000 is out of range/);
  });

  test('a non-numeric AXIS_MAX_JSON_BYTES stops the CLI with exit 2 naming the variable', async () => {
    const result = await runCli(['check-config'], { env: { AXIS_MAX_JSON_BYTES: '10MB' } });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /configuration error: environment: variable 'AXIS_MAX_JSON_BYTES': expected an integer, got '10MB'/);
  });
});

describe('422 validation shape', () => {
  test('malformed JSON is 422 with one json_invalid item {type, loc, msg, input}', async () => {
    const res = await post(SUMMARY, '[{"score": 0.5,]');
    assert.equal(res.status, 422);
    assert.equal(res.headers['content-type'], 'application/json');
    const { detail } = JSON.parse(res.body);
    assert.ok(Array.isArray(detail));
    assert.equal(detail.length, 1);
    assert.deepEqual(Object.keys(detail[0]).sort(), ['input', 'loc', 'msg', 'type']);
    assert.equal(detail[0].type, 'json_invalid');
    assert.equal(detail[0].loc[0], 'body');
    assert.ok(Number.isInteger(detail[0].loc[1]) && detail[0].loc[1] > 0 && detail[0].loc[1] <= 16, JSON.stringify(detail[0].loc));
    assert.match(detail[0].msg, /^JSON decode error/);
    assert.deepEqual(detail[0].input, {});
  });

  test('a body with invalid UTF-8 bytes is 422 utf8_invalid, not a crash', async () => {
    const bytes = Buffer.concat([Buffer.from('[{"name": "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('", "score": 1}]')]);
    const res = await post(SUMMARY, bytes);
    assert.equal(res.status, 422);
    assert.deepEqual(JSON.parse(res.body),
      { detail: [{ type: 'utf8_invalid', loc: ['body'], msg: 'Request body is not valid UTF-8', input: null }] });
  });

  test('an overlong UTF-8 encoding and a lone surrogate are refused as invalid UTF-8', async () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const bytes = Buffer.concat([Buffer.from('["'), Buffer.from(bad), Buffer.from('"]')]);
      const res = await post(SUMMARY, bytes);
      assert.equal(res.status, 422, bad.join());
      assert.equal(JSON.parse(res.body).detail[0].type, 'utf8_invalid');
    }
  });

  test('an empty body summarises the newest stored evaluation dataset', async () => {
    const res = await post(SUMMARY, '');
    assert.equal(res.status, 200);
    const body = JSON.parse(res.body);
    assert.equal(body.success, true);
    assert.ok(body.summary.length > 0 && body.total_records > 0, res.body);
  });

  test('a JSON object without a data list is 422 list_type echoing the input', async () => {
    const res = await post(SUMMARY, '{"rows": [1, 2]}');
    assert.equal(res.status, 422);
    assert.deepEqual(JSON.parse(res.body),
      { detail: [{ type: 'list_type', loc: ['body'], msg: 'Input should be a valid list', input: { rows: [1, 2] } }] });
  });
});

describe('analytics summary', () => {
  const ROWS = [
    { id: 1, score: 0.2, latency: 120, passed: 1, model: 'a' },
    { id: 2, score: 0.8, latency: 80, passed: 0, model: 'b' },
    { id: 3, score: 0.5, latency: 100, passed: 1, model: 'a' },
    { id: 4, score: null, latency: 60, passed: 1, model: 'b' },
  ];

  function checkSummary(body) {
    assert.equal(body.success, true);
    assert.equal(body.total_records, 4);
    const m = summaryByName(body);
    assert.deepEqual(Object.keys(m).sort(), ['latency', 'passed', 'score'], 'id and text columns are not metrics');
    assertClose(m.score.mean, 0.5, 'score mean');
    assertClose(m.score.std, 0.3, 'score std (sample)');
    assert.equal(m.score.min, 0.2);
    assert.equal(m.score.max, 0.8);
    assert.equal(m.score.count, 3, 'null is not counted');
    assertClose(m.score.passing_rate, 2 / 3, 'score passing rate (>= 0.5)');
    assert.equal(m.latency.mean, 90);
    assertClose(m.latency.std, Math.sqrt(2000 / 3), 'latency std');
    assert.equal(m.latency.min, 60);
    assert.equal(m.latency.max, 120);
    assert.equal(m.latency.count, 4);
    assert.equal(m.latency.passing_rate, 1);
    assert.equal(m.passed.mean, 0.75);
    assert.equal(m.passed.std, 0.5);
    assert.equal(m.passed.min, 0);
    assert.equal(m.passed.max, 1);
    assert.equal(m.passed.count, 4);
    assert.equal(m.passed.passing_rate, 0.75);
    for (const item of body.summary) {
      assert.deepEqual(Object.keys(item).sort(), ['count', 'max', 'mean', 'metric_name', 'min', 'passing_rate', 'std']);
    }
  }

  test('a bare row array gives mean, std, min, max, count and passing rate per numeric column', async () => {
    const res = await fetch(`${server.url}${SUMMARY}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ROWS),
    });
    assert.equal(res.status, 200);
    checkSummary(await res.json());
  });

  test('the {data, metrics} form gives the same summary', async () => {
    const res = await fetch(`${server.url}${SUMMARY}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: ROWS, metrics: ['score'] }),
    });
    assert.equal(res.status, 200);
    checkSummary(await res.json());
  });

  test('summary lists metrics in the column order of the posted rows', async () => {
    const res = await fetch(`${server.url}${SUMMARY}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ROWS),
    });
    const body = await res.json();
    assert.deepEqual(body.summary.map((m) => m.metric_name), ['score', 'latency', 'passed']);
  });

  test('a column with any non-numeric value is not a metric; an empty array summarises nothing', async () => {
    const mixed = await fetch(`${server.url}${SUMMARY}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ a: 1, b: 1 }, { a: 'high', b: 0 }]),
    });
    const body = await mixed.json();
    assert.deepEqual(body.summary.map((m) => m.metric_name), ['b']);
    assert.equal(body.total_records, 2);
    const empty = await fetch(`${server.url}${SUMMARY}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]',
    });
    assert.deepEqual(await empty.json(), { success: true, summary: [], total_records: 0 });
  });

  test('SQL-looking names and values are treated as plain data', async () => {
    const evilMetric = 'score"; DROP TABLE _datasets; --';
    const rows = [
      { [evilMetric]: 1, note: "x'); DELETE FROM _datasets; --", "1=1 OR ''='": 0.25 },
      { [evilMetric]: 0, note: 'Robert\'); DROP TABLE students;--', "1=1 OR ''='": 0.75 },
    ];
    const res = await fetch(`${server.url}${SUMMARY}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rows),
    });
    assert.equal(res.status, 200);
    const m = summaryByName(await res.json());
    assert.deepEqual(Object.keys(m).sort(), ["1=1 OR ''='", evilMetric].sort());
    assert.equal(m[evilMetric].mean, 0.5);
    assert.equal(m[evilMetric].passing_rate, 0.5);
    assert.equal(m["1=1 OR ''='"].mean, 0.5);
    const runtime = await (await fetch(`${server.url}/api/config/runtime`)).json();
    assert.equal(runtime.store.tables.length, 2, JSON.stringify(runtime.store.tables));
    const datasets = await (await fetch(`${server.url}/api/datasets`)).json();
    assert.equal(datasets.datasets.length, 2);
  });
});
