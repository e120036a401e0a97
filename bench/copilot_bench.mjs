// Client side of the copilot benchmark (bench/scenarios/copilot.sh). Runs the fake LLM
// (tests/integration/lib/fake_llm.mjs) and the copilot clients in one process, so the moment the
// fake writes a chunk and the moment the client reads the matching `token` event share a clock.
//
//   node bench/copilot_bench.mjs --axis-url http://127.0.0.1:8500 --llm-port 9000 --dir DIR \
//     --out results.json [--requests 50] [--streams 200] [--hold-s 30]
//   node bench/copilot_bench.mjs --self-test      (against a small stand-in for axis-server)
//
// Steps, handshaking with the shell through files in --dir:
//   1. starts the fake LLM and writes its OpenAI base URL to llm-ready;
//   2. waits for go (axis-server is up), then sends --requests sequential copilot requests
//      (plus one warm-up), each answered with 5 chunks 20 ms apart: added latency = first
//      `token` event at the client - first chunk written by the fake;
//   3. opens --streams copilot streams, each answered with 40 chunks spread over --hold-s
//      seconds; once every stream has its first token it writes holding and waits for wrk-done
//      (the shell runs wrk meanwhile), then waits for every stream to end;
//   4. writes the figures to --out as one flat JSON object.
import { existsSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { now, readSse, startFakeLlm } from '../tests/integration/lib/fake_llm.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const streamOnly = (body) => body?.stream === true;
const LATENCY_CHUNKS = ['The quick ', 'brown fox ', 'jumps over ', 'the lazy ', 'dog.'];

function options() {
  const args = process.argv.slice(2);
  const value = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const selfTest = args.includes('--self-test');
  return {
    selfTest,
    axisUrl: value('axis-url', ''),
    llmPort: Number(value('llm-port', '0')),
    dir: value('dir', ''),
    out: value('out', ''),
    requests: Number(value('requests', '50')),
    streams: Number(value('streams', '200')),
    holdMs: Number(value('hold-s', selfTest ? '4' : '30')) * 1000,
  };
}

async function until(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

// One copilot request. Fills `state`: firstTokenAt, text, done, error, ended.
async function copilot(axisUrl, sessionId, state, timeoutMs) {
  try {
    const res = await fetch(`${axisUrl}/api/ai/copilot/stream`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ message: 'hello', session_id: sessionId }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
    await readSse(res, (e) => {
      if (e.event === 'token') {
        state.firstTokenAt ??= e.at;
        state.text += JSON.parse(e.data).text ?? '';
      } else if (e.event === 'done') state.done = true;
      else if (e.event === 'error') state.error ??= `error event: ${e.data.slice(0, 200)}`;
    });
    if (!state.done) state.error ??= 'the stream ended without a done event';
    else if (state.firstTokenAt === null) state.error ??= 'no token event';
  } catch (err) {
    state.error ??= String(err.cause?.message ?? err.message ?? err);
  } finally {
    state.ended = true;
  }
  return state;
}

const newState = () => ({ firstTokenAt: null, text: '', done: false, error: null, ended: false });

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] : null;
}

const round = (ms) => (ms === null ? null : Math.round(ms * 100) / 100);

// Step 2: added latency of sequential requests.
async function measureLatency(axisUrl, llm, count) {
  const samples = [];
  const errors = [];
  for (let i = -1; i < count; i++) {
    llm.reset();
    llm.enqueue({ chunks: LATENCY_CHUNKS, chunkDelayMs: 20, when: streamOnly });
    const state = await copilot(axisUrl, i < 0 ? 'bench-warmup' : `bench-${i}`, newState(), 30000);
    if (i < 0) continue;
    // The LLM answer whose first chunk came last before the first token is the one it carried.
    const entry = llm.requests().filter((r) => r.firstChunkAt !== null && r.firstChunkAt <= state.firstTokenAt)
      .sort((a, b) => b.firstChunkAt - a.firstChunkAt)[0];
    if (!state.error && !entry) state.error = 'no LLM answer before the first token';
    if (state.error) errors.push(state.error);
    else samples.push(state.firstTokenAt - entry.firstChunkAt);
  }
  samples.sort((a, b) => a - b);
  return {
    latency_requests: count,
    latency_ok: samples.length,
    latency_errors: errors.length,
    latency_p50_ms: round(percentile(samples, 0.5)),
    latency_p95_ms: round(percentile(samples, 0.95)),
    latency_max_ms: round(samples.at(-1) ?? null),
    latency_error_sample: errors[0] ?? '',
  };
}

