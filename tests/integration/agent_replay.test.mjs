// /api/agent-replay against the fake Langfuse (lib/fake_langfuse.mjs): gating, credentials,
// validation, the trace views (values worked out by hand from the fixture below), search by
// trace id, metadata and the search DB (with AXIS_PG_ENV), retries, reviews, datasets,
// per-agent credentials, and no key in any reply or log line.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeLangfuse } from './lib/fake_langfuse.mjs';
import { AGENT_REPLAY_ROUTES } from './lib/reply_routes.mjs';
import { ReplySchemas, callReply, readSnapshot } from './lib/reply_schemas.mjs';
import { pgEnv, psql, startServer } from './lib/server.mjs';

const PK = 'pk-lf-public-7d1e';
const SK = 'sk-lf-secret-93ab';
const BETA_PK = 'pk-lf-beta-55c0';
const BETA_SK = 'sk-lf-beta-0f21';
const SECRETS = [PK, SK, BETA_PK, BETA_SK];
const TRACE_ID = '7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b';

const HOUR = 3600 * 1000;
const base = Date.now() - HOUR;
const at = (ms) => new Date(base + ms).toISOString();

// The main fixture: observations listed out of start order, nested three deep, every type.
function claimsTrace() {
  return {
    id: TRACE_ID, name: 'claims-agent', timestamp: at(0), tags: ['prod', 'claims'],
    input: { question: 'Is claim 42 covered?', api_key: 'sk-live-123' },
    output: 'Covered up to 500',
    metadata: { caseReference: 'CASE-42', authorization: 'Bearer abc', nested: { token: 't', content_type: 'json' } },
    totalCost: 0.0123,
    observations: [
      { id: 'o-gen2', traceId: TRACE_ID, type: 'GENERATION', name: 'answer', parentObservationId: 'o-root',
        startTime: at(3000), endTime: at(4500), model: 'gpt-4o',
        input: [{ role: 'user', content: 'answer' }], output: 'x'.repeat(120),
        usage: { promptTokens: 200, completionTokens: 100 }, metadata: null },
      { id: 'o-root', traceId: TRACE_ID, type: 'SPAN', name: 'agent-run', parentObservationId: null,
        startTime: at(0), endTime: at(5000), input: { query: 'claim 42' }, output: 'done', metadata: {} },
      { id: 'o-gen1', traceId: TRACE_ID, type: 'GENERATION', name: 'plan', parentObservationId: 'o-root',
        startTime: at(500), endTime: at(1700), model: 'gpt-4o-mini', input: 'plan it', output: 'a plan',
        usage: { input: 100, output: 50, total: 150 }, metadata: { variables: { query: 'claim 42' } } },
      { id: 'o-tool', traceId: TRACE_ID, type: 'TOOL', name: 'lookup_policy', parentObservationId: 'o-root',
        startTime: at(2000), endTime: at(2250), input: { policy_id: 'P-9', password: 'hunter2' },
        output: { limit: 500 }, metadata: { db_password: 'x', region: 'eu' } },
      { id: 'o-event', traceId: TRACE_ID, type: 'EVENT', name: 'audit', parentObservationId: 'o-gen2',
        startTime: at(4600), endTime: null, input: null, output: null },
      { id: 'o-span2', traceId: TRACE_ID, type: 'SPAN', name: 'plan', parentObservationId: 'o-root',
        startTime: at(1800), endTime: at(1900), usageDetails: { input: 10, output: 5 } },
    ],
  };
}

const simpleTrace = (id, name, ms, extra = {}) => ({
  id, name, timestamp: new Date(ms).toISOString(), tags: [], input: null, output: null, metadata: {},
  observations: [{ id: `${id}-o`, type: 'SPAN', name: 'only', startTime: new Date(ms).toISOString(), endTime: new Date(ms + 10).toISOString() }],
  ...extra,
});

