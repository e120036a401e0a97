// Browser journey through the Compare page's Test Cases mode and the comparison exports, against
// its own server: a small dataset (three experiments, JSON and Python-literal data_metadata) is
// uploaded; the KPIs, the side-by-side table, the Distribution and Scatter table views are checked
// against the server's replies; the Top 20% quick filter, every chart tab, the case modal and the
// CSV export are checked against the server; a metadata filter is chosen, kept across a reload; then the
// Experiments mode's JSON and Markdown exports are downloaded and compared with the API's files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ARTIFACTS, axeViolations, launchPage, PAGE_CONTENT_AXE } from './lib/browser.mjs';
import { getJson as readJson, testIdText, waitForTestIdText } from './lib/reads.mjs';
import { startServer, uploadCsv } from '../integration/lib/server.mjs';

const WAIT = { timeout: 20000 };
const cell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

const META = { k1: '{"lang": "en", "tier": 1}', k2: "{'lang': 'fr', 'gold': True}", k3: '{"lang": "en"}', k4: '' };
const ROWS = [
  ['k1', 'A', 'm1', '0.2'], ['k1', 'A', 'm2', '0.4'], ['k1', 'B', 'm1', '0.8'],
  ['k2', 'A', 'm1', '0.6'], ['k2', 'C', 'm1', '1.0'],
  ['k3', 'B', 'm1', '0.5'], ['k3', 'C', 'm1', '0.0'],
  ['k4', 'A', 'm1', '0.9'], ['k4', 'B', 'm1', '0.7'], ['k4', 'C', 'm1', '0.1'],
];

let server;
let browser;
let page;
let id;

const getJson = (pathname) => readJson(server.url, pathname);
const text = (testId) => testIdText(page, testId);
const score = (v) => (typeof v === 'number' ? v.toFixed(3) : '—');

/** The side-by-side table as on screen: [id, score per experiment…, spread] per row. */
async function shownRows() {
  return page.getByTestId('test-case-row').evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-case'), ...[...r.querySelectorAll('[data-testid="test-case-score"]')].map((c) => c.textContent.trim()),
      r.querySelector('[data-testid="test-case-spread"]').textContent.trim()]));
}

const expectedRows = (reply) => reply.cases.map((c) => [c.dataset_id, ...c.scores.map(score), score(c.spread)]);

async function shot(name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `axis-${name}.png`), fullPage: true });
}

