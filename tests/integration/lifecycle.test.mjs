// Process lifecycle: start-up failures, one server per store file, graceful SIGTERM, data kept
// across restarts, the CLI subcommands, and the web UI (SPA) fallback.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { freePort, makeTempDir, rawRequest, runCli, startServer } from './lib/server.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Resolves to the process status, or rejects if it is still running after `ms`.
function exitWithin(server, ms) {
  let timer;
  return Promise.race([
    server.exited.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms); }),
  ]);
}

// Resolves to 'refused' once a TCP connect to the port is refused, or 'accepted' after `ms`.
async function waitUntilRefused(port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const outcome = await new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => { socket.destroy(); resolve('accepted'); });
      socket.once('error', (e) => resolve(e.code === 'ECONNREFUSED' ? 'refused' : e.code));
    });
    if (outcome === 'refused') return outcome;
    await sleep(25);
  }
  return 'accepted';
}

// Opens a connection, sends `head` and the first part of a body, and returns helpers to send
// the rest and collect the reply.
function startSlowRequest(port, head, firstPart) {
  const chunks = [];
  const socket = net.connect({ host: '127.0.0.1', port });
  const connected = new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const reply = new Promise((resolve) => {
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', () => {});
  });
  return {
    socket,
    async begin() { await connected; socket.write(head + firstPart); },
    finish(rest) { socket.write(rest); },
    reply,
  };
}

async function inFlight(server) {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/\naxis_http_requests_in_flight (\d+)\n/.exec(text)[1]);
}

async function runtimeTables(server) {
  const body = await (await fetch(`${server.url}/api/config/runtime`)).json();
  return body.store.tables;
}

describe('start-up failures', () => {
  test('a theme.yaml with a bad value stops start-up with exit 2, naming the file and the key', async () => {
    const started = Date.now();
    const server = await startServer({
      configFiles: { 'theme.yaml': 'theme:\n  palettes:\n    ocean:\n      primary: "#0055AA"\n      heroMode: purple\n' },
    });
    const status = await exitWithin(server, 10000);
    assert.equal(status.code, 2, server.stderr());
    assert.ok(Date.now() - started < 10000);
    const themeFile = path.join(server.customDir, 'config', 'theme.yaml');
    assert.match(server.stderr(), /^configuration error: /m);
    assert.ok(server.stderr().includes(`${themeFile}: key 'theme.palettes.ocean.heroMode': expected dark or light, got 'purple' (line 5)`),
      server.stderr());
    assert.equal(existsSync(path.join(server.dataDir, 'local_store.duckdb')), false, 'the store is never opened');
  });

  test('a theme.yaml that is not valid YAML stops start-up, naming the file and the line', async () => {
    const server = await startServer({
      configFiles: { 'theme.yaml': 'theme:\n  active: slate_teal\n  palettes: [unclosed\n' },
    });
    const status = await exitWithin(server, 10000);
    assert.equal(status.code, 2);
    const themeFile = path.join(server.customDir, 'config', 'theme.yaml');
    assert.ok(server.stderr().includes(`configuration error: ${themeFile}: invalid YAML at line`), server.stderr());
  });

  test('a theme.yaml number that is not a number names the key', async () => {
    const server = await startServer({
      configFiles: { 'theme.yaml': 'palettes:\n  sage_green:\n    heroContrast: very\n' },
    });
    const status = await exitWithin(server, 10000);
    assert.equal(status.code, 2);
    assert.match(server.stderr(), /theme\.yaml: key 'palettes\.sage_green\.heroContrast': expected a number, got 'very'/);
  });

  test('a bad AXIS_THEME_HERO_MODE stops start-up naming the variable', async () => {
    const server = await startServer({ env: { AXIS_THEME_HERO_MODE: 'purple' } });
    const status = await exitWithin(server, 10000);
    assert.equal(status.code, 2);
    assert.match(server.stderr(),
      /configuration error: environment: variable 'AXIS_THEME_HERO_MODE': expected dark or light, got 'purple'/);
  });

  test('a second server on the same --data-dir exits at once saying the store file is in use', async () => {
    const first = await startServer({ args: ['--no-samples'] });
    assert.equal(first.exitStatus(), null, first.stderr());
    try {
      const started = Date.now();
      const second = await startServer({ dataDir: first.dataDir, args: ['--no-samples'] });
      const status = await exitWithin(second, 15000);
      assert.ok(Date.now() - started < 15000);
      assert.notEqual(status.code, 0);
      assert.equal(status.code, 3);
      const storeFile = path.join(first.dataDir, 'local_store.duckdb');
      assert.ok(second.stderr().includes(`store file ${storeFile} is already in use by another process`), second.stderr());
      assert.match(second.stderr(), /one server per store file/);
      const health = await fetch(`${first.url}/health`);
      assert.equal(health.status, 200, 'the first server is unaffected');
      assert.equal((await health.json()).components.store, 'up');
    } finally {
      await first.stop();
    }
  });
});