const mainTraces = () => [
  claimsTrace(),
  simpleTrace('trace-b', 'billing-agent', base - 2 * HOUR, { tags: ['dev'], metadata: { caseReference: 'CASE-77' } }),
  simpleTrace('trace-old', 'claims-agent', Date.now() - 10 * 24 * HOUR, { metadata: { caseReference: 'CASE-42' } }),
];
const betaTraces = () => [simpleTrace('trace-bb-1', 'beta-run', base - HOUR)];

let lf;
const servers = [];
async function start(env = {}, options = {}) {
  const s = await startServer({ env, ...options });
  servers.push(s);
  return s;
}
const keysEnv = () => ({
  AGENT_REPLAY_ENABLED: 'true', LANGFUSE_HOST: lf.url,
  LANGFUSE_PUBLIC_KEY: PK, LANGFUSE_SECRET_KEY: SK,
  LANGFUSE_BETA_BOT_PUBLIC_KEY: BETA_PK, LANGFUSE_BETA_BOT_SECRET_KEY: BETA_SK,
});

const replies = [];
async function call(server, path, init) {
  const res = await fetch(`${server.url}/api/agent-replay${path}`, init);
  const text = await res.text();
  replies.push(text);
  return { status: res.status, body: JSON.parse(text) };
}
const post = (server, path, body) => call(server, path, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
});

before(async () => {
  lf = await startFakeLangfuse({ projects: [
    { publicKey: PK, secretKey: SK, traces: mainTraces() },
    { publicKey: BETA_PK, secretKey: BETA_SK, traces: betaTraces() },
  ] });
});
after(async () => {
  for (const s of servers) {
    const log = s.stdout() + s.stderr();
    for (const secret of SECRETS) assert.ok(!log.includes(secret), 'a key reached the server log');
    await s.stop();
  }
  for (const text of replies) {
    for (const secret of SECRETS) assert.ok(!text.includes(secret), 'a key reached a reply');
  }
  await lf.close();
});

