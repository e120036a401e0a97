// CaliberHQ (/api/align) against the fake LLM provider: the judge's replies read by value
// (fenced JSON, Score: lines, garbage, a retried 429, dropped connections), metrics worked out
// by hand, five calls in flight, the Anthropic path, the prompt the model received, the model's
// analyses and clustering, and configurations, labels and runs surviving a restart.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeLlm } from './lib/fake_llm.mjs';
import { ALIGN_ROUTES } from './lib/reply_routes.mjs';
import { ReplySchemas } from './lib/reply_schemas.mjs';
import { startServer } from './lib/server.mjs';

let schemas;
const fakes = [];
const servers = [];

async function send(server, method, path, body) {
  const init = { method };
  if (body !== undefined) Object.assign(init, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: res.status, json };
}

// A 200 reply, checked against the schema of `route` ("METHOD /pattern").
async function ok(server, route, path, body) {
  const { status, json } = await send(server, route.split(' ')[0], path, body);
  assert.equal(status, 200, `${route}: ${JSON.stringify(json).slice(0, 500)}`);
  return schemas.check(route, json);
}

const CONFIG = {
  model: 'gpt-4',
  provider: 'openai',
  system_prompt: 'You judge answers.\n{evaluation_criteria}\nBe brief.',
  evaluation_criteria: 'Accept only answers that cite a source.',
  few_shot_examples: [{ query: 'Capital of France?', actual_output: 'Paris [1]', score: 1, reasoning: 'Cited.' }],
  temperature: 0,
  name: 'cite sources',
};

const record = (id, extra = {}) => ({ id, query: `Question ${id}`, actual_output: `Answer ${id}`, ...extra });
// The reply goes to the judge call of record `id`.
const forRecord = (id) => (body) => body.messages.at(-1).content.includes(`"Question ${id}"`);

