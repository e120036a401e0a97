// The shipped proxy configurations in front of a real axis-server: nginx with
// deploy/nginx/nginx.conf (HTTPS with a certificate made for the test, HTTP that redirects) and
// Caddy with deploy/caddy/Caddyfile. Routing of every prefix, TLS, gzip, /health, an SSE stream
// arriving while the model still writes, and a large upload.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { now, startFakeLlm, sseEvents } from './lib/fake_llm.mjs';
import { nginxMissing, startShippedNginx } from './lib/nginx.mjs';
import { freePort, makeTempDir, repoRoot, startServer } from './lib/server.mjs';

const caddyBin = process.env.CADDY_BIN || '/usr/bin/caddy';
const caddyfile = path.join(repoRoot, 'deploy/caddy/Caddyfile');

// One request; resolves to {status, headers, body (Buffer), chunks [{at, text}]}.
function request(url, { ca, method = 'GET', headers = {}, body } = {}) {
  const target = new URL(url);
  const lib = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(target, { method, headers, ca }, (res) => {
      const parts = [];
      const chunks = [];
      res.on('data', (b) => { parts.push(b); chunks.push({ at: now(), text: b.toString('utf8') }); });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts), chunks }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

// A stand-in for the web image: every path answers a page of about 8 KB.
async function startWebStub() {
  const page = `<!doctype html><title>axis-web</title>${'<p>AXIS web</p>'.repeat(500)}`;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-upstream': 'web' });
    res.end(page);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

function multipart(csv) {
  const boundary = `axis${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length } };
}

// Checks shared by both proxies; `base` is the proxy's URL, `ca` the certificate to trust.
async function checkRouting(base, ca, fake) {
  const health = await request(`${base}/health`, { ca });
  assert.equal(health.status, 200);
  assert.equal(JSON.parse(health.body).components.api, 'up');
  assert.equal(health.headers['strict-transport-security'], 'max-age=31536000');

  const page = await request(`${base}/evaluate/scorecard`, { ca });
  assert.equal(page.headers['x-upstream'], 'web');
  for (const p of ['/api/ai/status', '/api/config/features', '/openapi.json']) {
    const res = await request(`${base}${p}`, { ca });
    assert.equal(res.status, 200, p);
    assert.equal(res.headers['x-upstream'], undefined, `${p} reached the server`);
    assert.match(res.headers['x-request-id'] ?? '', /./, p);
  }
  const metrics = await request(`${base}/metrics`, { ca });
  assert.equal(metrics.status, 200, 'loopback may scrape /metrics');
  assert.match(metrics.body.toString(), /^# HELP /m);
  const docs = await request(`${base}/docs`, { ca });
  assert.match(docs.body.toString(), /openapi\.json/);

  const zipped = await request(`${base}/`, { ca, headers: { 'accept-encoding': 'gzip' } });
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.match(gunzipSync(zipped.body).toString(), /axis-web/);

  const rows = 400000;
  const csv = `dataset_id,metric_name,metric_score\n${'case-000001,faithfulness,0.5\n'.repeat(rows)}`;
  assert.ok(csv.length > 10 * 1024 * 1024, 'larger than the JSON limit');
  const form = multipart(csv);
  const upload = await request(`${base}/api/data/upload`, { ca, method: 'POST', headers: form.headers, body: form.body });
  assert.equal(upload.status, 200, upload.body.toString().slice(0, 300));
  assert.equal(JSON.parse(upload.body).row_count, rows);

  fake.reset();
  fake.enqueue({ chunks: ['one ', 'two ', 'three'], chunkDelayMs: 900 });
  const body = JSON.stringify({ message: 'through the proxy' });
  const stream = await request(`${base}/api/ai/copilot/stream`, {
    ca, method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body,
  });
  assert.equal(stream.headers['content-encoding'], undefined, 'events are not compressed');
  const [model] = fake.requests();
  const firstToken = stream.chunks.find((c) => c.text.includes('event: token'));
  assert.ok(firstToken.at < model.finishedAt - 1000,
    `first token ${Math.round(model.finishedAt - firstToken.at)} ms before the model finished`);
  const events = sseEvents(stream.body.toString());
  assert.equal(events.at(-1).event, 'done');
  assert.equal(JSON.parse(events.at(-2).data).response, 'one two three');
}

describe('the shipped proxies', () => {
  let fake;
  let server;
  let web;
  before(async () => {
    fake = await startFakeLlm();
    server = await startServer({ env: { OPENAI_API_KEY: 'sk-proxy', OPENAI_API_BASE: fake.openaiBase } });
    web = await startWebStub();
  });
  after(async () => { await server?.stop(); await web?.close(); await fake?.close(); });

  test('nginx: HTTPS routing, gzip, health, SSE and a large upload; HTTP redirects', { skip: nginxMissing() ?? false }, async () => {
    const proxy = await startShippedNginx({ serverPort: server.port, webPort: web.port });
    try {
      await checkRouting(proxy.https, proxy.ca, fake);
      const plain = await request(`${proxy.http}/evaluate?x=1`);
      assert.equal(plain.status, 301);
      assert.match(plain.headers.location, /^https:\/\/127\.0\.0\.1(:\d+)?\/evaluate\?x=1$/);
      const plainHealth = await request(`${proxy.http}/health`);
      assert.equal(plainHealth.status, 200, 'load balancers may probe over HTTP');
      await assert.rejects(request(`${proxy.https}/health`), /self[- ]signed|unable to verify/i,
        'the certificate is really checked');
    } finally {
      await proxy.stop();
    }
  });

  test('Caddy: the Caddyfile adapts and routes the same way', { skip: existsSync(caddyBin) ? false : `no ${caddyBin}` }, async () => {
    const port = await freePort();
    const home = makeTempDir('axis-caddy-');
    const env = {
      PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, CADDY_ADMIN: 'off',
      AXIS_DOMAIN: `http://127.0.0.1:${port}`, AXIS_SERVER: `127.0.0.1:${server.port}`, AXIS_WEB: `127.0.0.1:${web.port}`,
    };
    const adapted = spawnSync(caddyBin, ['adapt', '--config', caddyfile, '--adapter', 'caddyfile'], { env, encoding: 'utf8' });
    assert.equal(adapted.status, 0, adapted.stderr);
    const routes = JSON.parse(adapted.stdout).apps.http.servers.srv0.routes;
    const flat = JSON.stringify(routes);
    assert.match(flat, /"max_size":200000000/);
    assert.match(flat, /"flush_interval":-1,"handler":"reverse_proxy","transport":\{"protocol":"http","read_timeout":300000000000\}/);
    assert.match(flat, /"path":\["\/api\/\*","\/health","\/docs","\/openapi.json"\]/);

    const caddy = spawn(caddyBin, ['run', '--config', caddyfile, '--adapter', 'caddyfile'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    caddy.stderr.on('data', (b) => { log += b; });
    try {
      const deadline = Date.now() + 10000;
      for (;;) {
        const up = await request(`http://127.0.0.1:${port}/health`).then(() => true, () => false);
        if (up) break;
        if (Date.now() > deadline) throw new Error(`caddy did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await checkRouting(`http://127.0.0.1:${port}`, undefined, fake);
    } finally {
      caddy.kill('SIGTERM');
    }
  });
});
