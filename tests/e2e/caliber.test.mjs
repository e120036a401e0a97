// Browser journey of CaliberHQ against its own server and the fake OpenAI server: the example is
// labelled with the keyboard, the labels come back from the server after a reload, the judge's
// replies are scripted per record, and the Metrics tab shows the agreement figures worked out
// here (κ's bootstrap interval recomputed from the documented procedure). Insights optimises the
// criteria (scripted reply) and Apply & Re-run sends them to the judge.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, launchPage } from './lib/browser.mjs';
import { startFakeLlm } from '../integration/lib/fake_llm.mjs';
import { startServer } from '../integration/lib/server.mjs';

const WAIT = { timeout: 20000 };
const LABELS_KEY = 'caliber:caliber-hq-sample';

let fake;
let server;
let browser;
let page;

async function getJson(pathname) {
  const response = await fetch(`${server.url}${pathname}`);
  assert.equal(response.status, 200, pathname);
  return response.json();
}

const press = (key) => page.keyboard.press(key);
const gridState = (id) => page.getByTestId(`grid-${id}`).getAttribute('data-state');

/** The judge's request for a record: its last user turn holds the record's query as JSON. */
const forQuery = (query) => (body) => {
  const last = body.messages.at(-1);
  return last.role === 'user' && typeof last.content === 'string' && last.content.includes(JSON.stringify(query));
};

/** Cohen's κ from the four counts, with the documented degenerate cases. */
function kappa({ tp, fp, fn, tn }) {
  const n = tp + fp + fn + tn;
  if (n === 0) return 0;
  const po = (tp + tn) / n;
  const pe = ((tp + fp) / n) * ((tp + fn) / n) + ((tn + fn) / n) * ((tn + fp) / n);
  if (pe === 1) return po === 1 ? 1 : 0;
  return (po - pe) / (1 - pe);
}

function counts(pairs) {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [h, j] of pairs) c[h ? (j ? 'tp' : 'fn') : j ? 'fp' : 'tn'] += 1;
  return c;
}

/**
 * κ's 95 % percentile-bootstrap interval as docs/api.md describes it: 2,000 resamples drawn with
 * splitmix64 seeded 0x41584953 (index = output mod n), the 50th and 1,950th sorted values.
 */
function kappaInterval(pairs) {
  const MASK = (1n << 64n) - 1n;
  let state = 0x41584953n;
  const next = () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  };
  const n = BigInt(pairs.length);
  const values = [];
  for (let r = 0; r < 2000; r += 1) {
    const drawn = [];
    for (let i = 0; i < pairs.length; i += 1) drawn.push(pairs[Number(next() % n)]);
    values.push(kappa(counts(drawn)));
  }
  values.sort((a, b) => a - b);
  return { low: values[Math.ceil(0.025 * 2000) - 1], high: values[Math.ceil(0.975 * 2000) - 1] };
}

