// Harness for the integration suite: starts the AXIS binary in isolation (own port, data dir,
// custom dir, working dir and a clean environment), runs its CLI, sends raw HTTP bytes that
// fetch() refuses to produce, and exposes the throwaway PostgreSQL cluster's settings.
// Node 20 built-ins only. Temp folders and live servers are cleaned up when the test file exits
// (set AXIS_KEEP_TEMP=1 to keep the folders for a post-mortem).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const tempDirs = new Set();
const liveProcs = new Set();

process.on('exit', () => {
  for (const proc of liveProcs) {
    try { proc.kill('SIGKILL'); } catch { /* already gone */ }
  }
  if (process.env.AXIS_KEEP_TEMP) return;
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
// The test runner ends a timed-out test file with SIGTERM, which skips 'exit' unless handled.
for (const [signal, number] of [['SIGTERM', 15], ['SIGINT', 2], ['SIGHUP', 1]]) {
  process.once(signal, () => process.exit(128 + number));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The server binary: AXIS_BIN (relative paths are taken from the repository root).
export function axisBin() {
  return path.resolve(repoRoot, process.env.AXIS_BIN || 'build/axis-server');
}

// A fresh folder under the system temp dir, removed when the test process exits.
export function makeTempDir(prefix = 'axis-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

// A TCP port that is free on 127.0.0.1 at the time of the call.
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// PATH and HOME from this process plus `extra`; a key set to undefined is left out.
function cleanEnv(extra) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? os.tmpdir(), ...extra };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

// Creates the custom dir (with configFiles under config/) and the working dir (with .env).
function prepareDirs({ customDir, configFiles = {}, dotenv, cwd }) {
  customDir ??= makeTempDir('axis-custom-');
  for (const [name, text] of Object.entries(configFiles)) {
    const file = path.join(customDir, 'config', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  cwd ??= makeTempDir('axis-cwd-');
  if (dotenv !== undefined) writeFileSync(path.join(cwd, '.env'), dotenv);
  return { customDir, cwd };
}

function requireBin() {
  const bin = axisBin();
  if (!existsSync(bin)) throw new Error(`server binary ${bin} not found: run make build`);
  return bin;
}

// Resolves to 'ready' once GET /health answers with any status, 'exited' if the process ends
// first, 'timeout' after timeoutMs.
async function waitForHealth(port, exited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  exited.then(() => { done = true; });
  while (Date.now() < deadline) {
    if (done) return 'exited';
    const answered = await new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 1000 },
        (res) => { res.resume(); res.on('end', () => resolve(true)); });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    });
    if (answered) return 'ready';
    await sleep(50);
  }
  return done ? 'exited' : 'timeout';
}

function launch(bin, args, env, cwd) {
  const proc = spawn(bin, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  liveProcs.add(proc);
  let out = '';
  let err = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk) => { out += chunk; });
  proc.stderr.setEncoding('utf8').on('data', (chunk) => { err += chunk; });
  let status = null;
  const exited = new Promise((resolve) => {
    proc.once('error', (e) => { err += `spawn error: ${e.message}\n`; status ??= { code: null, signal: null }; resolve(status); });
    proc.once('close', (code, signal) => { liveProcs.delete(proc); status = { code, signal }; resolve(status); });
  });
  return { proc, exited, stdout: () => out, stderr: () => err, exitStatus: () => status };
}