describe('gating, credentials and validation', () => {
  let off; let bare;
  before(async () => {
    off = await start();
    bare = await start({ AGENT_REPLAY_ENABLED: 'true' });
  });

  test('without credentials /status answers 200 with configured false and no key fields', async () => {
    const res = await fetch(`${off.url}/api/agent-replay/status`);
    const text = await res.text();
    assert.equal(res.status, 200);
    assert.ok(!text.includes('public_key') && !text.includes('secret_key'));
    assert.deepEqual(JSON.parse(text), {
      enabled: false, configured: false, langfuse_host: 'https://cloud.langfuse.com',
      default_limit: 20, default_days_back: 7, agents: [],
      search_fields: [{ value: 'trace_id', label: 'Trace ID' }], agent_search_fields: {},
    });
    assert.deepEqual((await call(off, '/agents')).body, { agents: [] });
  });

  test('off: every data route answers 403 with the exact message', async () => {
    const detail = 'Agent Replay is disabled. Set AGENT_REPLAY_ENABLED=true to enable.';
    for (const path of ['/traces', '/traces/x', '/traces/x/steps/0', '/traces/x/nodes/n', '/search?query=a',
      '/traces/x/reviews', '/datasets']) {
      assert.deepEqual(await call(off, path), { status: 403, body: { detail } }, path);
    }
    assert.deepEqual(await post(off, '/reviews', { trace_id: 'abc', verdict: 'positive' }), { status: 403, body: { detail } });
  });

  test('on without credentials: 503 for the data routes', async () => {
    for (const path of ['/traces', '/traces/x', '/search?query=test', '/traces/x/reviews', '/datasets',
      '/search?query=test&search_by=case_reference']) {
      const { status, body } = await call(bare, path);
      assert.equal(status, 503, path);
      assert.match(body.detail, /Langfuse credentials are not configured/);
    }
    const { status } = await post(bare, '/reviews', { trace_id: 'abc', verdict: 'positive' });
    assert.equal(status, 503);
    assert.equal((await call(bare, '/traces?agent=nobody')).status, 503);
  });

  test('422 for out-of-range parameters and bad review bodies', async () => {
    for (const path of ['/traces?limit=999', '/traces?limit=0', '/traces?days_back=-1', '/traces?days_back=91',
      '/traces/x?max_chars=0', '/traces/x?max_chars=999999', '/search', '/search?query=a&limit=101',
      '/traces/x/steps/first']) {
      assert.equal((await call(bare, path)).status, 422, path);
    }
    const bad = await post(bare, '/reviews', { trace_id: 'abc', verdict: 'invalid' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.detail.map((d) => [d.type, d.loc]), [['literal_error', ['body', 'verdict']]]);
    const missing = await post(bare, '/reviews', { verdict: 'positive' });
    assert.deepEqual(missing.body.detail.map((d) => [d.type, d.loc]), [['missing', ['body', 'trace_id']]]);
    const long = await post(bare, '/reviews', { trace_id: 'a', verdict: 'neutral', tooling_needs: 'x'.repeat(2001) });
    assert.deepEqual(long.body.detail.map((d) => [d.type, d.loc]), [['string_too_long', ['body', 'tooling_needs']]]);
    const name = await post(bare, '/reviews', { trace_id: 'a', verdict: 'neutral', dataset_name: 'd'.repeat(201) });
    assert.deepEqual(name.body.detail.map((d) => d.loc), [['body', 'dataset_name']]);
  });
});

describe('traces against the fake Langfuse', () => {
  let main;
  before(async () => { main = await start(keysEnv()); });

  test('status lists the agents and never a key', async () => {
    const { body } = await call(main, '/status');
    assert.equal(body.enabled, true);
    assert.equal(body.configured, true);
    assert.equal(body.langfuse_host, lf.url);
    assert.deepEqual(body.agents, ['beta_bot']);
    assert.deepEqual(body.agent_search_fields, { beta_bot: [{ value: 'trace_id', label: 'Trace ID' }] });
  });

  test('the list honours days_back, name and tags, newest first, with Basic auth', async () => {
    lf.clearRequests();
    const all = await call(main, '/traces');
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.traces.map((t) => t.id), [TRACE_ID, 'trace-b']);  // trace-old is 10 days old
    assert.equal(all.body.total, 2);
    assert.deepEqual(all.body.traces[0], {
      id: TRACE_ID, name: 'claims-agent', tags: ['prod', 'claims'], timestamp: at(0), step_count: 0, step_names: [],
    });
    const [req] = lf.requests();
    assert.equal(req.publicKey, PK);
    assert.equal(req.query.get('limit'), '20');
    const from = Date.parse(req.query.get('fromTimestamp'));
    assert.ok(Math.abs(from - (Date.now() - 7 * 24 * HOUR)) < 60000);
    const older = await call(main, '/traces?days_back=30&name=claims-agent');
    assert.deepEqual(older.body.traces.map((t) => t.id), [TRACE_ID, 'trace-old']);
    const tagged = await call(main, '/traces?tags=prod,%20claims');
    assert.deepEqual(tagged.body.traces.map((t) => t.id), [TRACE_ID]);
    assert.deepEqual(lf.requests().at(-1).query.getAll('tags'), ['prod', 'claims']);
    const limited = await call(main, '/traces?limit=1');
    assert.deepEqual(limited.body.traces.map((t) => t.id), [TRACE_ID]);
  });

  test('detail: steps by start time, tree, usage fallbacks, latency, redaction, totals', async () => {
    const { status, body } = await call(main, `/traces/${TRACE_ID}`);
    assert.equal(status, 200);
    assert.equal(body.schema_version, '2.0');
    assert.deepEqual(body.trace_input, { question: 'Is claim 42 covered?', api_key: '[REDACTED]' });
    assert.equal(body.trace_output, 'Covered up to 500');
    assert.deepEqual(body.trace_metadata,
      { caseReference: 'CASE-42', authorization: '[REDACTED]', nested: { token: '[REDACTED]', content_type: 'json' } });
    assert.deepEqual(body.steps.map((s) => [s.index, s.name]),
      [[0, 'agent-run'], [1, 'plan'], [2, 'lookup_policy'], [3, 'answer'], [4, 'audit']]);
    const plan = body.steps[1];
    assert.deepEqual(plan.observation_types, ['GENERATION', 'SPAN']);
    assert.equal(plan.generation.id, 'o-gen1');
    assert.deepEqual(plan.variables, { query: 'claim 42' });
    assert.deepEqual(plan.observations.map((o) => [o.id, o.usage, o.latency_ms]),
      [['o-gen1', { input: 100, output: 50, total: 150 }, 1200], ['o-span2', { input: 10, output: 5, total: 15 }, 100]]);
    const answer = body.steps[3].observations[0];
    assert.deepEqual(answer.usage, { input: 200, output: 100, total: 300 });
    assert.equal(answer.output, 'x'.repeat(120));
    assert.equal(answer.output_truncated, false);
    assert.equal(answer.model, 'gpt-4o');
    const tool = body.steps[2].observations[0];
    assert.deepEqual(tool.input, { policy_id: 'P-9', password: '[REDACTED]' });
    assert.deepEqual(tool.metadata, { db_password: '[REDACTED]', region: 'eu' });
    assert.equal(tool.usage, null);
    assert.equal(tool.model, null);
    const audit = body.steps[4].observations[0];
    assert.equal(audit.latency_ms, null);
    assert.equal(audit.end_time, null);
    // Tree: one root, its children by start time, the event under the second generation.
    assert.equal(body.tree.length, 1);
    const root = body.tree[0];
    assert.deepEqual([root.id, root.depth, root.latency_ms], ['o-root', 0, 5000]);
    assert.deepEqual(root.children.map((c) => [c.id, c.depth]),
      [['o-gen1', 1], ['o-span2', 1], ['o-tool', 1], ['o-gen2', 1]]);
    assert.deepEqual(root.children[3].children.map((c) => [c.id, c.depth, c.type, c.children.length]),
      [['o-event', 2, 'EVENT', 0]]);
    // Steps sum 150+15+300 = 465; GENERATION+TOOL in the tree 150+300 = 450 replaces it.
    assert.equal(body.total_tokens, 450);
    assert.equal(body.total_latency_ms, 5000);
    assert.equal(body.total_cost, 0.0123);
  });

  test('max_chars cuts long values and sets the flag', async () => {
    const { body } = await call(main, `/traces/${TRACE_ID}?max_chars=100`);
    const answer = body.steps[3].observations[0];
    assert.equal(answer.output, `${'x'.repeat(100)} [...truncated]`);
    assert.equal(answer.output_truncated, true);
    const small = await call(main, `/traces/${TRACE_ID}?max_chars=10`);
    const input = small.body.steps[0].observations[0];
    assert.equal(input.input, '{"query":" [...truncated]');
    assert.equal(input.input_truncated, true);
  });

  test('nodes and steps (grouping order); unknown ones 404', async () => {
    const node = await call(main, `/traces/${TRACE_ID}/nodes/o-gen2`);
    assert.equal(node.status, 200);
    assert.deepEqual([node.body.id, node.body.depth, node.body.children.map((c) => c.id)], ['o-gen2', 1, ['o-event']]);
    const first = await call(main, `/traces/${TRACE_ID}/steps/0`);
    assert.equal(first.body.name, 'answer');  // first seen in the trace's own order
    assert.equal(first.body.index, 0);
    const plan = await call(main, `/traces/${TRACE_ID}/steps/2`);
    assert.deepEqual([plan.body.name, plan.body.index, plan.body.observations.length], ['plan', 2, 2]);
    assert.equal((await call(main, `/traces/${TRACE_ID}/steps/5`)).status, 404);
    assert.equal((await call(main, `/traces/${TRACE_ID}/steps/-1`)).status, 404);
    assert.equal((await call(main, `/traces/${TRACE_ID}/nodes/nope`)).status, 404);
    const missing = await call(main, '/traces/no-such-trace');
    assert.deepEqual(missing, { status: 404, body: { detail: "Trace 'no-such-trace' not found" } });
  });

  test('search: a UUID or long hex fetches that trace; otherwise the metadata key', async () => {
    const byId = await call(main, `/search?query=${TRACE_ID}`);
    assert.deepEqual(byId.body.traces.map((t) => [t.id, t.step_count]), [[TRACE_ID, 5]]);
    assert.deepEqual(byId.body.traces[0].step_names, ['answer', 'agent-run', 'plan', 'lookup_policy', 'audit']);
    assert.deepEqual((await call(main, `/search?query=${'ab'.repeat(16)}`)).body, { traces: [], total: 0 });
    const byMeta = await call(main, '/search?query=CASE-42');
    assert.deepEqual(byMeta.body.traces.map((t) => t.id), [TRACE_ID, 'trace-old']);  // days_back 30
    const recent = await call(main, '/search?query=CASE-42&days_back=1');
    assert.deepEqual(recent.body.traces.map((t) => t.id), [TRACE_ID]);
    assert.deepEqual((await call(main, '/search?query=CASE-0')).body, { traces: [], total: 0 });
  });

  test('per-agent credentials: agent= uses that project', async () => {
    lf.clearRequests();
    const beta = await call(main, '/traces?agent=Beta-Bot');
    assert.deepEqual(beta.body.traces.map((t) => t.id), ['trace-bb-1']);
    assert.deepEqual(lf.requests().map((r) => r.publicKey), [BETA_PK]);
    const { status, body } = await call(main, '/traces?agent=ghost');
    assert.equal(status, 503);
    assert.match(body.detail, /agent 'ghost'/);
  });

  test('retries: 429 with Retry-After, a 500, a reply slower than the read timeout', async () => {
    lf.clearRequests();
    const when = (r) => r.path === '/api/public/traces';
    lf.fault({ status: 429, retryAfter: '1', when });
    lf.fault({ status: 500, when });
    const started = Date.now();
    const ok = await call(main, '/traces?days_back=1');
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.traces.map((t) => t.id), [TRACE_ID, 'trace-b']);
    assert.deepEqual(lf.requests().map((r) => r.status), [429, 500, 200]);
    assert.ok(Date.now() - started >= 1000, 'Retry-After was honoured');
    // Three failures exhaust the tries: 500 with Langfuse's status in the detail.
    for (let i = 0; i < 3; i++) lf.fault({ status: 503, when });
    const failed = await call(main, '/traces');
    assert.equal(failed.status, 500);
    assert.match(failed.body.detail, /HTTP 503/);
    // A reply that stays silent past the 10 s read timeout is given up and retried.
    lf.clearRequests();
    lf.fault({ delayMs: 12000, when: (r) => r.path === '/api/public/traces/trace-b' });
    const slow = await call(main, '/traces/trace-b');
    assert.equal(slow.status, 200);
    assert.equal(slow.body.id, 'trace-b');
    assert.equal(lf.requests().filter((r) => r.path === '/api/public/traces/trace-b').length, 2);
  });

  test('every route\'s reply matches its declared schema', async () => {
    const schemas = new ReplySchemas(readSnapshot());
    const r = (route, url, body) => callReply(main, schemas, route, url, body);
    await r('GET /api/agent-replay/status', '/api/agent-replay/status');
    await r('GET /api/agent-replay/agents', '/api/agent-replay/agents');
    await r('GET /api/agent-replay/search', `/api/agent-replay/search?query=${TRACE_ID}`);
    await r('GET /api/agent-replay/traces', '/api/agent-replay/traces');
    await r('GET /api/agent-replay/traces/{trace_id}', `/api/agent-replay/traces/${TRACE_ID}`);
    await r('GET /api/agent-replay/traces/{trace_id}/nodes/{node_id}', `/api/agent-replay/traces/${TRACE_ID}/nodes/o-root`);
    await r('GET /api/agent-replay/traces/{trace_id}/steps/{index}', `/api/agent-replay/traces/${TRACE_ID}/steps/1`);
    await r('POST /api/agent-replay/reviews', '/api/agent-replay/reviews',
      { trace_id: 'trace-old', verdict: 'positive', rationale: 'fine', add_to_dataset: true, dataset_name: 'schema-check' });
    await r('GET /api/agent-replay/traces/{trace_id}/reviews', '/api/agent-replay/traces/trace-old/reviews');
    await r('GET /api/agent-replay/datasets', '/api/agent-replay/datasets');
    assert.deepEqual([...schemas.exercised].sort(), [...AGENT_REPLAY_ROUTES].sort());
  });

  test('the trace cache: a second view of a trace fetches nothing', async () => {
    await call(main, '/traces/trace-b');
    lf.clearRequests();
    await call(main, '/traces/trace-b/steps/0');
    await call(main, '/traces/trace-b/nodes/trace-b-o');
    assert.equal(lf.requests().length, 0);
  });

  test('reviews: the exact scores in order, then the golden dataset item', async () => {
    const earlier = lf.scores(PK).length;
    const res = await post(main, '/reviews', {
      trace_id: TRACE_ID, verdict: 'negative', agent_label: 'Claims Bot',
      failure_observation_id: 'o-tool', failure_observation_name: 'lookup_policy',
      tooling_needs: 'A policy index', rationale: '  ', expected_output: 'Covered up to 400',
      trace_input: { question: 'Is claim 42 covered?' }, add_to_dataset: true,
    });
    assert.equal(res.status, 200);
    const month = new Date().toISOString().slice(0, 7);
    assert.deepEqual(res.body, {
      success: true, trace_id: TRACE_ID, scores_created: 4, dataset_item_created: true,
      dataset_name: 'lookup_policy',
      scores: [
        { id: '', name: 'review.verdict.v1', value: -1, string_value: null, observation_id: null },
        { id: '', name: 'review.tooling_needs.v1', value: null, string_value: 'A policy index', observation_id: 'o-tool' },
        { id: '', name: 'review.expected_output.v1', value: null, string_value: 'Covered up to 400', observation_id: 'o-tool' },
        { id: '', name: 'review.failure_step.v1', value: null, string_value: 'lookup_policy', observation_id: 'o-tool' },
      ],
    });
    const received = lf.scores(PK).slice(earlier);
    const scores = received.map(({ id, timestamp, stringValue, ...s }) => s);
    assert.deepEqual(scores, [
      { traceId: TRACE_ID, name: 'review.verdict.v1', value: -1, dataType: 'NUMERIC', comment: 'negative' },
      { traceId: TRACE_ID, name: 'review.tooling_needs.v1', value: null, dataType: 'CATEGORICAL', observationId: 'o-tool' },
      { traceId: TRACE_ID, name: 'review.expected_output.v1', value: null, dataType: 'CATEGORICAL', observationId: 'o-tool' },
      { traceId: TRACE_ID, name: 'review.failure_step.v1', value: null, dataType: 'CATEGORICAL', observationId: 'o-tool' },
    ]);
    assert.deepEqual(received.map((s) => s.stringValue ?? null),
      [null, 'A policy index', 'Covered up to 400', 'lookup_policy']);
    assert.deepEqual(lf.datasets(PK).map((d) => d.name), ['schema-check', 'lookup_policy']);
    const [item] = lf.items(PK).filter((i) => i.datasetName === 'lookup_policy')
      .map(({ createdAt, datasetId, status, ...i }) => i);
    assert.deepEqual(item, {
      datasetName: 'lookup_policy', id: `Claims Bot-golden-${month}`, sourceTraceId: TRACE_ID,
      input: { question: 'Is claim 42 covered?' }, expectedOutput: 'Covered up to 400',
      metadata: { verdict: 'negative', tooling_needs: 'A policy index' }, sourceObservationId: 'o-tool',
    });
  });

  test('a bare positive is one score and no item; a named dataset is created once', async () => {
    const before = lf.scores(PK).length;
    const positive = await post(main, '/reviews', { trace_id: 'trace-b', verdict: 'positive' });
    assert.deepEqual([positive.body.scores_created, positive.body.dataset_item_created, positive.body.dataset_name],
      [1, false, null]);
    assert.equal(lf.scores(PK).length, before + 1);
    lf.clearRequests();
    const neutral = await post(main, '/reviews',
      { trace_id: 'trace-b', verdict: 'neutral', add_to_dataset: true, dataset_name: 'my-dataset' });
    assert.deepEqual([neutral.body.scores[0].value, neutral.body.dataset_item_created, neutral.body.dataset_name],
      [0, true, 'my-dataset']);
    assert.deepEqual(lf.requests().map((r) => `${r.method} ${r.path}`),
      ['POST /api/public/scores', 'POST /api/public/v2/datasets', 'POST /api/public/dataset-items']);
    assert.equal(lf.requests()[2].body.expectedOutput, null);
    assert.equal(lf.requests()[2].body.id, `default-golden-${new Date().toISOString().slice(0, 7)}`);
  });

  test('a trace\'s reviews and the datasets', async () => {
    const { body } = await call(main, `/traces/${TRACE_ID}/reviews`);
    assert.deepEqual(body.scores.map((s) => [s.name, s.value, s.string_value, s.observation_id, s.comment]), [
      ['review.verdict.v1', -1, null, null, 'negative'],
      ['review.tooling_needs.v1', null, 'A policy index', 'o-tool', null],
      ['review.expected_output.v1', null, 'Covered up to 400', 'o-tool', null],
      ['review.failure_step.v1', null, 'lookup_policy', 'o-tool', null],
    ]);
    assert.deepEqual(body.datasets, []);
    assert.equal((await call(main, '/traces/nope/reviews')).status, 404);
    const datasets = await call(main, '/datasets');
    // The item id is fixed per label and month: my-dataset's item replaced schema-check's.
    assert.deepEqual(datasets.body.datasets.map((d) => [d.name, d.item_count]), [['schema-check', 0], ['lookup_policy', 1], ['my-dataset', 1]]);
    assert.ok(datasets.body.datasets.every((d) => typeof d.id === 'string' && typeof d.created_at === 'string'));
  });
});

