// Browser journeys through Evaluate with a dataset that has outputs, conversations and metadata:
// the Deep Dive Response, Conversation and Metadata tabs (their tables checked against figures
// worked out here from the rows the server stores), the tree's case kept in the URL, and the
// Scorecard's AI report scoped to one metric, with sample rate and context fields, an LLM error
// retried, then the streamed report (the fake OpenAI-compatible server plays the model).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';

import { ARTIFACTS, axeViolations, launchPage, PAGE_CONTENT_AXE } from './lib/browser.mjs';
import { getJson as readJson, testIdText } from './lib/reads.mjs';
import { startFakeLlm } from '../integration/lib/fake_llm.mjs';
import { startServer } from '../integration/lib/server.mjs';

const WAIT = { timeout: 20000 };
const CASES = 12;
const LENGTHS = [30, 80, 150, 250, 320, 480, 520, 900, 1100, 2000, 60, 400];
const TURNS = [1, 2, 3, 4, 5, 6, 8, 10, 11, 15, 1, 2];
const REGIONS = ['EU', 'US', 'APAC'];
const CHANNELS = ['chat', 'email'];

let fake;
let server;
let browser;
let page;
let datasetId;

const getJson = (pathname) => readJson(server.url, pathname);
const csvField = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** A tree-format CSV: per case a Quality component over faithfulness and relevance. */
function datasetCsv() {
  const header = ['dataset_id', 'query', 'actual_output', 'metric_name', 'metric_score', 'metric_type', 'parent', 'weight', 'explanation', 'critique', 'conversation', 'data_metadata'];
  const lines = [header.join(',')];
  for (let i = 0; i < CASES; i += 1) {
    const id = `case_${String(i + 1).padStart(2, '0')}`;
    const output = 'word '.repeat(LENGTHS[i]).slice(0, LENGTHS[i]);
    const messages = [];
    for (let t = 0; t < TURNS[i]; t += 1) messages.push({ role: 'user', content: `q${t}` }, { role: 'assistant', content: `a${t}` });
    const meta = `{'region': '${REGIONS[i % 3]}', 'channel': '${CHANNELS[i % 2]}', 'vip': ${i % 4 === 0 ? 'True' : 'False'}}`;
    const faith = ((i * 37) % 100) / 100;
    const rel = ((i * 53 + 11) % 100) / 100;
    const rows = [
      ['Quality', ((faith + rel) / 2).toFixed(3), 'component', '', 1],
      ['faithfulness', faith, 'metric', 'Quality', 0.6],
      ['relevance', rel, 'metric', 'Quality', 0.4],
    ];
    for (const [metric, score, type, parent, weight] of rows) {
      lines.push(
        [id, `Question ${i + 1}?`, output, metric, score, type, parent, weight, `${metric} of ${id}`, `critique of ${id}`, JSON.stringify(messages), meta]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The stored rows, all pages. */
async function storedRows() {
  const rows = [];
  for (let p = 1; ; p += 1) {
    const reply = await getJson(`/api/datasets/${datasetId}/rows?page=${p}&page_size=500`);
    rows.push(...reply.data);
    if (rows.length >= reply.total || reply.data.length === 0) return rows;
  }
}

/** Cases from the stored rows: mean score, output length, user turns, metadata (this file's own reading). */
function casesOf(rows) {
  const byId = new Map();
  for (const r of rows) {
    const c = byId.get(r.dataset_id) ?? { scores: [], row: r };
    if (Number.isFinite(Number(r.metric_score))) c.scores.push(Number(r.metric_score));
    byId.set(r.dataset_id, c);
  }
  return [...byId.entries()].map(([id, { scores, row }]) => ({
    id,
    score: scores.reduce((s, v) => s + v, 0) / scores.length,
    length: [...row.actual_output].length,
    turns: JSON.parse(row.conversation).filter((m) => m.role === 'user').length,
    meta: JSON.parse(row.data_metadata.replace(/'/g, '"').replace(/True/g, 'true').replace(/False/g, 'false')),
  }));
}

/** What a bin's table row should read: label, cases, mean score, pass rate. */
function expectedRow(label, members) {
  if (members.length === 0) return [label, '0', '—', '—'];
  const mean = members.reduce((s, c) => s + c.score, 0) / members.length;
  const pass = members.filter((c) => c.score >= 0.5).length / members.length;
  return [label, String(members.length), mean.toFixed(3), `${(pass * 100).toFixed(1)}%`];
}

async function tableRows(testId) {
  return page.getByTestId(testId).locator('[data-testid="bin-row"]').evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-label'), ...['bin-count', 'bin-mean', 'bin-pass'].map((id) => r.querySelector(`[data-testid="${id}"]`).textContent.trim())]),
  );
}

async function checkAxe(what, options = PAGE_CONTENT_AXE) {
  const serious = (await axeViolations(page, options)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${what} passes axe`);
}

before(async () => {
  fake = await startFakeLlm();
  server = await startServer({ env: { OPENAI_API_KEY: 'sk-e2e', OPENAI_API_BASE: fake.openaiBase, AXIS_WEB_DIR: process.env.AXIS_WEB_DIR } });
  const form = new FormData();
  form.append('file', new Blob([datasetCsv()], { type: 'text/csv' }), 'deep_dive_e2e.csv');
  const reply = await (await fetch(`${server.url}/api/data/upload`, { method: 'POST', body: form })).json();
  assert.equal(reply.format, 'tree_format');
  datasetId = reply.dataset_id;
  assert.ok(datasetId, 'the upload names its stored dataset');
  browser = await launchPage('deep-dive');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

test('Response, Conversation and Metadata tabs show the figures of the stored rows', async () => {
  const cases = casesOf(await storedRows());
  assert.equal(cases.length, CASES);
  assert.equal((await getJson(`/api/evaluation/scorecard?dataset_id=${datasetId}`)).total_cases, CASES);
  const inBin = (value, lo, hi) => value >= lo && value < hi;

  await page.goto(`${server.url}/evaluate/deep-dive?dataset=${datasetId}&tab=response`, { waitUntil: 'networkidle' });
  await page.getByTestId('response-table').waitFor(WAIT);
  const lengthBins = [['0–100', 0, 100], ['100–300', 100, 300], ['300–500', 300, 500], ['500–1000', 500, 1000], ['1000+', 1000, Infinity]];
  assert.deepEqual(await tableRows('response-table'), lengthBins.map(([label, lo, hi]) => expectedRow(label, cases.filter((c) => inBin(c.length, lo, hi)))));
  await checkAxe('the Response tab');
  await page.screenshot({ path: path.join(ARTIFACTS, 'deep-dive-response.png'), fullPage: true });

  await page.getByTestId('deep-dive-tab-conversation').click();
  await page.getByTestId('conversation-table').waitFor(WAIT);
  assert.equal(new URL(page.url()).searchParams.get('tab'), 'conversation');
  const turnBins = [['1', 1, 2], ['2–3', 2, 4], ['4–5', 4, 6], ['6–10', 6, 11], ['10+', 11, Infinity]];
  assert.deepEqual(await tableRows('conversation-table'), turnBins.map(([label, lo, hi]) => expectedRow(label, cases.filter((c) => inBin(c.turns, lo, hi)))));
  await checkAxe('the Conversation tab');
  await page.screenshot({ path: path.join(ARTIFACTS, 'deep-dive-conversation.png'), fullPage: true });

  await page.getByTestId('deep-dive-tab-metadata').click();
  await page.getByTestId('metadata-table').waitFor(WAIT);
  await page.getByTestId('metadata-key').selectOption('channel');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('meta') === 'channel');
  const byChannel = CHANNELS.map((ch) => expectedRow(ch, cases.filter((c) => c.meta.channel === ch)));
  assert.deepEqual(await tableRows('metadata-table'), byChannel);
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByTestId('metadata-table').waitFor(WAIT);
  assert.equal(await page.getByTestId('metadata-key').inputValue(), 'channel');
  assert.deepEqual(await tableRows('metadata-table'), byChannel);
  await page.getByTestId('metadata-key').selectOption('vip');
  const vip = ['false', 'true'].map((v) => expectedRow(v, cases.filter((c) => String(c.meta.vip) === v)));
  await page.waitForFunction(() => document.querySelector('[data-testid="metadata-table"] [data-label="true"]'));
  assert.deepEqual(await tableRows('metadata-table'), vip.sort((a, b) => Number(b[1]) - Number(a[1]) || a[0].localeCompare(b[0])));
  await checkAxe('the Metadata tab');
  await page.screenshot({ path: path.join(ARTIFACTS, 'deep-dive-metadata.png'), fullPage: true });
  assert.deepEqual(browser.errors, []);
});

test('the tree keeps its case in the URL across a reload and back/forward', async () => {
  await page.getByTestId('deep-dive-tab-tree').click();
  await page.getByTestId('tree-mode-individual').click();
  await page.getByTestId('tree-case-select').waitFor(WAIT);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('case') === 'case_01');
  await page.getByTestId('tree-case-select').selectOption('case_07');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('case') === 'case_07');
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByTestId('tree-case-select').waitFor(WAIT);
  assert.equal(await page.getByTestId('tree-case-select').inputValue(), 'case_07');
  const tree = await getJson(`/api/evaluation/tree?dataset_id=${datasetId}&case_id=case_07`);
  assert.match(await testIdText(page, 'deep-dive-tree'), /Metric tree · case_07/);
  assert.equal(tree.root.name, 'Quality');
  await checkAxe('the Tree tab in Individual mode');

  await page.goBack({ waitUntil: 'networkidle' });
  await page.getByTestId('metadata-table').waitFor(WAIT);
  assert.equal(new URL(page.url()).searchParams.get('case'), null);
  await page.goForward({ waitUntil: 'networkidle' });
  await page.getByTestId('tree-case-select').waitFor(WAIT);
  assert.equal(await page.getByTestId('tree-case-select').inputValue(), 'case_07');
  assert.deepEqual(browser.errors, []);
});

/** The server's sampling: the MD5 of the case id, read as a number, modulo 1000, below rate·1000. */
const inSample = (id, rate) => BigInt(`0x${createHash('md5').update(id).digest('hex')}`) % 1000n < BigInt(Math.round(rate * 1000));

test('the Scorecard report on one metric uses the chosen scope, retries after an LLM error and streams', async () => {
  const scorecard = await getJson(`/api/evaluation/scorecard?dataset_id=${datasetId}`);
  const leaves = scorecard.nodes.filter((n) => !scorecard.nodes.some((m) => m.parent === n.metric_name));
  await page.goto(`${server.url}/evaluate/scorecard?dataset=${datasetId}`, { waitUntil: 'networkidle' });
  await page.getByTestId('ai-report-panel').waitFor(WAIT);
  assert.equal(await testIdText(page, 'ai-report-cases'), String(scorecard.total_cases));
  assert.equal(await testIdText(page, 'ai-report-metrics'), String(leaves.length));
  assert.equal(await testIdText(page, 'ai-report-scored'), String(leaves.reduce((s, n) => s + n.count, 0)));
  assert.equal(await testIdText(page, 'ai-report-below'), String(leaves.filter((n) => n.mean < 0.5).length));
  await checkAxe('the Scorecard with its AI report panel');

  await page.getByTestId('scorecard-report-relevance').click();
  const modal = page.getByTestId('scorecard-report-modal');
  await modal.getByTestId('report-scope').waitFor(WAIT);
  assert.equal(await modal.getByTestId('report-metric-relevance').getAttribute('aria-pressed'), 'true');
  assert.equal(await modal.getByTestId('report-metric-faithfulness').getAttribute('aria-pressed'), 'false');
  await modal.getByTestId('report-sample-rate').fill('0.5');
  await modal.getByTestId('report-context-expected_output').click();
  await modal.getByTestId('report-context-signals').click();
  await modal.getByTestId('report-context-critique').click();
  await checkAxe('the report dialog', { include: '[data-testid="scorecard-report-modal"]', disable: ['color-contrast'] });
  await page.screenshot({ path: path.join(ARTIFACTS, 'scorecard-report-settings.png') });

  // Issues the server should analyse, worked out from the stored rows: relevance, score ≤ 0.5, in the 50% sample.
  const rows = await storedRows();
  const issues = rows.filter((r) => r.metric_name === 'relevance' && Number(r.metric_score) <= 0.5 && inSample(r.dataset_id, 0.5));
  assert.ok(issues.length >= 1, 'the sample holds low relevance scores');
  const extracted = await (await fetch(`${server.url}/api/reports/extract-issues`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dataset_id: datasetId, metric_filter: 'relevance', extraction_config: { sample_rate: 0.5 } }),
  })).json();
  assert.equal(extracted.total_issues, issues.length);

  fake.reset();
  fake.enqueue(
    { when: (b) => b.stream, status: 400, errorMessage: 'The model gpt-4o-mini is not available to this key.' },
    { when: (b) => !b.stream, text: JSON.stringify({ patterns: [], learnings: [] }) },
  );
  await modal.getByTestId('report-generate').click();
  const error = modal.getByTestId('report-error');
  await error.waitFor(WAIT);
  assert.match(await error.innerText(), /not available to this key/);
  await checkAxe('the report dialog with an error', { include: '[data-testid="scorecard-report-modal"]', disable: ['color-contrast'] });

  fake.enqueue(
    { when: (b) => b.stream, chunks: ['## Relevance\n', 'Answers miss the ', '**refund** questions.'], chunkDelayMs: 300 },
    { when: (b) => !b.stream, text: JSON.stringify({ patterns: [{ category: 'Off-topic answers', description: 'd', issue_ids: [issues[0].dataset_id] }], learnings: [] }) },
  );
  await error.getByRole('button', { name: 'Retry' }).click();
  await modal.getByTestId('report-cancel').waitFor(WAIT);
  await modal.getByTestId('report-step').first().waitFor(WAIT);
  await modal.getByTestId('report-text').locator('strong', { hasText: 'refund' }).waitFor(WAIT);
  await modal.getByTestId('report-summary').waitFor(WAIT);
  assert.equal(await testIdText(page, 'report-summary'), `${issues.length} ${issues.length === 1 ? 'issue' : 'issues'} analysed across: relevance`);
  assert.equal(await modal.getByTestId('report-error').count(), 0);

  const reportCalls = fake.requests().filter((r) => r.body.stream);
  assert.equal(reportCalls.length, 2, 'the retry asked the model again');
  const prompt = reportCalls[1].body.messages.find((m) => m.role === 'user').content;
  assert.match(prompt, new RegExp(`Issues: ${issues.length}\\n`));
  assert.match(prompt, /Metrics: relevance\n/);
  assert.match(prompt, /Sample: 50%\n/);
  assert.match(prompt, /Context fields: query, actual_output, critique\n/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'scorecard-report.png') });
  await checkAxe('the report dialog with its report', { include: '[data-testid="scorecard-report-modal"]', disable: ['color-contrast'] });

  // Back keeps the settings; a slow generation is cancelled with the part written so far kept.
  await modal.getByTestId('report-back').click();
  assert.equal(await modal.getByTestId('report-sample-rate').inputValue(), '0.5');
  fake.enqueue({ when: (b) => b.stream, chunks: ['## Partial\n', 'first part ', 'never sent'], chunkDelayMs: 8000 });
  await modal.getByTestId('report-generate').click();
  await modal.getByTestId('report-text').getByText('Partial').waitFor(WAIT);
  await modal.getByTestId('report-cancel').click();
  await modal.getByTestId('report-stopped').waitFor(WAIT);
  assert.doesNotMatch(await testIdText(page, 'report-text'), /never sent/);
  await page.keyboard.press('Escape');
  await modal.waitFor({ state: 'detached', timeout: 5000 });
  assert.deepEqual(browser.errors, []);
});
