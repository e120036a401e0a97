// Browser journey through the Memory page against its own server: load the example rules, see the
// server's figures, a conflict and the hard stops, add, edit and delete a rule (checked through the
// API), then open the knowledge graph derived from the rules, click a risk factor on the chart and
// widen its neighbourhood to depth 2. Figures on screen are checked against the API and against
// the values the integration suite worked out from data/examples/memory_rules.csv.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, axeViolations, launchPage, PAGE_CONTENT_AXE } from './lib/browser.mjs';
import { getJson as readJson, testIdText, waitForTestIdText } from './lib/reads.mjs';
import { startServer } from '../integration/lib/server.mjs';

const WAIT = { timeout: 20000 };
const RULE_NAME = 'Aardvark e2e rule';

let server;
let browser;
let page;

const getJson = (pathname) => readJson(server.url, pathname);
const text = (testId) => testIdText(page, testId);
const waitForText = (testId, wanted) => waitForTestIdText(page, testId, wanted, WAIT.timeout);

async function findRule(name) {
  return (await getJson('/api/memory/rules')).data.find((r) => r.name === name);
}

before(async () => {
  server = await startServer({ env: { AXIS_WEB_DIR: process.env.AXIS_WEB_DIR } });
  browser = await launchPage('memory');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the example rules show their figures, conflicts and hard stops', async () => {
  await page.goto(`${server.url}/memory`, { waitUntil: 'networkidle' });
  await page.getByTestId('memory-setup').waitFor(WAIT);
  await page.getByTestId('example-rules').click();
  await page.getByTestId('rules-table').waitFor(WAIT);

  const summary = await getJson('/api/memory/summary');
  // The example's figures, as the integration suite computed them from the CSV.
  assert.deepEqual([summary.rules_count, summary.risk_factors_count, summary.mitigants_count, summary.hard_stops_count], [48, 8, 7, 8]);
  assert.equal(await text('memory-kpi-rules-value'), '48');
  assert.equal(await text('memory-kpi-risk-factors-value'), '8');
  assert.equal(await text('memory-kpi-mitigants-value'), '7');
  assert.equal(await text('memory-kpi-hard-stops-value'), '8');
  assert.equal(await text('memory-product-total'), '48');
  assert.equal(
    await page.locator('[data-testid="memory-by-action"] > [role="img"]').getAttribute('aria-label'),
    'Rules by action: refer 24, decline 9, approve_with_conditions 6, verify 6, approve 3',
  );
  assert.equal(await text('rules-count'), '48 rules');
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the rules tab passes axe');

  const conflicts = await getJson('/api/memory/conflicts');
  assert.equal(await text('memory-conflicts-title'), '2 conflicts between rules');
  const shown = await page.getByTestId('memory-conflict').allInnerTexts();
  assert.match(shown[0], /^Risk factor 'debt_to_income' has contradictory actions: approve_with_conditions, decline/);
  assert.match(shown[1], /^Risk factor 'recent_bankruptcy' has contradictory actions: approve, decline/);

  // A declining rule of the first conflict is flagged in the table (all 9 declines fit one page).
  const declined = conflicts.data[0].conflicting_rules.find((r) => r.action === 'decline');
  const rule = (await getJson('/api/memory/rules?action=decline')).data.find((r) => r.name === declined.rule_name && r.group_by === 'debt_to_income');
  await page.getByTestId('rules-filter-action').selectOption('decline');
  await waitForText('rules-count', '9 rules');
  assert.equal(await page.getByTestId(`rule-row-${rule.id}`).getAttribute('data-conflict'), 'true');
  await page.getByTestId(`rule-expand-${rule.id}`).click();
  await waitForText('path-risk-factor', 'debt_to_income');
  assert.equal(await text('path-action'), 'decline');
  assert.equal(await text('path-rule'), rule.name);

  const stops = (await getJson('/api/memory/hard-stops')).data;
  assert.equal(stops.length, 8);
  await page.getByTestId('memory-tab-hard-stops').click();
  await page.getByTestId('hard-stops-tab').waitFor(WAIT);
  assert.deepEqual(await page.locator('[data-testid="hard-stop-card"] h3').allInnerTexts(), stops.map((s) => s.name));
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the hard stops tab passes axe');
  await page.screenshot({ path: path.join(ARTIFACTS, 'memory-hard-stops.png'), fullPage: true });
});

