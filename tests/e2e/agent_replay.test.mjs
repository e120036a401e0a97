// Browser journey through the Agent Replay page against its own server, switched on and pointed at
// the fake Langfuse (tests/integration/lib/fake_langfuse.mjs): the recent trace is listed, opens
// with the totals the server computed, shows a generation's conversation, and a review submitted
// from the page reaches the fake as Langfuse scores and a dataset item.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, axeViolations, launchPage, PAGE_CONTENT_AXE } from './lib/browser.mjs';
import { getJson as readJson, testIdText } from './lib/reads.mjs';
import { startFakeLangfuse } from '../integration/lib/fake_langfuse.mjs';
import { startServer } from '../integration/lib/server.mjs';

const WAIT = { timeout: 20000 };
const PK = 'pk-lf-e2e-31aa';
const SK = 'sk-lf-e2e-77b0';
const TRACE_ID = '4b1d0c2e-8f3a-4c5d-9e6f-7a8b9c0d1e2f';

const start = Date.now() - 3600 * 1000;
const at = (ms) => new Date(start + ms).toISOString();

// A span with a generation and a tool call under it: tokens 150 (the generation's usage), latency
// 4 s (the trace's first start to its last end).
const TRACE = {
  id: TRACE_ID,
  name: 'claims-agent',
  timestamp: at(0),
  tags: ['e2e'],
  input: { messages: [{ role: 'user', content: 'Is claim 42 covered?' }] },
  output: { decision: 'covered', limit: 500 },
  metadata: {},
  observations: [
    { id: 'obs-root', traceId: TRACE_ID, type: 'SPAN', name: 'agent-run', parentObservationId: null, startTime: at(0), endTime: at(4000), input: null, output: 'done' },
    {
      id: 'obs-gen', traceId: TRACE_ID, type: 'GENERATION', name: 'answer', parentObservationId: 'obs-root', startTime: at(500), endTime: at(2000), model: 'gpt-4o',
      input: [{ role: 'system', content: 'You answer claim questions.' }, { role: 'user', content: 'Is claim 42 covered?' }],
      output: 'Yes, up to 500.', usage: { input: 100, output: 50, total: 150 },
    },
    { id: 'obs-tool', traceId: TRACE_ID, type: 'TOOL', name: 'lookup_policy', parentObservationId: 'obs-root', startTime: at(2500), endTime: at(3000), input: { policy_id: 'P-9' }, output: { limit: 500 } },
  ],
};

let lf;
let server;
let browser;
let page;

const getJson = (pathname) => readJson(server.url, pathname);
const text = (testId) => testIdText(page, testId);

before(async () => {
  lf = await startFakeLangfuse({ projects: [{ publicKey: PK, secretKey: SK, traces: [TRACE] }] });
  server = await startServer({
    env: { AGENT_REPLAY_ENABLED: 'true', LANGFUSE_HOST: lf.url, LANGFUSE_PUBLIC_KEY: PK, LANGFUSE_SECRET_KEY: SK, AXIS_WEB_DIR: process.env.AXIS_WEB_DIR },
  });
  browser = await launchPage('agent-replay');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await lf?.close();
});

test('a trace opens with the server totals and its conversation', async () => {
  await page.goto(`${server.url}/agent-replay`, { waitUntil: 'networkidle' });
  await page.getByTestId(`trace-item-${TRACE_ID}`).click();
  await page.getByTestId('trace-view').waitFor(WAIT);

  const detail = await getJson(`/api/agent-replay/traces/${TRACE_ID}`);
  assert.equal(detail.total_tokens, 150);
  assert.equal(detail.total_latency_ms, 4000);
  assert.equal(await text('trace-chip-steps'), `${detail.steps.length} steps`);
  assert.equal(await text('trace-chip-latency'), '4.00 s');
  assert.equal(await text('trace-chip-tokens'), '150 tokens');
  assert.equal(await text('trace-chip-id'), TRACE_ID);
  assert.deepEqual(await page.getByTestId('tree-badge').allInnerTexts(), ['SPAN', 'GEN', 'TOOL']);

  const workflow = page.getByTestId('trace-input');
  assert.deepEqual(await workflow.getByTestId('chat-message').allTextContents(), ['userIs claim 42 covered?']);

  await page.getByTestId('tree-node-obs-gen').click();
  assert.equal(await text('node-detail-name'), 'answer');
  assert.deepEqual(await page.getByTestId('node-input').getByTestId('chat-message').evaluateAll((els) => els.map((e) => e.dataset.role)), ['system', 'user']);
  assert.equal(await text('node-tokens-total'), '150');
  assert.equal(await text('node-latency'), '1.50 s');
  await page.screenshot({ path: path.join(ARTIFACTS, 'agent-replay-trace.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the trace view passes axe');
});

test('a review reaches the fake Langfuse as scores and a dataset item', async () => {
  await page.getByTestId('verdict-negative').click();
  await page.getByTestId('review-failure').selectOption('obs-tool');
  await page.getByTestId('review-rationale').fill('Looked up the wrong policy.');
  await page.getByTestId('review-add-dataset').check();
  assert.match(await text('review-dataset-note'), /lookup_policy\.$/);
  await page.getByTestId('review-submit').click();
  await page.getByTestId('review-saved').waitFor(WAIT);
  assert.equal(await text('review-saved'), 'Saved 3 scores and a dataset item in lookup_policy.');

  const scores = lf.scores(PK).map((s) => ({ name: s.name, value: s.value, stringValue: s.stringValue ?? null, observationId: s.observationId ?? null, traceId: s.traceId }));
  assert.deepEqual(scores, [
    { name: 'review.verdict.v1', value: -1, stringValue: null, observationId: null, traceId: TRACE_ID },
    { name: 'review.rationale.v1', value: null, stringValue: 'Looked up the wrong policy.', observationId: 'obs-tool', traceId: TRACE_ID },
    { name: 'review.failure_step.v1', value: null, stringValue: 'lookup_policy', observationId: 'obs-tool', traceId: TRACE_ID },
  ]);
  assert.deepEqual(lf.datasets(PK).map((d) => d.name), ['lookup_policy']);
  const [item] = lf.items(PK);
  assert.equal(item.datasetName, 'lookup_policy');
  assert.equal(item.sourceTraceId, TRACE_ID);
  assert.deepEqual(item.input, TRACE.input);

  // The page reads the trace's reviews again and lists the three new scores.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="review-score"]').length === 3, null, WAIT);
  assert.deepEqual(await page.getByTestId('review-score-name').allInnerTexts(), ['review.verdict.v1', 'review.rationale.v1', 'review.failure_step.v1']);
  await page.screenshot({ path: path.join(ARTIFACTS, 'agent-replay-review.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the saved review passes axe');
  assert.deepEqual(browser.errors, []);
});
