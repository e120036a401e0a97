// The AI copilot end to end: axis-server talking to the fake OpenAI-compatible and Anthropic
// servers over real HTTP, its SSE read as a browser would. Tool results are checked by value.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readSse, startFakeLlm } from './lib/fake_llm.mjs';
import { startServer } from './lib/server.mjs';

const ROWS = [
  { id: 'c1', model: 'alpha', accuracy: 0.9, relevance: 0.4 },
  { id: 'c2', model: 'alpha', accuracy: 0.7, relevance: 0.6 },
  { id: 'c3', model: 'beta', accuracy: 0.5, relevance: 0.8 },
];

async function ask(server, body, { signal } = {}) {
  const res = await fetch(`${server.url}/api/ai/copilot/stream`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal,
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/event-stream/);
  assert.equal(res.headers.get('x-accel-buffering'), 'no');
  const events = await readSse(res);
  return events.map((e) => ({ event: e.event, data: e.data ? JSON.parse(e.data) : null, at: e.at }));
}

const names = (events) => events.map((e) => e.event);
const toolMessages = (request) => request.body.messages.filter((m) => m.role === 'tool');

describe('copilot without a key', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  test('status says not configured; the stream is one error then done', async () => {
    const status = await (await fetch(`${server.url}/api/ai/status`)).json();
    assert.equal(status.configured, false);
    assert.deepEqual(status.providers, { openai: false, anthropic: false });
    assert.equal(status.model, 'gpt-4');
    const events = await ask(server, { message: 'hello' });
    assert.deepEqual(names(events), ['error', 'done']);
    assert.equal(events[0].data.error,
      'AI copilot is not configured. Please set up OpenAI or Anthropic API credentials.');
    const chat = await (await fetch(`${server.url}/api/ai/copilot/chat`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message":"hi"}',
    })).json();
    assert.equal(chat.success, false);
    assert.deepEqual(chat.thoughts, []);
  });
});

describe('copilot switched off', () => {
  let server;
  before(async () => { server = await startServer({ env: { OPENAI_API_KEY: 'sk-x', COPILOT_ENABLED: 'false' } }); });
  after(async () => { await server?.stop(); });

  test('COPILOT_ENABLED=false: the stream says so and asks no model', async () => {
    const features = await (await fetch(`${server.url}/api/config/features`)).json();
    assert.equal(features.copilot_enabled, false);
    const events = await ask(server, { message: 'hello' });
    assert.deepEqual(names(events), ['error', 'done']);
    assert.match(events[0].data.error, /disabled on this server/);
  });
});

