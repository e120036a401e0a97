// Browser journeys through the data pages against their own server: Monitoring's empty state
// imports the configured monitoring source by itself (an unreachable PostgreSQL here, so it fails
// with the server's detail and offers Retry), then the sample's Top Failing Outputs; Production's
// KPI trend, segment and composition chart, and its header's Replace data… (a KPI CSV); Human Signals' time range, Signal Trends, a rate card's
// weekly trend and the column picker. Figures on screen are checked against the API's replies.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, axeViolations, launchPage, PAGE_CONTENT_AXE } from './lib/browser.mjs';
import { freePort, startServer } from '../integration/lib/server.mjs';

const WAIT = { timeout: 20000 };

const KPI_DB = `kpi_db:
  kpi_overrides:
    resolution_rate: {unit: percent}
    escalation_rate: {unit: percent, polarity: lower_better}
  composition_charts:
    - title: Ticket outcomes
      kpis:
        - {kpi_name: resolution_rate, label: Resolved, color: "#3D5A80"}
        - {kpi_name: escalation_rate, label: Escalated, color: "#D4AF37"}
      show_remainder: true
`;

let server;
let browser;
let page;

async function api(pathname, params = {}, init = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const response = await fetch(`${server.url}${pathname}${query.size ? `?${query}` : ''}`, { headers: { Accept: 'application/json' }, ...init });
  return { status: response.status, body: await response.json() };
}

async function ok(pathname, params) {
  const { status, body } = await api(pathname, params);
  assert.equal(status, 200, `${pathname}: ${JSON.stringify(body)}`);
  return body;
}

async function shot(name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `axis-${name}.png`), fullPage: true });
}

async function noAxeViolations(what) {
  const serious = (await axeViolations(page, PAGE_CONTENT_AXE)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${what} passes axe`);
}

/** The rows of a "Table view" disclosure (opened first), header row left out, as their cells' texts. */
async function tableView(testId) {
  const details = page.getByTestId(testId);
  if (!(await details.evaluate((el) => el.open))) await details.locator('summary').click();
  return details.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())));
}

const pct = (v) => `${v.toFixed(1)}%`;

before(async () => {
  const unused = await freePort();
  server = await startServer({
    env: { AXIS_WEB_DIR: process.env.AXIS_WEB_DIR },
    configFiles: {
      'monitoring_db.yaml': `monitoring_db:\n  enabled: true\n  auto_load: true\n  host: 127.0.0.1\n  port: ${unused}\n  database: traces\n  username: reader\n  query_timeout: 5\n  dataset_query: "SELECT 1 AS dataset_id"\n`,
      'kpi_db.yaml': KPI_DB,
    },
  });
  browser = await launchPage('data-pages');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('Monitoring imports its configured source by itself, names the failure and offers Retry', async () => {
  const config = await ok('/api/monitoring/db-config');
  assert.equal(config.auto_load, true);
  await page.goto(`${server.url}/monitoring`, { waitUntil: 'networkidle' });
  const failure = page.getByTestId('monitoring-db-import-error');
  await failure.waitFor(WAIT);
  // The same import asked of the server directly fails the same way.
  const { status, body } = await api('/api/monitoring/db-import', {}, { method: 'POST' });
  assert.ok(status >= 400, `the import of an unreachable database fails (${status})`);
  const flat = (text) => text.replace(/\s+/g, ' ').trim();
  assert.ok(flat(await failure.innerText()).includes(flat(body.detail)), `the page shows the server's detail: ${body.detail}`);
  assert.equal(await page.getByTestId('monitoring-db-import').getAttribute('data-auto'), 'true');
  await page.getByTestId('monitoring-db-import-retry').waitFor(WAIT);
  await noAxeViolations('the empty Monitoring page with the import');
  await shot('monitoring-db-import-error');
});

test('Monitoring lists the lowest scores below the chosen threshold as the store browsing sorts them', async () => {
  await page.getByTestId('example-monitoring').click();
  await page.waitForURL(/[?&]dataset=/, WAIT);
  const datasetId = new URL(page.url()).searchParams.get('dataset');
  const lowest = await ok('/api/store/data/monitoring', { dataset_id: datasetId, sort_by: 'metric_score', sort_dir: 'asc', page_size: 15, metric_category: 'SCORE' });
  const below = (t) => lowest.data.filter((r) => typeof r.metric_score === 'number' && r.metric_score < t);
  const rows = page.getByTestId('failing-row');
  await rows.first().waitFor(WAIT);
  assert.equal(await rows.count(), below(0.5).length);
  const shown = await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-trace'), Number(e.getAttribute('data-score'))]));
  assert.deepEqual(shown, below(0.5).map((r) => [r.dataset_id, r.metric_score]));
  assert.equal(await rows.first().getByTestId('failing-score').innerText(), below(0.5)[0].metric_score.toFixed(3));

  await page.getByTestId('failing-threshold').selectOption('0.3');
  assert.match(page.url(), /fail_below=0\.3/);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="failing-row"]').length === n, below(0.3).length, WAIT);

  await rows.first().getByTestId('failing-open').click();
  const modal = page.getByTestId('record-modal');
  await modal.waitFor(WAIT);
  assert.ok((await modal.innerText()).includes(`Trace ${below(0.3)[0].dataset_id}`));
  await noAxeViolations('the trace modal');
  await page.keyboard.press('Escape');
  await modal.waitFor({ state: 'detached', timeout: 5000 });
  await noAxeViolations('the Score Metrics tab with Top Failing Outputs');
  await page.getByTestId('failing-outputs').scrollIntoViewIfNeeded();
  await shot('monitoring-failing-outputs');
});

