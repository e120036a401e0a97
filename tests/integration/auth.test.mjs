// API authentication: bearer tokens (several, for rotation; from the environment and a file)
// and a trusted proxy's identity header. Every /api route is closed to requests without valid
// credentials; health, the UI, the docs, CORS preflights and the sign-in status stay open.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeTempDir, runCli, startServer } from './lib/server.mjs';

const OLD = 'old-token-0123456789abcdef';
const NEW = 'new-token-fedcba9876543210';
const bearer = (token) => ({ authorization: `Bearer ${token}` });

describe('bearer tokens', () => {
  let server;
  before(async () => {
    const dir = makeTempDir('axis-tokens-');
    const file = path.join(dir, 'tokens');
    writeFileSync(file, `# rotated in on Monday\n${NEW}\n\n`);
    server = await startServer({ env: { AXIS_API_TOKEN: OLD, AXIS_API_TOKEN_FILE: file } });
  });
  after(async () => { await server?.stop(); });

  test('missing, wrong and malformed credentials are refused with 401', async () => {
    let res = await fetch(`${server.url}/api/config/features`);
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    assert.deepEqual(await res.json(), { detail: 'Not authenticated' });
    res = await fetch(`${server.url}/api/config/features`, { headers: bearer('x'.repeat(26)) });
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { detail: 'Invalid token' });
    res = await fetch(`${server.url}/api/config/features`, { headers: { authorization: `Basic ${OLD}` } });
    assert.equal(res.status, 401);
    res = await fetch(`${server.url}/api/config/features`, { headers: bearer(`${OLD}x`) });
    assert.equal(res.status, 401);
    res = await fetch(`${server.url}/api/data/upload`, { method: 'POST', body: 'x' });
    assert.equal(res.status, 401, 'a write is refused before its body is looked at');
  });

  test('both the old and the rotated token work, with any casing of the scheme', async () => {
    for (const headers of [bearer(OLD), bearer(NEW), { authorization: `bearer ${NEW}` }]) {
      const res = await fetch(`${server.url}/api/config/features`, { headers });
      assert.equal(res.status, 200);
      assert.equal(typeof (await res.json()).copilot_enabled, 'boolean');
    }
  });

  test('health, the UI, the docs, the theme and the sign-in status stay open', async () => {
    for (const p of ['/health', '/', '/openapi.json', '/docs', '/metrics', '/api/config/theme']) {
      const res = await fetch(`${server.url}${p}`);
      assert.equal(res.status, 200, p);
    }
    const ui = await fetch(`${server.url}/evaluate`, { headers: { accept: 'text/html' } });
    assert.equal(ui.status, 200);
    const status = await (await fetch(`${server.url}/api/auth/status`)).json();
    assert.deepEqual(status, { required: true, authenticated: false, method: null, user: null, token_login: true });
    const signedIn = await (await fetch(`${server.url}/api/auth/status`, { headers: bearer(NEW) })).json();
    assert.equal(signedIn.authenticated, true);
    assert.equal(signedIn.method, 'token');
  });

  test('CORS preflights pass without a token and a 401 still carries CORS headers', async () => {
    const origin = 'http://localhost:3500';
    const pre = await fetch(`${server.url}/api/ai/copilot/stream`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    assert.equal(pre.status, 200);
    assert.match(pre.headers.get('access-control-allow-headers'), /authorization/i);
    const refused = await fetch(`${server.url}/api/config/features`, { headers: { origin } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('access-control-allow-origin'), origin);
  });
});

describe('the client behind a proxy', () => {
  test('the access log names the forwarded client when the peer is a trusted proxy', async () => {
    const server = await startServer({ env: { AXIS_API_TOKEN: OLD } });
    const other = await startServer({ env: { AXIS_TRUSTED_PROXIES: '10.0.0.0/8' } });
    try {
      const forwarded = { 'x-forwarded-for': '198.51.100.7, 203.0.113.9, 127.0.0.1' };
      await fetch(`${server.url}/health`, { headers: { ...forwarded, 'x-request-id': 'xff-trusted-1' } });
      await fetch(`${server.url}/api/config/features`, { headers: { ...bearer(OLD), 'x-request-id': 'xff-token-1' } });
      await fetch(`${other.url}/health`, { headers: { ...forwarded, 'x-request-id': 'xff-untrusted-1' } });
      await new Promise((r) => setTimeout(r, 300));
      assert.match(server.stdout(), /GET \/health 200 \d+ [\d.]+ms xff-trusted-1 203\.0\.113\.9 -/);
      assert.match(server.stdout(), /GET \/api\/config\/features 200 \d+ [\d.]+ms xff-token-1 127\.0\.0\.1 token/);
      assert.match(other.stdout(), /GET \/health 200 \d+ [\d.]+ms xff-untrusted-1 127\.0\.0\.1 -/);
    } finally {
      await server.stop();
      await other.stop();
    }
  });
});

describe('security headers', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  test('without tokens the API is open and the UI carries its security headers', async () => {
    const status = await (await fetch(`${server.url}/api/auth/status`)).json();
    assert.deepEqual(status, { required: false, authenticated: true, method: null, user: null, token_login: false });
    assert.equal((await fetch(`${server.url}/api/config/features`)).status, 200);
    const ui = await fetch(`${server.url}/settings`, { headers: { accept: 'text/html' } });
    assert.match(ui.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    assert.match(ui.headers.get('content-security-policy'), /script-src 'self'/);
    assert.equal(ui.headers.get('x-frame-options'), 'DENY');
    assert.equal(ui.headers.get('x-content-type-options'), 'nosniff');
    const api = await fetch(`${server.url}/api/config/features`);
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('a trusted proxy\'s identity header', () => {
  test('believed from a trusted address, ignored from any other', async () => {
    const trusted = await startServer({ env: { AXIS_AUTH_PROXY_HEADER: 'X-Forwarded-User' } });
    try {
      let res = await fetch(`${trusted.url}/api/config/features`, { headers: { 'x-forwarded-user': 'alice@example.com' } });
      assert.equal(res.status, 200);
      const status = await (await fetch(`${trusted.url}/api/auth/status`, { headers: { 'x-forwarded-user': 'alice@example.com' } })).json();
      assert.deepEqual(status, { required: true, authenticated: true, method: 'proxy', user: 'alice@example.com', token_login: false });
      res = await fetch(`${trusted.url}/api/config/features`);
      assert.equal(res.status, 401);
    } finally {
      await trusted.stop();
    }
    const elsewhere = await startServer({
      env: { AXIS_AUTH_PROXY_HEADER: 'X-Forwarded-User', AXIS_TRUSTED_PROXIES: '10.0.0.0/8', AXIS_API_TOKEN: OLD },
    });
    try {
      const res = await fetch(`${elsewhere.url}/api/config/features`, { headers: { 'x-forwarded-user': 'mallory' } });
      assert.equal(res.status, 401, 'loopback is not in 10.0.0.0/8, so the header is not believed');
      assert.equal((await fetch(`${elsewhere.url}/api/config/features`, { headers: bearer(OLD) })).status, 200);
    } finally {
      await elsewhere.stop();
    }
  });
});

describe('configuration errors', () => {
  test('a short token or a bad proxy range stops start-up with the reason', async () => {
    let r = await runCli(['check-config'], { env: { AXIS_API_TOKEN: 'short' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /AXIS_API_TOKEN: every token must be at least 16 characters/);
    r = await runCli(['check-config'], { env: { AXIS_TRUSTED_PROXIES: '10.0.0.0/99' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /AXIS_TRUSTED_PROXIES: '10.0.0.0\/99'/);
    r = await runCli(['check-config'], { env: { AXIS_API_TOKEN: `${OLD},${NEW}` } });
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, new RegExp(OLD));
    assert.match(r.stdout, /2 configured/);
  });
});