// Step 3: many streams held open while `whileOpen` runs.
async function holdStreams(axisUrl, llm, count, holdMs, whileOpen) {
  llm.reset();
  const pieces = Array.from({ length: 40 }, (_, i) => `piece ${i} `);
  llm.enqueue(...Array.from({ length: count }, () => ({ chunks: pieces, chunkDelayMs: holdMs / 39, when: streamOnly })));
  const states = Array.from({ length: count }, newState);
  const runs = states.map((state, i) => copilot(axisUrl, `bench-hold-${i}`, state, holdMs + 60000));
  const started = now();
  await until(() => states.every((s) => s.firstTokenAt !== null || s.ended), 60000, 'the first tokens')
    .catch((err) => console.error(`copilot bench: ${err.message}`));
  const firstTokens = states.filter((s) => s.firstTokenAt !== null).length;
  console.error(`copilot bench: ${firstTokens} of ${count} streams have their first token after ${Math.round(now() - started)} ms`);
  await whileOpen();
  const openAfter = states.filter((s) => s.firstTokenAt !== null && !s.ended).length;
  await Promise.all(runs);
  const errors = states.map((s) => s.error).filter(Boolean);
  return {
    hold_streams: count,
    hold_ms: Math.round(holdMs),
    hold_first_tokens: firstTokens,
    hold_open_after_wrk: openAfter,
    hold_done: states.filter((s) => s.done).length,
    hold_errors: errors.length,
    hold_error_sample: errors[0] ?? '',
  };
}

// A small stand-in for axis-server's copilot: relays the fake LLM's streamed text as the
// server's SSE (thought, token…, response, done, ping comments).
async function startStandIn(llm) {
  const server = http.createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/health') return res.end('{"status":"ok"}');
    if (req.method !== 'POST' || req.url !== '/api/ai/copilot/stream') return res.writeHead(404).end();
    for await (const _ of req); // the request body is not needed
    const upstream = new AbortController();
    res.on('close', () => upstream.abort());
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.write(`: ping - ${Date.now()}\n\nevent: thought\ndata: {"step":"thinking"}\n\n`);
    let text = '';
    try {
      const reply = await fetch(`${llm.openaiBase}/chat/completions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer self-test' },
        body: JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'hello' }] }),
        signal: upstream.signal,
      });
      await readSse(reply, (e) => {
        if (e.data === '[DONE]') return;
        const piece = JSON.parse(e.data).choices[0]?.delta?.content;
        if (!piece) return;
        text += piece;
        res.write(`event: token\ndata: ${JSON.stringify({ text: piece })}\n\n`);
      });
      res.end(`event: response\ndata: ${JSON.stringify({ message: text })}\n\nevent: done\ndata: \n\n`);
    } catch (err) {
      res.end(`event: error\ndata: ${JSON.stringify({ error: String(err) })}\n\n`);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

async function waitFile(file, timeoutMs) {
  await until(() => existsSync(file), timeoutMs, path.basename(file));
}

async function main() {
  const opt = options();
  if (!opt.selfTest && (!opt.axisUrl || !opt.dir || !opt.out)) {
    console.error('usage: copilot_bench.mjs --axis-url URL --dir DIR --out FILE [--llm-port N] [--requests N] [--streams N] [--hold-s S]\n' +
      '       copilot_bench.mjs --self-test');
    process.exit(2);
  }
  const llm = await startFakeLlm({ port: opt.llmPort });
  const standIn = opt.selfTest ? await startStandIn(llm) : null;
  const axisUrl = standIn?.url ?? opt.axisUrl;
  if (!opt.selfTest) {
    writeFileSync(path.join(opt.dir, 'llm-ready'), llm.openaiBase);
    await waitFile(path.join(opt.dir, 'go'), 600000);
  }

  const latency = await measureLatency(axisUrl, llm, opt.requests);
  console.error(`copilot bench: added latency p50 ${latency.latency_p50_ms} ms, p95 ${latency.latency_p95_ms} ms, ` +
    `${latency.latency_errors} errors ${latency.latency_error_sample}`);
  const hold = await holdStreams(axisUrl, llm, opt.streams, opt.holdMs, async () => {
    if (opt.selfTest) {
      // Stands in for the shell's wrk run: /health must answer while the streams are open.
      const res = await fetch(`${axisUrl}/health`);
      if (!res.ok) throw new Error(`/health answered ${res.status}`);
      return sleep(1000);
    }
    writeFileSync(path.join(opt.dir, 'holding'), '');
    return waitFile(path.join(opt.dir, 'wrk-done'), opt.holdMs + 600000);
  });
  const results = { ...latency, ...hold };
  console.error(`copilot bench: ${JSON.stringify(results)}`);
  if (opt.out) writeFileSync(opt.out, `${JSON.stringify(results, null, 2)}\n`);
  standIn?.close();
  await llm.close();

  if (opt.selfTest) {
    const ok = latency.latency_ok === opt.requests && hold.hold_done === opt.streams && hold.hold_errors === 0 &&
      hold.hold_open_after_wrk === opt.streams && latency.latency_p50_ms >= 0;
    console.log(ok ? 'self-test passed' : 'self-test FAILED');
    process.exit(ok ? 0 : 1);
  }
}

main().catch((err) => {
  console.error(`copilot bench: ${err.stack ?? err}`);
  process.exit(1);
});
