// Browser journeys with a model: the Copilot panel asks about the Evaluate page's dataset (the
// fake OpenAI-compatible server scripts a tool call and a Markdown answer), its history survives
// a reload, and the Report tab streams a report with its progress and patterns.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, launchPage } from './lib/browser.mjs';
import { startFakeLlm } from '../integration/lib/fake_llm.mjs';
import { startServer } from '../integration/lib/server.mjs';

const WAIT = { timeout: 20000 };

let fake;
let server;
let browser;
let page;
let dataset;

before(async () => {
  fake = await startFakeLlm();
  server = await startServer({ env: { OPENAI_API_KEY: 'sk-e2e', OPENAI_API_BASE: fake.openaiBase } });
  const list = await (await fetch(`${server.url}/api/datasets`)).json();
  dataset = list.datasets.find((d) => d.kind === 'evaluation');
  browser = await launchPage('copilot');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

test('the Copilot answers about the page dataset, streaming its thoughts, then keeps the conversation', async () => {
  fake.enqueue(
    { toolCalls: [{ name: 'query_data', arguments: { find_min_metric: true } }] },
    {
      when: (b) => b.messages.some((m) => m.role === 'tool'),
      chunks: ['**Relevance** is ', 'the weakest metric.\n\n', '- look at case 7\n'],
      chunkDelayMs: 400,
    },
  );
  await page.goto(`${server.url}/evaluate/scorecard?dataset=${dataset.id}`, { waitUntil: 'networkidle' });
  await page.getByTestId('nav-copilot').click();
  const panel = page.getByTestId('copilot-panel');
  await panel.waitFor(WAIT);
  await panel.getByTestId('copilot-context').waitFor(WAIT);
  assert.match(await panel.getByTestId('copilot-context').innerText(), new RegExp(dataset.id));
  await panel.getByTestId('copilot-input').fill('Which metric is weakest?');
  await panel.getByTestId('copilot-send').click();

  // While the answer streams: the thoughts are listed with their colours, and Stop is offered.
  await panel.getByTestId('copilot-stop').waitFor(WAIT);
  const toolUse = panel.locator('[data-testid="copilot-thought"][data-type="tool_use"]');
  await toolUse.waitFor(WAIT);
  assert.equal(await toolUse.getByTestId('thought-skill').innerText(), 'query_data');
  assert.equal(await toolUse.evaluate((el) => getComputedStyle(el).borderLeftColor), 'rgb(139, 92, 246)');

  const answer = panel.getByTestId('copilot-answer').last();
  await answer.locator('strong', { hasText: 'Relevance' }).waitFor(WAIT);
  await answer.locator('li', { hasText: 'look at case 7' }).waitFor(WAIT);
  await panel.getByTestId('copilot-send').waitFor(WAIT);
  await page.screenshot({ path: path.join(ARTIFACTS, 'copilot-answer.png') });

  const [first] = fake.requests();
  assert.match(first.body.messages[0].content, new RegExp(`table ds_${dataset.id}`));
  assert.equal(first.body.messages.at(-1).content, 'Which metric is weakest?');

  await page.reload({ waitUntil: 'networkidle' });
  const reopened = page.getByTestId('copilot-panel');
  if (!(await reopened.isVisible())) await page.getByTestId('nav-copilot').click();
  await reopened.getByTestId('copilot-question').first().waitFor(WAIT);
  assert.equal(await reopened.getByTestId('copilot-question').first().innerText(), 'Which metric is weakest?');
  await reopened.getByTestId('copilot-answer').locator('strong', { hasText: 'Relevance' }).waitFor(WAIT);
  assert.deepEqual(browser.errors, []);
});

test('the Report tab streams a report with its steps and patterns', async () => {
  fake.reset();
  const issues = await (await fetch(`${server.url}/api/reports/extract-issues`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dataset_id: dataset.id }),
  })).json();
  assert.ok(issues.total_issues >= 2, 'the example dataset has low scores');
  const ids = [...new Set(issues.issues.map((i) => i.id))].slice(0, 2);
  fake.enqueue(
    { when: (b) => b.stream, chunks: ['## Summary\n', 'Scores are low on ', '**two** metrics.'], chunkDelayMs: 200 },
    { when: (b) => !b.stream, text: JSON.stringify({ patterns: [{ category: 'Weak grounding', description: 'd', issue_ids: ids }], learnings: [] }) },
  );
  await page.goto(`${server.url}/evaluate/report?dataset=${dataset.id}`, { waitUntil: 'networkidle' });
  await page.getByTestId('report-generate').click();
  const text = page.getByTestId('report-text');
  await text.locator('strong', { hasText: 'two' }).waitFor(WAIT);
  assert.equal(await page.getByTestId('report-step').count(), 4);
  assert.match(await page.getByTestId('report-pattern').first().innerText(), /Weak grounding/);
  assert.match(await page.getByTestId('report-summary').innerText(), new RegExp(`${issues.total_issues}`));
  await page.screenshot({ path: path.join(ARTIFACTS, 'report.png') });
  const report = fake.requests().find((r) => r.body.stream);
  assert.match(report.body.messages[1].content, /Produce the summary report in that format\.$/);
  assert.deepEqual(browser.errors, []);
});