// Peak number of requests in flight at once in the fake's log.
function peakInFlight(requests) {
  const edges = requests.flatMap((r) => [[r.receivedAt, 1], [r.finishedAt, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, d] of edges) { now += d; peak = Math.max(peak, now); }
  return peak;
}

before(async () => {
  const server = await startServer();
  servers.push(server);
  schemas = new ReplySchemas(await (await fetch(`${server.url}/openapi.json`)).json());
});

after(async () => {
  for (const s of servers) await s.stop();
  for (const f of fakes) await f.close();
});

describe('align without a provider', () => {
  test('statistics, defaults, models, status and the 4xx refusals', async () => {
    const server = servers[0];
    // TP=2 FN=1 FP=1 TN=1 (n=5): accuracy 3/5; precision 2/3; recall 2/3; specificity 1/2;
    // F1 2/3; p_e = (3·3 + 2·2)/25 = 0.52, p_o = 0.6, κ = 0.08/0.48 = 1/6.
    const { metrics } = await ok(server, 'POST /api/align/metrics', '/api/align/metrics',
      { human_scores: [1, 1, 0, 0, 1], llm_scores: [1, 0, 1, 0, 1] });
    assert.deepEqual(
      [metrics.accuracy, metrics.precision, metrics.recall, metrics.specificity, metrics.f1_score, metrics.cohens_kappa],
      [0.6, 0.6667, 0.6667, 0.5, 0.6667, 0.1667]);
    assert.deepEqual(metrics.confusion_matrix, [[1, 1], [1, 2]]);
    assert.equal(metrics.total_samples, 5);
    assert.equal(metrics.agreement_count, 3);
    const ci = metrics.confidence_intervals;
    assert.equal(ci.level, 0.95);
    assert.equal(ci.resamples, 2000);
    assert.equal(ci.seed, 0x41584953);
    assert.ok(ci.cohens_kappa.low <= 0.1667 && 0.1667 <= ci.cohens_kappa.high);
    assert.ok(ci.f1_score.low <= 0.6667 && 0.6667 <= ci.f1_score.high);
    const again = await send(server, 'POST', '/api/align/metrics', { human_scores: [1, 1, 0, 0, 1], llm_scores: [1, 0, 1, 0, 1] });
    assert.deepEqual(again.json.metrics.confidence_intervals, ci);

    let res = await send(server, 'POST', '/api/align/metrics', { human_scores: [1, 0], llm_scores: [1] });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'human_scores and llm_scores must have the same length (got 2 and 1)');
    res = await send(server, 'POST', '/api/align/metrics', { human_scores: [], llm_scores: [] });
    assert.equal(res.status, 400);
    res = await send(server, 'POST', '/api/align/metrics', { human_scores: 'x', llm_scores: [1] });
    assert.equal(res.status, 422);

    res = await send(server, 'POST', '/api/align/evaluate', { records: [record('a')], human_annotations: {}, judge_config: CONFIG });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'No human annotations provided');
    res = await send(server, 'POST', '/api/align/evaluate', { records: [record('a')], human_annotations: { a: 1 }, judge_config: CONFIG });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'openai API key not configured. Set the appropriate environment variable.');
    res = await send(server, 'POST', '/api/align/evaluate', {
      records: [record('a')], human_annotations: { a: 1 }, judge_config: { ...CONFIG, provider: 'anthropic' } });
    assert.equal(res.json.detail, 'anthropic API key not configured. Set the appropriate environment variable.');
    res = await send(server, 'POST', '/api/align/evaluate', {
      records: Array.from({ length: 10001 }, (_, i) => ({ id: i })), human_annotations: { 0: 1 }, judge_config: CONFIG });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'records: at most 10000 items are allowed (got 10001)');
    res = await send(server, 'POST', '/api/align/evaluate', {
      records: [record('a')], human_annotations: { a: 1 }, judge_config: { ...CONFIG, few_shot_examples: Array(21).fill(CONFIG.few_shot_examples[0]) } });
    assert.equal(res.status, 400);
    res = await send(server, 'POST', '/api/align/evaluate', {
      records: [record('a', { query: 'x'.repeat(102401) })], human_annotations: { a: 1 }, judge_config: CONFIG });
    assert.equal(res.status, 400);
    res = await send(server, 'POST', '/api/align/evaluate', { records: [record('a')], human_annotations: { a: 2 }, judge_config: CONFIG });
    assert.equal(res.status, 422);
    res = await send(server, 'POST', '/api/align/evaluate', { records: [record('a')], human_annotations: { a: 1 }, judge_config: { ...CONFIG, temperature: 3 } });
    assert.equal(res.status, 422);

    const defaults = await ok(server, 'GET /api/align/defaults', '/api/align/defaults');
    assert.ok(defaults.system_prompt.includes('{evaluation_criteria}'));
    assert.ok(defaults.evaluation_criteria.length > 0);
    const { models } = await ok(server, 'GET /api/align/models', '/api/align/models');
    assert.equal(models.filter((m) => m.provider === 'openai').length, 11);
    assert.equal(models.filter((m) => m.provider === 'anthropic').length, 6);
    assert.ok(models.every((m) => m.name.endsWith(' (not configured)')));
    assert.deepEqual(models.find((m) => m.id === 'gpt-4'), {
      id: 'gpt-4', name: 'GPT-4 (not configured)', provider: 'openai', context_window: 8192, supports_function_calling: true });
    const status = await ok(server, 'GET /api/align/status', '/api/align/status');
    assert.deepEqual(status, { configured: false, providers: { openai: false, anthropic: false }, saved_configs_count: 0 });

    res = await send(server, 'POST', '/api/align/cluster-patterns', { annotations: { a: { score: 0, notes: 'x' } }, method: 'bertopic' });
    assert.equal(res.status, 501);
    assert.match(res.json.detail, /'llm'/);
    res = await send(server, 'POST', '/api/align/cluster-patterns', { annotations: { a: { score: 0, notes: 'too long' } } });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'openai API key not configured. Set the appropriate environment variable.');
    const none = await send(server, 'POST', '/api/align/cluster-patterns', { annotations: { a: { score: 0, notes: '  ' }, b: { score: 1 } } });
    assert.equal(none.status, 200);
    assert.equal(none.json.message, 'No annotations with notes found to cluster.');
    assert.deepEqual(none.json.patterns, []);
  });

  test('few-shot suggestions use the human labels', async () => {
    const records = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => record(id));
    const human_annotations = { a: 1, b: 0, c: 1, d: 0, e: 1, f: 0 };
    let body = await ok(servers[0], 'POST /api/align/suggest-examples', '/api/align/suggest-examples',
      { records, human_annotations, strategy: 'recent', count: 4 });
    assert.equal(body.strategy_used, 'recent');
    assert.deepEqual(body.examples.map((e) => [e.query, e.score]),
      [['Question e', 1], ['Question c', 1], ['Question f', 0], ['Question d', 0]]);
    assert.equal(body.examples[0].reasoning, 'Accepted based on human evaluation.');
    const results = records.map((r) => ({ record_id: r.id, human_score: human_annotations[r.id], llm_score: human_annotations[r.id] }));
    results[3].llm_score = 1;
    body = await ok(servers[0], 'POST /api/align/suggest-examples', '/api/align/suggest-examples',
      { records, human_annotations, strategy: 'edge_cases', count: 1, results });
    assert.equal(body.strategy_used, 'edge_cases');
    assert.deepEqual(body.examples.map((e) => e.query), ['Question d']);
    const res = await send(servers[0], 'POST', '/api/align/suggest-examples', { records, human_annotations, count: 11 });
    assert.equal(res.status, 422);
  });
});

