// Patterns of the deployment guide that need the server's help: preview-deployment origins in
// FRONTEND_URLS (a '*' inside one host label), the guide's uvicorn flag forms on `serve`, and
// the start-up warning when the server listens beyond loopback without authentication.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

const started = [];
async function serve(options) {
  const server = await startServer(options);
  started.push(server);
  return server;
}

after(async () => {
  for (const s of started) await s.stop();
});

async function preflight(server, origin) {
  const res = await fetch(`${server.url}/api/analytics/summary`, {
    method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
  });
  return { status: res.status, allow: res.headers.get('access-control-allow-origin') };
}

describe('FRONTEND_URLS patterns for preview deployments', () => {
  test('a star matches inside one host label only', async () => {
    const server = await serve({ env: { FRONTEND_URLS: 'https://axis.example.com,https://axis-*-team.vercel.app' } });
    assert.equal(server.exitStatus(), null, server.stderr());
    const preview = 'https://axis-git-fix-login-team.vercel.app';
    assert.deepEqual(await preflight(server, preview), { status: 200, allow: preview });
    assert.deepEqual(await preflight(server, 'https://axis.example.com'), { status: 200, allow: 'https://axis.example.com' });
    for (const origin of ['https://axis-x.evil.com/-team.vercel.app', 'https://axis-a.b-team.vercel.app',
      'http://axis-pr-1-team.vercel.app', 'https://axis--team.vercel.app']) {
      assert.deepEqual(await preflight(server, origin), { status: 400, allow: null }, origin);
    }
    const runtime = await (await fetch(`${server.url}/api/config/runtime`)).json();
    assert.ok(runtime.config.server.cors_origins.includes('https://axis-*-team.vercel.app'));
  });
});

describe("the guide's uvicorn flags", () => {
  test('--access-log alone, --workers and a uvicorn log level start the server', async () => {
    const server = await serve({ args: ['--workers', '2', '--log-level', 'warning', '--access-log'] });
    assert.equal(server.exitStatus(), null, server.stderr());
    const runtime = await (await fetch(`${server.url}/api/config/runtime`)).json();
    assert.equal(runtime.config.server.workers, 2);
    assert.equal(runtime.config.server.log_level, 'warn');
    assert.equal(runtime.config.server.access_log, true);
  });

  test('--no-access-log turns the access log off', async () => {
    const server = await serve({ args: ['--no-access-log'] });
    assert.equal(server.exitStatus(), null, server.stderr());
    const runtime = await (await fetch(`${server.url}/api/config/runtime`)).json();
    assert.equal(runtime.config.server.access_log, false);
  });
});

describe('listening beyond loopback', () => {
  test('without a token: a SECURITY warning in the log and in /api/config/runtime', async () => {
    const server = await serve({ host: '0.0.0.0' });
    assert.equal(server.exitStatus(), null, server.stderr());
    const runtime = await (await fetch(`${server.url}/api/config/runtime`)).json();
    assert.match(runtime.security_warning, /^AXIS listens on 0\.0\.0\.0 without authentication: .*Set AXIS_API_TOKEN/);
    const log = server.stdout() + server.stderr();
    assert.match(log, /SECURITY: AXIS listens on 0\.0\.0\.0 without authentication/);
  });

  test('with a token, or on loopback: no warning', async () => {
    const token = 'a-long-enough-test-token-123';
    const guarded = await serve({ host: '0.0.0.0', env: { AXIS_API_TOKEN: token } });
    const res = await fetch(`${guarded.url}/api/config/runtime`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).security_warning, null);
    assert.doesNotMatch(guarded.stdout() + guarded.stderr(), /SECURITY:/);
    const local = await serve({});
    assert.equal((await (await fetch(`${local.url}/api/config/runtime`)).json()).security_warning, null);
  });
});
