// The copilot's stream through real nginx with the shipped routing (deploy/nginx/axis.conf):
// events arrive as the model produces them, not when it has finished.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readSse, startFakeLlm } from './lib/fake_llm.mjs';
import { nginxMissing, startNginx } from './lib/nginx.mjs';
import { startServer } from './lib/server.mjs';

describe('copilot behind nginx', { skip: nginxMissing() ?? false }, () => {
  let server;
  let fake;
  let proxy;
  before(async () => {
    fake = await startFakeLlm();
    server = await startServer({ env: { OPENAI_API_KEY: 'sk-p', OPENAI_API_BASE: fake.openaiBase } });
    proxy = await startNginx({ serverPort: server.port, webPort: server.port });
  });
  after(async () => { await proxy?.stop(); await server?.stop(); await fake?.close(); });

  test('the first event arrives before the model finishes; the rest follow unbuffered', async () => {
    fake.enqueue({ chunks: ['one ', 'two ', 'three ', 'four'], chunkDelayMs: 600 });
    const res = await fetch(`${proxy.url}/api/ai/copilot/stream`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ message: 'slowly' }),
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), null);
    const events = await readSse(res);
    const [request] = fake.requests();
    const thought = events.find((e) => e.event === 'thought');
    const tokens = events.filter((e) => e.event === 'token');
    assert.equal(tokens.length, 4);
    assert.ok(thought.at < request.finishedAt - 1000, 'the first thought arrived while the model was still writing');
    assert.ok(tokens[0].at < request.finishedAt - 1000,
      `first token ${Math.round(request.finishedAt - tokens[0].at)} ms before the model finished`);
    assert.ok(tokens[1].at - tokens[0].at > 300, 'tokens arrive one by one');
    assert.equal(events.at(-1).event, 'done');
    assert.equal(JSON.parse(events.at(-2).data).response, 'one two three four');
  });

  test('/health and the API answer through the proxy', async () => {
    const health = await fetch(`${proxy.url}/health`);
    assert.equal(health.status, 200);
    const status = await (await fetch(`${proxy.url}/api/ai/status`)).json();
    assert.equal(status.configured, true);
  });
});
