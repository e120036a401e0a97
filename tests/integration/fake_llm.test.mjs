// The fake LLM provider (lib/fake_llm.mjs) checked with plain fetch: OpenAI and Anthropic wire
// formats as JSON and as streams, tool calls, errors, dropped streams, auth and the request log.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { readSse, sseEvents, startFakeLlm } from './lib/fake_llm.mjs';

let llm;
before(async () => { llm = await startFakeLlm(); });
after(async () => { await llm?.close(); });
beforeEach(() => llm.reset());

const OPENAI_HEADERS = { 'Content-Type': 'application/json', Authorization: 'Bearer test-key' };
const ANTHROPIC_HEADERS = { 'Content-Type': 'application/json', 'x-api-key': 'test-key', 'anthropic-version': '2023-06-01' };
const MESSAGES = [{ role: 'user', content: 'hello' }];

function openai(body, headers = OPENAI_HEADERS, init = {}) {
  return fetch(`${llm.openaiBase}/chat/completions`, {
    method: 'POST', headers, body: JSON.stringify({ model: 'gpt-4o-mini', messages: MESSAGES, ...body }), ...init,
  });
}

function anthropic(body, headers = ANTHROPIC_HEADERS, init = {}) {
  return fetch(`${llm.anthropicBase}/v1/messages`, {
    method: 'POST', headers, body: JSON.stringify({ model: 'claude-x', max_tokens: 256, messages: MESSAGES, ...body }), ...init,
  });
}

const dataOf = (events) => events.map((e) => JSON.parse(e.data));

describe('OpenAI chat completions', () => {
  test('a JSON answer, with the default reply when nothing is queued', async () => {
    llm.enqueue({ text: 'Hello there', usage: { input: 7, output: 3 } });
    const res = await openai({});
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.match(body.id, /^chatcmpl-/);
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.model, 'gpt-4o-mini');
    assert.equal(typeof body.created, 'number');
    assert.deepEqual(body.choices[0].message.content, 'Hello there');
    assert.equal(body.choices[0].finish_reason, 'stop');
    assert.deepEqual(body.usage, { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });

    const fallback = await (await openai({})).json();
    assert.equal(fallback.choices[0].message.content, 'OK');
  });

  test('a JSON answer calling tools', async () => {
    llm.enqueue({ toolCalls: [{ id: 'call_1', name: 'get_kpis', arguments: { days: 7 } }] });
    const body = await (await openai({})).json();
    const { message, finish_reason: finish } = body.choices[0];
    assert.equal(finish, 'tool_calls');
    assert.equal(message.content, null);
    assert.deepEqual(message.tool_calls, [{ id: 'call_1', type: 'function', function: { name: 'get_kpis', arguments: '{"days":7}' } }]);
  });

  test('a streamed answer: role first, text pieces, stop, usage, [DONE]', async () => {
    llm.enqueue({ text: 'Hello there, world' });
    const res = await openai({ stream: true, stream_options: { include_usage: true } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/event-stream/);
    const events = sseEvents(await res.text());
    assert.equal(events.at(-1).data, '[DONE]');
    const chunks = dataOf(events.slice(0, -1));
    assert.ok(chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === 'gpt-4o-mini'));
    assert.equal(chunks[0].choices[0].delta.role, 'assistant');
    const texts = chunks.flatMap((c) => c.choices).map((c) => c.delta.content).filter(Boolean);
    assert.equal(texts.length, 4);
    assert.equal(texts.join(''), 'Hello there, world');
    assert.equal(chunks.at(-2).choices[0].finish_reason, 'stop');
    assert.deepEqual(chunks.at(-1).choices, []);
    assert.equal(chunks.at(-1).usage.completion_tokens, 4);
  });

  test('a streamed tool call: id and name first, then the arguments in parts', async () => {
    llm.enqueue({ text: 'Let me look.', toolCalls: [{ id: 'call_9', name: 'query', arguments: { sql: 'SELECT 1', limit: 5 } }] });
    const events = sseEvents(await (await openai({ stream: true })).text());
    const chunks = dataOf(events.slice(0, -1));
    assert.ok(chunks.every((c) => !('usage' in c)), 'no usage without stream_options');
    const calls = chunks.flatMap((c) => c.choices[0].delta.tool_calls ?? []);
    assert.deepEqual(calls[0], { index: 0, id: 'call_9', type: 'function', function: { name: 'query', arguments: '' } });
    const parts = calls.slice(1).map((c) => c.function.arguments);
    assert.ok(parts.length >= 2 && parts.length <= 3);
    assert.deepEqual(JSON.parse(parts.join('')), { sql: 'SELECT 1', limit: 5 });
    assert.equal(chunks.at(-1).choices[0].finish_reason, 'tool_calls');
  });

  test('GET /v1/models lists models', async () => {
    const res = await fetch(`${llm.openaiBase}/models`, { headers: OPENAI_HEADERS });
    const body = await res.json();
    assert.equal(body.object, 'list');
    assert.ok(body.data.length > 0 && body.data.every((m) => m.object === 'model'));
  });

  test('401 without a bearer token, 400 without messages', async () => {
    for (const headers of [{ 'Content-Type': 'application/json' }, { Authorization: 'Bearer ' }, { Authorization: 'Basic abc' }]) {
      const res = await openai({}, headers);
      assert.equal(res.status, 401);
      const { error } = await res.json();
      assert.equal(error.type, 'invalid_request_error');
      assert.equal(error.code, 'invalid_api_key');
      assert.ok(error.message);
    }
    const res = await fetch(`${llm.openaiBase}/chat/completions`, { method: 'POST', headers: OPENAI_HEADERS, body: '{"model":"m"}' });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.type, 'invalid_request_error');
  });

  test('429 with Retry-After, then the next reply', async () => {
    llm.enqueue({ status: 429, retryAfter: '2' }, { text: 'fine now' });
    const res = await openai({});
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '2');
    const { error } = await res.json();
    assert.equal(error.code, 'rate_limit_exceeded');
    assert.ok(error.message);
    assert.equal((await (await openai({})).json()).choices[0].message.content, 'fine now');
  });
});

