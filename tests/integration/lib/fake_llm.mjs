// A fake LLM provider for tests and benchmarks: one HTTP server on 127.0.0.1 that answers
// OpenAI's chat completions API (POST /v1/chat/completions, GET /v1/models) and Anthropic's
// messages API (POST /v1/messages) in their wire formats, as JSON or as a server-sent event
// stream, with replies scripted per request. Node 20 built-ins only.
//
//   const llm = await startFakeLlm();
//   llm.enqueue({ text: 'Hello there', chunkDelayMs: 20 }, { status: 429, retryAfter: '1' });
//   // point the client at llm.openaiBase (…/v1) or llm.anthropicBase (client adds /v1/messages)
//   const [first] = llm.requests(); // {provider, path, headers, body, stream, status, …}
//   await llm.close();
//
// Every request is logged (provider null for an unknown path, which gets 404) with the times
// receivedAt, firstChunkAt (first piece written) and finishedAt on the clock of now();
// aborted: the client went away before the reply was complete; dropped: dropAfterChunks cut it.
//
// Reply fields, all optional (with nothing queued a request gets {text: 'OK'}):
//   when(body, provider)   the reply goes to the first request for which this returns true
//   text, chunks           the assistant's text; chunks are its stream pieces (default ~4)
//   toolCalls              [{id, name, arguments: object}]: the assistant calls tools
//   status, retryAfter, errorMessage, errorType   an error in the provider's format
//   delayMs                wait before the headers
//   chunkDelayMs           wait between stream pieces
//   dropAfterChunks        cut the connection after that many pieces (JSON: halfway through)
//   usage                  {input, output} token counts (default: body length / 4, pieces)
// A piece is one stream event that carries text or part of a tool call.
// Requests are checked like the real APIs do: auth headers, valid JSON, model and messages
// (and max_tokens for Anthropic); a failed check answers 400/401 without taking a reply.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

// Milliseconds since the epoch with sub-millisecond precision (the log's clock).
export const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const randomId = () => randomBytes(12).toString('hex');

const ANTHROPIC_ERROR_TYPES = {
  400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error',
  404: 'not_found_error', 413: 'request_too_large', 429: 'rate_limit_error', 529: 'overloaded_error',
};

function errorBody(provider, status, message, type) {
  if (provider === 'anthropic') {
    type ??= ANTHROPIC_ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
    return { type: 'error', error: { type, message } };
  }
  let code = null;
  if (!type && status === 401) [type, code] = ['invalid_request_error', 'invalid_api_key'];
  else if (!type && status === 429) [type, code] = ['requests', 'rate_limit_exceeded'];
  else type ??= status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message, type, param: null, code } };
}

function defaultMessage(status) {
  if (status === 429) return 'Rate limit reached, please try again later.';
  if (status === 529) return 'Overloaded';
  if (status >= 500) return 'The server had an error while processing your request.';
  return `Request failed with status ${status}.`;
}

// Splits a string into at most n pieces of about equal length (by code point).
function split(text, n) {
  const chars = Array.from(text);
  const size = Math.max(1, Math.ceil(chars.length / n));
  const pieces = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  return pieces;
}

// What a reply says, independent of the provider's format.
function answer(reply, provider, rawLength) {
  const hasContent = reply.text !== undefined || reply.chunks !== undefined || reply.toolCalls?.length;
  const text = reply.chunks ? reply.chunks.join('') : (reply.text ?? (hasContent ? '' : 'OK'));
  const chunks = reply.chunks ?? split(text, 4);
  const tools = (reply.toolCalls ?? []).map((call, i) => {
    const args = JSON.stringify(call.arguments ?? {});
    const id = call.id ?? (provider === 'anthropic' ? `toolu_${randomId()}` : `call_${randomId()}`);
    return { id, name: call.name, input: call.arguments ?? {}, args, parts: split(args, 3), index: i };
  });
  const pieces = chunks.length + tools.reduce((n, t) => n + 1 + t.parts.length, 0);
  const usage = { input: reply.usage?.input ?? Math.round(rawLength / 4), output: reply.usage?.output ?? pieces };
  return { text, chunks, tools, usage };
}