describe('copilot with the OpenAI-compatible provider', () => {
  let server;
  let fake;
  before(async () => {
    fake = await startFakeLlm();
    server = await startServer({
      env: { OPENAI_API_KEY: 'sk-test', OPENAI_API_BASE: fake.openaiBase, LLM_MAX_RETRIES: '2' },
    });
  });
  after(async () => { await server?.stop(); await fake?.close(); });

  test('status names the configured provider and the tools', async () => {
    const status = await (await fetch(`${server.url}/api/ai/status`)).json();
    assert.equal(status.configured, true);
    assert.deepEqual(status.providers, { openai: true, anthropic: false });
    assert.equal(status.copilot_model, 'gpt-4o');
    const skills = await (await fetch(`${server.url}/api/ai/copilot/skills`)).json();
    assert.deepEqual(skills.skills.map((s) => s.name),
      ['query_data', 'analyze_data', 'summarize_data', 'compare_data', 'run_sql']);
    assert.equal(skills.total, 5);
  });

  test('the tool loop runs query_data over the posted rows and streams the answer', async () => {
    fake.reset();
    fake.enqueue(
      { toolCalls: [{ id: 'call_1', name: 'query_data', arguments: { find_min_metric: true, count_below: 0.5 } }] },
      { when: (b) => b.messages.some((m) => m.role === 'tool'), chunks: ['Relevance ', 'is the ', 'weakest (0.6).'] },
    );
    const events = await ask(server, { message: 'Which metric is weakest?', data: ROWS });
    assert.deepEqual(names(events), ['thought', 'thought', 'thought', 'token', 'token', 'token', 'thought', 'response', 'done']);
    const [reasoning, toolUse, observation] = events.map((e) => e.data);
    assert.equal(reasoning.type, 'reasoning');
    assert.equal(reasoning.content, 'Processing: Which metric is weakest?');
    assert.equal(reasoning.color, '#3B82F6');
    assert.equal(toolUse.type, 'tool_use');
    assert.equal(toolUse.skill_name, 'query_data');
    assert.equal(toolUse.content, 'Querying data: id=None, min=True, max=False');
    assert.equal(toolUse.color, '#8B5CF6');
    assert.equal(observation.type, 'observation');
    assert.equal(observation.content, 'Query complete: 3 matches found');
    assert.match(reasoning.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(events.filter((e) => e.event === 'token').map((e) => e.data.text),
      ['Relevance ', 'is the ', 'weakest (0.6).']);
    const response = events.find((e) => e.event === 'response').data;
    assert.equal(response.success, true);
    assert.equal(response.response, 'Relevance is the weakest (0.6).');
    assert.equal(response.thoughts_count, 4);
    assert.deepEqual(response.skills_used, ['query_data']);
    assert.ok(response.usage.input_tokens > 0);

    const requests = fake.requests();
    assert.equal(requests.length, 2);
    assert.equal(requests[0].headers.authorization, 'Bearer sk-test');
    assert.equal(requests[0].body.model, 'gpt-4o');
    assert.equal(requests[0].body.stream, true);
    assert.deepEqual(requests[0].body.tools.map((t) => t.function.name),
      ['query_data', 'analyze_data', 'summarize_data', 'compare_data', 'run_sql']);
    const [tool] = toolMessages(requests[1]);
    assert.equal(tool.tool_call_id, 'call_1');
    const result = JSON.parse(tool.content);
    assert.equal(result.total_records, 3);
    assert.deepEqual(result.lowest_metric, { name: 'relevance', mean_value: 0.6 });
    assert.deepEqual(result.all_metric_means, { accuracy: 0.7, relevance: 0.6 });
    assert.deepEqual(result.threshold_counts, { 'accuracy_below_0.5': 0, 'relevance_below_0.5': 1 });
    const assistant = requests[1].body.messages.find((m) => m.role === 'assistant');
    assert.equal(assistant.tool_calls[0].function.name, 'query_data');
  });

  test('run_sql reads a stored dataset named in the prompt; a hostile query is refused', async () => {
    const list = await (await fetch(`${server.url}/api/datasets`)).json();
    const dataset = list.datasets[0];
    const table = `ds_${dataset.id}`;
    fake.reset();
    fake.enqueue(
      { toolCalls: [{ name: 'run_sql', arguments: { sql: `SELECT count(*) AS n FROM ${table}` } },
                    { name: 'run_sql', arguments: { sql: "SELECT * FROM read_csv('/etc/passwd')" } }] },
      { when: (b) => b.messages.some((m) => m.role === 'tool'), text: 'Counted.' },
    );
    const events = await ask(server, { message: 'How many rows?', dataset_id: dataset.id });
    const requests = fake.requests();
    assert.match(requests[0].body.messages[0].content, new RegExp(`table ${table}, ${dataset.row_count} rows`));
    const [count, refused] = toolMessages(requests[1]).map((m) => JSON.parse(m.content));
    assert.deepEqual(count.rows, [{ n: dataset.row_count }]);
    assert.equal(count.truncated, false);
    assert.match(refused.error, /Table functions/);
    const observations = events.filter((e) => e.event === 'thought').map((e) => e.data);
    assert.equal(observations[2].content, 'SQL complete: 1 rows');
    assert.equal(observations[4].type, 'error');
    assert.equal(events.at(-2).data.response, 'Counted.');
  });

  test('a 429 with Retry-After is waited out and retried', async () => {
    fake.reset();
    fake.enqueue({ status: 429, retryAfter: '1' }, { text: 'After the wait.' });
    const events = await ask(server, { message: 'hi' });
    assert.equal(events.at(-2).data.response, 'After the wait.');
    const [first, second] = fake.requests();
    assert.equal(first.status, 429);
    assert.ok(second.receivedAt - first.finishedAt >= 950, `retried after ${second.receivedAt - first.finishedAt} ms`);
  });

  test('a 500 is retried with backoff; a stream that drops before any text is retried too', async () => {
    fake.reset();
    fake.enqueue({ status: 500 }, { text: 'never shown', dropAfterChunks: 0 }, { text: 'Third time.' });
    const events = await ask(server, { message: 'hi' });
    assert.equal(events.at(-2).data.response, 'Third time.');
    assert.equal(fake.requests().length, 3);
  });

  test('provider errors arrive as error events, then one done', async () => {
    fake.reset();
    fake.enqueue({ status: 401, errorMessage: 'Incorrect API key provided' });
    const events = await ask(server, { message: 'hi' });
    assert.deepEqual(names(events), ['thought', 'thought', 'error', 'done']);
    assert.equal(events[1].data.type, 'error');
    assert.equal(events[1].data.color, '#EF4444');
    assert.equal(events[2].data.error, 'OpenAI returned HTTP 401: Incorrect API key provided');
    assert.equal(fake.requests().length, 1, 'a 401 is not retried');
  });

  test('a stream that drops after text was shown ends with an error, not a retry', async () => {
    fake.reset();
    fake.enqueue({ chunks: ['one ', 'two ', 'three'], dropAfterChunks: 2 });
    const events = await ask(server, { message: 'hi' });
    assert.deepEqual(names(events), ['thought', 'token', 'token', 'thought', 'error', 'done']);
    assert.match(events[4].data.error, /closed before its reply was complete/);
    assert.equal(fake.requests().length, 1);
  });

  test('closing the browser connection cancels the model call', async () => {
    fake.reset();
    fake.enqueue({ chunks: Array.from({ length: 30 }, (_, i) => `w${i} `), chunkDelayMs: 200 });
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/ai/copilot/stream`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message":"long"}',
      signal: controller.signal,
    });
    await readSse(res, (e) => { if (e.event === 'token') controller.abort(); }).catch(() => {});
    const deadline = Date.now() + 3000;
    while (!fake.requests()[0]?.aborted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [request] = fake.requests();
    assert.equal(request.aborted, true, 'the upstream request was aborted');
    assert.ok(request.finishedAt - request.receivedAt < 3000);
    const status = await fetch(`${server.url}/health`);
    assert.equal(status.status, 200);
  });

  test('history: the second turn of a session carries the first; it can be read and cleared', async () => {
    fake.reset();
    fake.enqueue({ text: 'The first answer.' }, { text: 'The second answer.' });
    await ask(server, { message: 'first question', session_id: 'sess-1' });
    const events = await ask(server, { message: 'second question', session_id: 'sess-1' });
    assert.equal(events.at(-2).data.session_id, 'sess-1');
    const second = fake.requests()[1].body.messages.filter((m) => m.role !== 'system');
    assert.deepEqual(second.map((m) => [m.role, m.content]), [
      ['user', 'first question'], ['assistant', 'The first answer.'], ['user', 'second question']]);
    const history = await (await fetch(`${server.url}/api/ai/copilot/history?session_id=sess-1`)).json();
    assert.deepEqual(history.messages.map((m) => m.content),
      ['first question', 'The first answer.', 'second question', 'The second answer.']);
    const cleared = await (await fetch(`${server.url}/api/ai/copilot/history?session_id=sess-1`, { method: 'DELETE' })).json();
    assert.equal(cleared.removed, 4);
    const other = await (await fetch(`${server.url}/api/ai/copilot/history?session_id=sess-2`)).json();
    assert.deepEqual(other.messages, []);
  });

  test('copilot/chat answers in one JSON reply with its thoughts and skills', async () => {
    fake.reset();
    fake.enqueue(
      { toolCalls: [{ name: 'compare_data', arguments: { group_by: 'model' } }] },
      { when: (b) => b.messages.some((m) => m.role === 'tool'), text: 'alpha leads on accuracy.' },
    );
    const res = await fetch(`${server.url}/api/ai/copilot/chat`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Compare models', data: ROWS }),
    });
    const reply = await res.json();
    assert.equal(reply.success, true);
    assert.equal(reply.response, 'alpha leads on accuracy.');
    assert.deepEqual(reply.skills_used, ['compare_data']);
    assert.deepEqual(reply.thoughts.map((t) => t.type), ['reasoning', 'tool_use', 'observation', 'success']);
    const result = JSON.parse(toolMessages(fake.requests()[1])[0].content);
    assert.deepEqual(result.groups, ['alpha', 'beta']);
    assert.equal(result.comparison.alpha.count, 2);
    assert.deepEqual(result.comparison.alpha.metrics.accuracy, { mean: 0.8, std: 0.1414 });
    assert.deepEqual(result.rankings.accuracy, { best: 'alpha', worst: 'beta' });
  });

  test('chat answers through the provider; query runs the tools; usage is recorded', async () => {
    fake.reset();
    fake.enqueue({ text: 'Hello there.' });
    const chat = await (await fetch(`${server.url}/api/ai/chat`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    })).json();
    assert.equal(chat.success, true);
    assert.equal(chat.response, 'Hello there.');
    assert.equal(fake.requests()[0].body.tools, undefined);

    fake.reset();
    fake.enqueue(
      { toolCalls: [{ name: 'analyze_data', arguments: { metrics: ['accuracy'] } }] },
      { when: (b) => b.messages.some((m) => m.role === 'tool'), text: 'Mean accuracy 0.7.' },
    );
    const query = await (await fetch(`${server.url}/api/ai/query`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'accuracy stats', data: ROWS }),
    })).json();
    assert.equal(query.success, true);
    assert.equal(query.results[0].tool, 'analyze_data');
    assert.deepEqual(query.results[0].result.distributions.accuracy,
      { count: 3, mean: 0.7, std: 0.2, min: 0.5, max: 0.9, median: 0.7, q25: 0.6, q75: 0.8 });
    const noData = await (await fetch(`${server.url}/api/ai/query`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"x"}',
    })).json();
    assert.deepEqual(noData, { success: false, message: 'No data provided for query' });

    const usage = await (await fetch(`${server.url}/api/ai/usage`)).json();
    const chatRow = usage.by_model.find((r) => r.feature === 'chat');
    assert.equal(chatRow.provider, 'openai');
    assert.equal(chatRow.model, 'gpt-4o');
    assert.ok(usage.totals.calls >= 10);
    assert.ok(usage.totals.output_tokens > 0);
  });

  test('bad requests get 4xx and nothing runs', async () => {
    fake.reset();
    const post = (path, body) => fetch(`${server.url}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body,
    });
    let res = await post('/api/ai/copilot/stream', '{"message":""}');
    assert.equal(res.status, 422);
    assert.equal((await res.json()).detail[0].type, 'string_too_short');
    res = await post('/api/ai/copilot/stream', '{"data":[]}');
    assert.equal(res.status, 422);
    res = await post('/api/ai/copilot/stream', '{"message":"x","dataset_id":"nope"}');
    assert.equal(res.status, 404);
    res = await post('/api/ai/copilot/stream', '{"message":"x","session_id":"a b; DROP"}');
    assert.equal(res.status, 422);
    res = await post('/api/ai/copilot/stream', '{"message": "\xff"');
    assert.equal(res.status, 422);
    assert.equal(fake.requests().length, 0);
  });

  test('/analyze gives rule-based insights without a model', async () => {
    const res = await fetch(`${server.url}/api/ai/analyze`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ROWS),
    });
    const body = await res.json();
    assert.equal(body.summary, 'Analyzed 3 records across 2 metrics');
    assert.deepEqual(body.insights, []);
    const low = await (await fetch(`${server.url}/api/ai/analyze`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ s: 0.1 }, { s: 0.9 }, { s: 0.2 }]),
    })).json();
    assert.deepEqual(low.insights.map((i) => i.type), ['warning', 'info']);
  });
});