// Starts `AXIS_BIN serve --host 127.0.0.1 --port <free> --data-dir <dataDir> ...args` and waits
// until GET /health answers or the process exits (check exitStatus() for that case).
// Options: host (the listen address; health is still checked on 127.0.0.1), env (added to
// PATH and HOME), args (appended), dataDir and customDir (temp dirs by
// default; pass a previous server's dataDir to test a restart), configFiles ({name: text},
// written to <customDir>/config/), dotenv (text of <cwd>/.env), cwd, timeoutMs.
// Throws if the server neither answers nor exits within timeoutMs.
export async function startServer(options = {}) {
  const { env = {}, args = [], timeoutMs = 30000 } = options;
  const bin = requireBin();
  const dataDir = options.dataDir ?? makeTempDir('axis-data-');
  const { customDir, cwd } = prepareDirs(options);
  const fullEnv = cleanEnv({ AXIS_CUSTOM_DIR: customDir, ...env });
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const argv = ['serve', '--host', options.host ?? '127.0.0.1', '--port', String(port), '--data-dir', dataDir, ...args];
    const run = launch(bin, argv, fullEnv, cwd);
    const outcome = await waitForHealth(port, run.exited, timeoutMs);
    const server = {
      url: `http://127.0.0.1:${port}`, port, dataDir, customDir, cwd,
      proc: run.proc, exited: run.exited, stdout: run.stdout, stderr: run.stderr,
      exitStatus: run.exitStatus,
      // Sends `signal`, waits up to timeoutMs, then SIGKILLs. Resolves to {code, signal}.
      async stop({ signal = 'SIGTERM', timeoutMs: grace = 15000 } = {}) {
        if (run.exitStatus()) return run.exitStatus();
        run.proc.kill(signal);
        const timer = setTimeout(() => run.proc.kill('SIGKILL'), grace);
        const status = await run.exited;
        clearTimeout(timer);
        return status;
      },
    };
    if (outcome === 'ready') return server;
    const output = run.stdout() + run.stderr();
    if (outcome === 'exited' && /address already in use|EADDRINUSE/i.test(output) && attempt < 3) continue;
    if (outcome === 'exited') return server;
    await server.stop({ signal: 'SIGKILL' });
    throw new Error(`server did not answer /health within ${timeoutMs} ms\n${output}`);
  }
}

// A multipart form holding `csv` as the file `name`.
export function csvForm(csv, name) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  return form;
}

// Uploads `csv` as the file `name` to `route` (default the evaluation upload), asserts a 200 and
// returns the reply.
export async function uploadCsv(server, csv, name, route = '/api/data/upload') {
  const res = await fetch(`${server.url}${route}`, { method: 'POST', body: csvForm(csv, name) });
  const json = await res.json();
  assert.equal(res.status, 200, JSON.stringify(json));
  return json;
}

// Runs `AXIS_BIN ...args` to completion with a clean env (AXIS_CUSTOM_DIR set to a temp dir
// unless env gives one). Options: env, customDir, configFiles, dotenv, cwd, input (stdin text),
// timeoutMs (then SIGKILL). Resolves to {code, signal, stdout, stderr}.
export async function runCli(args, options = {}) {
  const { env = {}, input, timeoutMs = 60000 } = options;
  const bin = requireBin();
  const { customDir, cwd } = prepareDirs(options);
  const proc = spawn(bin, args, { env: cleanEnv({ AXIS_CUSTOM_DIR: customDir, ...env }), cwd });
  liveProcs.add(proc);
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
  proc.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
  proc.stdin.on('error', () => {});
  proc.stdin.end(input ?? '');
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const [code, signal] = await new Promise((resolve) => {
    proc.once('error', (e) => { stderr += `spawn error: ${e.message}\n`; resolve([null, null]); });
    proc.once('close', (c, s) => resolve([c, s]));
  });
  clearTimeout(timer);
  liveProcs.delete(proc);
  return { code, signal, stdout, stderr };
}

// Parses one HTTP/1.1 response from `buf`. Returns null while incomplete.
function parseResponse(buf, method, closed) {
  let start = 0;
  for (;;) {
    const headEnd = buf.indexOf('\r\n\r\n', start);
    if (headEnd < 0) return null;
    const lines = buf.subarray(start, headEnd).toString('latin1').split('\r\n');
    const match = /^HTTP\/\d\.\d (\d{3})(?: (.*))?$/.exec(lines[0]);
    if (!match) throw new Error(`not an HTTP response: ${JSON.stringify(lines[0])}`);
    const status = Number(match[1]);
    const headers = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    const bodyStart = headEnd + 4;
    if (status >= 100 && status < 200 && status !== 101) { start = bodyStart; continue; }
    const rest = buf.subarray(bodyStart);
    const done = (body) => ({ status, statusText: match[2] ?? '', headers, body: body.toString('utf8'), bodyBuffer: body });
    if (method === 'HEAD' || status === 204 || status === 304 || status === 101) return done(Buffer.alloc(0));
    if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) {
      const body = decodeChunked(rest);
      return body ? done(body) : null;
    }
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      return rest.length >= length ? done(rest.subarray(0, length)) : null;
    }
    return closed ? done(rest) : null;
  }
}