function openaiJson(body, a) {
  const message = { role: 'assistant', content: a.text === '' && a.tools.length ? null : a.text, refusal: null };
  if (a.tools.length) {
    message.tool_calls = a.tools.map((t) => ({ id: t.id, type: 'function', function: { name: t.name, arguments: t.args } }));
  }
  return {
    id: `chatcmpl-${randomId()}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: body.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: a.tools.length ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: a.usage.input, completion_tokens: a.usage.output, total_tokens: a.usage.input + a.usage.output },
  };
}

function anthropicJson(body, a) {
  const content = a.text !== '' || !a.tools.length ? [{ type: 'text', text: a.text }] : [];
  for (const t of a.tools) content.push({ type: 'tool_use', id: t.id, name: t.name, input: t.input });
  return {
    id: `msg_${randomId()}`, type: 'message', role: 'assistant', model: body.model, content,
    stop_reason: a.tools.length ? 'tool_use' : 'end_turn', stop_sequence: null,
    usage: { input_tokens: a.usage.input, output_tokens: a.usage.output },
  };
}

// Stream events as {frame, piece}: the text to write and whether it carries content.
function openaiEvents(body, a) {
  const head = { id: `chatcmpl-${randomId()}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model };
  const withUsage = body.stream_options?.include_usage === true;
  const data = (obj) => `data: ${JSON.stringify(obj)}\n\n`;
  const chunk = (delta, finish = null) => data({
    ...head, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...(withUsage ? { usage: null } : {}),
  });
  const events = [{ frame: chunk({ role: 'assistant', content: a.chunks.length ? '' : null }) }];
  for (const text of a.chunks) events.push({ frame: chunk({ content: text }), piece: true });
  for (const t of a.tools) {
    const start = { index: t.index, id: t.id, type: 'function', function: { name: t.name, arguments: '' } };
    events.push({ frame: chunk({ tool_calls: [start] }), piece: true });
    for (const part of t.parts) {
      events.push({ frame: chunk({ tool_calls: [{ index: t.index, function: { arguments: part } }] }), piece: true });
    }
  }
  events.push({ frame: chunk({}, a.tools.length ? 'tool_calls' : 'stop') });
  if (withUsage) {
    const { input, output } = a.usage;
    events.push({ frame: data({ ...head, choices: [], usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output } }) });
  }
  events.push({ frame: 'data: [DONE]\n\n' });
  return events;
}

function anthropicEvents(body, a) {
  const ev = (type, fields = {}) => `event: ${type}\ndata: ${JSON.stringify({ type, ...fields })}\n\n`;
  const message = {
    id: `msg_${randomId()}`, type: 'message', role: 'assistant', content: [], model: body.model,
    stop_reason: null, stop_sequence: null, usage: { input_tokens: a.usage.input, output_tokens: 1 },
  };
  const events = [{ frame: ev('message_start', { message }) }];
  const blockStarted = () => {
    if (events.length === 2) events.push({ frame: ev('ping') });
  };
  let index = 0;
  if (a.text !== '' || !a.tools.length) {
    events.push({ frame: ev('content_block_start', { index, content_block: { type: 'text', text: '' } }) });
    blockStarted();
    for (const text of a.chunks) {
      events.push({ frame: ev('content_block_delta', { index, delta: { type: 'text_delta', text } }), piece: true });
    }
    events.push({ frame: ev('content_block_stop', { index }) });
    index++;
  }
  for (const t of a.tools) {
    const block = { type: 'tool_use', id: t.id, name: t.name, input: {} };
    events.push({ frame: ev('content_block_start', { index, content_block: block }), piece: true });
    blockStarted();
    for (const part of t.parts) {
      events.push({ frame: ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: part } }), piece: true });
    }
    events.push({ frame: ev('content_block_stop', { index }) });
    index++;
  }
  const stop_reason = a.tools.length ? 'tool_use' : 'end_turn';
  events.push({ frame: ev('message_delta', { delta: { stop_reason, stop_sequence: null }, usage: { output_tokens: a.usage.output } }) });
  events.push({ frame: ev('message_stop') });
  return events;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const parts = [];
    req.on('data', (chunk) => parts.push(chunk));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