describe('copilot with the Anthropic provider', () => {
  let server;
  let fake;
  before(async () => {
    fake = await startFakeLlm();
    server = await startServer({ env: { ANTHROPIC_API_KEY: 'ak-test', ANTHROPIC_BASE_URL: fake.anthropicBase } });
  });
  after(async () => { await server?.stop(); await fake?.close(); });

  test('the tool loop speaks the messages API with tool_use and tool_result blocks', async () => {
    fake.enqueue(
      { text: 'Let me look.', toolCalls: [{ id: 'toolu_1', name: 'summarize_data', arguments: { focus: 'performance' } }] },
      { when: (b) => JSON.stringify(b.messages).includes('tool_result'), chunks: ['All ', 'good.'] },
    );
    const events = await ask(server, { message: 'Summarise', data: ROWS });
    const response = events.find((e) => e.event === 'response').data;
    assert.equal(response.response, 'All good.');
    const [first, second] = fake.requests();
    assert.equal(first.provider, 'anthropic');
    assert.equal(first.headers['x-api-key'], 'ak-test');
    assert.equal(first.headers['anthropic-version'], '2023-06-01');
    assert.equal(first.body.model, 'claude-3-5-sonnet-20241022');
    assert.match(first.body.system, /AXIS Copilot/);
    assert.deepEqual(first.body.tools.map((t) => t.name).slice(0, 2), ['query_data', 'analyze_data']);
    const toolTurn = second.body.messages.at(-1);
    assert.equal(toolTurn.role, 'user');
    assert.equal(toolTurn.content[0].type, 'tool_result');
    assert.equal(toolTurn.content[0].tool_use_id, 'toolu_1');
    const summary = JSON.parse(toolTurn.content[0].content);
    assert.deepEqual(summary.overview, { total_records: 3, total_columns: 4, numeric_metrics: 2, data_format: null });
    assert.deepEqual(summary.performance, { high_performers: [], low_performers: [] });
    const assistant = second.body.messages.at(-2);
    assert.deepEqual(assistant.content.map((b) => b.type), ['text', 'tool_use']);
    const thoughts = events.filter((e) => e.event === 'thought').map((e) => e.data);
    assert.deepEqual(thoughts.map((t) => t.type), ['reasoning', 'reasoning', 'tool_use', 'observation', 'success']);
    assert.equal(thoughts[1].content, 'Let me look.');
  });

  test('an overloaded error mid-stream is retried', async () => {
    fake.reset();
    fake.enqueue({ status: 529 }, { text: 'Recovered.' });
    const events = await ask(server, { message: 'hi' });
    assert.equal(events.at(-2).data.response, 'Recovered.');
    assert.equal(fake.requests().length, 2);
  });
});
