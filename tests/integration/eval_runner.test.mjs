// The eval runner over HTTP: the catalogue, reading datasets, runs with rule-based metrics
// (values worked out by hand), judged metrics against the fake OpenAI server (fenced JSON,
// garbage, a 429, a failing call, the concurrency cap), the API agent, exports, the run being
// stored as a flat-format dataset, and the refusals.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';

import { readSse, startFakeLlm } from './lib/fake_llm.mjs';
import { EVAL_RUNNER_ROUTES } from './lib/reply_routes.mjs';
import { ReplySchemas } from './lib/reply_schemas.mjs';
import { csvForm, startServer } from './lib/server.mjs';

let fake;
let server;
let agent;
let agentCalls = [];
let schemas;

const post = (path, body) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const getJson = async (path) => (await fetch(`${server.url}${path}`)).json();
// A 200 reply of `route`, checked against the schema the route declares.
const checked = async (route, response) => {
  assert.equal(response.status, 200);
  return schemas.check(route, await response.json());
};

// Runs /run/stream and returns its events as [{event, data}].
async function streamRun(body, path = '/api/eval-runner/run/stream') {
  const response = await post(path, body);
  assert.equal(response.status, 200);
  const events = [];
  await readSse(response, (e) => events.push({ event: e.event, data: e.data ? JSON.parse(e.data) : null }));
  return events;
}

// Most requests in flight at once, from the fake's log.
function peakInFlight(entries) {
  const points = entries.flatMap((e) => [[e.receivedAt, 1], [e.finishedAt, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, d] of points) peak = Math.max(peak, (now += d));
  return peak;
}

const ROWS = {
  columns: ['id', 'question', 'answer', 'gold'],
  data: [
    { id: 'a', question: 'q1', answer: 'kitten', gold: 'sitting' },
    { id: 'b', question: 'q2', answer: 'Paris is the capital', gold: 'Paris' },
    { id: 'c', question: 'q3', answer: 'same', gold: 'same' },
    { id: 'd', question: 'q4', answer: '', gold: 'nothing' },
  ],
};
const MAPPING = { dataset_id: 'id', query: 'question', actual_output: 'answer', expected_output: 'gold' };

before(async () => {
  fake = await startFakeLlm();
  agent = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      agentCalls.push({ headers: req.headers, body: raw });
      const message = JSON.parse(raw).message;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: { choices: [{ text: `answer to ${message}` }] } }));
    });
  });
  await new Promise((resolve) => agent.listen(0, '127.0.0.1', resolve));
  server = await startServer({
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_API_BASE: fake.openaiBase, LLM_MAX_RETRIES: '1', LLM_READ_TIMEOUT: '2' },
  });
  schemas = new ReplySchemas(await getJson('/openapi.json'));
});

after(async () => {
  await server?.stop();
  await fake?.close();
  agent?.close();
});

test('the catalogue lists every metric sorted by key with its fields and thresholds', async () => {
  const { success, metrics } = await checked('GET /api/eval-runner/metrics', await fetch(`${server.url}/api/eval-runner/metrics`));
  assert.equal(success, true);
  const keys = metrics.map((m) => m.key);
  assert.deepEqual(keys, [...keys].sort());
  const byKey = Object.fromEntries(metrics.map((m) => [m.key, m]));
  assert.deepEqual(byKey.levenshtein_ratio.required_fields, ['actual_output', 'expected_output']);
  assert.equal(byKey.levenshtein_ratio.default_threshold, 0.2);
  assert.equal(byKey.levenshtein_ratio.is_llm_based, false);
  assert.equal(byKey.latency.default_threshold, 5);
  assert.equal(byKey.faithfulness.is_llm_based, true);
  assert.deepEqual(byKey.faithfulness.required_fields, ['query', 'actual_output', 'retrieved_content']);
  assert.equal(byKey.factual_accuracy.default_threshold, 0.8);
  for (const key of ['exact_string_match', 'contains_match', 'sentence_bleu', 'tool_correctness', 'hit_rate_at_k',
    'ndcg_at_k', 'mean_reciprocal_rank', 'pii_leakage_(heuristic)', 'answer_relevancy', 'conversation_flow']) {
    assert.ok(byKey[key], key);
  }
});