test('Production opens a KPI trend, narrows it to a segment and draws the composition chart', async () => {
  await ok('/api/kpi/example/kpi');
  const source = 'support_assistant';
  await page.goto(`${server.url}/production?source_name=${source}`, { waitUntil: 'networkidle' });
  const tile = page.getByTestId('kpi-tile-resolution_rate');
  await tile.waitFor(WAIT);
  await tile.click();
  await page.locator('[data-testid="kpi-tile-resolution_rate"][aria-pressed="true"]').waitFor(WAIT);
  const trends = await ok('/api/kpi/trends', { source_name: source, kpi_names: 'resolution_rate' });
  await page.locator(`[data-testid="kpi-trend-chart"][data-points="${trends.data.length}"]`).waitFor(WAIT);
  const last = trends.data.at(-1);
  const rows = await tableView('kpi-trend-table');
  assert.deepEqual(rows.at(-1), [last.date, pct(last.value), pct(last.avg_7d), pct(last.avg_30d)]);
  await noAxeViolations('the KPI trend');
  await shot('production-kpi-trend');

  await page.getByTestId('kpi-segment').selectOption('retail');
  assert.match(page.url(), /segment=retail/);
  const retail = await ok('/api/kpi/trends', { source_name: source, kpi_names: 'resolution_rate', segment: 'retail' });
  assert.notEqual(retail.data.length, 0);
  await page.waitForFunction(
    (want) => {
      const rows = [...document.querySelectorAll('[data-testid="kpi-trend-table"] tbody tr')];
      return rows.at(-1)?.querySelectorAll('td')[1]?.textContent === want;
    },
    pct(retail.data.at(-1).value),
    WAIT,
  );

  const both = await ok('/api/kpi/trends', { source_name: source, kpi_names: 'resolution_rate,escalation_rate', segment: 'retail' });
  const day = (d) => both.data.filter((p) => p.date === d);
  const dates = [...new Set(both.data.map((p) => p.date))].sort();
  const newest = dates.reverse().find((d) => day(d).length === 2);
  await page.getByTestId('kpi-composition-0').scrollIntoViewIfNeeded();
  await page.waitForFunction((d) => document.querySelector('[data-testid="kpi-composition-0-date"]')?.textContent === d, newest, WAIT);
  const value = (name) => day(newest).find((p) => p.kpi_name === name).value;
  const round2 = (v) => String(Number(v.toFixed(2)));
  const other = Math.max(0, 100 - value('resolution_rate') - value('escalation_rate'));
  assert.deepEqual(await tableView('kpi-composition-0-table'), [
    ['Resolved', round2(value('resolution_rate'))],
    ['Escalated', round2(value('escalation_rate'))],
    ['Other', round2(other)],
  ]);
  await page.getByTestId('kpi-composition-0-view-area').click();
  await noAxeViolations('the composition chart');
  await shot('production-kpi-composition');
});

test('Production replaces its KPI data from the header: the new file is read, its figures shown', async () => {
  const source = 'support_assistant';
  const before = await ok('/api/kpi/categories', { source_name: source });
  const kpiOf = (reply) => reply.categories.flatMap((c) => c.kpis).find((k) => k.kpi_name === 'resolution_rate');
  // Three days of one KPI for the agent: the newest value (12.5 %) differs from the sample's.
  const csv = ['created_at,source_name,kpi_name,kpi_category,numeric_value',
    '2026-01-10,support_assistant,resolution_rate,operational,41.0',
    '2026-01-11,support_assistant,resolution_rate,operational,33.0',
    '2026-01-12,support_assistant,resolution_rate,operational,12.5'].join('\n');
  await page.goto(`${server.url}/production?source_name=${source}`, { waitUntil: 'networkidle' });
  await page.getByTestId('kpi-tile-resolution_rate-value').waitFor(WAIT);
  const listed = await ok('/api/datasets');
  const shown = listed.datasets.filter((d) => d.kind === 'kpi').sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  await page.getByTestId('page-header').getByTestId('production-add-data').click();
  const modal = page.getByTestId('production-add-modal');
  await modal.waitFor(WAIT);
  assert.equal(await modal.getByTestId('production-add-modal-current').textContent(), shown.name);
  await noAxeViolations('the Replace data dialog');
  await modal.getByTestId('production-replace-upload-input').setInputFiles({ name: 'kpi_replaced.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await modal.waitFor({ state: 'detached', ...WAIT });
  const after = await ok('/api/kpi/categories', { source_name: source });
  const kpi = kpiOf(after);
  assert.equal(kpi.current_value, 12.5, 'the server reads the replaced data');
  assert.notEqual(kpiOf(before).current_value, kpi.current_value);
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="kpi-tile-resolution_rate-value"]')?.textContent === want,
    '12.5%',
    WAIT,
  );
  await shot('production-replaced-kpi');
});

