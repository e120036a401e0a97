// CORS: exact-match origins from the defaults, FRONTEND_URL and FRONTEND_URLS; preflights
// allowed and refused; the headers on ordinary responses; no wildcard ever.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rawRequest, startServer } from './lib/server.mjs';

const METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT';
const ALLOWED = ['http://localhost:3500', 'http://127.0.0.1:3500', 'https://app.example.com',
  'https://a.example.com', 'http://b.example.com:8080'];

let server;

before(async () => {
  server = await startServer({
    env: {
      FRONTEND_URL: 'https://app.example.com/',
      FRONTEND_URLS: '  https://a.example.com ,, http://b.example.com:8080 ,*,  ',
    },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

function request(method, target, headers = {}) {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return rawRequest(server.port, `${lines.join('\r\n')}\r\n\r\n`);
}

function preflight(origin, { method = 'POST', headers } = {}) {
  const h = { Origin: origin, 'Access-Control-Request-Method': method };
  if (headers !== undefined) h['Access-Control-Request-Headers'] = headers;
  return request('OPTIONS', '/api/analytics/summary', h);
}

function assertNoCorsHeaders(res, what) {
  for (const name of ['access-control-allow-origin', 'access-control-allow-credentials',
    'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age']) {
    assert.equal(res.headers[name], undefined, `${what}: unexpected ${name}`);
  }
}

describe('preflight', () => {
  test('a preflight from an allowed origin is 200 with the origin, credentials, methods, headers and max-age', async () => {
    const res = await preflight('http://localhost:3500', { headers: 'content-type, x-axis-trace' });
    assert.equal(res.status, 200);
    assert.equal(res.body, 'OK');
    assert.equal(res.headers['access-control-allow-origin'], 'http://localhost:3500');
    assert.equal(res.headers['access-control-allow-credentials'], 'true');
    assert.equal(res.headers['access-control-allow-methods'], METHODS);
    assert.equal(res.headers['access-control-allow-headers'], 'content-type, x-axis-trace');
    assert.equal(res.headers['access-control-max-age'], '600');
    assert.equal(res.headers.vary, 'Origin');
  });

  test('every configured origin passes a preflight: defaults, FRONTEND_URL without its slash, trimmed FRONTEND_URLS items', async () => {
    for (const origin of ALLOWED) {
      const res = await preflight(origin, { method: 'DELETE' });
      assert.equal(res.status, 200, origin);
      assert.equal(res.headers['access-control-allow-origin'], origin);
      assert.equal(res.headers['access-control-allow-methods'], METHODS);
    }
  });

  test('the runtime config lists the allowed origins trimmed and de-duplicated, FRONTEND_URL without its slash', async () => {
    const runtime = await (await fetch(`${server.url}/api/config/runtime`)).json();
    assert.deepEqual(runtime.config.server.frontend_urls, ['https://a.example.com', 'http://b.example.com:8080', '*']);
    assert.equal(runtime.config.server.frontend_url, 'https://app.example.com/');
    const expected = ['http://localhost:3500', 'http://127.0.0.1:3500', 'https://app.example.com',
      'https://a.example.com', 'http://b.example.com:8080'];
    assert.deepEqual(runtime.config.server.cors_origins.filter((o) => o !== '*'), expected);
  });

  test('a preflight without requested headers gets no Access-Control-Allow-Headers', async () => {
    const res = await preflight('http://127.0.0.1:3500');
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-headers'], undefined);
    assert.equal(res.headers['access-control-max-age'], '600');
  });

  test('a preflight to a path with no route is still answered for an allowed origin', async () => {
    const res = await request('OPTIONS', '/api/no/such/route',
      { Origin: 'https://a.example.com', 'Access-Control-Request-Method': 'GET' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], 'https://a.example.com');
  });

  test('preflight from an unknown origin is refused with 400 {"detail":"Disallowed CORS origin"}', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:3501', 'http://localhost:3500.evil.example',
      'https://a.example.com.evil.example', 'https://app.example.com/', 'http://LOCALHOST:3500', 'null',
      'https://b.example.com:8080', '*']) {
      const res = await preflight(origin, { headers: 'content-type' });
      assert.equal(res.status, 400, origin);
      assert.equal(res.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(res.body), { detail: 'Disallowed CORS origin' }, origin);
      assertNoCorsHeaders(res, origin);
    }
  });

  test('a "*" item in FRONTEND_URLS never turns into a wildcard', async () => {
    const res = await preflight('https://anyone.example');
    assert.equal(res.status, 400);
    const get = await request('GET', '/', { Origin: 'https://anyone.example' });
    assert.equal(get.headers['access-control-allow-origin'], undefined);
    for (const origin of ALLOWED) {
      const ok = await request('GET', '/', { Origin: origin });
      assert.equal(ok.headers['access-control-allow-origin'], origin, 'the exact origin, never *');
    }
  });

  test('OPTIONS without Access-Control-Request-Method is not a preflight', async () => {
    const res = await request('OPTIONS', '/health', { Origin: 'http://localhost:3500' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.allow, 'GET, HEAD');
    assert.deepEqual(JSON.parse(res.body), { detail: 'Method Not Allowed' });
    assert.equal(res.headers['access-control-allow-methods'], undefined);
  });
});

describe('simple requests', () => {
  test('a GET from an allowed origin gets the CORS headers and Vary: Origin', async () => {
    const res = await fetch(`${server.url}/`, { headers: { origin: 'https://app.example.com' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(res.headers.get('vary'), 'Origin');
    assert.equal(res.headers.get('access-control-allow-methods'), null, 'methods are for preflights only');
    assert.deepEqual(await res.json(), { status: 'healthy', service: 'AXIS API', version: '0.1.0' });
  });

  test('a GET from another origin gets no CORS headers but the normal body', async () => {
    const res = await request('GET', '/', { Origin: 'https://evil.example' });
    assert.equal(res.status, 200);
    assertNoCorsHeaders(res, 'other origin');
    assert.equal(res.headers.vary, undefined);
    assert.equal(JSON.parse(res.body).service, 'AXIS API');
  });

  test('a request without Origin gets no CORS headers', async () => {
    const res = await request('GET', '/health');
    assert.equal(res.status, 200);
    assertNoCorsHeaders(res, 'no origin');
  });

  test('error responses to an allowed origin carry the CORS headers too', async () => {
    const missing = await request('GET', '/api/nothing-here', { Origin: 'http://b.example.com:8080' });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['access-control-allow-origin'], 'http://b.example.com:8080');
    assert.equal(missing.headers['access-control-allow-credentials'], 'true');
    assert.deepEqual(JSON.parse(missing.body), { detail: 'Not Found' });
    const res = await fetch(`${server.url}/api/analytics/summary`, {
      method: 'POST', headers: { origin: 'http://localhost:3500', 'content-type': 'application/json' }, body: '{bad',
    });
    assert.equal(res.status, 422);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:3500');
  });

  test('a gzipped reply to an allowed origin varies on both Origin and Accept-Encoding', async () => {
    const res = await request('GET', '/openapi.json', { Origin: 'http://localhost:3500', 'Accept-Encoding': 'gzip' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    const vary = res.headers.vary.split(',').map((v) => v.trim()).sort();
    assert.deepEqual(vary, ['Accept-Encoding', 'Origin']);
    assert.equal(res.headers['access-control-allow-origin'], 'http://localhost:3500');
  });
});