test('the sample and an upload are read with their suggested mappings', async () => {
  const sample = await checked('GET /api/eval-runner/example/sample', await fetch(`${server.url}/api/eval-runner/example/sample`));
  assert.equal(sample.dataset.row_count, 12);
  assert.equal(sample.dataset.data.length, 12);
  assert.equal(sample.dataset.preview.length, 12);
  assert.equal(sample.suggested_mapping.retrieved_content, 'retrieved_content');
  assert.equal(sample.suggested_mapping.conversation, null);
  assert.equal(sample.dataset.data[3].dataset_id, 'er-004');

  const csv = 'Question,Response,Gold,Record_ID\nWhat?,This,That,r1\n"Multi, line?","a ""quoted"" b",,r2\n';
  const upload = await checked('POST /api/eval-runner/upload',
    await fetch(`${server.url}/api/eval-runner/upload`, { method: 'POST', body: csvForm(csv, 'mine.csv') }));
  assert.deepEqual(upload.dataset.columns, ['Question', 'Response', 'Gold', 'Record_ID']);
  assert.equal(upload.dataset.row_count, 2);
  assert.deepEqual(upload.dataset.data[1], { Question: 'Multi, line?', Response: 'a "quoted" b', Gold: '', Record_ID: 'r2' });
  assert.equal(upload.suggested_mapping.query, 'Question');
  assert.equal(upload.suggested_mapping.actual_output, 'Response');
  assert.equal(upload.suggested_mapping.expected_output, 'Gold');
  assert.equal(upload.suggested_mapping.dataset_id, 'Record_ID');

  const notCsv = await fetch(`${server.url}/api/eval-runner/upload`, { method: 'POST', body: csvForm('a,b\n1,2\n', 'x.txt') });
  assert.equal(notCsv.status, 400);
  const headerOnly = await fetch(`${server.url}/api/eval-runner/upload`, { method: 'POST', body: csvForm('a,b\n', 'x.csv') });
  assert.equal(headerOnly.status, 400);
  assert.match((await headerOnly.json()).detail, /empty/);
  const big = 'a,b\n' + `${'x'.repeat(1000)},1\n`.repeat(11000);
  const tooBig = await fetch(`${server.url}/api/eval-runner/upload`, { method: 'POST', body: csvForm(big, 'big.csv') });
  assert.equal(tooBig.status, 413);
});

test('a rule-based run gives the hand-worked figures and is stored as a flat-format dataset', async () => {
  const response = await post('/api/eval-runner/run', {
    evaluation_name: 'Rules run', dataset: ROWS, column_mapping: MAPPING,
    metrics: ['exact_string_match', 'contains_match', 'levenshtein_ratio'],
    thresholds: { levenshtein_ratio: 0.5 },
  });
  const { success, summary } = await checked('POST /api/eval-runner/run', response);
  assert.equal(success, true);
  assert.equal(summary.total_items, 4);
  assert.equal(summary.metrics_count, 3);
  const m = Object.fromEntries(summary.metric_results.map((r) => [r.metric_key, r]));
  // exact: only c matches → scores 0,0,1,0.
  assert.deepEqual(m.exact_string_match.scores, [0, 0, 1, 0]);
  assert.equal(m.exact_string_match.average_score, 0.25);
  assert.equal(m.exact_string_match.pass_rate, 0.25);
  assert.equal(m.exact_string_match.passed, false);
  // contains: b ("Paris" in the answer) and c → 0,1,1,0.
  assert.deepEqual(m.contains_match.scores, [0, 1, 1, 0]);
  assert.equal(m.contains_match.median_score, 0.5);
  // levenshtein (difflib ratio): kitten/sitting = 2·4/13 = 0.6154; "paris is the capital"/"paris"
  // = 2·5/25 = 0.4; same/same = 1; ""/"nothing" = 0.
  assert.deepEqual(m.levenshtein_ratio.scores, [0.6154, 0.4, 1, 0]);
  assert.equal(m.levenshtein_ratio.average_score, 0.5038); // 2.0153846 / 4
  assert.equal(m.levenshtein_ratio.threshold, 0.5);
  assert.equal(m.levenshtein_ratio.pass_rate, 0.5);
  assert.equal(m.levenshtein_ratio.passed, true);
  // average of the metric averages: (0.25 + 0.5 + 0.5039) / 3 = 0.418 (from unrounded 0.503846…).
  assert.equal(summary.average_score, 0.4179);
  // item means: a (0+0+0.6154)/3 = 0.21 no; b (0+1+0.4)/3 = 0.47 no; c 1 yes; d 0 no → 1/4.
  assert.equal(summary.overall_pass_rate, 0.25);
  assert.deepEqual(summary.item_results.map((i) => i.passed), [false, false, true, false]);
  assert.deepEqual(summary.item_results.map((i) => i.dataset_id), ['a', 'b', 'c', 'd']);
  assert.equal(summary.dataframe_records.length, 12);

  const { datasets } = await getJson('/api/datasets');
  const stored = datasets.find((d) => d.id === summary.dataset_id);
  assert.ok(stored, 'the run is stored as a dataset');
  assert.equal(stored.format, 'flat_format');
  assert.equal(stored.row_count, 12);
  assert.equal(stored.name, 'Rules run');

  const runs = await checked('GET /api/eval-runner/runs', await fetch(`${server.url}/api/eval-runner/runs`));
  const run = runs.runs.find((r) => r.run_id === summary.run_id);
  assert.equal(run.status, 'completed');
  assert.equal(run.completed_evaluations, 12);
  assert.equal(run.average_score, 0.4179);
  assert.equal(run.dataset_id, summary.dataset_id);
  assert.equal(run.usage.llm_calls, 0);

  const detail = await checked('GET /api/eval-runner/runs/{run_id}', await fetch(`${server.url}/api/eval-runner/runs/${summary.run_id}`));
  assert.equal(detail.summary.average_score, 0.4179);

  const csv = await (await fetch(`${server.url}/api/eval-runner/export/${summary.run_id}/csv`)).text();
  const lines = csv.trim().split('\n');
  assert.equal(lines.length, 13);
  assert.match(lines[0], /^dataset_id,query,actual_output,expected_output,evaluation_name,metric_name,metric_score,metric_type,threshold,passed,explanation,run_id,timestamp/);
  const json = await (await fetch(`${server.url}/api/eval-runner/export/${summary.run_id}/json`)).json();
  assert.equal(json.length, 12);
  const lev = json.find((r) => r.dataset_id === 'a' && r.metric_name === 'levenshtein_ratio');
  assert.equal(lev.metric_score, 0.6154);
  assert.equal(lev.passed, true);
  assert.equal(lev.run_id, summary.run_id);
});

