// Browser journeys of the evaluation runner against its own server and the fake OpenAI server:
// the sample is scored with a rule-based and a judged metric (the judge's replies scripted per
// query), the results match the server's stored summary and the figures worked out here, the
// run opens in the Scorecard and is listed in Past runs; a second run cancelled from the page
// resumes to the end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, launchPage } from './lib/browser.mjs';
import { startFakeLlm } from '../integration/lib/fake_llm.mjs';
import { startServer } from '../integration/lib/server.mjs';

const WAIT = { timeout: 20000 };
const METRICS = ['exact_string_match', 'answer_relevancy'];

let fake;
let server;
let browser;
let page;
let sample;

async function getJson(pathname) {
  const response = await fetch(`${server.url}${pathname}`);
  assert.equal(response.status, 200, pathname);
  return response.json();
}

/** The judge's request for a row: the prompt holds `Query:\n<query>`. */
const forQuery = (query) => (body) =>
  body.messages.some((m) => typeof m.content === 'string' && (m.content.includes(`Query:\n${query}\n`) || m.content.endsWith(`Query:\n${query}`)));

/** Loads the sample, keeps the suggested mapping and chooses the two metrics. */
async function setUpRun(name, concurrency) {
  await page.goto(`${server.url}/evaluate/runner`, { waitUntil: 'networkidle' });
  await page.getByTestId('runner-sample').click();
  await page.getByTestId('runner-loaded').waitFor(WAIT);
  await page.getByTestId('runner-data-next').click();
  await page.getByTestId('runner-agent-next').click();
  for (const key of METRICS) await page.getByTestId(`metric-check-${key}`).click();
  await page.getByTestId('runner-eval-name').fill(name);
  await page.getByTestId('runner-concurrency').fill(String(concurrency));
}

