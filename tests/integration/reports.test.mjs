// Reports: issue extraction checked by value (modes, order, cap, MD5 sampling, truncation), and
// reports written through the fake OpenAI-compatible server, whole and streamed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { readSse, startFakeLlm } from './lib/fake_llm.mjs';
import { startServer } from './lib/server.mjs';

const LONG = 'q'.repeat(250);
const ROWS = [
  { dataset_id: 'a', metric_name: 'faithfulness', metric_score: 0.2, query: LONG, actual_output: 'x', signals: '{"k":1}' },
  { dataset_id: 'b', metric_name: 'faithfulness', metric_score: 0.9, query: 'fine' },
  { dataset_id: 'c', metric_name: 'relevance', metric_score: 0.4, query: 'meh', signals: 'not json' },
  { dataset_id: 'd', metric_name: 'relevance', metric_score: null },
  { dataset_id: 'e', metric_name: 'relevance', metric_score: 'oops' },
  { id: 'f', metric_name: 'faithfulness', metric_score: 0.5 },
];

const post = (server, path, body) => fetch(`${server.url}${path}`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
});

async function stream(server, body) {
  const res = await post(server, '/api/reports/generate/stream', body);
  assert.equal(res.status, 200);
  return (await readSse(res)).map((e) => ({ event: e.event, data: e.data ? JSON.parse(e.data) : null }));
}

describe('report issue extraction', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  test('low mode keeps scores at or below the threshold, worst first, shortened', async () => {
    const body = await (await post(server, '/api/reports/extract-issues', { data: ROWS })).json();
    assert.equal(body.success, true);
    assert.deepEqual(body.issues.map((i) => [i.id, i.score]), [['a', 0.2], ['c', 0.4], ['f', 0.5]]);
    assert.equal(body.total_issues, 3);
    assert.equal(body.total_records_analyzed, 6);
    assert.deepEqual(body.metrics_covered, ['faithfulness', 'relevance']);
    assert.equal(body.issues[0].query, `${'q'.repeat(200)}...`);
    assert.deepEqual(body.issues[0].signals, { k: 1 });
    assert.deepEqual(body.issues[1].signals, { raw: 'not json' });
    assert.equal(body.mode, 'low');
    assert.equal(body.threshold, 0.5);
  });

  test('high mode, nulls on request, a metric filter and the cap', async () => {
    let body = await (await post(server, '/api/reports/extract-issues', { data: ROWS, mode: 'high' })).json();
    assert.deepEqual(body.issues.map((i) => i.id), ['b']);
    body = await (await post(server, '/api/reports/extract-issues', {
      data: ROWS, mode: 'overall', extraction_config: { include_nan: true },
    })).json();
    assert.deepEqual(body.issues.map((i) => i.id), ['b', 'f', 'c', 'a', 'd', 'e']);
    body = await (await post(server, '/api/reports/extract-issues', {
      data: ROWS, mode: 'overall', metric_filter: 'relevance', extraction_config: { metric_filters: ['faithfulness'] },
    })).json();
    assert.deepEqual(body.issues.map((i) => i.id), ['c']);
    body = await (await post(server, '/api/reports/extract-issues', {
      data: ROWS, mode: 'overall', extraction_config: { max_issues: 2 },
    })).json();
    assert.deepEqual(body.issues.map((i) => i.id), ['b', 'a']);
  });

  test('sampling keeps an id when its MD5 as a 128-bit number, mod 1000, is below rate × 1000', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ dataset_id: `case-${i}`, metric_name: 'm', metric_score: 0.1 }));
    const kept = rows.filter((r) => BigInt(`0x${createHash('md5').update(r.dataset_id).digest('hex')}`) % 1000n < 300n);
    const body = await (await post(server, '/api/reports/extract-issues', {
      data: rows, extraction_config: { sample_rate: 0.3, max_issues: 500 },
    })).json();
    assert.equal(body.total_records_analyzed, kept.length);
    assert.ok(kept.length > 30 && kept.length < 90);
    assert.deepEqual(body.issues.map((i) => i.id).sort(), kept.slice(0, 20).map((r) => r.dataset_id).sort());
  });

  test('a stored evaluation dataset can be used instead of posted rows', async () => {
    const list = await (await fetch(`${server.url}/api/datasets`)).json();
    const dataset = list.datasets.find((d) => d.kind === 'evaluation');
    const body = await (await post(server, '/api/reports/extract-issues', {
      dataset_id: dataset.id, mode: 'overall', extraction_config: { max_issues: 500 },
    })).json();
    assert.equal(body.success, true);
    assert.equal(body.total_records_analyzed, dataset.row_count);
  });

  test('bad requests are refused with 4xx', async () => {
    let res = await post(server, '/api/reports/extract-issues', { data: [] });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).detail, 'No data provided');
    res = await post(server, '/api/reports/extract-issues', { data: ROWS, mode: 'sideways' });
    assert.equal(res.status, 422);
    res = await post(server, '/api/reports/extract-issues', { data: ROWS, extraction_config: { max_issues: 501 } });
    assert.equal(res.status, 422);
    res = await post(server, '/api/reports/extract-issues', { dataset_id: 'missing' });
    assert.equal(res.status, 404);
    res = await post(server, '/api/reports/generate', { data: [] });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).detail, 'No data provided for report generation');
    res = await post(server, '/api/reports/generate', { data: ROWS });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).detail, "LLM provider 'openai' is not configured. Available: []");
    const status = await (await fetch(`${server.url}/api/reports/status`)).json();
    assert.equal(status.available, false);
    assert.deepEqual(status.report_modes, ['low', 'high', 'overall']);
    const events = await stream(server, { data: ROWS });
    assert.deepEqual(events.map((e) => e.event), ['error', 'done']);
  });
});