before(async () => {
  server = await startServer({ env: { AXIS_WEB_DIR: process.env.AXIS_WEB_DIR } });
  const rows = [['dataset_id', 'query', 'evaluation_name', 'metric_name', 'metric_score', 'data_metadata'],
    ...ROWS.map(([c, e, m, s]) => [c, `question ${c}`, e, m, s, META[c]])];
  id = (await uploadCsv(server, rows.map((r) => r.map(cell).join(',')).join('\n') + '\n', 'compare-e2e.csv')).dataset_id;
  browser = await launchPage('compare');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('test cases mode: KPIs, table, distribution and scatter match the server', async () => {
  await page.goto(`${server.url}/evaluate/compare?dataset=${id}&mode=cases`, { waitUntil: 'networkidle' });
  await page.getByTestId('test-cases-table').waitFor(WAIT);
  const all = await getJson(`/api/evaluation/compare/test-cases?dataset_id=${id}`);
  // The values the integration suite worked out by hand for this data.
  assert.deepEqual([all.kpis.test_cases, all.kpis.experiments, all.kpis.leading_experiment], [4, 3, 'B']);
  assert.equal(await text('kpi-test-cases-value'), '4');
  assert.equal(await text('kpi-experiments-value'), '3');
  assert.equal(await text('kpi-average-value'), score(all.kpis.average_score));
  assert.equal(await text('kpi-average-value'), '0.544');
  assert.equal(await text('kpi-leading-value'), 'B');
  assert.deepEqual(await shownRows(), expectedRows(all));
  assert.deepEqual((await shownRows())[1], ['k2', '0.600', '—', '1.000', '0.400']);
  await page.locator('[data-testid="compare-distribution"] svg').first().waitFor(WAIT);
  await shot('compare-test-cases-charts');

  await page.getByTestId('spread-view-table').click();
  const spread = await page.getByTestId('spread-row').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.deepEqual(spread, all.distribution.map((d) => [d.experiment, String(d.n), ...[d.mean, d.min, d.q1, d.median, d.q3, d.max].map(score)]));

  await page.getByTestId('chart-tab-scatter').click();
  await page.locator('[data-testid="compare-scatter"] svg').first().waitFor(WAIT);
  const pair = await getJson(`/api/evaluation/compare/cases?dataset_id=${id}&baseline=A&challenger=B&page_size=500`);
  await waitForTestIdText(page, 'scatter-summary', `${pair.total} cases scored by both: B higher in ${pair.counts.Challenger}, A higher in ${pair.counts.Baseline}, within 0.01 in ${pair.counts.Tie}.`);
  await page.getByTestId('scatter-view-table').click();
  const points = await page.getByTestId('scatter-row').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.deepEqual(points, pair.cases.map((c) => [c.dataset_id, score(c.baseline_score), score(c.challenger_score)]));
  assert.deepEqual(points, [['k1', '0.300', '0.800'], ['k4', '0.900', '0.700']]);
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the test cases mode passes axe');
  await shot('compare-test-cases-tables');
});

test('test cases mode: quick filter, chart tabs, case modal and CSV export show the server\'s values', async () => {
  // Four cases, so the top 20% is ceil(4 / 5) = 1 case: k2 (mean of 0.6 and 1.0).
  const top = await getJson(`/api/evaluation/compare/test-cases?dataset_id=${id}&view=top`);
  assert.deepEqual(top.cases.map((c) => c.dataset_id), ['k2']);
  await page.getByTestId('quick-filter-top').click();
  await waitForTestIdText(page, 'kpi-test-cases-value', '1');
  assert.deepEqual(await shownRows(), expectedRows(top));
  assert.equal(await text('kpi-average-value'), score(top.kpis.average_score));
  assert.equal(new URL(page.url()).searchParams.get('view'), 'top');

  // Each chart tab renders; the text alternatives hold the server's numbers.
  await page.getByTestId('chart-tab-distribution').click();
  await page.getByTestId('compare-distribution').waitFor(WAIT);
  await page.getByTestId('chart-tab-bar').click();
  await page.locator('[data-testid="compare-bar"] svg').first().waitFor(WAIT);
  await page.getByTestId('bar-view-table').click();
  const means = await page.getByTestId('metric-means-row').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.deepEqual(means, top.metric_means.map((m) => [m.metric, ...m.means.map(score)]));
  await page.getByTestId('chart-tab-radar').click();
  await page.getByTestId('compare-radar').waitFor(WAIT);
  await page.getByTestId('chart-tab-scatter').click();
  await page.getByTestId('compare-scatter').waitFor(WAIT);
  const winLoss = await getJson(`/api/evaluation/compare/win-loss?dataset_id=${id}`);
  await page.getByTestId('chart-tab-winloss').click();
  await waitForTestIdText(page, 'winloss-summary', [...Object.entries(winLoss.wins).map(([n, w]) => `${n} won ${w}`), `${winLoss.ties} ties`].join(', '));
  await page.locator('[data-testid="compare-winloss"] svg').first().waitFor(WAIT);
  const agreement = await getJson(`/api/evaluation/compare/agreement?dataset_id=${id}`);
  await page.getByTestId('chart-tab-agreement').click();
  await waitForTestIdText(page, 'agreement-summary', agreement.pairs.map((p) => `${p.model1} and ${p.model2} agree on ${score(p.rate)} of ${p.total} cases`).join('; '));
  assert.equal(new URL(page.url()).searchParams.get('chart'), 'agreement');
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the test cases mode with its toolbar and tabs passes axe');
  await shot('compare-test-cases-toolbar');

  // A row opens the case: each experiment's scores from the case route.
  await page.getByTestId('test-case-row').first().press('Enter');
  const modal = page.getByTestId('compare-case-modal');
  await modal.waitFor(WAIT);
  for (const [i, experiment] of [[0, 'A'], [1, 'C']]) {
    const detail = await getJson(`/api/evaluation/cases/k2?dataset_id=${id}&evaluation_name=${experiment}`);
    await modal.getByTestId(`case-modal-tab-${i}`).click();
    await waitForTestIdText(page, 'case-overall', score(detail.case.overall_score));
    const metrics = await modal.getByTestId('case-metric').allTextContents();
    assert.deepEqual(metrics.map((m) => m.slice(0, 5)), detail.case.metrics.map((m) => score(m.score)));
  }
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the case modal passes axe');
  await page.keyboard.press('Escape');
  await modal.waitFor({ state: 'detached', ...WAIT });

  // Export CSV: the file the server writes for the same view.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-test-cases-csv').click()]);
  const saved = readFileSync(await download.path(), 'utf8');
  const res = await fetch(`${server.url}/api/evaluation/compare/test-cases/export?dataset_id=${id}&view=top`);
  assert.equal(saved, await res.text());
  const [k2] = top.cases;
  assert.equal(saved, `dataset_id,query,A,B,C,mean,spread\r\nk2,question k2,${k2.scores.map((v) => (v === null ? '' : String(v))).join(',')},${k2.mean},${k2.spread}\r\n`);

  await page.getByTestId('quick-filter-all').click();
  await waitForTestIdText(page, 'kpi-test-cases-value', '4');
});

test('a metadata filter narrows the cases, and the URL keeps it across a reload', async () => {
  await page.getByTestId('metadata-filter-lang').selectOption('en');
  const en = await getJson(`/api/evaluation/compare/test-cases?dataset_id=${id}&meta.lang=en`);
  await waitForTestIdText(page, 'kpi-test-cases-value', String(en.kpis.test_cases));
  assert.equal(en.kpis.test_cases, 2);
  assert.equal(await text('kpi-average-value'), score(en.kpis.average_score));
  assert.deepEqual(await shownRows(), expectedRows(en));
  assert.equal(new URL(page.url()).searchParams.get('meta.lang'), 'en');

  await page.reload({ waitUntil: 'networkidle' });
  await waitForTestIdText(page, 'kpi-test-cases-value', '2');
  assert.equal(await page.getByTestId('metadata-filter-lang').inputValue(), 'en');
  assert.deepEqual(await shownRows(), expectedRows(en));
});

test('experiments mode exports JSON and Markdown written by the server', async () => {
  await page.getByTestId('compare-mode-experiments').click();
  await page.getByTestId('case-diff-row').first().waitFor(WAIT);
  const query = `dataset_id=${id}&baseline=A&challenger=B`;
  for (const [format, testId] of [['json', 'export-cases-json'], ['md', 'export-cases-md']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    assert.match(download.suggestedFilename(), new RegExp(`^comparison-A-vs-B-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
    const saved = readFileSync(await download.path(), 'utf8');
    const res = await fetch(`${server.url}/api/evaluation/compare/export?${query}&format=${format}`);
    assert.equal(saved, await res.text());
    const listed = await getJson(`/api/evaluation/compare/cases?${query}&page_size=500`);
    assert.deepEqual(listed.cases.map((c) => c.dataset_id), ['k1', 'k4']);
    if (format === 'json') {
      assert.deepEqual(JSON.parse(saved).cases, listed.cases);
    } else {
      // The case rows print the listed numbers as JavaScript does, and the winner's name.
      const name = { Baseline: 'A', Challenger: 'B', Tie: 'Tie' };
      const lines = listed.cases.map((c) => `| ${c.dataset_id} | ${c.query} | ${c.baseline_score} | ${c.challenger_score} | ${c.diff} | ${name[c.winner]} |\n`);
      assert.ok(saved.startsWith('# Comparison: A vs B\n'));
      assert.ok(saved.endsWith('| --- | --- | ---: | ---: | ---: | --- |\n' + lines.join('')), saved);
      assert.deepEqual(listed.cases.map((c) => c.winner), ['Challenger', 'Baseline']);
    }
  }
  assert.equal(await page.getByTestId('export-error').count(), 0);
  assert.deepEqual(browser.errors, []);
});
