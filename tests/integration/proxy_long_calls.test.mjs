// A JSON reply that waits on a slow model outlives the proxies' read timeouts: the server sends
// the headers at once and a space every AXIS_STREAM_PING_SECONDS until the answer, so the
// shipped nginx routing and Caddyfile (here with their read timeout cut from 120 s to 2 s, the
// model taking 3.5 s) deliver the whole answer. Without the keep-alive (ping interval above the
// timeout) the same call through the same proxy breaks, which shows the check can fail.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startFakeLlm } from './lib/fake_llm.mjs';
import { nginxMissing, routingFile, startNginx } from './lib/nginx.mjs';
import { freePort, makeTempDir, repoRoot, startServer } from './lib/server.mjs';

const caddyBin = process.env.CADDY_BIN || '/usr/bin/caddy';
const MODEL_DELAY_MS = 3500;
const ANSWER = 'A considered answer.';

let fake;
const servers = {};

async function serverWithPing(seconds) {
  const server = await startServer({
    args: ['--no-samples'],
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_API_BASE: fake.openaiBase, AXIS_STREAM_PING_SECONDS: String(seconds) },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
  return server;
}

// POST /api/ai/chat through `base`: 'answered' with the model's text, else 'broken'.
async function slowChat(base) {
  fake.reset();
  fake.enqueue({ text: ANSWER, delayMs: MODEL_DELAY_MS });
  const started = Date.now();
  let outcome = 'broken';
  try {
    const res = await fetch(`${base}/api/ai/chat`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'take your time' }] }),
    });
    const body = await res.text();  // throws when the proxy cuts the reply
    const json = res.status === 200 ? JSON.parse(body) : null;
    if (json?.success === true && json.response === ANSWER) outcome = 'answered';
  } catch {
    outcome = 'broken';
  }
  return { outcome, seconds: (Date.now() - started) / 1000 };
}

before(async () => {
  fake = await startFakeLlm();
  servers.pinging = await serverWithPing(1);
  servers.silent = await serverWithPing(30);
});

after(async () => {
  await servers.pinging?.stop();
  await servers.silent?.stop();
  await fake?.close();
});

describe('long non-streamed AI calls behind a proxy', () => {
  test('directly: the reply is valid JSON after the leading spaces', async () => {
    const { outcome, seconds } = await slowChat(servers.pinging.url);
    assert.equal(outcome, 'answered');
    assert.ok(seconds >= MODEL_DELAY_MS / 1000, `took ${seconds} s`);
  });

  test('nginx (shipped routing, read timeout 2 s)', { skip: nginxMissing() ?? false }, async () => {
    const routing = readFileSync(routingFile, 'utf8');
    assert.match(routing, /proxy_read_timeout 120s;/);
    const shortened = routing.replace('proxy_read_timeout 120s;', 'proxy_read_timeout 2s;');
    for (const [name, expected] of [['pinging', 'answered'], ['silent', 'broken']]) {
      const proxy = await startNginx({ serverPort: servers[name].port, webPort: servers[name].port, routing: shortened });
      try {
        const { outcome, seconds } = await slowChat(proxy.url);
        assert.equal(outcome, expected, `${name} server through nginx`);
        if (expected === 'answered') assert.ok(seconds >= MODEL_DELAY_MS / 1000);
      } finally {
        await proxy.stop();
      }
    }
  });

  test('Caddy (shipped Caddyfile, read timeout 2 s)', { skip: existsSync(caddyBin) ? false : `no ${caddyBin}` }, async () => {
    const original = readFileSync(path.join(repoRoot, 'deploy/caddy/Caddyfile'), 'utf8');
    assert.match(original, /read_timeout 120s/);
    const home = makeTempDir('axis-caddy-slow-');
    const caddyfile = path.join(home, 'Caddyfile');
    writeFileSync(caddyfile, original.replace('read_timeout 120s', 'read_timeout 2s'));
    for (const [name, expected] of [['pinging', 'answered'], ['silent', 'broken']]) {
      const port = await freePort();
      const env = {
        PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, CADDY_ADMIN: 'off',
        AXIS_DOMAIN: `http://127.0.0.1:${port}`, AXIS_SERVER: `127.0.0.1:${servers[name].port}`,
        AXIS_WEB: `127.0.0.1:${servers[name].port}`,
      };
      const caddy = spawn(caddyBin, ['run', '--config', caddyfile, '--adapter', 'caddyfile'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let log = '';
      caddy.stderr.on('data', (b) => { log += b; });
      try {
        const deadline = Date.now() + 10000;
        while (!(await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false))) {
          if (Date.now() > deadline) throw new Error(`caddy did not start:\n${log}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        const { outcome } = await slowChat(`http://127.0.0.1:${port}`);
        assert.equal(outcome, expected, `${name} server through Caddy`);
      } finally {
        caddy.kill('SIGTERM');
      }
    }
  });
});
