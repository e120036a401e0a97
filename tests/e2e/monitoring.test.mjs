// Browser journeys through Monitoring, Production and Human Signals against a running server:
// load the bundled examples, switch the trend granularity, filter one source, read its alerts,
// open Production, then open one human-signals case. Figures on screen are checked against the API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, AXIS_URL, launchPage } from './lib/browser.mjs';

const WAIT = { timeout: 15000 };

let browser;
let page;
let monitoringId;
let alertSource;

async function getJson(pathname, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const url = `${AXIS_URL}${pathname}${query.size ? `?${query}` : ''}`;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  return { status: response.status, body: await response.json() };
}

async function shot(name) {
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(ARTIFACTS, `axis-${name}.png`), fullPage: true });
}

const count = (n) => Math.round(n).toLocaleString('en-US');

/** Opens a page that stores one dataset kind and loads its example, from the empty state or the "Load data" dialog. */
async function loadExample(route, prefix, example) {
  await page.goto(`${AXIS_URL}${route}`, { waitUntil: 'networkidle' });
  const empty = page.getByTestId(`${prefix}-empty`);
  const add = page.getByTestId(`${prefix}-add-data`);
  await empty.or(add).first().waitFor(WAIT);
  if (!(await empty.isVisible())) await add.click();
  await page.getByTestId(`example-${example}`).click();
  await page.waitForURL(/[?&]dataset=/, WAIT);
  return new URL(page.url()).searchParams.get('dataset');
}

/** Waits until a test id shows the expected text. */
async function expectText(testId, expected) {
  await page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === want,
    [testId, expected],
    WAIT,
  );
}

before(async () => {
  assert.ok(AXIS_URL, 'AXIS_URL must point at a running AXIS server, e.g. AXIS_URL=http://127.0.0.1:8500');
  browser = await launchPage('monitoring');
  page = browser.page;
});

after(async () => {
  await browser?.close();
});

test('the Monitoring Sample loads and the KPI strip shows the server summary', async () => {
  monitoringId = await loadExample('/monitoring', 'monitoring', 'monitoring');
  assert.ok(monitoringId, 'the dataset id is kept in the URL');
  const { status, body } = await getJson('/api/monitoring/analytics/summary', { dataset_id: monitoringId });
  assert.equal(status, 200);
  assert.ok(body.kpis.total_records > 0, 'the example has scored records');
  await expectText('kpi-records-value', count(body.kpis.total_records));
  await expectText('kpi-avg-score-value', body.kpis.avg_score.toFixed(3));
  await page.locator('[data-testid="score-trends-chart"]').waitFor(WAIT);
  await shot('monitoring-daily');
});

test('Hourly asks the server for hourly buckets', async () => {
  const { body } = await getJson('/api/monitoring/analytics/trends', { dataset_id: monitoringId, granularity: 'hourly' });
  const buckets = new Set(body.data.map((p) => p.timestamp)).size;
  assert.ok(buckets > 0, 'the example spans at least one hour');
  await page.getByTestId('granularity-hourly').click();
  const chart = page.locator('[data-testid="score-trends-chart"][data-granularity="hourly"]');
  await chart.waitFor(WAIT);
  assert.equal(await chart.getAttribute('data-buckets'), String(buckets));
  assert.equal(await page.getByTestId('granularity-hourly').getAttribute('aria-pressed'), 'true');
});

test('filtering one source narrows the KPIs and its alerts show in the Alerts tab', async () => {
  const { body: meta } = await getJson('/api/store/metadata/monitoring', { dataset_id: monitoringId });
  const sources = meta.metadata.filter_values.source_name ?? [];
  assert.ok(sources.length > 1, 'the example has several sources');
  let alerts = [];
  for (const source of sources) {
    const { status, body } = await getJson('/api/monitoring/analytics/alerts', { dataset_id: monitoringId, source_name: source, granularity: 'hourly' });
    assert.equal(status, 200, `alerts for ${source}: ${JSON.stringify(body)}`);
    if (body.alerts.length > 0) {
      alertSource = source;
      alerts = body.alerts;
      break;
    }
  }
  assert.ok(alertSource, 'some source of the example raises an alert');

  // No agents.yaml on this server: every source is a raw source_name, and its tab id is that value.
  await page.getByTestId(`source-tab-${alertSource}`).click();
  const { body: summary } = await getJson('/api/monitoring/analytics/summary', { dataset_id: monitoringId, source_name: alertSource });
  await expectText('kpi-records-value', count(summary.kpis.total_records));
  await expectText('monitoring-tab-alerts-badge', String(alerts.length));

  await page.getByTestId('monitoring-tab-alerts').click();
  const cards = page.getByTestId('alert-card');
  await cards.first().waitFor(WAIT);
  assert.equal(await cards.count(), alerts.length);
  const shown = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')).sort());
  assert.deepEqual(shown, alerts.map((a) => a.severity).sort());
  const first = alerts.find((a) => a.severity === 'error') ?? alerts[0];
  assert.equal(await page.locator(`[data-testid="alert-card"][data-type="${first.type}"]`).first().getByTestId('alert-severity').innerText(), first.severity.toUpperCase());
  await shot('monitoring-alerts');
});