/** Records every progress figure the page shows, so a value seen only briefly is not missed. */
async function watchProgress() {
  await page.evaluate(() => {
    window.__progress = [];
    const seen = () => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Evaluations scored"]');
      if (!bar) return;
      const value = `${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`;
      if (window.__progress.at(-1) !== value) window.__progress.push(value);
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

/** Polls the server until the run has the status. */
async function waitForStatus(runId, wanted, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  let run;
  while (Date.now() < end) {
    run = (await getJson(`/api/eval-runner/runs/${runId}`)).run;
    if (run.status === wanted) return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`run ${runId} is ${run?.status}, not ${wanted}`);
}

before(async () => {
  fake = await startFakeLlm();
  server = await startServer({ env: { OPENAI_API_KEY: 'sk-e2e', OPENAI_API_BASE: fake.openaiBase, AXIS_WEB_DIR: process.env.AXIS_WEB_DIR } });
  sample = (await getJson('/api/eval-runner/example/sample')).dataset;
  browser = await launchPage('runner');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

test('the sample is scored, its figures are the server\'s, it opens in the Scorecard and is listed', async () => {
  assert.equal(sample.row_count, 12);
  // Judge scores per row, by position; the threshold is the default 0.5.
  const judged = [0.9, 0.8, 1, 0.7, 0.6, 0.9, 0.3, 0.2, 0.95, 0.85, 0.4, 0.75];
  sample.data.forEach((row, i) => fake.enqueue({ when: forQuery(row.query), text: JSON.stringify({ score: judged[i], reasoning: `judged ${i}` }) }));

  await setUpRun('journey-run', 4);
  assert.equal(await page.getByTestId('runner-cost').innerText(), '1 LLM-judged metric × 12 rows = about 12 model calls.');
  await watchProgress();
  await page.getByTestId('runner-start').click();
  await page.getByTestId('runner-results').waitFor(WAIT);

  const progress = await page.evaluate(() => window.__progress);
  assert.equal(progress.at(-1), '24/24', `progress seen: ${progress.join(' ')}`);
  assert.ok(progress.every((p) => p.endsWith('/24') || p === '0/0'), progress.join(' '));

  const [run] = (await getJson('/api/eval-runner/runs')).runs;
  assert.equal(run.evaluation_name, 'journey-run');
  assert.equal(run.status, 'completed');
  const { summary } = await getJson(`/api/eval-runner/runs/${run.run_id}`);

  // By hand: no sample answer equals its expected output word for word; the judge's average and
  // pass rate follow from the scripted scores.
  const exact = sample.data.filter((r) => r.actual_output.trim() === r.expected_output.trim()).length;
  assert.equal(exact, 0);
  const judgedAverage = judged.reduce((a, b) => a + b, 0) / judged.length;
  const judgedPass = judged.filter((s) => s >= 0.5).length / judged.length;
  const byKey = Object.fromEntries(summary.metric_results.map((m) => [m.metric_key, m]));
  assert.ok(Math.abs(byKey.answer_relevancy.average_score - judgedAverage) < 1e-4);
  assert.ok(Math.abs(byKey.answer_relevancy.pass_rate - judgedPass) < 1e-4);
  assert.equal(byKey.exact_string_match.average_score, 0);

  assert.equal(await page.getByTestId('metric-result-answer_relevancy-average').innerText(), judgedAverage.toFixed(3));
  assert.equal(await page.getByTestId('metric-result-answer_relevancy-pass-rate').innerText(), `${(judgedPass * 100).toFixed(1)}%`);
  assert.equal(await page.getByTestId('metric-result-exact_string_match-average').innerText(), '0.000');
  assert.equal(await page.getByTestId('metric-result-exact_string_match-pass-rate').innerText(), '0.0%');
  assert.equal(await page.getByTestId('runner-kpi-items-value').innerText(), String(summary.total_items));
  assert.equal(await page.getByTestId('runner-kpi-average-value').innerText(), summary.average_score.toFixed(3));
  assert.equal(await page.getByTestId('runner-kpi-pass-rate-value').innerText(), `${(summary.overall_pass_rate * 100).toFixed(1)}%`);
  const first = summary.item_results[0];
  assert.match(await page.getByTestId(`item-${first.item_id}`).innerText(), new RegExp(first.metric_scores.answer_relevancy.toFixed(2)));

  await page.getByTestId('runner-log-details').locator('summary').click();
  assert.match(await page.getByTestId('runner-log-details').innerText(), /Starting evaluation: journey-run/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'runner-results.png'), fullPage: true });

  await page.getByTestId('runner-open-scorecard').click();
  await page.waitForURL(/\/evaluate\/scorecard\?dataset=/, WAIT);
  assert.equal(new URL(page.url()).searchParams.get('dataset'), summary.dataset_id);
  const scorecard = await getJson(`/api/evaluation/scorecard?dataset_id=${encodeURIComponent(summary.dataset_id)}`);
  await page.getByTestId('scorecard-kpis').waitFor(WAIT);
  assert.equal(await page.getByTestId('kpi-overall-value').innerText(), scorecard.overall_score.toFixed(3));
  assert.equal(await page.getByTestId('kpi-cases-value').innerText(), String(scorecard.total_cases));
  assert.equal(scorecard.total_cases, 12);

  await page.goto(`${server.url}/evaluate/runner`, { waitUntil: 'networkidle' });
  const row = page.getByTestId(`run-row-${run.run_id}`);
  await row.waitFor(WAIT);
  assert.equal(await page.getByTestId(`run-status-${run.run_id}`).innerText(), 'completed');
  assert.match(await row.innerText(), /24 \/ 24/);
  assert.deepEqual(browser.errors, []);
});

test('a run cancelled with the Cancel button is left cancelled and Resume completes it', async () => {
  fake.reset();
  // Slow judge replies, one call at a time: the run is still going when it is cancelled.
  for (let i = 0; i < 3; i += 1) fake.enqueue({ text: '{"score": 1, "reasoning": "slow"}', delayMs: 700 });
  await setUpRun('journey-cancel', 1);
  await page.getByTestId('runner-start').click();
  await fake.waitForRequests(2, 15000);
  await page.getByTestId('runner-cancel').click();
  await page.getByTestId('runner-stopped').waitFor(WAIT);

  const runId = (await getJson('/api/eval-runner/runs')).runs.find((r) => r.evaluation_name === 'journey-cancel').run_id;
  const status = page.getByTestId(`run-status-${runId}`);
  await waitForStatus(runId, 'cancelled');
  await page.waitForFunction((id) => document.querySelector(`[data-testid="run-status-${id}"]`)?.textContent === 'cancelled', runId, WAIT);
  assert.equal(await status.innerText(), 'cancelled');
  const cancelled = (await getJson(`/api/eval-runner/runs/${runId}`)).run;
  assert.equal(cancelled.status, 'cancelled');
  assert.ok(cancelled.completed_evaluations < 24, `${cancelled.completed_evaluations} scored before the cancel`);

  fake.reset();
  for (let i = 0; i < 12; i += 1) fake.enqueue({ text: '{"score": 0.8, "reasoning": "resumed"}' });
  await page.getByTestId(`run-resume-${runId}`).click();
  await page.getByTestId('runner-results').waitFor(WAIT);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="run-status-${id}"]`)?.textContent === 'completed', runId, WAIT);
  const done = await getJson(`/api/eval-runner/runs/${runId}`);
  assert.equal(done.run.status, 'completed');
  assert.equal(done.run.completed_evaluations, 24);
  assert.equal(done.summary.total_items, 12);
  // Every judged row has a score: the ones scored before the cancel (1) and after it (0.8).
  const scores = done.summary.metric_results.find((m) => m.metric_key === 'answer_relevancy').scores;
  assert.equal(scores.length, 12);
  assert.ok(scores.every((s) => s === 1 || s === 0.8), scores.join(' '));
  assert.equal(await page.getByTestId('runner-kpi-average-value').innerText(), done.summary.average_score.toFixed(3));
  assert.match(await page.getByTestId(`run-row-${runId}`).innerText(), /24 \/ 24/);
  assert.deepEqual(browser.errors, []);
});