test('Human Signals applies the time range to every view and draws the weekly trends', async () => {
  const loaded = await ok('/api/human-signals/example/hitl');
  const datasetId = loaded.dataset?.id ?? loaded.dataset_id;
  const meta = await ok('/api/store/metadata/human_signals', { dataset_id: datasetId });
  const newest = Date.parse(meta.metadata.time_range.max);
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const window7 = { time_start: iso(newest - 7 * 86400000), time_end: iso(newest) };

  await page.goto(`${server.url}/human-signals?dataset=${datasetId}`, { waitUntil: 'networkidle' });
  await page.getByTestId('signals-case-row').first().waitFor(WAIT);
  // The agent chosen on Production (support_assistant) has cases here too and stays chosen: go back to every case.
  await page.getByTestId('source-tab-all').click();
  await page.locator('[data-testid="source-tab-all"][aria-selected="true"]').waitFor(WAIT);
  assert.equal(await page.getByTestId('signals-range-30d').getAttribute('aria-pressed'), 'true');
  const month = await ok('/api/human-signals/cases', { dataset_id: datasetId, page_size: 10, time_start: iso(newest - 30 * 86400000), time_end: iso(newest) });
  await page.waitForFunction((t) => document.querySelector('[data-testid="signals-case-count"]')?.textContent === `(${t})`, month.total, WAIT);

  await page.getByTestId('signals-range-7d').click();
  const week = await ok('/api/human-signals/cases', { dataset_id: datasetId, page_size: 10, ...window7 });
  assert.ok(week.total < month.total, 'the last 7 days hold fewer cases than the last 30');
  await page.waitForFunction((t) => document.querySelector('[data-testid="signals-case-count"]')?.textContent === `(${t})`, week.total, WAIT);
  const schema = await ok('/api/human-signals/metric-schema', { dataset_id: datasetId, ...window7 });
  const total = schema.kpis.find((k) => k.key === 'total_cases');
  await page.waitForFunction((t) => document.querySelector('[data-testid="signals-kpi-total_cases-value"]')?.textContent === t, total.value.toLocaleString('en-US'), WAIT);

  const trends = await ok('/api/human-signals/trends', { dataset_id: datasetId, ...window7 });
  await page.locator(`[data-testid="signal-trends-chart"][data-weeks="${trends.weeks.length}"]`).waitFor(WAIT);
  const rates = trends.series.filter((s) => s.aggregation === 'rate');
  assert.equal(await page.getByTestId('signal-trends-chart').getAttribute('data-series'), rates.map((s) => s.key).join(','));
  const rate = rates[0];
  const table = await tableView('signal-trends-table');
  assert.deepEqual(table.map((r) => [r[0], r[1]]), trends.weeks.map((w, i) => [w, String(trends.cases[i])]));
  const column = trends.series.indexOf(rate) + 2;
  assert.deepEqual(table.map((r) => r[column]), rate.values.map((v) => (v === null ? '—' : pct(v))));
  await noAxeViolations('Signal Trends and the time range');
  await page.getByTestId('signal-trends').scrollIntoViewIfNeeded();
  await shot('human-signals-trends');

  await page.getByTestId(`signals-kpi-${rate.key}-toggle`).click();
  await page.getByTestId('signals-rate-trend').waitFor(WAIT);
  assert.deepEqual(await tableView('signals-rate-trend-table'), trends.weeks.map((w, i) => [w, rate.values[i] === null ? '—' : pct(rate.values[i]), String(rate.missing[i])]));
  await noAxeViolations('a rate card with its weekly trend');

  const headers = () => page.locator('[data-testid="signals-cases"] thead th').count();
  assert.equal(await headers(), 8, 'seven columns and the eye');
  await page.getByTestId('signals-column-picker').locator('summary').click();
  await page.getByTestId('signals-column-Timestamp').check();
  assert.equal(await headers(), 9);
  await noAxeViolations('the column picker');
  await shot('human-signals-columns');
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByTestId('signals-case-row').first().waitFor(WAIT);
  assert.equal(await headers(), 9, 'the picked columns survive a reload');
  assert.equal(await page.getByTestId('signals-range-7d').getAttribute('aria-pressed'), 'true', 'the range is kept in the URL');
});

test('the pages raised no uncaught errors', () => {
  assert.deepEqual(browser.errors, []);
});