describe('Anthropic messages', () => {
  test('a JSON answer with text and a tool call', async () => {
    llm.enqueue({ text: 'Checking.', toolCalls: [{ id: 'toolu_1', name: 'search', arguments: { q: 'x' } }] });
    const res = await anthropic({});
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.match(body.id, /^msg_/);
    assert.equal(body.type, 'message');
    assert.equal(body.role, 'assistant');
    assert.equal(body.model, 'claude-x');
    assert.deepEqual(body.content, [
      { type: 'text', text: 'Checking.' },
      { type: 'tool_use', id: 'toolu_1', name: 'search', input: { q: 'x' } },
    ]);
    assert.equal(body.stop_reason, 'tool_use');
    assert.equal(body.stop_sequence, null);
    assert.equal(body.usage.output_tokens, 4 + 1 + 2);
  });

  test('a streamed answer: the named events in order', async () => {
    llm.enqueue({ chunks: ['Hel', 'lo'], usage: { input: 11, output: 2 } });
    const events = sseEvents(await (await anthropic({ stream: true })).text());
    assert.deepEqual(events.map((e) => e.event), ['message_start', 'content_block_start', 'ping',
      'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    const data = dataOf(events);
    assert.ok(data.every((d, i) => d.type === events[i].event));
    assert.equal(data[0].message.model, 'claude-x');
    assert.deepEqual(data[0].message.usage, { input_tokens: 11, output_tokens: 1 });
    assert.deepEqual(data[1].content_block, { type: 'text', text: '' });
    assert.deepEqual(data[3].delta, { type: 'text_delta', text: 'Hel' });
    assert.deepEqual(data[6].delta, { stop_reason: 'end_turn', stop_sequence: null });
    assert.deepEqual(data[6].usage, { output_tokens: 2 });
  });

  test('a streamed tool call: tool_use block and input_json_delta parts', async () => {
    llm.enqueue({ toolCalls: [{ id: 'toolu_7', name: 'run', arguments: { a: [1, 2, 3], b: 'text' } }] });
    const data = dataOf(sseEvents(await (await anthropic({ stream: true })).text()));
    const start = data.find((d) => d.type === 'content_block_start');
    assert.deepEqual(start, { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_7', name: 'run', input: {} } });
    const parts = data.filter((d) => d.type === 'content_block_delta').map((d) => d.delta);
    assert.ok(parts.every((d) => d.type === 'input_json_delta'));
    assert.ok(parts.length >= 2 && parts.length <= 3);
    assert.deepEqual(JSON.parse(parts.map((d) => d.partial_json).join('')), { a: [1, 2, 3], b: 'text' });
    assert.equal(data.find((d) => d.type === 'message_delta').delta.stop_reason, 'tool_use');
  });

  test('auth and version headers are required', async () => {
    let res = await anthropic({}, { 'Content-Type': 'application/json', 'anthropic-version': '2023-06-01' });
    assert.equal(res.status, 401);
    assert.deepEqual((await res.json()).error.type, 'authentication_error');
    res = await anthropic({}, { 'Content-Type': 'application/json', 'x-api-key': 'k' });
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.equal(body.type, 'error');
    assert.equal(body.error.type, 'invalid_request_error');
    assert.ok(body.error.message);
    res = await anthropic({ max_tokens: undefined });
    assert.equal(res.status, 400, 'max_tokens is required');
  });

  test('errors in Anthropic format: 429 with Retry-After, 529 overloaded, 500', async () => {
    llm.enqueue({ status: 429, retryAfter: '3', errorMessage: 'slow down' }, { status: 529 }, { status: 500 });
    let res = await anthropic({ stream: true });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '3');
    assert.deepEqual(await res.json(), { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } });
    res = await anthropic({});
    assert.equal((await res.json()).error.type, 'overloaded_error');
    res = await anthropic({});
    assert.equal(res.status, 500);
    assert.equal((await res.json()).error.type, 'api_error');
  });
});

describe('scripting and the log', () => {
  test('when() picks the reply for matching requests only', async () => {
    llm.enqueue({ text: 'for streams', when: (body) => body.stream === true }, { text: 'for anthropic', when: (_, p) => p === 'anthropic' });
    const plain = await (await openai({})).json();
    assert.equal(plain.choices[0].message.content, 'OK');
    const streamed = sseEvents(await (await openai({ stream: true })).text());
    const text = dataOf(streamed.slice(0, -1)).map((c) => c.choices[0]?.delta.content ?? '').join('');
    assert.equal(text, 'for streams');
    assert.equal((await (await anthropic({})).json()).content[0].text, 'for anthropic');
  });

  test('the log records provider, body, status and times', async () => {
    llm.enqueue({ text: 'abcdefgh', chunkDelayMs: 30 });
    await (await openai({ stream: true })).text();
    await (await anthropic({})).json();
    await openai({}, { 'Content-Type': 'application/json' });
    const log = await llm.waitForRequests(3);
    assert.deepEqual(log.map((r) => [r.provider, r.path, r.stream, r.status]), [
      ['openai', '/v1/chat/completions', true, 200],
      ['anthropic', '/v1/messages', false, 200],
      ['openai', '/v1/chat/completions', false, 401],
    ]);
    const [first] = log;
    assert.equal(first.body.model, 'gpt-4o-mini');
    assert.equal(first.headers.authorization, 'Bearer test-key');
    assert.equal(first.aborted, false);
    assert.ok(first.receivedAt <= first.firstChunkAt && first.firstChunkAt < first.finishedAt);
    assert.ok(first.finishedAt - first.firstChunkAt >= 3 * 30 - 5, 'three delays between four pieces');
    await assert.rejects(llm.waitForRequests(4, 100), /3 of 4 requests/);
  });

  test('readSse delivers events as they arrive', async () => {
    llm.enqueue({ chunks: ['a', 'b', 'c'], chunkDelayMs: 300 });
    const seen = [];
    const events = await readSse(await openai({ stream: true }), (e) => seen.push(e));
    assert.equal(seen.length, events.length);
    const pieces = events.filter((e) => e.data !== '[DONE]' && JSON.parse(e.data).choices[0]?.delta.content);
    assert.equal(pieces.length, 3);
    assert.ok(pieces[1].at - pieces[0].at >= 250, 'pieces arrive one by one');
    const [entry] = llm.requests();
    assert.ok(pieces[0].at >= entry.firstChunkAt && pieces[0].at - entry.firstChunkAt < 250);
  });

  test('delayMs holds the headers back', async () => {
    llm.enqueue({ delayMs: 200 });
    const start = performance.now();
    const res = await openai({});
    assert.ok(performance.now() - start >= 190);
    await res.json();
  });

  test('dropAfterChunks cuts the stream after n pieces', async () => {
    llm.enqueue({ chunks: ['one', 'two', 'three', 'four'], dropAfterChunks: 2 });
    const error = await readSse(await openai({ stream: true })).then(() => null, (e) => e);
    assert.ok(error, 'the stream fails');
    const texts = error.events.map((e) => JSON.parse(e.data).choices[0].delta.content).filter(Boolean);
    assert.deepEqual(texts, ['one', 'two']);
    const [entry] = llm.requests();
    assert.equal(entry.dropped, true);
    assert.equal(entry.aborted, false);

    llm.enqueue({ text: 'json', dropAfterChunks: 0 });
    await assert.rejects(anthropic({}).then((res) => res.json()));
  });

  test('a client that goes away mid-stream is logged as aborted', async () => {
    llm.enqueue({ chunks: ['x', 'y', 'z'], chunkDelayMs: 1000 });
    const controller = new AbortController();
    const res = await anthropic({ stream: true }, ANTHROPIC_HEADERS, { signal: controller.signal });
    await assert.rejects(readSse(res, (e) => { if (e.event === 'content_block_delta') controller.abort(); }));
    const deadline = Date.now() + 2000;
    while (!llm.requests()[0].finishedAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const [entry] = llm.requests();
    assert.equal(entry.aborted, true);
    assert.ok(entry.finishedAt - entry.firstChunkAt < 900, 'noticed before the next piece');
  });

  test('reset() clears the queue and the log', async () => {
    llm.enqueue({ text: 'never used' });
    await (await openai({})).json();
    llm.enqueue({ text: 'dropped' });
    llm.reset();
    assert.equal(llm.requests().length, 0);
    assert.equal((await (await openai({})).json()).choices[0].message.content, 'OK');
  });

  test('unknown paths answer 404 and are logged', async () => {
    const res = await fetch(`${llm.url}/v1/v1/chat/completions`, { method: 'POST', headers: OPENAI_HEADERS, body: '{}' });
    assert.equal(res.status, 404);
    assert.equal(llm.requests()[0].provider, null);
  });
});

describe('sseEvents', () => {
  test('event names, multi-line data, comments, CRLF and empty data', () => {
    const text = ': ping - 1\r\nevent: token\r\ndata: {"text":"a"}\r\n\r\ndata: one\ndata: two\n\n' +
      'event: done\ndata: \n\nevent: no-data\n\ndata:tight\r\rdata: unfinished';
    assert.deepEqual(sseEvents(text), [
      { event: 'token', data: '{"text":"a"}' },
      { event: 'message', data: 'one\ntwo' },
      { event: 'done', data: '' },
      { event: 'message', data: 'tight' },
    ]);
  });
});