before(async () => {
  fake = await startFakeLlm();
  server = await startServer({ env: { OPENAI_API_KEY: 'sk-e2e', OPENAI_API_BASE: fake.openaiBase, AXIS_WEB_DIR: process.env.AXIS_WEB_DIR } });
  browser = await launchPage('caliber');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

test('labels made with the keyboard are kept by the server; the judge\'s agreement and the optimised criteria', async () => {
  await page.goto(`${server.url}/caliber-hq`, { waitUntil: 'networkidle' });
  await page.getByTestId('example-align').click();
  await page.getByTestId('caliber-card').waitFor(WAIT);
  assert.equal(await page.getByTestId('caliber-record-id').innerText(), 'align_001');

  // A accepts and R rejects (both move on), ← and → move: 003 is first accepted, then rejected,
  // and 006 is skipped.
  for (const key of ['a', 'r', 'a', 'ArrowLeft', 'r', 'a', 'r', 'ArrowRight', 'a', 'r']) await press(key);
  const human = { align_001: 1, align_002: 0, align_003: 0, align_004: 1, align_005: 0, align_007: 1, align_008: 0 };
  assert.equal(await page.getByTestId('caliber-record-id').innerText(), 'align_009');
  for (const [id, score] of Object.entries(human)) assert.equal(await gridState(id), score ? 'accepted' : 'rejected', id);
  assert.equal(await gridState('align_006'), 'not labelled');
  await page.waitForFunction(() => document.querySelector('[data-testid="caliber-save-status"]')?.textContent === 'Saved', null, WAIT);
  const stored = await getJson(`/api/align/labels?dataset_key=${encodeURIComponent(LABELS_KEY)}`);
  assert.deepEqual(Object.fromEntries(Object.entries(stored.annotations).map(([id, l]) => [id, l.score])), human);

  // A fresh page (its local state gone) shows the labels the server kept.
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByTestId('caliber-card').waitFor(WAIT);
  for (const [id, score] of Object.entries(human)) assert.equal(await gridState(id), score ? 'accepted' : 'rejected', id);
  assert.equal(await gridState('align_006'), 'not labelled');

  // The judge: agrees on 001 and 007 (accept) and 003, 005, 008 (reject), accepts 002 (a false
  // positive) and rejects 004 (a false negative).
  const judge = { align_001: 1, align_002: 1, align_003: 0, align_004: 0, align_005: 0, align_007: 1, align_008: 0 };
  const { data: records } = await getJson(`/api/datasets/${(await getJson('/api/datasets')).datasets.find((d) => d.kind === 'calibration').id}/rows?page_size=100`);
  const queryOf = Object.fromEntries(records.map((r) => [r.dataset_id, r.query]));
  const script = () => Object.entries(judge).forEach(([id, score]) =>
    fake.enqueue({ when: forQuery(queryOf[id]), text: JSON.stringify({ score, explanation: `verdict on ${id}` }) }));
  script();

  await page.getByTestId('caliber-step-build').click();
  const run = page.getByTestId('judge-run');
  await page.waitForFunction(() => !document.querySelector('[data-testid="judge-run"]')?.disabled, null, WAIT);
  await run.click();
  await page.getByTestId('results-tab-metrics').waitFor(WAIT);
  assert.equal(fake.requests().length, 7);

  // By hand: TP 2 (001, 007), FP 1 (002), FN 1 (004), TN 3 (003, 005, 008); n = 7.
  // p_o = 5/7, p_e = (3/7)(3/7) + (4/7)(4/7) = 25/49, κ = (10/49)/(24/49) = 5/12 ≈ 0.4167.
  const pairs = Object.keys(human).map((id) => [human[id], judge[id]]);
  const c = counts(pairs);
  assert.deepEqual(c, { tp: 2, fp: 1, fn: 1, tn: 3 });
  assert.ok(Math.abs(kappa(c) - 5 / 12) < 1e-12);
  const interval = kappaInterval(pairs);
  const [saved] = (await getJson('/api/align/runs')).runs;
  assert.equal(saved.metrics.cohens_kappa, 0.4167);
  assert.deepEqual(saved.metrics.confusion_matrix, [[3, 1], [1, 2]]);
  assert.ok(Math.abs(saved.metrics.confidence_intervals.cohens_kappa.low - interval.low) < 1e-4, `${interval.low}`);
  assert.ok(Math.abs(saved.metrics.confidence_intervals.cohens_kappa.high - interval.high) < 1e-4, `${interval.high}`);

  await page.getByTestId('results-tab-metrics').click();
  assert.equal(await page.getByTestId('kappa-text').innerText(), `κ 0.42 (95 % CI ${interval.low.toFixed(2)}–${interval.high.toFixed(2)})`);
  assert.equal(await page.getByTestId('kappa-band').innerText(), 'moderate agreement');
  assert.equal(await page.getByTestId('metric-f1').innerText(), '0.67'); // precision = recall = 2/3
  assert.equal(await page.getByTestId('metric-precision').innerText(), '0.67');
  assert.equal(await page.getByTestId('metric-recall').innerText(), '0.67');
  assert.equal(await page.getByTestId('metric-specificity').innerText(), '0.75'); // 3/4
  assert.equal(await page.getByTestId('metric-alignment').innerText(), '71.4%'); // 5/7
  for (const [cell, count] of [['cm-tp', 2], ['cm-fp', 1], ['cm-fn', 1], ['cm-tn', 3]]) {
    assert.match(await page.getByTestId(cell).innerText(), new RegExp(`^${count}`), cell);
  }
  assert.equal(await page.getByTestId('confusion-verdict').innerText(),
    'The judge is neither too lenient nor too strict: 1 false accepts and 1 false rejects.');
  await page.screenshot({ path: path.join(ARTIFACTS, 'caliber-metrics.png'), fullPage: true });

  // Insights: the optimiser's criteria, shown as a diff and sent with the next run.
  const criteria = 'Accept only answers that give the exact steps or facts.\nReject answers that deflect to support.';
  fake.reset();
  fake.enqueue({ text: JSON.stringify({
    optimized_criteria: criteria,
    suggestions: [{ aspect: 'Deflection', suggestion: 'Reject answers that send the user elsewhere', rationale: 'align_002 was accepted' }],
    expected_improvement: 'Fewer lenient accepts.',
  }) });
  await page.getByTestId('results-tab-insights').click();
  await page.getByTestId('insights-optimize').click();
  const optimized = page.getByTestId('insights-optimized');
  await optimized.waitFor(WAIT);
  assert.match(await optimized.innerText(), /Fewer lenient accepts\./);
  const added = await page.getByTestId('prompt-diff').locator('[data-kind="added"]').allInnerTexts();
  assert.ok(added.some((t) => t.includes('Reject answers that deflect to support.')), added.join('\n'));
  assert.ok((await page.getByTestId('prompt-diff').locator('[data-kind="removed"]').count()) > 0);

  script();
  const firstRun = saved.run_id;
  await page.getByTestId('insights-apply').click();
  await page.waitForFunction((id) => {
    const title = document.querySelector('[data-testid="caliber-results"]')?.textContent ?? '';
    return /Judge run \S/.test(title) && !title.includes(id);
  }, firstRun, WAIT);
  const judged = fake.requests().slice(1);
  assert.equal(judged.length, 7);
  for (const request of judged) {
    assert.ok(request.body.messages[0].content.includes(criteria), 'the judge reads the optimised criteria');
  }
  const runs = (await getJson('/api/align/runs')).runs;
  assert.equal(runs.length, 2);
  const second = await getJson(`/api/align/runs/${runs.find((r) => r.run_id !== firstRun).run_id}`);
  assert.equal(second.run.judge_config.evaluation_criteria, criteria);
  assert.equal(second.run.metrics.cohens_kappa, 0.4167); // the same scripted verdicts
  assert.deepEqual(browser.errors, []);
});