describe('align with the fake OpenAI provider', () => {
  let fake;
  let server;
  before(async () => {
    fake = await startFakeLlm();
    fakes.push(fake);
    server = await startServer({ env: { OPENAI_API_KEY: 'sk-align', OPENAI_API_BASE: fake.openaiBase } });
    servers.push(server);
  });

  test('evaluate reads every kind of reply, retries, and computes the metrics', async () => {
    fake.reset();
    fake.enqueue(
      { when: forRecord('r1'), text: '```json\n{"score": 1, "explanation": "Cites [2]."}\n```' },
      { when: forRecord('r2'), text: '{"score": 0, "explanation": "No source."}' },
      { when: forRecord('r3'), text: 'Score: 1\nReasoning: Looks sourced.' },
      { when: forRecord('r4'), text: 'I would rather not say.' },
      { when: forRecord('r5'), status: 429, retryAfter: '1' },
      { when: forRecord('r5'), text: '{"score": 1, "explanation": "Good after a retry."}' },
      ...Array(3).fill({ when: forRecord('r6'), text: '{"score": 1, "explanation": "never read"}', dropAfterChunks: 0 }),
    );
    const records = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'].map((id) => record(id));
    records[0] = { dataset_id: 'r1', query: 'Question r1', actual_output: 'Answer r1', expected_output: 'Expected r1' };
    const body = await ok(server, 'POST /api/align/evaluate', '/api/align/evaluate', {
      records, human_annotations: { r1: 1, r2: 0, r3: 0, r4: 1, r5: 1, r6: 0 }, judge_config: CONFIG });
    assert.equal(body.message, 'Evaluated 6 records');
    const byId = Object.fromEntries(body.results.map((r) => [r.record_id, r]));
    assert.deepEqual(body.results.map((r) => [r.record_id, r.human_score, r.llm_score, r.is_aligned]), [
      ['r1', 1, 1, true], ['r2', 0, 0, true], ['r3', 0, 1, false], ['r4', 1, 0, false], ['r5', 1, 1, true], ['r6', 0, 0, true]]);
    assert.equal(byId.r1.llm_reasoning, 'Cites [2].');
    assert.equal(byId.r1.expected_output, 'Expected r1');
    assert.equal(byId.r2.expected_output, null);
    assert.equal(byId.r3.llm_reasoning, 'Looks sourced.');
    assert.match(byId.r4.llm_reasoning, /^Could not read the judge's reply .*I would rather not say\.$/);
    assert.equal(byId.r5.llm_reasoning, 'Good after a retry.');
    assert.match(byId.r6.llm_reasoning, /^The judge call failed: the connection to the model closed/);
    // TP=2 (r1, r5) TN=2 (r2, r6) FP=1 (r3) FN=1 (r4): every ratio 2/3; p_e = 0.5·0.5 + 0.5·0.5
    // = 0.5, p_o = 4/6, κ = (2/3 − 1/2)/(1/2) = 1/3.
    const m = body.metrics;
    assert.deepEqual([m.accuracy, m.precision, m.recall, m.specificity, m.f1_score, m.cohens_kappa],
      [0.6667, 0.6667, 0.6667, 0.6667, 0.6667, 0.3333]);
    assert.deepEqual(m.confusion_matrix, [[2, 1], [1, 2]]);
    assert.equal(m.agreement_count, 4);
    assert.match(body.run_id, /^[0-9a-f-]{36}$/);

    const calls = fake.requests();
    assert.equal(calls.length, 1 + 1 + 1 + 1 + 2 + 3);  // r5 twice, r6 three times
    assert.equal(calls.filter((c) => c.status === 429).length, 1);
    assert.equal(calls.filter((c) => c.dropped).length, 3);
    const sent = calls.find((c) => forRecord('r1')(c.body)).body;
    assert.equal(sent.model, 'gpt-4');
    assert.equal(sent.temperature, 0);
    assert.equal(sent.messages[0].role, 'system');
    assert.ok(sent.messages[0].content.startsWith('You judge answers.\nAccept only answers that cite a source.\nBe brief.'));
    assert.ok(!sent.messages[0].content.includes('{evaluation_criteria}'));
    assert.deepEqual(sent.messages.slice(1).map((x) => [x.role, x.content]), [
      ['user', 'Input:\n{"query":"Capital of France?","actual_output":"Paris [1]"}'],
      ['assistant', '{"score":1,"explanation":"Cited."}'],
      ['user', 'Input:\n{"query":"Question r1","actual_output":"Answer r1","expected_output":"Expected r1"}'],
    ]);

    const { runs } = await ok(server, 'GET /api/align/runs', '/api/align/runs');
    assert.equal(runs[0].run_id, body.run_id);
    assert.equal(runs[0].name, 'cite sources');
    assert.equal(runs[0].total_samples, 6);
    assert.deepEqual(runs[0].metrics, body.metrics);
    const { run } = await ok(server, 'GET /api/align/runs/{run_id}', `/api/align/runs/${body.run_id}`);
    assert.deepEqual(run.results, body.results);
    assert.equal(run.judge_config.evaluation_criteria, CONFIG.evaluation_criteria);
    assert.equal((await send(server, 'GET', '/api/align/runs/nope')).json.detail, 'Run not found');
  });

  test('twelve records are judged five at a time', async () => {
    fake.reset();
    fake.enqueue(...Array.from({ length: 12 }, () => ({ text: '{"score": 1, "explanation": "ok"}', delayMs: 300 })));
    const records = Array.from({ length: 12 }, (_, i) => record(`c${i}`));
    const human_annotations = Object.fromEntries(records.map((r) => [r.id, 1]));
    const { json } = await send(server, 'POST', '/api/align/evaluate', { records, human_annotations, judge_config: CONFIG });
    assert.equal(json.results.length, 12);
    assert.equal(json.metrics.accuracy, 1);
    assert.equal(fake.requests().length, 12);
    assert.equal(peakInFlight(fake.requests()), 5);
  });

  test('misalignment analysis and prompt optimisation', async () => {
    fake.reset();
    const results = [
      { record_id: 'x1', query: 'q1', actual_output: 'a1', human_score: 0, llm_score: 1, llm_reasoning: 'fine' },
      { record_id: 'x2', query: 'q2', actual_output: 'a2', human_score: 1, llm_score: 0, llm_reasoning: 'no' },
      { record_id: 'x3', query: 'q3', actual_output: 'a3', human_score: 1, llm_score: 1, llm_reasoning: 'yes' },
    ];
    fake.enqueue({ text: JSON.stringify({
      summary: 'Lenient on unsourced claims.',
      patterns: [{ pattern_type: 'false_positive', description: 'Accepts claims without sources', example_ids: ['x1'] },
        { pattern_type: 'false_negative', description: 'Rejects short answers', example_ids: ['x2', 'x9'] }],
      recommendations: ['Require a citation', 'Allow short answers'] }) });
    const { analysis } = await ok(server, 'POST /api/align/analyze-misalignment', '/api/align/analyze-misalignment',
      { results, judge_config: CONFIG });
    assert.deepEqual(analysis, {
      total_misaligned: 2, false_positives: 1, false_negatives: 1,
      patterns: [{ pattern_type: 'false_positive', description: 'Accepts claims without sources', count: 1, examples: ['x1'] },
        { pattern_type: 'false_negative', description: 'Rejects short answers', count: 2, examples: ['x2', 'x9'] }],
      summary: 'Lenient on unsourced claims.', recommendations: ['Require a citation', 'Allow short answers'] });
    const asked = JSON.parse(fake.requests()[0].body.messages.at(-1).content);
    assert.deepEqual(asked.false_positives.map((r) => r.id), ['x1']);
    assert.deepEqual(asked.false_negatives.map((r) => r.id), ['x2']);
    assert.equal(asked.evaluation_criteria, CONFIG.evaluation_criteria);

    fake.enqueue({ text: '```json\n' + JSON.stringify({
      optimized_criteria: 'Accept answers that cite a source or are common knowledge.',
      suggestions: [{ aspect: 'sources', suggestion: 'Allow common knowledge', rationale: 'x2 was rejected' }],
      expected_improvement: 'Fewer false negatives.' }) + '\n```' });
    const current = { ...CONFIG, system_prompt: 'Judge.\nCriteria: Accept only answers that cite a source.\nEnd.' };
    const { optimized } = await ok(server, 'POST /api/align/optimize-prompt', '/api/align/optimize-prompt',
      { results, current_config: current });
    assert.equal(optimized.original_prompt, current.system_prompt);
    assert.equal(optimized.optimized_prompt, 'Judge.\nCriteria: Accept answers that cite a source or are common knowledge.\nEnd.');
    assert.equal(optimized.evaluation_criteria, 'Accept answers that cite a source or are common knowledge.');
    assert.equal(optimized.suggestions[0].rationale, 'x2 was rejected');
    assert.equal(optimized.expected_improvement, 'Fewer false negatives.');

    // Nothing misaligned: no model call.
    const before = fake.requests().length;
    const same = await send(server, 'POST', '/api/align/optimize-prompt', { results: [results[2]], current_config: current });
    assert.equal(same.json.optimized.optimized_prompt, current.system_prompt);
    const none = await send(server, 'POST', '/api/align/analyze-misalignment', { results: [results[2]], judge_config: CONFIG });
    assert.equal(none.json.analysis.total_misaligned, 0);
    assert.equal(fake.requests().length, before);
    // A reply that is not JSON is a 502.
    fake.enqueue({ text: 'no json here' });
    const bad = await send(server, 'POST', '/api/align/analyze-misalignment', { results, judge_config: CONFIG });
    assert.equal(bad.status, 502);
  });

  test('cluster-patterns keeps the categories of two or more notes and checks the learnings', async () => {
    fake.reset();
    fake.enqueue(
      { when: (b) => b.messages[0].content.includes('group human reviewers'), text: JSON.stringify({
        categories: [{ name: 'Too verbose', record_ids: ['a1', 'a2', 'a3'] }, { name: 'Wrong facts', record_ids: ['a4'] },
          { name: 'Ghost', record_ids: ['zzz', 'a5', 'a5'] }] }) },
      { when: (b) => b.messages[0].content.includes('distil'), text: JSON.stringify({ learnings: [
        { title: 'Be concise', content: 'Short answers.', tags: ['length'], confidence: 0.9, supporting_item_ids: ['a1', 'zzz'],
          recommended_actions: ['Cap length'], counterexamples: [] },
        { title: 'be concise ', content: 'dup', tags: [], confidence: 0.5, supporting_item_ids: [], recommended_actions: [], counterexamples: [] },
        { title: 'Prefer lists', content: 'Lists help.', tags: [], confidence: 1.7, supporting_item_ids: ['a2'],
          recommended_actions: [], counterexamples: [], scope: 'how-to questions' }] }) },
    );
    const annotations = {
      a1: { score: 0, notes: 'Way too long' }, a2: { score: 0, notes: 'Rambles' }, a3: { score: 0, notes: 'Verbose' },
      a4: { score: 0, notes: 'Wrong year' }, a5: { score: 1, notes: 'Fine but odd' }, a6: { score: 1, notes: '' },
    };
    const body = await ok(server, 'POST /api/align/cluster-patterns', '/api/align/cluster-patterns',
      { annotations, method: 'llm', domain_context: 'travel' });
    assert.deepEqual(body.patterns, [{ category: 'Too verbose', count: 3, examples: ['Way too long', 'Rambles', 'Verbose'], record_ids: ['a1', 'a2', 'a3'] }]);
    assert.deepEqual(body.uncategorized, ['a4', 'a5']);
    assert.deepEqual(body.learnings.map((l) => [l.title, l.confidence, l.supporting_item_ids]),
      [['Prefer lists', 1, ['a2']], ['Be concise', 0.9, ['a1']]]);
    assert.equal(body.learnings[0].scope, 'how-to questions');
    // Repairs: 'zzz' removed (1), confidence 1.7 clamped (1); one duplicate title; 2 categories dropped.
    assert.deepEqual(body.pipeline_metadata, { filtered_count: 2, deduplicated_count: 1, validation_repairs: 2, total_analyzed: 5, clustering_method: 'llm' });
    assert.equal(body.message, 'Found 1 patterns from 5 annotated notes.');
    const first = fake.requests()[0].body;
    assert.equal(first.model, 'gpt-4o');
    const sent = JSON.parse(first.messages.at(-1).content);
    assert.deepEqual(sent.notes.map((n) => n.id), ['a1', 'a2', 'a3', 'a4', 'a5']);
    assert.equal(sent.domain_context, 'travel');
  });

  test('models and status see the configured provider', async () => {
    const { models } = await ok(server, 'GET /api/align/models', '/api/align/models');
    assert.equal(models.find((m) => m.id === 'gpt-4o').name, 'GPT-4o');
    assert.equal(models.find((m) => m.id === 'claude-3-5-sonnet-20241022').name, 'Claude 3.5 Sonnet (not configured)');
    const status = await ok(server, 'GET /api/align/status', '/api/align/status');
    assert.deepEqual(status.providers, { openai: true, anthropic: false });
    assert.equal(status.configured, true);
  });
});

describe('align with the fake Anthropic provider', () => {
  test('the judge runs on Claude with the criteria in the system prompt', async () => {
    const fake = await startFakeLlm();
    fakes.push(fake);
    const server = await startServer({ env: { ANTHROPIC_API_KEY: 'sk-ant', ANTHROPIC_BASE_URL: fake.anthropicBase } });
    servers.push(server);
    fake.enqueue({ when: forRecord('k1'), text: '{"score": 0, "explanation": "No source."}' },
      { when: forRecord('k2'), text: 'Score: 1\nReasoning: Sourced.' });
    const body = await ok(server, 'POST /api/align/evaluate', '/api/align/evaluate', {
      records: [record('k1'), record('k2')], human_annotations: { k1: 1, k2: 1 }, judge_config: { ...CONFIG, provider: 'anthropic' } });
    assert.deepEqual(body.results.map((r) => [r.record_id, r.llm_score, r.llm_reasoning]), [['k1', 0, 'No source.'], ['k2', 1, 'Sourced.']]);
    // TP=1 FN=1: precision 1, recall 0.5, F1 2/3, accuracy 0.5; p_e = 1·0.5 + 0 = 0.5 = p_o → κ 0.
    assert.deepEqual([body.metrics.precision, body.metrics.recall, body.metrics.f1_score, body.metrics.cohens_kappa], [1, 0.5, 0.6667, 0]);
    const calls = fake.requests();
    assert.ok(calls.every((c) => c.provider === 'anthropic' && c.path === '/v1/messages'));
    assert.equal(calls[0].body.model, 'claude-3-5-sonnet-20241022');
    assert.ok(calls[0].body.system.startsWith('You judge answers.\nAccept only answers that cite a source.'));
    assert.equal(calls[0].body.messages.length, 3);
    const res = await send(server, 'POST', '/api/align/evaluate', { records: [record('k1')], human_annotations: { k1: 1 }, judge_config: CONFIG });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'openai API key not configured. Set the appropriate environment variable.');
  });
});