test('judged metrics: parsed, fenced, garbage and failed replies, streamed in order', async () => {
  const when = (q) => (body) => body.messages.some((m) => new RegExp(`Query:\\n${q}(\\n|$)`).test(m.content));
  fake.enqueue(
    { when: when('q1'), text: '{"score": 0.9, "reasoning": "on topic"}' },
    { when: when('q2'), text: '```json\n{"score": 1.7, "reasoning": "fenced"}\n```' },
    { when: when('q3'), text: 'I cannot decide' },
    { when: when('q4'), status: 500 },
    { when: when('q4'), status: 500 },
  );
  const events = await streamRun({
    evaluation_name: 'Judged', dataset: ROWS, column_mapping: MAPPING, metrics: ['answer_relevancy'], max_concurrent: 2,
  });
  const names = events.map((e) => e.event);
  assert.equal(names[0], 'log');
  assert.equal(events[0].data.message, 'Starting evaluation: Judged');
  assert.equal(events[1].data.message, 'Processing 4 items with 1 metrics (4 total evaluations)');
  assert.equal(names.at(-1), 'done');
  assert.equal(names.filter((n) => n === 'complete').length, 1);
  const progress = events.filter((e) => e.event === 'progress').map((e) => e.data);
  assert.deepEqual([progress[0].current, progress[0].total, progress[0].phase], [0, 4, 'validating']);
  assert.deepEqual([progress.at(-1).current, progress.at(-1).status, progress.at(-1).phase], [4, 'complete', 'complete']);
  const currents = progress.map((p) => p.current);
  assert.deepEqual(currents, [...currents].sort((a, b) => a - b), 'progress never goes back');
  const { summary } = events.find((e) => e.event === 'complete').data;
  const items = Object.fromEntries(summary.item_results.map((i) => [i.dataset_id, i]));
  assert.equal(items.a.metric_scores.answer_relevancy, 0.9);
  assert.equal(items.a.metric_reasons.answer_relevancy, 'on topic');
  assert.equal(items.b.metric_scores.answer_relevancy, 1); // clamped
  assert.equal(items.c.metric_scores.answer_relevancy, 0.5);
  assert.match(items.c.metric_reasons.answer_relevancy, /^Failed to parse/);
  assert.equal(items.d.metric_scores.answer_relevancy, undefined); // the call failed for good
  assert.match(items.d.metric_reasons.answer_relevancy, /Judge call failed/);
  const metric = summary.metric_results[0];
  assert.equal(metric.failed_calls, 1);
  assert.deepEqual(metric.scores, [0.9, 1, 0.5]);
  assert.equal(metric.average_score, 0.8); // (0.9 + 1 + 0.5) / 3
  assert.ok(events.some((e) => e.event === 'log' && e.data.level === 'WARNING' && /Judge call failed/.test(e.data.message)));
  const run = (await getJson(`/api/eval-runner/runs/${summary.run_id}`)).run;
  assert.equal(run.usage.llm_calls, 4);
  const judged = fake.requests().filter((r) => r.path === '/v1/chat/completions');
  assert.equal(judged[0].body.temperature, 0);
  assert.match(judged[0].body.messages[0].content, /score/);
});

