// System routes and HTTP plumbing: /, /health, /metrics, /openapi.json, /docs, request ids,
// gzip, HEAD, and the JSON bodies of 404, 405 and 307 replies.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { makeTempDir, rawRequest, startServer } from './lib/server.mjs';

let server;

function webDir() {
  const dir = makeTempDir('axis-web-');
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>system-test-ui</title>');
  return dir;
}

before(async () => {
  server = await startServer({ env: { AXIS_WEB_DIR: webDir() } });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

// One request over a fresh connection, bytes as given; header names in `headers` are sent as is.
function raw(method, target, headers = {}, body = '') {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return rawRequest(server.port, `${lines.join('\r\n')}\r\n\r\n${body}`);
}

async function metricsText() {
  const res = await fetch(`${server.url}/metrics`);
  assert.equal(res.status, 200);
  return res.text();
}

function sample(text, name, labels) {
  const wanted = `${name}{${labels}} `;
  const line = text.split('\n').find((l) => l.startsWith(wanted));
  return line === undefined ? 0 : Number(line.slice(wanted.length));
}

test('GET / answers the service ping as JSON', async () => {
  const res = await fetch(`${server.url}/`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json');
  assert.deepEqual(await res.json(), { status: 'healthy', service: 'AXIS API', version: '0.1.0' });
});

test('GET / from a browser (Accept text/html) returns the web UI instead of JSON', async () => {
  const res = await fetch(`${server.url}/`, { headers: { accept: 'text/html,application/xhtml+xml' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(await res.text(), '<!doctype html><title>system-test-ui</title>');
});

test('GET /health reports the API, the data processor and the store as up, never cached', async () => {
  const res = await fetch(`${server.url}/health`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const body = await res.json();
  assert.equal(body.status, 'healthy');
  assert.equal(body.version, '0.1.0');
  assert.deepEqual(body.components, { api: 'up', data_processor: 'up', store: 'up' });
  assert.deepEqual(body.sources, {}, 'no source is configured');
  assert.equal(body.store.open, true);
  assert.equal(body.store.writable, true);
  assert.ok(Number.isInteger(body.store.size_bytes) && body.store.size_bytes > 0, JSON.stringify(body.store));
  assert.match(body.store.checked_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.ok(Math.abs(Date.parse(body.store.checked_at) - Date.now()) < 5 * 60 * 1000);
  assert.equal('failing' in body, false);
});

test('GET /metrics exposes Prometheus text with request counters, in-flight, uptime and store size', async () => {
  const res = await fetch(`${server.url}/metrics`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  const text = await res.text();
  assert.match(text, /^# HELP axis_http_requests_total .+\n# TYPE axis_http_requests_total counter\n/);
  assert.match(text, /\n# TYPE axis_http_request_duration_seconds histogram\n/);
  assert.match(text, /\n# TYPE axis_http_requests_in_flight gauge\naxis_http_requests_in_flight 1\n/,
    'the scrape itself is the one request in flight');
  const uptime = /\naxis_uptime_seconds (\S+)\n/.exec(text);
  assert.ok(uptime && Number(uptime[1]) > 0 && Number(uptime[1]) < 600, text);
  const store = /\naxis_store_file_bytes (\S+)\n/.exec(text);
  assert.ok(store && Number(store[1]) > 0, text);
});

test('GET /metrics counts requests by method, route pattern and status', async () => {
  const earlier = await metricsText();
  await fetch(`${server.url}/health`);
  await fetch(`${server.url}/health`);
  for (let i = 0; i < 3; i++) await (await fetch(`${server.url}/api/no-such-route-${i}`)).text();
  await (await fetch(`${server.url}/api/config/assets/branding/nothing.png`)).text();
  const afterText = await metricsText();
  const delta = (labels) => sample(afterText, 'axis_http_requests_total', labels) -
    sample(earlier, 'axis_http_requests_total', labels);
  assert.equal(delta('method="GET",route="/health",status="200"'), 2);
  assert.equal(delta('method="GET",route="unmatched",status="404"'), 3);
  assert.equal(delta('method="GET",route="/api/config/assets/{asset_type}/{filename}",status="404"'), 1);
  const count = (t) => sample(t, 'axis_http_request_duration_seconds_count', 'method="GET",route="/health"');
  const inf = sample(afterText, 'axis_http_request_duration_seconds_bucket', 'method="GET",route="/health",le="+Inf"');
  assert.equal(count(afterText) - count(earlier), 2);
  assert.equal(inf, count(afterText), 'the +Inf bucket holds every observation');
});

test('GET /metrics writes histogram bucket bounds in their shortest form', async () => {
  await fetch(`${server.url}/health`);
  const text = await metricsText();
  const bounds = [...text.matchAll(/axis_http_request_duration_seconds_bucket\{method="GET",route="\/health",le="([^"]+)"\}/g)]
    .map((m) => m[1]);
  assert.ok(bounds.length > 2, text);
  for (const bound of bounds) {
    if (bound !== '+Inf') assert.equal(bound, String(Number(bound)), `le="${bound}"`);
  }
});

test('GET /openapi.json describes every route, tagged by router', async () => {
  const res = await fetch(`${server.url}/openapi.json`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json');
  const doc = await res.json();
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(doc.info, { title: 'AXIS API', version: '0.1.0' });
  const tags = doc.tags.map((t) => t.name);
  for (const tag of ['analytics', 'config', 'system']) assert.ok(tags.includes(tag), tags.join());
  for (const p of ['/', '/health', '/metrics', '/openapi.json', '/docs', '/api/config/theme',
    '/api/config/runtime', '/api/config/plugins']) {
    assert.ok(doc.paths[p]?.get, `GET ${p} is documented`);
  }
  assert.deepEqual(doc.paths['/health'].get.tags, ['system']);
  const asset = doc.paths['/api/config/assets/{asset_type}/{filename}'].get;
  assert.deepEqual(asset.tags, ['config']);
  assert.deepEqual(asset.parameters.map((p) => [p.name, p.in, p.required]),
    [['asset_type', 'path', true], ['filename', 'path', true]]);
  const summary = doc.paths['/api/analytics/summary'].post;
  assert.deepEqual(summary.tags, ['analytics']);
  assert.equal(summary.requestBody.required, true);
  assert.ok(summary.requestBody.content['application/json']);
});

test('GET /docs is an HTML page that loads /openapi.json', async () => {
  const res = await fetch(`${server.url}/docs`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  const html = await res.text();
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<title>AXIS API reference<\/title>/);
  assert.match(html, /fetch\('\/openapi\.json'\)/);
});

test('every response carries an X-Request-ID of 32 hex digits, new for each request', async () => {
  const ids = new Set();
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${server.url}/`);
    const id = res.headers.get('x-request-id');
    assert.match(id, /^[0-9a-f]{32}$/);
    ids.add(id);
  }
  assert.equal(ids.size, 5);
  const missing = await fetch(`${server.url}/api/nowhere`);
  assert.match(missing.headers.get('x-request-id'), /^[0-9a-f]{32}$/, 'a 404 has one too');
});

test('a safe incoming X-Request-ID is echoed back unchanged', async () => {
  const id = 'trace-ABC_123.x:7';
  const res = await fetch(`${server.url}/health`, { headers: { 'x-request-id': id } });
  assert.equal(res.headers.get('x-request-id'), id);
});

test('an unsafe or oversized incoming X-Request-ID is replaced by a generated one', async () => {
  for (const bad of ['has space', 'quote"here', '<script>', 'a'.repeat(129)]) {
    const res = await raw('GET', '/', { 'X-Request-ID': bad });
    assert.equal(res.status, 200);
    assert.match(res.headers['x-request-id'], /^[0-9a-f]{32}$/, `for ${JSON.stringify(bad)}`);
  }
});

test('a large JSON body is gzipped when the client accepts gzip', async () => {
  const plain = await raw('GET', '/openapi.json');
  assert.equal(plain.headers['content-encoding'], undefined);
  const zipped = await raw('GET', '/openapi.json', { 'Accept-Encoding': 'br, gzip;q=0.8' });
  assert.equal(zipped.status, 200);
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.equal(zipped.headers.vary, 'Accept-Encoding');
  assert.equal(zipped.headers['content-type'], 'application/json');
  assert.equal(Number(zipped.headers['content-length']), zipped.bodyBuffer.length);
  assert.ok(zipped.bodyBuffer.length < plain.bodyBuffer.length);
  assert.equal(gunzipSync(zipped.bodyBuffer).toString('utf8'), plain.body);
  assert.equal(JSON.parse(plain.body).info.title, 'AXIS API');
});

test('gzip is skipped for small bodies and when the client refuses it with q=0', async () => {
  const small = await raw('GET', '/', { 'Accept-Encoding': 'gzip' });
  assert.equal(small.headers['content-encoding'], undefined);
  assert.equal(JSON.parse(small.body).service, 'AXIS API');
  const refused = await raw('GET', '/openapi.json', { 'Accept-Encoding': 'gzip;q=0, identity' });
  assert.equal(refused.headers['content-encoding'], undefined);
  assert.equal(JSON.parse(refused.body).openapi, '3.1.0');
});

test('HEAD returns the GET status and headers with no body', async () => {
  const get = await raw('GET', '/');
  const head = await raw('HEAD', '/');
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-type'], 'application/json');
  assert.equal(head.headers['content-length'], String(Buffer.byteLength(get.body)));
  assert.equal(head.bodyBuffer.length, 0);
  const headHealth = await raw('HEAD', '/health');
  assert.equal(headHealth.status, 200);
  assert.equal(headHealth.headers['cache-control'], 'no-store');
  assert.equal(headHealth.bodyBuffer.length, 0);
});

test('an unknown /api path is 404 {"detail":"Not Found"} even for a browser', async () => {
  for (const accept of ['application/json', 'text/html']) {
    const res = await fetch(`${server.url}/api/does/not/exist`, { headers: { accept } });
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.deepEqual(await res.json(), { detail: 'Not Found' });
  }
});

test('a non-GET request to a path outside /api that matches no route is 404 JSON', async () => {
  const res = await fetch(`${server.url}/settings`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 404);
  assert.deepEqual(await res.json(), { detail: 'Not Found' });
});

test('a wrong method on a known route is 405 JSON with an Allow header', async () => {
  const res = await fetch(`${server.url}/health`, { method: 'POST' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET, HEAD');
  assert.deepEqual(await res.json(), { detail: 'Method Not Allowed' });
  const get = await fetch(`${server.url}/api/analytics/summary`);
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
  assert.deepEqual(await get.json(), { detail: 'Method Not Allowed' });
});

test('a trailing-slash mismatch is a 307 redirect to the route, keeping the query string', async () => {
  const res = await fetch(`${server.url}/api/config/theme/?x=1&y=two`, { redirect: 'manual' });
  assert.equal(res.status, 307);
  assert.equal(res.headers.get('location'), '/api/config/theme?x=1&y=two');
  assert.equal(await res.text(), '');
  const followed = await fetch(`${server.url}/api/config/theme/`);
  assert.equal(followed.status, 200);
  assert.equal((await followed.json()).success, true);
});

test('a request line that is not HTTP gets a 400 JSON reply and the connection is closed', async () => {
  const res = await rawRequest(server.port, 'NOT HTTP AT ALL\r\n\r\n');
  assert.equal(res.status, 400);
  assert.equal(res.headers['content-type'], 'application/json');
  assert.equal(res.headers.connection, 'close');
  assert.match(JSON.parse(res.body).detail, /^Bad request: /);
});

test('pipelined requests on one keep-alive connection are answered in order', async () => {
  const one = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
  const two = 'GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n';
  const three = 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
  const text = await new Promise((resolve, reject) => {
    const chunks = [];
    const socket = net.connect({ host: '127.0.0.1', port: server.port }, () => socket.write(one + two + three));
    socket.setTimeout(10000, () => socket.destroy(new Error('no close within 10 s')));
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
  const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
  assert.deepEqual(statuses, ['200', '200', '200']);
  const first = text.indexOf('"service":"AXIS API"');
  const second = text.indexOf('"openapi":"3.1.0"');
  const third = text.indexOf('"api":"up"'); // /health's own; /openapi.json has "components" too
  assert.ok(first > 0 && second > first && third > second, 'replies come in request order');
});