test('Production shows one agent per tab with its health and quality figures', async () => {
  const { body: meta } = await getJson('/api/store/metadata/monitoring');
  const source = alertSource ?? meta.metadata.filter_values.source_name[0];
  await page.getByTestId('nav-production').click();
  await page.waitForURL(`${AXIS_URL}/production`);
  await page.getByRole('tab').first().waitFor(WAIT);
  // The source chosen on Monitoring is already the chosen agent here.
  await page.locator(`[data-testid="source-tab-${source}"][aria-selected="true"]`).waitFor(WAIT);
  const overview = page.getByTestId(`agent-overview-${source}`);
  await overview.waitFor(WAIT);
  const { body: summary } = await getJson('/api/monitoring/analytics/summary', { source_name: source });
  await expectText('quality-records-value', count(summary.kpis.total_records));
  await shot('production');
  const { status, body: daily } = await getJson('/api/monitoring/analytics/alerts', { source_name: source, granularity: 'daily' });
  assert.equal(status, 200, `alerts for ${source}: ${JSON.stringify(daily)}`);
  const health = daily.alerts.some((a) => a.severity === 'error') ? 'critical' : daily.alerts.length > 0 ? 'warning' : 'healthy';
  await overview.locator(`[data-testid="agent-health"][data-health="${health}"]`).waitFor(WAIT);
  assert.equal(await overview.getByTestId('agent-link-monitoring').getAttribute('href'), `/monitoring?source_name=${encodeURIComponent(source).replace(/%20/g, '+')}`);
});

test('Human Signals loads its sample and a case opens with its conversation', async () => {
  const datasetId = await loadExample('/human-signals', 'signals', 'hitl');
  const { body } = await getJson('/api/human-signals/cases', { dataset_id: datasetId, page: 1, page_size: 500 });
  assert.ok(body.row_count > 0, 'the sample has cases');
  const rows = page.getByTestId('signals-case-row');
  await rows.first().waitFor(WAIT);
  // The source chosen on Monitoring carries over when these cases name it: go back to every case.
  const all = page.getByTestId('source-tab-all');
  if ((await all.count()) > 0) {
    await all.click();
    await page.locator('[data-testid="source-tab-all"][aria-selected="true"]').waitFor(WAIT);
  }
  if (typeof body.total === 'number') await expectText('signals-case-count', `(${body.total})`);
  const total = body.kpis.find((k) => k.key === 'total_cases');
  if (total) await expectText('signals-kpi-total_cases-value', count(total.value));
  await shot('human-signals');

  const firstId = (await rows.first().locator('td').first().innerText()).trim();
  const record = body.data.find((c) => String(c.Case_ID) === firstId);
  assert.ok(record, `case ${firstId} is in the API page`);
  let conversation = record.Full_Conversation;
  if (typeof conversation === 'string') conversation = JSON.parse(conversation);
  const messages = Array.isArray(conversation) ? conversation : (conversation?.messages ?? []);
  await rows.first().click();
  const detail = page.getByTestId('case-detail');
  await detail.waitFor(WAIT);
  assert.equal(await detail.locator('h2').innerText(), `Case ${firstId}`);
  if (messages.length > 0) {
    await detail.getByTestId('chat-message').first().waitFor(WAIT);
    assert.equal(await detail.getByTestId('chat-message').count(), messages.length);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-human-signals-case.png') });
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'detached', timeout: 5000 });
});

test('the pages raised no uncaught errors', () => {
  assert.deepEqual(browser.errors, []);
});