describe('align persistence', () => {
  test('configurations, labels and runs survive a restart', async () => {
    const fake = await startFakeLlm();
    fakes.push(fake);
    const env = { OPENAI_API_KEY: 'sk-p', OPENAI_API_BASE: fake.openaiBase };
    let server = await startServer({ env });
    const saved = await ok(server, 'POST /api/align/save-config', '/api/align/save-config',
      { name: 'strict', config: CONFIG, metrics: { cohens_kappa: 0.4 } });
    const other = await ok(server, 'POST /api/align/save-config', '/api/align/save-config', { name: 'spare', config: CONFIG });
    await ok(server, 'DELETE /api/align/configs/{config_id}', `/api/align/configs/${other.config_id}`);
    let res = await send(server, 'DELETE', `/api/align/configs/${other.config_id}`);
    assert.equal(res.status, 404);
    assert.equal(res.json.detail, 'Configuration not found');
    res = await send(server, 'POST', '/api/align/save-config', { name: 'n'.repeat(201), config: CONFIG });
    assert.equal(res.status, 400);
    const put = await ok(server, 'PUT /api/align/labels', '/api/align/labels',
      { dataset_key: 'calls.csv', annotations: { 1: { score: 1, notes: 'good' }, 2: { score: 0 } } });
    assert.equal(put.saved, 2);
    res = await send(server, 'PUT', '/api/align/labels', { dataset_key: 'calls.csv', annotations: { 1: { score: 5 } } });
    assert.equal(res.status, 422);
    fake.enqueue({ text: '{"score": 1, "explanation": "ok"}' });
    const run = await send(server, 'POST', '/api/align/evaluate', { records: [record('p1')], human_annotations: { p1: 0 }, judge_config: CONFIG });
    assert.equal(run.status, 200);
    const usage = (await send(server, 'GET', '/api/ai/usage')).json;
    assert.deepEqual(usage.by_model.map((u) => [u.feature, u.provider, u.model, u.calls]), [['align', 'openai', 'gpt-4', 1]]);
    const dataDir = server.dataDir;
    await server.stop();

    server = await startServer({ env, dataDir });
    servers.push(server);
    const { configs } = await ok(server, 'GET /api/align/configs', '/api/align/configs');
    assert.deepEqual(configs.map((c) => c.name), ['strict']);
    assert.deepEqual(configs[0].metrics, { cohens_kappa: 0.4 });
    assert.equal(configs[0].config.evaluation_criteria, CONFIG.evaluation_criteria);
    assert.equal(configs[0].config.few_shot_examples[0].expected_output, null);
    const one = await ok(server, 'GET /api/align/configs/{config_id}', `/api/align/configs/${saved.config_id}`);
    assert.equal(one.id, saved.config_id);
    assert.equal((await ok(server, 'GET /api/align/status', '/api/align/status')).saved_configs_count, 1);
    const labels = await ok(server, 'GET /api/align/labels', '/api/align/labels?dataset_key=calls.csv');
    assert.deepEqual(labels.annotations, { 1: { score: 1, notes: 'good' }, 2: { score: 0, notes: null } });
    assert.deepEqual((await send(server, 'GET', '/api/align/labels?dataset_key=other.csv')).json.annotations, {});
    const { runs } = await send(server, 'GET', '/api/align/runs').then((r) => r.json);
    assert.equal(runs.length, 1);
    assert.equal(runs[0].run_id, run.json.run_id);
    assert.deepEqual(runs[0].metrics.confusion_matrix, [[0, 1], [0, 0]]);
  });
});

