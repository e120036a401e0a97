import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ARTIFACTS, AXIS_URL, CHROMIUM, CHROMIUM_ARGS, chromium } from './lib/browser.mjs';
const WAIT = { timeout: 15000 };

let userDataDir;
let context;
let modelDatasetId;
let page;
const pageErrors = [];

async function getJson(pathname) {
  const response = await fetch(`${AXIS_URL}${pathname}`, { headers: { Accept: 'application/json' } });
  return { status: response.status, body: await response.json() };
}

/** Saves a full-page screenshot once chart animations have finished. */
async function shot(name) {
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(ARTIFACTS, `axis-${name}.png`), fullPage: true });
}

function datasetIdFromUrl() {
  return new URL(page.url()).searchParams.get('dataset');
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v !== ''));
}

/** Polls the stored annotations until the given case ids carry the wanted judgments. */
async function waitForJudgments(datasetId, wanted, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let stored = new Map();
  while (Date.now() < deadline) {
    const { body } = await getJson(`/api/annotations?dataset_id=${encodeURIComponent(datasetId)}`);
    stored = new Map((body.annotations ?? []).map((a) => [a.case_id, a.judgment]));
    if (Object.entries(wanted).every(([id, judgment]) => stored.get(id) === judgment)) return stored;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return stored;
}

async function loadExample(name) {
  await page.goto(`${AXIS_URL}/evaluate/upload`, { waitUntil: 'networkidle' });
  await page.getByTestId(`example-${name}`).click();
  const panel = page.getByTestId('upload-success');
  await panel.getByText('Data Loaded Successfully').waitFor(WAIT);
  return panel;
}

before(async () => {
  assert.ok(AXIS_URL, 'AXIS_URL must point at a running AXIS server, e.g. AXIS_URL=http://127.0.0.1:8500');
  mkdirSync(ARTIFACTS, { recursive: true });
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'axis-e2e-evaluate-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test('Example Model loads as tree_format and continues to the scorecard', async () => {
  const panel = await loadExample('model');
  assert.equal(await panel.getByTestId('upload-format').innerText(), 'tree_format');
  const rows = Number((await panel.getByTestId('upload-rows').innerText()).replace(/,/g, ''));
  assert.ok(rows > 0, 'row count is shown');
  await page.getByTestId('preview-table').locator('tbody tr').first().waitFor(WAIT);
  await shot('evaluate-upload');

  await panel.getByTestId('continue-scorecard').click();
  await page.waitForURL(/\/evaluate\/scorecard\?dataset=/);
  const datasetId = datasetIdFromUrl();
  assert.ok(datasetId, 'the dataset id is kept in the URL');
  modelDatasetId = datasetId;

  const kpis = page.getByTestId('scorecard-kpis');
  await kpis.waitFor(WAIT);
  for (const id of ['kpi-overall', 'kpi-variance', 'kpi-cases', 'kpi-metrics', 'kpi-components']) {
    assert.equal(await kpis.getByTestId(id).isVisible(), true, `${id} visible`);
  }
  const { status, body } = await getJson(`/api/evaluation/scorecard?dataset_id=${encodeURIComponent(datasetId)}`);
  assert.equal(status, 200);
  assert.equal(typeof body.overall_score, 'number');
  assert.equal(await page.getByTestId('kpi-overall-value').innerText(), body.overall_score.toFixed(3));
  assert.equal(await page.getByTestId('kpi-cases-value').innerText(), Math.round(body.total_cases).toLocaleString('en-US'));
  await page.locator('[data-testid="metric-tree-chart"][data-ready="true"]').waitFor(WAIT);
  await shot('evaluate-scorecard');
});

test('expanding a node shows its children and a metric opens and closes the drill-down', async () => {
  const rows = page.locator('[data-testid^="scorecard-row-"]');
  const before = await rows.count();
  const toggle = page.locator('[data-testid^="scorecard-toggle-"][aria-expanded="false"]').first();
  const toggleId = await toggle.getAttribute('data-testid');
  await toggle.click();
  assert.equal(await page.getByTestId(toggleId).getAttribute('aria-expanded'), 'true');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="scorecard-row-"]').length > n, before);

  const child = page.locator('[data-testid^="scorecard-row-"][data-depth="1"]').first();
  const metric = (await child.getAttribute('data-testid')).replace('scorecard-row-', '');
  await child.click();
  const modal = page.getByTestId('drilldown-modal');
  await modal.waitFor(WAIT);
  assert.match(await modal.locator('h2').innerText(), new RegExp(metric.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await modal.getByTestId('drilldown-row').first().or(modal.getByText('No cases match these filters.')).waitFor(WAIT);
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-evaluate-drilldown.png') });
  await modal.getByRole('button', { name: 'Close' }).click();
  await modal.waitFor({ state: 'detached', timeout: 5000 });
});

test('deep dive: the tree draws nodes, a leaf opens its popup, and Box keeps tab=distribution in the URL', async () => {
  assert.ok(modelDatasetId, 'the Example Model test ran first');
  const { body } = await getJson(`/api/evaluation/tree?dataset_id=${encodeURIComponent(modelDatasetId)}`);
  let leaf = body.root;
  while (leaf?.children?.length) leaf = leaf.children[0];
  assert.ok(leaf?.name, 'the server tree has a leaf');

  await page.goto(`${AXIS_URL}/evaluate/deep-dive?tab=tree&dataset=${modelDatasetId}`, { waitUntil: 'networkidle' });
  const chart = page.locator('[data-testid="metric-tree-chart"][data-ready="true"]');
  await chart.waitFor(WAIT);
  await chart.locator('text', { hasText: leaf.name }).first().click();
  const popup = page.getByTestId('tree-node-popup');
  await popup.waitFor(WAIT);
  assert.equal(await popup.locator('h2').innerText(), leaf.name);
  assert.equal(await popup.getByTestId('tree-node-score').innerText(), leaf.score.toFixed(3));
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-evaluate-tree-popup.png') });
  await page.keyboard.press('Escape');
  await popup.waitFor({ state: 'detached', timeout: 5000 });

  await page.getByTestId('deep-dive-tab-distribution').click();
  await page.getByTestId('distribution-box').click();
  await page.locator('[data-testid="boxplot-chart"][data-ready="true"]').waitFor(WAIT);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('tab'), 'distribution');
  assert.equal(url.searchParams.get('view'), 'box');
  await shot('evaluate-distribution');
});

test('Model Comparison shows a winner and at least one significant metric, and exports its cases', async () => {
  await loadExample('comparison');
  await page.getByTestId('evaluate-tab-compare').click();
  await page.waitForURL(/\/evaluate\/compare\?dataset=/);
  const winner = page.getByTestId('compare-winner');
  await winner.waitFor(WAIT);
  assert.notEqual((await winner.innerText()).trim(), '');
  assert.notEqual(await page.getByTestId('compare-winner-side').getAttribute('data-side'), 'tie');
  const stars = page.locator('[data-testid="metric-comparison"] [data-testid="significance-stars"]');
  assert.ok((await stars.count()) >= 1, 'at least one metric is marked significant');
  assert.match(await stars.first().innerText(), /^\*{1,3}$/);
  await page.getByTestId('case-diff-row').first().waitFor(WAIT);
  await shot('evaluate-compare');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-cases-csv').click()]);
  const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
  assert.equal(csv[0][0], 'dataset_id');
  assert.equal(csv[0].at(-1), 'winner');
  assert.ok(csv.length > 1, 'the export has case rows');
});

test('annotation: A on case 1, → then R on case 2, export has both, and a reload keeps them', async () => {
  await page.goto(`${AXIS_URL}/annotation-studio`, { waitUntil: 'networkidle' });
  const addData = page.getByTestId('annotation-add-data');
  if (await addData.isVisible()) {
    await addData.click();
    await page.getByTestId('annotation-add-modal').getByTestId('example-annotation').click();
  } else {
    await page.getByTestId('example-annotation').click();
  }
  const card = page.getByTestId('annotation-card');
  await card.waitFor(WAIT);
  await page.getByTestId('annotation-add-modal').waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  await page.waitForFunction(() => /^Record 1 of \d+$/.test(document.querySelector('[data-testid="annotation-position"]')?.textContent ?? ''));
  const datasetId = datasetIdFromUrl();
  assert.ok(datasetId);
  const first = await page.getByTestId('annotation-case-id').innerText();

  await page.keyboard.press('a');
  assert.equal(await page.getByTestId('judge-accept').getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((id) => document.querySelector('[data-testid="annotation-case-id"]')?.textContent !== id, first);
  const second = await page.getByTestId('annotation-case-id').innerText();
  await page.keyboard.press('r');
  assert.equal(await page.getByTestId('judge-reject').getAttribute('aria-pressed'), 'true');
  const saved = await waitForJudgments(datasetId, { [first]: 'accept', [second]: 'reject' });
  assert.equal(saved.get(first), 'accept');
  assert.equal(saved.get(second), 'reject');
  await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') !== 'saving');
  assert.ok(Number(await page.getByTestId('progress-accepted').innerText()) >= 1);
  assert.ok(Number(await page.getByTestId('progress-rejected').innerText()) >= 1);
  await shot('annotation-studio');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('annotation-export').click()]);
  const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
  const header = csv[0];
  const judgment = header.indexOf('judgment');
  const idColumn = header.indexOf('dataset_id');
  assert.ok(judgment >= 0, 'the export has a judgment column');
  assert.ok(idColumn >= 0, 'the export has a dataset_id column');
  const byId = new Map(csv.slice(1).map((r) => [r[idColumn], r[judgment]]));
  assert.equal(byId.get(first), 'accept');
  assert.equal(byId.get(second), 'reject');

  await page.reload({ waitUntil: 'networkidle' });
  await card.waitFor(WAIT);
  await page.waitForFunction((id) => document.querySelector('[data-testid="annotation-case-id"]')?.textContent === id, second);
  await page.waitForFunction(() => document.querySelector('[data-testid="judge-reject"]')?.getAttribute('aria-pressed') === 'true');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((id) => document.querySelector('[data-testid="annotation-case-id"]')?.textContent === id, first);
  assert.equal(await page.getByTestId('judge-accept').getAttribute('aria-pressed'), 'true');
  const { body } = await getJson(`/api/annotations?dataset_id=${encodeURIComponent(datasetId)}`);
  const stored = new Map((body.annotations ?? []).map((a) => [a.case_id, a.judgment]));
  assert.equal(stored.get(first), 'accept');
  assert.equal(stored.get(second), 'reject');
});

test('the evaluate pages raised no uncaught errors', () => {
  assert.deepEqual(pageErrors, []);
});