describe('graceful shutdown', () => {
  const SUMMARY_BODY = '[{"score":0.25},{"score":0.75}]';
  const HEAD = 'POST /api/analytics/summary HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
    `Content-Length: ${SUMMARY_BODY.length}\r\n\r\n`;

  test('SIGTERM while a request is in flight: new connections are refused, the request completes, exit 0', async () => {
    const server = await startServer({ args: ['--no-samples'] });
    assert.equal(server.exitStatus(), null, server.stderr());
    const slow = startSlowRequest(server.port, HEAD, SUMMARY_BODY.slice(0, 10));
    await slow.begin();
    let seen = 0;
    for (let i = 0; i < 100 && seen < 2; i++) {
      seen = await inFlight(server);
      if (seen < 2) await sleep(20);
    }
    assert.equal(seen, 2, 'the slow request and the scrape are both in flight');

    server.proc.kill('SIGTERM');
    assert.equal(await waitUntilRefused(server.port, 3000), 'refused', 'the listener closes at once');
    await sleep(200);
    assert.equal(server.exitStatus(), null, 'the server waits for the in-flight request');

    const signalled = Date.now();
    slow.finish(SUMMARY_BODY.slice(10));
    const reply = await slow.reply;
    assert.match(reply, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(reply, /\r\nConnection: close\r\n/i);
    const body = JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4));
    assert.equal(body.total_records, 2);
    assert.equal(body.summary[0].mean, 0.5);

    const status = await exitWithin(server, 5000);
    assert.equal(status.code, 0, server.stderr());
    assert.ok(Date.now() - signalled < 5000);
    assert.match(server.stderr(), /received signal 15, shutting down/);
    assert.match(server.stderr(), /server stopped/);
  });

  test('SIGTERM with a stalled request exits 0 once AXIS_SHUTDOWN_GRACE runs out', async () => {
    const server = await startServer({ args: ['--no-samples'], env: { AXIS_SHUTDOWN_GRACE: '1' } });
    assert.equal(server.exitStatus(), null, server.stderr());
    const slow = startSlowRequest(server.port, HEAD, '[');
    await slow.begin();
    for (let i = 0; i < 100 && (await inFlight(server)) < 2; i++) await sleep(20);
    const signalled = Date.now();
    server.proc.kill('SIGTERM');
    const status = await exitWithin(server, 8000);
    const took = Date.now() - signalled;
    assert.equal(status.code, 0, server.stderr());
    assert.ok(took >= 900 && took < 8000, `exited after ${took} ms`);
    assert.match(server.stderr(), /shutdown deadline reached with 1 requests in flight/);
    slow.socket.destroy();
  });

  test('SIGTERM with only an idle keep-alive connection open exits 0 promptly', async () => {
    const server = await startServer({ args: ['--no-samples'] });
    assert.equal(server.exitStatus(), null, server.stderr());
    const idle = startSlowRequest(server.port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', '');
    await idle.begin();
    await sleep(200);
    const signalled = Date.now();
    server.proc.kill('SIGTERM');
    const status = await exitWithin(server, 5000);
    assert.equal(status.code, 0);
    assert.ok(Date.now() - signalled < 3000, `took ${Date.now() - signalled} ms`);
    const reply = await idle.reply;
    assert.match(reply, /^HTTP\/1\.1 200 OK/, 'the earlier request was answered');
  });

  test('SIGINT stops the server with exit 0 too', async () => {
    const server = await startServer({ args: ['--no-samples'] });
    server.proc.kill('SIGINT');
    const status = await exitWithin(server, 5000);
    assert.equal(status.code, 0);
    assert.match(server.stderr(), /received signal 2, shutting down/);
  });
});