// Decodes a complete chunked body, or returns null while incomplete.
function decodeChunked(buf) {
  const parts = [];
  let pos = 0;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', pos);
    if (lineEnd < 0) return null;
    const size = parseInt(buf.subarray(pos, lineEnd).toString('latin1').split(';')[0], 16);
    if (Number.isNaN(size)) throw new Error('bad chunk size');
    if (size === 0) {
      const after = lineEnd + 2;
      const ended = buf.subarray(after, after + 2).toString('latin1') === '\r\n' || buf.indexOf('\r\n\r\n', after) >= 0;
      return ended ? Buffer.concat(parts) : null;
    }
    if (buf.length < lineEnd + 2 + size + 2) return null;
    parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
    pos = lineEnd + 2 + size + 2;
  }
}

// Writes `raw` (Buffer or string, sent byte for byte) to 127.0.0.1:port and reads one response.
// Resolves to {status, statusText, headers (lower-case names), body (UTF-8 text), bodyBuffer}.
// If the server closes or resets the connection without a response, status is 0 and `error`
// names the reason. Rejects after timeoutMs without a complete response.
export function rawRequest(port, raw, { host = '127.0.0.1', timeoutMs = 10000 } = {}) {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'latin1');
  const method = bytes.subarray(0, 8).toString('latin1').split(' ')[0];
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    let settled = false;
    const socket = net.connect({ host, port });
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      fn(value);
    };
    const attempt = (closed) => {
      try {
        const response = parseResponse(buf, method, closed);
        if (response) finish(resolve, response);
        return Boolean(response);
      } catch (e) {
        finish(reject, e);
        return true;
      }
    };
    const noResponse = (why) => {
      if (attempt(true)) return;
      if (buf.length === 0) finish(resolve, { status: 0, statusText: '', headers: {}, body: '', bodyBuffer: buf, error: why });
      else finish(reject, new Error(`incomplete response (${why}): ${buf.toString('latin1').slice(0, 500)}`));
    };
    const timer = setTimeout(() => finish(reject, new Error(`no complete response within ${timeoutMs} ms: ${buf.toString('latin1').slice(0, 500)}`)), timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk) => { buf = Buffer.concat([buf, chunk]); attempt(false); });
    socket.on('end', () => noResponse('closed'));
    socket.on('error', (e) => {
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE') noResponse(e.code);
      else finish(reject, e);
    });
  });
}

// The throwaway cluster's settings from the file named by AXIS_PG_ENV (PGHOST, PGPORT, PGUSER,
// PGPASSWORD, PGDATABASE, DATABASE_URL, PG_ADMIN_URL), or null when it is not set.
export function pgEnv() {
  const file = process.env.AXIS_PG_ENV;
  if (!file) return null;
  const env = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

// Runs SQL through psql against the test database (as the `axis` role, or as the superuser with
// admin: true). Returns psql's unaligned, tuples-only output; throws with psql's error text.
export function psql(sql, { admin = false } = {}) {
  const pg = pgEnv();
  if (!pg) throw new Error('AXIS_PG_ENV is not set: no test PostgreSQL cluster');
  const target = admin ? [pg.PG_ADMIN_URL] : [];
  const result = spawnSync('psql', ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', ...target],
    { input: sql, encoding: 'utf8', env: cleanEnv(admin ? {} : pg), timeout: 60000 });
  if (result.status !== 0) throw new Error(`psql failed (${result.status}): ${result.stderr || result.error}`);
  return result.stdout;
}