test('a rule is added, edited and deleted through the forms', async () => {
  await page.getByTestId('memory-tab-rules').click();
  await page.getByTestId('rules-filter-action').selectOption('');
  await waitForText('rules-count', '48 rules');
  await page.getByTestId('rule-add').click();
  await page.getByTestId('rule-field-name').fill(RULE_NAME);
  await page.getByTestId('rule-field-action').fill('decline');
  await page.getByTestId('rule-field-group_by').fill('e2e_factor');
  await page.getByTestId('rule-field-mitigants').fill('guarantor\nco_signer');
  await page.getByTestId('rule-form-save').click();
  await page.getByTestId('rule-form').waitFor({ state: 'detached', ...WAIT });
  await waitForText('rules-count', '49 rules');

  const created = await findRule(RULE_NAME);
  assert.equal(created.action, 'decline');
  assert.equal(created.group_by, 'e2e_factor');
  assert.deepEqual(created.mitigants, ['guarantor', 'co_signer']);
  assert.equal(created.batch, 'manual');
  assert.equal(created.status, 'pending');
  // "Aardvark…" sorts first by name.
  assert.equal(await page.locator('[data-testid^="rule-row-"]').first().getAttribute('data-testid'), `rule-row-${created.id}`);

  await page.getByTestId(`rule-edit-${created.id}`).click();
  await page.getByTestId('rule-field-action').fill('refer');
  await page.getByTestId('rule-form-save').click();
  await page.getByTestId('rule-form').waitFor({ state: 'detached', ...WAIT });
  assert.equal((await findRule(RULE_NAME)).action, 'refer');
  await page.waitForFunction((id) => document.querySelector(`[data-testid="rule-row-${id}"] [data-testid="action-chip"]`)?.textContent === 'refer', created.id, WAIT);

  await page.getByTestId(`rule-delete-${created.id}`).click();
  await page.getByTestId('rule-delete-confirm').click();
  await waitForText('rules-count', '48 rules');
  assert.equal(await findRule(RULE_NAME), undefined);
  assert.equal(await page.getByTestId(`rule-row-${created.id}`).count(), 0);
});

test('the graph tab opens a clicked risk factor and widens its neighbourhood to depth 2', async () => {
  await page.getByTestId('memory-tab-graph').click();
  await page.locator('[data-testid="graph-chart"][data-ready="true"]').waitFor(WAIT);
  const status = await getJson('/api/memory/graph/status');
  assert.equal(status.connected, true);
  assert.equal(await text('graph-status'), status.graph_name);

  await page.getByTestId('graph-filter-risk_factor').selectOption('debt_to_income');
  const base = (await getJson('/api/memory/graph?risk_factor=debt_to_income&limit=500')).data;
  await waitForText('graph-view-size', `${base.nodes.length} nodes · ${base.edges.length} edges in view`);
  assert.ok(base.nodes.length > 2 && base.nodes.length <= 60, `${base.nodes.length} nodes`);

  // Click the risk factor's label on the chart (labels are drawn while at most 60 nodes are shown).
  // The force layout starts from random positions, so another label may lie on top of it; then
  // the node is opened from the list of nodes in view, the chart's keyboard alternative.
  const label = page.getByTestId('graph-chart').locator('svg text', { hasText: /^debt_to_income$/ }).first();
  const clicked = await label.click({ timeout: 5000 }).then(() => true, () => false);
  if (!clicked) {
    await page.getByTestId('graph-node-list').locator('summary').click();
    const id = base.nodes.find((n) => n.type === 'RiskFactor').id;
    await page.getByTestId(`graph-list-${id}`).click();
  }
  await waitForText('graph-node-label', 'debt_to_income');
  assert.equal(await text('graph-node-type'), 'RiskFactor');

  const nodeId = base.nodes.find((n) => n.type === 'RiskFactor').id;
  const one = await getJson(`/api/memory/graph/neighborhood?node_id=${encodeURIComponent(nodeId)}&depth=1`);
  const two = await getJson(`/api/memory/graph/neighborhood?node_id=${encodeURIComponent(nodeId)}&depth=2`);
  const union = (...views) => ({
    nodes: new Set(views.flatMap((v) => v.nodes.map((n) => n.id))).size,
    edges: new Set(views.flatMap((v) => v.edges.map((e) => `${e.source}->${e.target}:${e.type}`))).size,
  });
  const afterOne = union(base, one);
  await waitForText('graph-view-size', `${afterOne.nodes} nodes · ${afterOne.edges} edges in view`);

  await page.getByTestId('graph-depth').selectOption('2');
  const afterTwo = union(base, one, two);
  assert.ok(afterTwo.nodes > afterOne.nodes, `depth 2 adds nodes (${afterOne.nodes} → ${afterTwo.nodes})`);
  await waitForText('graph-view-size', `${afterTwo.nodes} nodes · ${afterTwo.edges} edges in view`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'memory-graph.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page, PAGE_CONTENT_AXE), [], 'the graph tab with a node open passes axe');
  assert.deepEqual(browser.errors, []);
});