describe('restart', () => {
  test('data persists across a restart and the starter examples are not stored twice', async () => {
    const first = await startServer();
    assert.equal(first.exitStatus(), null, first.stderr());
    assert.match(first.stderr(), /stored example dataset 'comparison'/);
    assert.match(first.stderr(), /stored example dataset 'model'/);
    const list = async (server) => (await (await fetch(`${server.url}/api/datasets`)).json()).datasets;
    const before = await list(first);
    assert.deepEqual(before.map((d) => d.source).sort(), ['example:comparison', 'example:model']);
    const stopped = await first.stop();
    assert.equal(stopped.code, 0);
    assert.ok(existsSync(path.join(first.dataDir, 'local_store.duckdb')));

    const second = await startServer({ dataDir: first.dataDir });
    try {
      assert.equal(second.exitStatus(), null, second.stderr());
      assert.doesNotMatch(second.stderr(), /stored example dataset/);
      assert.match(second.stderr(), new RegExp(`store open at ${path.join(first.dataDir, 'local_store.duckdb').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.deepEqual(await list(second), before);
      const health = await (await fetch(`${second.url}/health`)).json();
      assert.equal(health.status, 'healthy');
      assert.equal(health.store.writable, true);
    } finally {
      await second.stop();
    }
  });
});

describe('CLI', () => {
  test('healthcheck --url exits 0 against a live server and 1 against a closed port', async () => {
    const server = await startServer({ args: ['--no-samples'] });
    try {
      const ok = await runCli(['healthcheck', '--url', server.url]);
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      assert.equal(ok.stdout, 'healthy: HTTP/1.1 200 OK\n');
    } finally {
      await server.stop();
    }
    const port = await freePort();
    const down = await runCli(['healthcheck', '--url', `http://127.0.0.1:${port}`, '--timeout', '2']);
    assert.equal(down.code, 1);
    assert.equal(down.stdout, 'unhealthy: cannot connect: Connection refused\n');
  });

  test('healthcheck refuses a URL that is not http://host:port', async () => {
    const result = await runCli(['healthcheck', '--url', 'https://127.0.0.1:1']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, 'unhealthy: unsupported url (expected http://host:port): https://127.0.0.1:1\n');
  });

  test('healthcheck without --url uses PORT', async () => {
    const server = await startServer({ args: ['--no-samples'] });
    try {
      const result = await runCli(['healthcheck'], { env: { PORT: String(server.port) } });
      assert.equal(result.code, 0, result.stdout);
      assert.equal(result.stdout, 'healthy: HTTP/1.1 200 OK\n');
    } finally {
      await server.stop();
    }
  });

  test('version prints 0.1.0 and the DuckDB version', async () => {
    const result = await runCli(['version']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^axis-server 0\.1\.0 \(DuckDB v\d+\.\d+\.\d+\)\n$/);
    const flag = await runCli(['--version']);
    assert.equal(flag.code, 0);
    assert.equal(flag.stdout.trim(), '0.1.0');
  });

  test('--help lists the serve, check-config, healthcheck and version subcommands', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0);
    for (const sub of ['serve', 'check-config', 'healthcheck', 'version']) {
      assert.match(result.stdout, new RegExp(`^\\s+${sub}\\s+\\S`, 'm'), `${sub} in:\n${result.stdout}`);
    }
    const serve = await runCli(['serve', '--help']);
    assert.equal(serve.code, 0);
    for (const option of ['--host', '--port', '--data-dir', '--custom-dir', '--no-samples']) {
      assert.ok(serve.stdout.includes(option), option);
    }
  });

  test('an unknown subcommand or option fails with a usage error', async () => {
    const sub = await runCli(['frobnicate']);
    assert.notEqual(sub.code, 0);
    assert.match(sub.stderr + sub.stdout, /frobnicate/);
    const option = await runCli(['serve', '--no-such-option']);
    assert.notEqual(option.code, 0);
    assert.match(option.stderr + option.stdout, /--no-such-option/);
  });
});

describe('web UI', () => {
  const INDEX = `<!doctype html><html><head><title>AXIS test UI</title></head><body>${'<div></div>'.repeat(60)}</body></html>`;
  const SCRIPT = `console.log(${JSON.stringify('x'.repeat(800))});\n`;
  let web;
  let noWeb;

  before(async () => {
    const dir = makeTempDir('axis-web-');
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
    [web, noWeb] = await Promise.all([
      startServer({ args: ['--no-samples'], env: { AXIS_WEB_DIR: dir } }),
      startServer({ args: ['--no-samples'], env: { AXIS_WEB_DIR: path.join(dir, 'missing') } }),
    ]);
    assert.equal(web.exitStatus(), null, web.stderr());
    assert.equal(noWeb.exitStatus(), null, noWeb.stderr());
  });

  after(async () => {
    await Promise.all([web?.stop(), noWeb?.stop()]);
  });

  test('GET /settings from a browser returns index.html, not cached', async () => {
    const res = await fetch(`${web.url}/settings`, { headers: { accept: 'text/html' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal(await res.text(), INDEX);
  });

  test('any deep client route without a file extension falls back to index.html', async () => {
    for (const route of ['/runs/42/details', '/settings/', '/a-b_c']) {
      const res = await fetch(`${web.url}${route}`, { headers: { accept: 'text/html' } });
      assert.equal(res.status, 200, route);
      assert.equal(await res.text(), INDEX, route);
    }
  });

  test('index.html is sent gzipped to a client that accepts gzip', async () => {
    const res = await rawRequest(web.port, 'GET /settings HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n' +
      'Accept-Encoding: gzip, deflate\r\nConnection: close\r\n\r\n');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.equal(res.headers.vary, 'Accept-Encoding');
    assert.equal(gunzipSync(res.bodyBuffer).toString('utf8'), INDEX);
  });

  test('a hashed /assets/ file is served with an immutable one-year Cache-Control', async () => {
    const res = await fetch(`${web.url}/assets/index-Ab12Cd34.js`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await res.text(), SCRIPT);
  });

  test('a top-level file such as /favicon.svg is served with no-cache', async () => {
    const res = await fetch(`${web.url}/favicon.svg`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/svg+xml');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal(await res.text(), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  test('a missing /assets/x.js is 404 {"detail":"Not Found"}, not index.html', async () => {
    for (const route of ['/assets/x.js', '/assets/index-Ab12Cd34.css', '/missing.png']) {
      const res = await fetch(`${web.url}${route}`, { headers: { accept: 'text/html' } });
      assert.equal(res.status, 404, route);
      assert.deepEqual(await res.json(), { detail: 'Not Found' });
    }
  });

  test('dot-dot paths sent raw never reach files outside the web folder', async () => {
    for (const target of ['/../../../../etc/passwd', '/assets/../../../../etc/passwd',
      '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      const res = await rawRequest(web.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      assert.equal(res.status, 404, target);
      assert.deepEqual(JSON.parse(res.body), { detail: 'Not Found' });
    }
  });

  test('without a built web UI the API still runs and browsers get a page explaining it', async () => {
    assert.match(noWeb.stderr(), /web UI not found in .*missing: serving the API only/);
    const res = await fetch(`${noWeb.url}/settings`, { headers: { accept: 'text/html' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await res.text(), /the web UI has not been built/);
    const api = await fetch(`${noWeb.url}/`);
    assert.deepEqual(await api.json(), { status: 'healthy', service: 'AXIS API', version: '0.1.0' });
  });
});