test('judge calls are retried after a 429 and a cut reply; a call that times out twice has no score', async () => {
  const when = (q) => (body) => body.messages.some((m) => new RegExp(`Query:\\n${q}(\\n|$)`).test(m.content));
  const before = fake.requests().length;
  fake.enqueue(
    { when: when('t1'), status: 429, retryAfter: '1' },
    { when: when('t1'), text: '{"score": 0.6, "reasoning": "after a wait"}' },
    { when: when('t2'), text: '{"score": 0.9, "reasoning": "never arrives whole"}', dropAfterChunks: 1 },
    { when: when('t2'), text: '{"score": 0.4, "reasoning": "second try"}' },
    { when: when('t3'), text: '{"score": 1, "reasoning": "late"}', delayMs: 3000 },
    { when: when('t3'), text: '{"score": 1, "reasoning": "late again"}', delayMs: 3000 },
  );
  const data = ['t1', 't2', 't3'].map((q) => ({ id: q, question: q, answer: 'x', gold: 'y' }));
  const { summary } = await (await post('/api/eval-runner/run', {
    evaluation_name: 'Retries', dataset: { columns: ROWS.columns, data }, column_mapping: MAPPING, metrics: ['answer_relevancy'],
  })).json();
  const items = Object.fromEntries(summary.item_results.map((i) => [i.dataset_id, i]));
  assert.equal(items.t1.metric_scores.answer_relevancy, 0.6);
  assert.equal(items.t2.metric_scores.answer_relevancy, 0.4);
  assert.equal(items.t3.metric_scores.answer_relevancy, undefined);
  assert.match(items.t3.metric_reasons.answer_relevancy, /Judge call failed: .*(timeout|no reply)/i);
  assert.equal(summary.metric_results[0].failed_calls, 1);
  const calls = fake.requests().slice(before);
  assert.equal(calls.length, 6); // every item asked twice
  const t1 = calls.filter((c) => when('t1')(c.body));
  assert.ok(t1[1].receivedAt - t1[0].finishedAt >= 900, 'Retry-After: 1 was honoured');
});

test('max_concurrent bounds the judge calls in flight', async () => {
  const before = fake.requests().length;
  const data = Array.from({ length: 9 }, (_, i) => ({ id: `r${i}`, question: `c${i}`, answer: 'x', gold: 'y' }));
  for (let i = 0; i < 9; i++) fake.enqueue({ text: '{"score": 1, "reasoning": "ok"}', delayMs: 250 });
  const events = await streamRun({
    evaluation_name: 'Concurrency', dataset: { columns: ROWS.columns, data }, column_mapping: MAPPING,
    metrics: ['answer_relevancy'], max_concurrent: 3,
  });
  assert.ok(events.some((e) => e.event === 'complete'));
  const calls = fake.requests().slice(before);
  assert.equal(calls.length, 9);
  assert.equal(peakInFlight(calls), 3);
});

