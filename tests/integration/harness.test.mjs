// Self-test of the integration harness: the throwaway PostgreSQL cluster is reachable with the
// test role and refuses a wrong password; rawRequest reads keep-alive and chunked replies and
// sends bytes untouched; startServer runs the real binary in isolation.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { test } from 'node:test';
import { axisBin, pgEnv, psql, rawRequest, startServer } from './lib/server.mjs';

const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';
const noBinary = existsSync(axisBin()) ? false : `${axisBin()} is not built`;

function psqlWith(env, sql) {
  return spawnSync('psql', ['-X', '-tA', '-c', sql], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
}

test('test cluster answers select 1 as the axis role over 127.0.0.1', { skip: noCluster }, () => {
  const pg = pgEnv();
  assert.equal(pg.PGHOST, '127.0.0.1');
  const result = psqlWith(pg, 'select 1, current_user, current_database()');
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), '1|axis|axis_test');
});

test('test cluster refuses a wrong password', { skip: noCluster }, () => {
  const result = psqlWith({ ...pgEnv(), PGPASSWORD: 'not-the-password' }, 'select 1');
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /password authentication failed/);
});

test('psql helper runs as the test role and as the superuser', { skip: noCluster }, () => {
  assert.equal(psql('select current_user').trim(), 'axis');
  assert.equal(psql('select rolsuper from pg_roles where rolname = current_user', { admin: true }).trim(), 't');
});

test('rawRequest sends bytes untouched and reads chunked keep-alive replies', async (t) => {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      res.setHeader('x-echo-hex', body.toString('hex'));
      res.write('first,');
      res.end('second');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));
  const body = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
  const head = `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`;
  const reply = await rawRequest(server.address().port, Buffer.concat([Buffer.from(head), body]));
  assert.equal(reply.status, 200);
  assert.equal(reply.headers['transfer-encoding'], 'chunked');
  assert.equal(reply.headers['x-echo-hex'], '7bfffe7d');
  assert.equal(reply.body, 'first,second');
});

test('startServer runs the binary with its own port and data dir, and stops it', { skip: noBinary }, async () => {
  const server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  const res = await fetch(`${server.url}/health`);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).status, 'healthy');
  const status = await server.stop();
  assert.ok(status.code === 0 || status.signal === 'SIGTERM', JSON.stringify(status));
});