describe('reports written by the model', () => {
  let server;
  let fake;
  before(async () => {
    fake = await startFakeLlm();
    server = await startServer({ env: { OPENAI_API_KEY: 'sk-r', OPENAI_API_BASE: fake.openaiBase } });
  });
  after(async () => { await server?.stop(); await fake?.close(); });

  const insightsReply = {
    when: (b) => !b.stream,
    text: '```json\n{"patterns":[{"category":"Unsupported claims","description":"Answers go beyond the context",'
      + '"issue_ids":["a","c","zz"],"confidence":0.8},{"category":"Lonely","issue_ids":["f"]}],"learnings":["Ground answers"]}\n```',
  };

  test('the stream reports each step, the tokens, the insights and one response, then one done', async () => {
    fake.reset();
    fake.enqueue({ when: (b) => b.stream, chunks: ['## Summary\n', '- a fails'] }, insightsReply);
    const events = await stream(server, { data: ROWS, report_type: 'detailed' });
    assert.deepEqual(events.map((e) => e.event),
      ['thought', 'thought', 'thought', 'token', 'token', 'thought', 'insights', 'response', 'done']);
    const thoughts = events.filter((e) => e.event === 'thought').map((e) => e.data);
    assert.deepEqual(thoughts.map((t) => [t.id, t.type, t.skill_name]), [
      ['extract-1', 'planning', 'issue_extractor'], ['extract-2', 'observation', 'issue_extractor'],
      ['generate-1', 'reasoning', 'report_generator'], ['complete-1', 'success', 'report_generator']]);
    assert.equal(thoughts[0].content, 'Extracting low-scoring issues from 6 records (threshold=0.5, sample=100%)');
    assert.equal(thoughts[1].content, 'Found 3 issues across 2 metrics');
    assert.equal(thoughts[3].content, 'Report generated successfully (20 characters) with 1 patterns discovered');
    assert.equal(thoughts[0].timestamp, '');
    assert.equal(thoughts[0].node_name, null);
    assert.equal(thoughts[0].color, '#F59E0B');
    const insights = events.find((e) => e.event === 'insights').data;
    assert.deepEqual(insights.patterns.map((p) => [p.category, p.count, p.issue_ids, p.metrics_involved, p.is_cross_metric]),
      [['Unsupported claims', 2, ['a', 'c'], ['faithfulness', 'relevance'], true]]);
    assert.deepEqual(insights.learnings, ['Ground answers']);
    const response = events.find((e) => e.event === 'response').data;
    assert.equal(response.report_text, '## Summary\n- a fails');
    assert.equal(response.issues_analyzed, 3);

    const report = fake.requests().find((r) => r.body.stream);
    assert.equal(report.body.model, 'gpt-4o-mini');
    assert.match(report.body.messages[0].content, /## Per-Metric Analysis/);
    const user = report.body.messages[1].content;
    assert.match(user, /Mode: low \(threshold 0\.5\)/);
    assert.match(user, /### faithfulness\nAverage score: 0\.350, issues: 2\n- ID a, score 0\.200/);
    assert.match(user, /Produce the detailed report in that format\.$/);
  });

  test('generate answers in one JSON reply; failed insights only drop them', async () => {
    fake.reset();
    fake.enqueue({ when: (b) => b.stream, text: 'Short report.' }, { when: (b) => !b.stream, text: 'not json' });
    const body = await (await post(server, '/api/reports/generate', { data: ROWS, mode: 'high' })).json();
    assert.deepEqual(body, { success: true, report_text: 'Short report.', issues_analyzed: 1,
      metrics_covered: ['faithfulness'], insights: null });
  });

  test('no issues: the answer says so without calling the model', async () => {
    fake.reset();
    const events = await stream(server, { data: ROWS, extraction_config: { score_threshold: 0.1 } });
    assert.deepEqual(events.map((e) => e.event), ['thought', 'thought', 'response', 'done']);
    assert.equal(events[2].data.report_text, 'No low-scoring issues found with threshold 0.1.');
    assert.equal(fake.requests().length, 0);
  });

  test('an unconfigured provider and a failing model are reported', async () => {
    const res = await post(server, '/api/reports/generate', { data: ROWS, provider: 'anthropic' });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).detail, "LLM provider 'anthropic' is not configured. Available: ['openai']");
    fake.reset();
    fake.enqueue({ when: (b) => b.stream, status: 400, errorMessage: 'context too long' });
    const events = await stream(server, { data: ROWS });
    assert.deepEqual(events.slice(-2).map((e) => e.event), ['error', 'done']);
    assert.equal(events.at(-2).data.error, 'OpenAI returned HTTP 400: context too long');
    assert.equal(events.filter((e) => e.event === 'done').length, 1);
  });
});