test('the API agent answers missing outputs; its URL is checked', async () => {
  agentCalls = [];
  const url = `http://127.0.0.1:${agent.address().port}/chat`;
  const agentConfig = { type: 'api', api_config: { endpoint_url: url, headers: { 'X-Key': 'k1' }, request_template: '{"message": "{{query}}"}', response_path: 'data.choices.0.text' } };
  const tested = await checked('POST /api/eval-runner/test-connection',
    await post('/api/eval-runner/test-connection', { agent_config: agentConfig, sample_query: 'ping' }));
  assert.equal(tested.success, true);
  assert.equal(tested.sample_output, 'answer to ping');
  assert.ok(tested.latency_ms >= 0);
  assert.equal(agentCalls[0].headers['x-key'], 'k1');

  const data = [{ id: 'x1', question: 'hello', answer: '', gold: 'answer to hello' }, { id: 'x2', question: 'bye', answer: 'kept', gold: 'kept' }];
  const { summary } = await (await post('/api/eval-runner/run', {
    evaluation_name: 'Agent', dataset: { columns: ROWS.columns, data }, column_mapping: MAPPING, agent_config: agentConfig,
    metrics: ['exact_string_match'],
  })).json();
  assert.deepEqual(summary.item_results.map((i) => i.actual_output), ['answer to hello', 'kept']);
  assert.deepEqual(summary.metric_results[0].scores, [1, 1]);
  assert.equal(agentCalls.length, 2); // the test call and x1 only

  const metadata = { type: 'api', api_config: { endpoint_url: 'http://169.254.169.254/latest/meta-data' } };
  const refused = await (await post('/api/eval-runner/test-connection', { agent_config: metadata })).json();
  assert.equal(refused.success, false);
  assert.match(refused.error, /link-local or cloud metadata/);
  const fileUrl = await post('/api/eval-runner/run', {
    evaluation_name: 'x', dataset: ROWS, metrics: ['exact_string_match'],
    agent_config: { type: 'api', api_config: { endpoint_url: 'file:///etc/passwd' } },
  });
  assert.equal(fileUrl.status, 400);
  assert.match((await fileUrl.json()).detail, /http or https/);
});

test('refusals are clear 4xx and store nothing', async () => {
  const runsBefore = (await getJson('/api/eval-runner/runs')).runs.length;
  const noMetrics = await post('/api/eval-runner/run', { evaluation_name: 'x', dataset: ROWS, metrics: [] });
  assert.equal(noMetrics.status, 422);
  const unknown = await post('/api/eval-runner/run', { evaluation_name: 'x', dataset: ROWS, metrics: ['nope'] });
  assert.equal(unknown.status, 400);
  assert.equal((await unknown.json()).detail, 'No valid metrics could be instantiated');
  const anthropic = await post('/api/eval-runner/run', { evaluation_name: 'x', dataset: ROWS, metrics: ['faithfulness'], llm_provider: 'anthropic' });
  assert.equal(anthropic.status, 400);
  assert.equal((await anthropic.json()).detail, 'anthropic API key not configured. Set the appropriate environment variable.');
  const tooMany = await post('/api/eval-runner/run', { evaluation_name: 'x', dataset: ROWS, metrics: ['exact_string_match'], max_concurrent: 50 });
  assert.equal(tooMany.status, 422);
  const noRows = await post('/api/eval-runner/run', { evaluation_name: 'x', dataset: { columns: ['a'], data: [] }, metrics: ['exact_string_match'] });
  assert.equal(noRows.status, 400);
  const streamed = await streamRun({ evaluation_name: 'x', dataset: ROWS, metrics: ['nope'] });
  assert.deepEqual(streamed.map((e) => e.event), ['error', 'done']);
  assert.equal(streamed[0].data.message, 'No valid metrics could be instantiated');
  assert.equal((await getJson('/api/eval-runner/runs')).runs.length, runsBefore);
  assert.equal((await fetch(`${server.url}/api/eval-runner/runs/nope`)).status, 404);
  assert.equal((await fetch(`${server.url}/api/eval-runner/export/nope/csv`)).status, 404);
});

test('a finished run is deleted with its scores; its dataset stays', async () => {
  const { summary } = await (await post('/api/eval-runner/run', {
    evaluation_name: 'To delete', dataset: ROWS, column_mapping: MAPPING, metrics: ['exact_string_match'],
  })).json();
  const deleted = await checked('DELETE /api/eval-runner/runs/{run_id}',
    await fetch(`${server.url}/api/eval-runner/runs/${summary.run_id}`, { method: 'DELETE' }));
  assert.equal(deleted.message, 'Run deleted');
  assert.equal((await fetch(`${server.url}/api/eval-runner/runs/${summary.run_id}`)).status, 404);
  assert.ok((await getJson('/api/datasets')).datasets.some((d) => d.id === summary.dataset_id));
});

test('this file checks exactly the routes lib/reply_routes.mjs lists for it', () => {
  assert.deepEqual([...schemas.exercised].sort(), [...EVAL_RUNNER_ROUTES].sort());
});