// Checks a request like the real API; returns [status, message] of the refusal, or null.
function refusal(provider, headers, body) {
  if (provider === 'openai') {
    if (!/^Bearer\s+\S/.test(headers.authorization ?? '')) {
      return [401, 'Incorrect API key provided. You must pass your API key as a Bearer token.'];
    }
  } else {
    if (!headers['x-api-key']) return [401, 'invalid x-api-key'];
    if (!headers['anthropic-version']) return [400, 'anthropic-version: header is required'];
  }
  if (body === undefined) return null;
  if (body === null || typeof body !== 'object') return [400, 'The request body is not valid JSON.'];
  if (typeof body.model !== 'string' || !body.model) return [400, 'model: field required'];
  if (!Array.isArray(body.messages)) return [400, 'messages: field required'];
  if (provider === 'anthropic' && typeof body.max_tokens !== 'number') return [400, 'max_tokens: field required'];
  return null;
}

const ROUTES = {
  'POST /v1/chat/completions': 'openai',
  'GET /v1/models': 'openai',
  'POST /v1/messages': 'anthropic',
};

export async function startFakeLlm({ port = 0 } = {}) {
  let queue = [];
  let log = [];
  let waiters = [];

  const record = (entry) => {
    log.push(entry);
    waiters = waiters.filter((w) => {
      if (log.length < w.n) return true;
      clearTimeout(w.timer);
      w.resolve(log.slice());
      return false;
    });
  };

  const take = (body, provider) => {
    const i = queue.findIndex((r) => {
      try {
        return !r.when || r.when(body, provider);
      } catch {
        return false;
      }
    });
    return i < 0 ? { text: 'OK' } : queue.splice(i, 1)[0];
  };

  async function handle(req, res) {
    const path = req.url.split('?')[0];
    const provider = ROUTES[`${req.method} ${path}`] ?? null;
    const entry = {
      provider, method: req.method, path, headers: req.headers, body: null, stream: false, status: null,
      aborted: false, dropped: false, receivedAt: now(), firstChunkAt: null, finishedAt: null,
    };
    let closed = false;
    res.on('finish', () => { entry.finishedAt = now(); });
    res.on('close', () => {
      closed = true;
      entry.finishedAt ??= now();
      if (!res.writableFinished && !entry.dropped) entry.aborted = true;
    });
    const raw = await readBody(req);
    record(entry);
    const sendJson = (status, obj, headers = {}) => {
      entry.status = status;
      const text = JSON.stringify(obj);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
      res.end(text);
    };

    if (!provider) return sendJson(404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
    let body;
    if (req.method === 'POST') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      entry.body = body;
      entry.stream = body?.stream === true;
    }
    const refused = refusal(provider, req.headers, body);
    if (refused) return sendJson(refused[0], errorBody(provider, refused[0], refused[1]));
    if (path === '/v1/models') {
      const created = Math.floor(Date.now() / 1000);
      const models = ['gpt-4o', 'gpt-4o-mini'].map((id) => ({ id, object: 'model', created, owned_by: 'openai' }));
      return sendJson(200, { object: 'list', data: models });
    }

    const reply = take(body, provider);
    if (reply.delayMs) await sleep(reply.delayMs);
    if (closed) return;
    if (reply.status >= 400) {
      const headers = reply.retryAfter !== undefined ? { 'Retry-After': String(reply.retryAfter) } : {};
      const message = reply.errorMessage ?? defaultMessage(reply.status);
      return sendJson(reply.status, errorBody(provider, reply.status, message, reply.errorType), headers);
    }
    const a = answer(reply, provider, raw.length);
    const drop = reply.dropAfterChunks;
    entry.status = 200;

    if (!entry.stream) {
      const text = JSON.stringify(provider === 'openai' ? openaiJson(body, a) : anthropicJson(body, a));
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      if (drop !== undefined) {
        entry.dropped = true;
        res.write(text.slice(0, text.length >> 1), () => res.destroy());
        return;
      }
      res.end(text);
      entry.firstChunkAt = now();
      return;
    }

    const events = provider === 'openai' ? openaiEvents(body, a) : anthropicEvents(body, a);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.flushHeaders();
    let sent = 0;
    let written = Promise.resolve();
    for (const { frame, piece } of events) {
      if (piece) {
        if (drop !== undefined && sent >= drop) {
          entry.dropped = true;
          await written; // let the pieces reach the client before the cut
          res.destroy();
          return;
        }
        if (sent > 0 && reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
        if (closed) return;
      }
      written = new Promise((resolve) => res.write(frame, resolve));
      if (piece && sent++ === 0) entry.firstChunkAt = now();
    }
    res.end();
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(err?.stack ?? err));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    openaiBase: `${url}/v1`,
    anthropicBase: url,
    enqueue(...replies) {
      queue.push(...replies);
    },
    requests: () => log.slice(),
    waitForRequests(n, timeoutMs = 5000) {
      if (log.length >= n) return Promise.resolve(log.slice());
      return new Promise((resolve, reject) => {
        const waiter = { n, resolve };
        waiter.timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`fake LLM: ${log.length} of ${n} requests after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    reset() {
      queue = [];
      log = [];
    },
    close() {
      for (const w of waiters) clearTimeout(w.timer);
      waiters = [];
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// An incremental server-sent events parser: push(text) as text arrives, end() at the end.
// Calls onEvent({event, data}) per complete event; comments and events without data are
// skipped, as an EventSource would.
function sseParser(onEvent) {
  let buffer = '';
  let event = '';
  let data = null;
  const line = (text) => {
    if (text === '') {
      if (data !== null) onEvent({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = null;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') (data ??= []).push(value);
  };
  return {
    push(text) {
      buffer += text;
      // A trailing CR may be the first half of a CRLF: keep it until more text arrives.
      const hold = buffer.endsWith('\r') ? 1 : 0;
      const lines = buffer.slice(0, buffer.length - hold).split(/\r\n|\r|\n/);
      buffer = lines.pop() + (hold ? '\r' : '');
      lines.forEach(line);
    },
    end() {
      if (buffer.endsWith('\r')) line(buffer.slice(0, -1));
      buffer = '';
    },
  };
}

// Parses a whole SSE text into [{event, data}] (event defaults to 'message').
export function sseEvents(text) {
  const events = [];
  const parser = sseParser((e) => events.push(e));
  parser.push(text.replace(/^\uFEFF/, ''));
  parser.end();
  return events;
}

// Reads a fetch Response's SSE body as it arrives, calling onEvent({event, data, at}) per event
// (at: when the bytes holding the event's end arrived, on the clock of now()). Resolves with all
// events at the end of the stream; if the stream fails, rejects with the error, whose `events`
// holds the events received before.
export async function readSse(response, onEvent = () => {}) {
  const events = [];
  let at = 0;
  const parser = sseParser((e) => {
    const full = { ...e, at };
    events.push(full);
    onEvent(full);
  });
  const decoder = new TextDecoder();
  try {
    for await (const bytes of response.body) {
      at = now();
      parser.push(decoder.decode(bytes, { stream: true }));
    }
  } catch (err) {
    err.events = events;
    throw err;
  }
  parser.push(decoder.decode());
  parser.end();
  return events;
}