describe('search DB', { skip: !pgEnv() && 'AXIS_PG_ENV not set' }, () => {
  const table = `replay_lookup_${process.pid}`;
  const betaTable = `replay_beta_${process.pid}`;
  let db; let noDb; let badDb;
  before(async () => {
    psql(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${betaTable};
      CREATE TABLE ${table} (case_reference text, ticket_number text, langfuse_trace_id text, agent_name text);
      INSERT INTO ${table} VALUES
        ('CASE-42', 'T-1', '${TRACE_ID}', NULL),
        ('CASE-99', 'T-3', 'missing-trace', NULL), ('CASE-99', 'T-3', 'trace-b', NULL),
        ('CASE-55', 'T-5', 'trace-bb-1', 'Beta-Bot'),
        ('CASE-56', 'T-6', 'trace-x', 'ghost_agent'), ('CASE-56', 'T-6', 'trace-b', NULL),
        ('CASE-E', 'T-E', '', NULL);
      CREATE TABLE ${betaTable} (ticket_number text, tid text);
      INSERT INTO ${betaTable} VALUES ('BB-7', 'trace-bb-1');`);
    const url = pgEnv().DATABASE_URL;
    const yaml = (u) => `agent_replay_db:
  enabled: true
  url: "${u}"
  ssl_mode: disable
  table: ${table}
  search_columns:
    case_reference: Case Reference
    ticket_number: Ticket Number
  agent_name_column: agent_name
  agents:
    beta-bot:
      table: ${betaTable}
      search_column: ticket_number
      search_column_label: Ticket
      trace_id_column: tid
      agent_name_column: ""
`;
    db = await start(keysEnv(), { configFiles: { 'agent_replay_db.yaml': yaml(url) } });
    noDb = await start(keysEnv());
    badDb = await start(keysEnv(), { configFiles: { 'agent_replay_db.yaml': yaml('postgresql://axis:x@127.0.0.1:1/none') } });
  });
  after(() => psql(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${betaTable};`));

  test('status: the columns in order, and each agent its own', async () => {
    const { body } = await call(db, '/status');
    assert.deepEqual(body.search_fields, [
      { value: 'trace_id', label: 'Trace ID' },
      { value: 'case_reference', label: 'Case Reference' },
      { value: 'ticket_number', label: 'Ticket Number' },
    ]);
    assert.deepEqual(body.agent_search_fields, {
      beta_bot: [{ value: 'trace_id', label: 'Trace ID' }, { value: 'ticket_number', label: 'Ticket' }],
    });
  });

  test('field lookups: matches, missing traces skipped, grouped by agent', async () => {
    const hit = await call(db, '/search?query=CASE-42&search_by=case_reference');
    assert.deepEqual(hit.body.traces.map((t) => [t.id, t.step_count]), [[TRACE_ID, 5]]);
    const first = await call(db, '/search?query=CASE-42&search_by=field');  // field = the first column
    assert.deepEqual(first.body.traces.map((t) => t.id), [TRACE_ID]);
    assert.deepEqual((await call(db, '/search?query=T-3&search_by=ticket_number')).body.traces.map((t) => t.id), ['trace-b']);
    assert.deepEqual((await call(db, '/search?query=NONE&search_by=case_reference')).body, { traces: [], total: 0 });
    assert.deepEqual((await call(db, '/search?query=CASE-E&search_by=case_reference')).body, { traces: [], total: 0 });
    lf.clearRequests();
    const beta = await call(db, '/search?query=CASE-55&search_by=case_reference');
    assert.deepEqual(beta.body.traces.map((t) => t.id), ['trace-bb-1']);
    assert.deepEqual(lf.requests().map((r) => r.publicKey), [BETA_PK]);
    const ghost = await call(db, '/search?query=CASE-56&search_by=case_reference');
    assert.deepEqual(ghost.body.traces.map((t) => t.id), ['trace-b']);  // ghost_agent has no keys
    const asBeta = await call(db, '/search?query=BB-7&search_by=field&agent=beta-bot');
    assert.deepEqual(asBeta.body.traces.map((t) => t.id), ['trace-bb-1']);
    // A value is bound, never spliced into the SQL.
    const injection = await call(db, `/search?query=${encodeURIComponent("x' OR '1'='1")}&search_by=case_reference`);
    assert.deepEqual(injection.body, { traces: [], total: 0 });
  });

  test('503 when the lookup cannot run', async () => {
    const unknown = await call(db, '/search?query=a&search_by=nonexistent');
    assert.deepEqual(unknown, { status: 503, body: { detail:
      "Search column 'nonexistent' is not configured. Available columns: ['case_reference', 'ticket_number']" } });
    for (const by of ['nonexistent', 'field', 'case_reference']) {
      const off = await call(noDb, `/search?query=a&search_by=${by}`);
      assert.deepEqual(off, { status: 503, body: { detail: 'Search database is not enabled' } }, by);
    }
    const failing = await call(badDb, '/search?query=a&search_by=field');
    assert.equal(failing.status, 503);
    assert.match(failing.body.detail, /^Database query failed: /);
    assert.ok(!failing.body.detail.includes('postgresql://'));
  });
});