describe('align without a store', () => {
  test('evaluations run but are not stored; stored things answer 503', async () => {
    const fake = await startFakeLlm();
    fakes.push(fake);
    const server = await startServer({
      env: { OPENAI_API_KEY: 'sk-n', OPENAI_API_BASE: fake.openaiBase },
      configFiles: { 'duckdb.yaml': 'duckdb:\n  enabled: false\n' },
    });
    servers.push(server);
    fake.enqueue({ text: '{"score": 1, "explanation": "ok"}' });
    const run = await send(server, 'POST', '/api/align/evaluate', { records: [record('n1')], human_annotations: { n1: 1 }, judge_config: CONFIG });
    assert.equal(run.status, 200);
    assert.equal(run.json.run_id, null);
    assert.equal(run.json.metrics.accuracy, 1);
    for (const [method, path, body] of [['GET', '/api/align/configs'], ['GET', '/api/align/runs'],
      ['POST', '/api/align/save-config', { name: 'x', config: CONFIG }], ['GET', '/api/align/labels?dataset_key=k']]) {
      const res = await send(server, method, path, body);
      assert.equal(res.status, 503, path);
      assert.equal(res.json.detail, 'The store is disabled (duckdb.yaml enabled: false)');
    }
    assert.equal((await send(server, 'GET', '/api/align/status')).json.saved_configs_count, 0);
  });
});

test('every align route with a reply schema was checked', () => {
  assert.deepEqual([...schemas.exercised].sort(), [...ALIGN_ROUTES].sort());
});
