// The shipped reverse-proxy routing (deploy/nginx/axis.conf) in a real nginx, in front of two
// small node upstreams standing in for axis-server and the web app: which prefix goes where,
// the forwarded headers, unbuffered event streams, gzip, large uploads and the body limit.
// Skipped only when nginx is not installed.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { nginxMissing, startNginx } from './lib/nginx.mjs';
import { rawRequest } from './lib/server.mjs';

const skip = nginxMissing() ?? false;
const now = () => performance.timeOrigin + performance.now();
const BIG = JSON.stringify({ rows: Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `row ${i}`, score: (i % 97) / 97 })) });
let streamFinishedAt = 0;

// An upstream that answers every request with what it received, plus the special paths.
function upstream(name) {
  return http.createServer((req, res) => {
    const json = (obj, status = 200) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(obj));
    };
    if (req.url === '/api/x/stream') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write('event: token\ndata: {"text":"first"}\n\n');
      setTimeout(() => {
        res.end('event: done\ndata: \n\n');
        streamFinishedAt = now();
      }, 1500);
      return;
    }
    if (req.url === '/api/big') return json(JSON.parse(BIG));
    const hash = createHash('sha256');
    let bytes = 0;
    req.on('data', (chunk) => { bytes += chunk.length; hash.update(chunk); });
    req.on('end', () => json({
      upstream: name, method: req.method, url: req.url, httpVersion: req.httpVersion, headers: req.headers,
      bytes, sha256: hash.digest('hex'),
    }));
  });
}

const listen = (srv) => new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv.address().port)));

let proxy;
const servers = [upstream('server'), upstream('web')];

before(async () => {
  if (skip) return;
  const [serverPort, webPort] = await Promise.all(servers.map(listen));
  proxy = await startNginx({ serverPort, webPort });
});

after(async () => {
  await proxy?.stop();
  for (const srv of servers) {
    srv.closeAllConnections();
    srv.close();
  }
});

// One request through nginx; resolves to {status, headers, body (Buffer), firstByteAt}.
function request(method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: proxy.port, method, path, headers, agent: false }, (res) => {
      const parts = [];
      let firstByteAt = 0;
      res.on('data', (chunk) => { firstByteAt ||= now(); parts.push(chunk); });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts), firstByteAt }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const echo = async (path, options) => JSON.parse((await request('GET', path, options)).body);

describe('nginx in front of axis', () => {
  test('each prefix goes to its upstream, path and query unchanged', { skip }, async () => {
    const routes = {
      '/': 'web', '/dashboard/runs?tab=2': 'web', '/assets/index-abc.js': 'web', '/healthz': 'web', '/apiary': 'web',
      '/api/analytics/summary?days=7': 'server', '/api/ai/copilot/stream': 'server', '/health': 'server',
      '/docs': 'server', '/openapi.json': 'server', '/metrics': 'server',
    };
    for (const [path, expected] of Object.entries(routes)) {
      const seen = await echo(path);
      assert.equal(seen.upstream, expected, path);
      assert.equal(seen.url, path);
    }
  });

  test('Host, X-Forwarded-* and X-Request-ID reach the upstream over keep-alive HTTP/1.1', { skip }, async () => {
    const seen = await echo('/api/system/info', {
      headers: { Host: 'axis.example.com', 'X-Request-ID': 'req-123', 'X-Forwarded-For': '10.1.2.3' },
    });
    assert.equal(seen.headers.host, 'axis.example.com');
    assert.equal(seen.headers['x-forwarded-for'], '10.1.2.3, 127.0.0.1');
    assert.equal(seen.headers['x-forwarded-proto'], 'http');
    assert.equal(seen.headers['x-real-ip'], '127.0.0.1');
    assert.equal(seen.headers['x-request-id'], 'req-123');
    assert.equal(seen.httpVersion, '1.1');
    assert.equal(seen.headers.connection, undefined, 'no Connection: close to the upstream');

    const web = await echo('/');
    assert.match(web.headers['x-request-id'], /^[0-9a-f]{32}$/, 'nginx makes an id when the client sent none');
  });

  test('a stream path passes each event on at once, uncompressed', { skip }, async () => {
    const res = await request('POST', '/api/x/stream', { headers: { 'Accept-Encoding': 'gzip', 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.match(res.body.toString(), /event: token\ndata: \{"text":"first"\}\n\n[^]*event: done/);
    assert.ok(res.firstByteAt < streamFinishedAt - 1000,
      `first event ${Math.round(streamFinishedAt - res.firstByteAt)} ms before the upstream finished`);
  });

  test('gzip for a large JSON reply on a normal /api path', { skip }, async () => {
    const res = await request('GET', '/api/big', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(res.headers.vary ?? '', /Accept-Encoding/i);
    assert.ok(res.body.length < BIG.length / 3, `${res.body.length} of ${BIG.length} bytes`);
    assert.equal(gunzipSync(res.body).toString(), BIG);

    const plain = await request('GET', '/api/big');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), BIG);
  });

  test('a 20 MB POST passes; a body over 200 MiB is refused with 413', { skip }, async () => {
    const body = randomBytes(20 * 1024 * 1024);
    const res = await request('POST', '/api/data/upload', { headers: { 'Content-Type': 'application/octet-stream' }, body });
    assert.equal(res.status, 200);
    const seen = JSON.parse(res.body);
    assert.equal(seen.bytes, body.length);
    assert.equal(seen.sha256, createHash('sha256').update(body).digest('hex'));

    const tooBig = await rawRequest(proxy.port, 'POST /api/data/upload HTTP/1.1\r\nHost: x\r\n' +
      `Content-Length: ${200 * 1024 * 1024 + 1}\r\nConnection: close\r\n\r\n`);
    assert.equal(tooBig.status, 413);
  });
});
