// Browser journey through the agent SourceSelector with an agent registry: agents.yaml registers
// "atlas" with the trace alias "atlas-prod"; the uploaded monitoring rows name both, plus an
// unregistered "beacon". Monitoring shows one tab for the agent, choosing it narrows the figures
// to its rows (worked out by hand below), and Production selects the same agent afterwards.
//
// This file starts its own server (it needs its own agents.yaml): AXIS_BIN or build/axis-server,
// serving the built UI of this checkout (web/dist). AXIS_URL is not used.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { repoRoot, startServer } from '../integration/lib/server.mjs';
import { ARTIFACTS, axeViolations, launchPage } from './lib/browser.mjs';
import { getJson, waitForTestIdText } from './lib/reads.mjs';

const WAIT = { timeout: 15000 };

const AGENTS_YAML = `agents:
  - name: atlas
    label: Atlas
    role: Claims triage
    trace_names: [atlas-prod]
`;

// atlas: 0.9 0.5; atlas-prod: 0.8 0.6 0.7 → the agent has 5 scored rows, average 3.5 / 5 = 0.700.
// beacon: 0.2 0.3 0.4 0.1 → 4 rows. Every source: 9 rows, average (3.5 + 1.0) / 9 = 0.500.
const CSV = `dataset_id,timestamp,source_name,environment,metric_name,metric_score
a1,2026-01-05T10:00:00Z,atlas,prod,relevance,0.9
a2,2026-01-05T11:00:00Z,atlas,prod,relevance,0.5
p1,2026-01-05T12:00:00Z,atlas-prod,prod,relevance,0.8
p2,2026-01-05T13:00:00Z,atlas-prod,prod,relevance,0.6
p3,2026-01-05T14:00:00Z,atlas-prod,prod,relevance,0.7
b1,2026-01-05T10:30:00Z,beacon,prod,relevance,0.2
b2,2026-01-05T11:30:00Z,beacon,prod,relevance,0.3
b3,2026-01-05T12:30:00Z,beacon,prod,relevance,0.4
b4,2026-01-05T13:30:00Z,beacon,prod,relevance,0.1
`;

let server;
let browser;
let page;

const selectedTab = (id) => page.locator(`[data-testid="source-tab-${id}"][aria-selected="true"]`);

before(async () => {
  server = await startServer({
    configFiles: { 'agents.yaml': AGENTS_YAML },
    env: { AXIS_WEB_DIR: path.join(repoRoot, 'web', 'dist') },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
  const form = new FormData();
  form.append('file', new Blob([CSV], { type: 'text/csv' }), 'agents.csv');
  const res = await fetch(`${server.url}/api/monitoring/upload`, { method: 'POST', body: form });
  assert.equal(res.status, 200, await res.text());
  browser = await launchPage('sources');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the server lists the agent once, covering its name and its trace alias, then the raw source', async () => {
  const body = await getJson(server.url, '/api/config/sources');
  assert.deepEqual(
    body.sources.map((s) => [s.id, s.registered, [...s.source_names].sort(), s.rows.monitoring]),
    [
      ['atlas', true, ['atlas', 'atlas-prod'], 5],
      ['beacon', false, ['beacon'], 4],
    ],
  );
});

test('Monitoring shows one tab for the agent, and choosing it narrows the figures to its rows', async () => {
  await page.goto(`${server.url}/monitoring`, { waitUntil: 'networkidle' });
  await waitForTestIdText(page, 'kpi-records-value', '9');
  await waitForTestIdText(page, 'kpi-avg-score-value', '0.500');
  await selectedTab('all').waitFor(WAIT);
  const tabs = await page.getByTestId('source-selector').getByRole('tab').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  assert.deepEqual(tabs, ['source-tab-all', 'source-tab-atlas', 'source-tab-beacon']);
  assert.equal((await page.getByTestId('source-tab-atlas-label').innerText()).trim(), 'Atlas');
  assert.equal((await page.getByTestId('source-tab-atlas-secondary').innerText()).trim(), 'Claims triage');
  assert.equal((await page.getByTestId('source-tab-beacon-secondary').innerText()).trim(), 'Unregistered');

  await page.getByTestId('source-tab-atlas').click();
  await selectedTab('atlas').waitFor(WAIT);
  await waitForTestIdText(page, 'kpi-records-value', '5');
  await waitForTestIdText(page, 'kpi-avg-score-value', '0.700');
  assert.equal(new URL(page.url()).searchParams.get('source_name'), 'atlas');
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-source-selector-monitoring.png'), fullPage: true });
  // Without colour contrast, as PAGE_CONTENT_AXE: the role line uses the spec's muted text colour.
  assert.deepEqual(await axeViolations(page, { include: '[data-testid="source-selector"]', disable: ['color-contrast'] }), []);

  // The keyboard moves along the tabs and selects: the raw source has its own 4 rows.
  await page.getByTestId('source-tab-atlas').press('ArrowRight');
  await selectedTab('beacon').waitFor(WAIT);
  await waitForTestIdText(page, 'kpi-records-value', '4');
  await page.getByTestId('source-tab-beacon').press('ArrowLeft');
  await selectedTab('atlas').waitFor(WAIT);
  await waitForTestIdText(page, 'kpi-records-value', '5');
});

test('Production selects the agent chosen on Monitoring', async () => {
  await page.getByTestId('nav-production').click();
  await page.waitForURL(`${server.url}/production`);
  await selectedTab('atlas').waitFor(WAIT);
  await page.getByTestId('agent-overview-atlas').waitFor(WAIT);
  await waitForTestIdText(page, 'agent-name', 'Atlas');
  await waitForTestIdText(page, 'quality-records-value', '5');
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-source-selector-production.png'), fullPage: true });
});

test('a link naming the trace alias lands on the agent', async () => {
  await page.goto(`${server.url}/monitoring?source_name=atlas-prod`, { waitUntil: 'networkidle' });
  await selectedTab('atlas').waitFor(WAIT);
  await waitForTestIdText(page, 'kpi-records-value', '5');
  await page.waitForURL(/[?&]source_name=atlas(&|$)/, WAIT);
});

test('the pages raised no uncaught errors', () => {
  assert.deepEqual(browser.errors, []);
});
