// Browser journeys of the shared upload UI against its own server: a large-ish evaluation CSV is
// sent with the upload throttled, so the progress bar (bytes sent of the total, speed) is seen and
// cancelled, after which the server holds no new dataset; then the same file is uploaded in full,
// passing through the server's processing phase, and its row count matches the server's. Then the
// "Replace data…" dialog names the current dataset and closes on Escape, Annotation Studio's
// Configure dialog changes the columns on the card (kept across a reload), the copilot's suggested
// questions name the page's dataset, and the Learn walkthrough plays.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ARTIFACTS, axeViolations, launchPage, PAGE_CONTENT_AXE } from './lib/browser.mjs';
import { getJson as readJson, testIdText } from './lib/reads.mjs';
import { startServer } from '../integration/lib/server.mjs';

const WAIT = { timeout: 30000 };
const ROWS = 24000;
const DIALOG_AXE = { include: '[role="dialog"]', disable: ['color-contrast'] };

let server;
let browser;
let page;
let cdp;
let tmp;
let csvPath;

const getJson = (pathname) => readJson(server.url, pathname);
const text = (testId) => testIdText(page, testId);

/** A flat evaluation CSV of ROWS rows (ROWS/3 cases × 3 metrics) with some padding text: about 6 MB. */
function writeLargeCsv(file) {
  const lines = ['dataset_id,query,actual_output,evaluation_name,metric_name,metric_score'];
  const metrics = ['faithfulness', 'relevance', 'tone'];
  const padding = 'lorem ipsum dolor sit amet '.repeat(6).trim();
  for (let i = 0; i < ROWS; i += 1) {
    const caseId = `case-${String(Math.floor(i / 3)).padStart(5, '0')}`;
    const score = ((i * 37) % 100) / 100;
    lines.push(`${caseId},"Question ${i} ${padding}","Answer ${i} ${padding}",run-a,${metrics[i % 3]},${score.toFixed(2)}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Upload speed limit in bytes per second (-1 lifts it). */
async function throttleUpload(bytesPerSecond) {
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}

/** Records every phase the upload zone shows, however briefly. */
async function watchPhases() {
  await page.evaluate(() => {
    window.__uploadPhases = [];
    const seen = (state) => {
      if (state && window.__uploadPhases[window.__uploadPhases.length - 1] !== state) window.__uploadPhases.push(state);
    };
    new MutationObserver(() => seen(document.querySelector('[data-testid="file-upload-zone"]')?.getAttribute('data-state'))).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
}

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'axis-upload-e2e-'));
  csvPath = path.join(tmp, 'large_eval.csv');
  writeLargeCsv(csvPath);
  server = await startServer({ env: { AXIS_WEB_DIR: process.env.AXIS_WEB_DIR } });
  browser = await launchPage('upload-progress');
  page = browser.page;
  cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('a throttled upload shows bytes, total and speed, and Cancel leaves nothing on the server', async () => {
  const before = (await getJson('/api/datasets')).datasets.length;
  await page.goto(`${server.url}/evaluate/upload`, { waitUntil: 'networkidle' });
  await page.getByTestId('file-upload-zone').waitFor(WAIT);
  await throttleUpload(400 * 1024);
  await page.getByTestId('file-upload-input').setInputFiles(csvPath);

  const bytes = page.getByTestId('file-upload-bytes');
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="file-upload-bytes"]');
    const loaded = Number(el?.getAttribute('data-loaded'));
    return loaded > 0 && loaded < Number(el?.getAttribute('data-total'));
  }, null, WAIT);
  await page.waitForFunction(() => /\/s$/.test(document.querySelector('[data-testid="file-upload-rate"]')?.textContent ?? ''), null, WAIT);
  const total = Number(await bytes.getAttribute('data-total'));
  const loaded = Number(await bytes.getAttribute('data-loaded'));
  // The body is the file plus its multipart framing.
  const { size } = await import('node:fs').then((fs) => fs.statSync(csvPath));
  assert.ok(total > size && total < size + 1024, `total ${total} vs file ${size}`);
  assert.match(await text('file-upload-bytes'), /^\d+(\.\d)? (KB|MB) of \d+\.\d MB \(\d+%\)$/);
  const percent = Number(await page.getByTestId('file-upload-bar').getAttribute('aria-valuenow'));
  assert.ok(percent >= 0 && percent < 100 && Math.abs(percent - Math.round((loaded / total) * 100)) <= 5);
  assert.match(await text('file-upload-rate'), /^\d+(\.\d)? (B|KB|MB)\/s$/);
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the progress view passes axe');
  await page.screenshot({ path: path.join(ARTIFACTS, 'upload-progress-sending.png'), fullPage: true });

  await page.getByTestId('file-upload-cancel').click();
  assert.equal(await text('file-upload-cancelled'), 'Upload cancelled: nothing was stored');
  // The server drops the half-received body when the connection closes; it stays that way.
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal((await getJson('/api/datasets')).datasets.length, before);
  }
  assert.equal((await (await fetch(`${server.url}/health`)).json()).status !== undefined, true);
});

test('the full upload goes through sending and the server phase, and shows the rows the server stored', async () => {
  await throttleUpload(3 * 1024 * 1024);
  await watchPhases();
  await page.getByTestId('file-upload-input').setInputFiles(csvPath);
  await page.locator('[data-testid="file-upload-zone"][data-state="success"]').waitFor(WAIT);
  await throttleUpload(-1);
  const phases = await page.evaluate(() => window.__uploadPhases);
  assert.deepEqual(phases.slice(0, 3), ['sending', 'processing', 'success']);

  const datasets = (await getJson('/api/datasets')).datasets;
  const stored = datasets.find((d) => d.name === 'large_eval.csv');
  assert.ok(stored, 'the upload is stored');
  assert.equal(stored.row_count, ROWS);
  await page.waitForFunction((n) => (document.querySelector('[data-testid="upload-rows"]')?.textContent ?? '').replace(/[^0-9]/g, '') === n, String(ROWS), WAIT);
  assert.equal(await text('upload-format'), stored.format);
});

test('Replace data… names the current dataset in an amber warning and closes on Escape', async () => {
  const stored = (await getJson('/api/datasets')).datasets.find((d) => d.name === 'large_eval.csv');
  await page.goto(`${server.url}/evaluate/scorecard?dataset=${stored.id}`, { waitUntil: 'networkidle' });
  await page.getByTestId('evaluate-add-data').click();
  const dialog = page.getByRole('dialog', { name: 'Replace data…' });
  await dialog.waitFor(WAIT);
  assert.equal(await text('evaluate-add-modal-current'), stored.name);
  assert.match(await text('evaluate-add-modal-warning'), /The file you load replaces it here/);
  assert.deepEqual(await axeViolations(page, DIALOG_AXE), [], 'the Replace data dialog passes axe');
  await page.screenshot({ path: path.join(ARTIFACTS, 'upload-replace-dialog.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', ...WAIT });
});

test("Annotation Studio's Configure dialog changes the columns on the card, and the choice survives a reload", async () => {
  await page.goto(`${server.url}/annotation-studio`, { waitUntil: 'networkidle' });
  await page.getByTestId('annotation-upload').getByTestId('example-annotation').click();
  await page.getByTestId('annotation-card').waitFor(WAIT);
  const datasetId = await page.getByTestId('annotation-card').evaluate(() => new URL(location.href).searchParams.get('dataset'));
  const rows = await getJson(`/api/datasets/${datasetId ?? (await getJson('/api/datasets')).datasets.find((d) => d.kind === 'annotation').id}/rows?page=1&page_size=1`);
  const first = rows.data[0];
  assert.equal(await page.getByTestId('annotation-column-evaluation_name').count(), 0);
  assert.ok((await text('annotation-column-query')).includes(first.query.split('\n')[0].trim()));

  await page.getByTestId('annotation-configure-open').click();
  await page.getByRole('dialog', { name: 'Configure the studio' }).waitFor(WAIT);
  assert.deepEqual(await axeViolations(page, DIALOG_AXE), [], 'the Configure dialog passes axe');
  await page.getByTestId('configure-column-query').uncheck();
  await page.getByTestId('configure-column-evaluation_name').check();
  await page.getByTestId('configure-rating-none').check();
  await page.screenshot({ path: path.join(ARTIFACTS, 'annotation-configure.png') });
  await page.getByTestId('configure-save').click();

  await page.getByTestId('annotation-column-evaluation_name').waitFor(WAIT);
  assert.equal(await page.getByTestId('annotation-column-query').count(), 0);
  assert.equal(await page.getByTestId('rating-scale').count(), 0);
  // The block's label (shown upper-case), then the record's value as the server stored it.
  assert.equal(await text('annotation-column-evaluation_name'), `EVALUATION NAME\n${first.evaluation_name}`);

  await page.reload({ waitUntil: 'networkidle' });
  await page.getByTestId('annotation-column-evaluation_name').waitFor(WAIT);
  assert.equal(await page.getByTestId('annotation-column-query').count(), 0);
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the configured studio passes axe');
});

test("the copilot suggests four questions naming the page's dataset, and the Learn walkthrough plays", async () => {
  const stored = (await getJson('/api/datasets')).datasets.find((d) => d.name === 'large_eval.csv');
  await page.goto(`${server.url}/evaluate/scorecard?dataset=${stored.id}`, { waitUntil: 'networkidle' });
  await page.getByTestId('nav-copilot').click();
  await page.getByTestId('copilot-prompts').waitFor(WAIT);
  const prompts = await page.getByTestId('copilot-prompt').allInnerTexts();
  assert.equal(prompts.length, 4);
  assert.equal(prompts[0], `Which metrics score lowest in the ${stored.row_count.toLocaleString('en-US')} rows of ${stored.name}, and why?`);
  assert.equal(prompts[1], `Compare the experiments in ${stored.name}: which one wins, and on which metrics?`);
  assert.equal(await text('copilot-data-card'), `${stored.name} · ${stored.row_count.toLocaleString('en-US')} records | ${stored.columns.length} columns`);
  assert.deepEqual(await axeViolations(page, { include: '[data-testid="copilot-panel"]', disable: ['color-contrast'] }), [], 'the copilot panel passes axe');
  await page.screenshot({ path: path.join(ARTIFACTS, 'copilot-prompts.png') });
  await page.getByRole('button', { name: 'Close copilot' }).click();

  await page.goto(`${server.url}/learn?tab=walkthrough&scenario=rag`, { waitUntil: 'networkidle' });
  await page.getByTestId('walkthrough').waitFor(WAIT);
  assert.equal(await text('walkthrough-title'), 'The question');
  await page.getByTestId('walkthrough-play').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="walkthrough-title"]')?.textContent === 'Retrieval', null, { timeout: 5000 });
  assert.equal(new URL(page.url()).searchParams.get('step'), '1');
  await page.getByTestId('walkthrough-play').click();
  assert.equal(await text('walkthrough-play'), 'Play');
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the walkthrough passes axe');
  await page.screenshot({ path: path.join(ARTIFACTS, 'learn-walkthrough.png'), fullPage: true });
});
