// Deep links: each page opened from an address with its state set (dataset, experiment, tab, mode,
// source, KPI, trace…) shows that state, with figures checked against the server's replies where
// they depend on it; a reload shows it again; one value is then changed on the page and Back
// restores the address and the view. One server with the bundled examples (tests/e2e/lib/gates.mjs),
// one browser page; the state that belongs in the address is listed in docs/testing.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, launchPage } from './lib/browser.mjs';
import { REPLAY_TRACE_ID, startGatesServer } from './lib/gates.mjs';

const WAIT = { timeout: 20000 };

let gates;
let browser;
let page;

before(async () => {
  gates = await startGatesServer();
  browser = await launchPage('deep-links');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await gates?.stop();
});

async function ok(pathname, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null));
  const response = await fetch(`${gates.server.url}${pathname}${query.size ? `?${query}` : ''}`);
  const body = await response.json();
  assert.equal(response.status, 200, `${pathname}: ${JSON.stringify(body)}`);
  return body;
}

const param = (name) => new URL(page.url()).searchParams.get(name);

async function open(address, ready) {
  await page.goto(`${gates.server.url}${address}`);
  await page.getByTestId(ready).first().waitFor(WAIT);
}

async function textIs(testId, want) {
  await page.waitForFunction(([id, text]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === text, [testId, want], WAIT);
}

async function selected(testId) {
  await page.locator(`[data-testid="${testId}"][aria-selected="true"]`).waitFor(WAIT);
}

/**
 * The journey every page goes through: `check` on the opened address, again after a reload,
 * then `change` (which adds a history entry) and Back, after which `check` holds once more.
 */
async function journey(address, ready, { check, change, shot }) {
  await open(address, ready);
  await check();
  await page.reload();
  await page.getByTestId(ready).first().waitFor(WAIT);
  await check();
  await change();
  await page.goBack();
  await check();
  if (shot) await page.screenshot({ path: path.join(ARTIFACTS, `axis-deep-link-${shot}.png`), fullPage: true });
}

const listedName = async (id) => (await ok('/api/datasets')).datasets.find((d) => d.id === id).name;

test('Scorecard: ?experiment= narrows the figures to that experiment', async () => {
  const id = gates.ids.comparison;
  const all = await ok('/api/evaluation/scorecard', { dataset_id: id });
  const [first, second] = all.experiments;
  assert.ok(first && second, 'the comparison example has two experiments');
  const overall = async (name) => (await ok('/api/evaluation/scorecard', { dataset_id: id, evaluation_name: name })).overall_score.toFixed(3);
  const [firstScore, secondScore] = [await overall(first), await overall(second)];
  await journey(`/evaluate/scorecard?dataset=${id}&experiment=${encodeURIComponent(first)}`, 'scorecard-table', {
    check: async () => {
      await textIs('kpi-overall-value', firstScore);
      assert.equal(await page.getByTestId('experiment-select').inputValue(), first);
      assert.equal(param('experiment'), first);
      assert.equal(param('dataset'), id);
    },
    change: async () => {
      await page.getByTestId('experiment-select').selectOption(second);
      await textIs('kpi-overall-value', secondScore);
      assert.equal(param('experiment'), second);
    },
    shot: 'scorecard',
  });
});

test('Deep Dive: ?tab= opens that view', async () => {
  const id = gates.ids.model;
  await journey(`/evaluate/deep-dive?dataset=${id}&tab=distribution`, 'deep-dive-panel-distribution', {
    check: async () => {
      await selected('deep-dive-tab-distribution');
      await page.getByTestId('deep-dive-panel-distribution').waitFor(WAIT);
      assert.equal(param('tab'), 'distribution');
    },
    change: async () => {
      await page.getByTestId('deep-dive-tab-overview').click();
      await page.getByTestId('overview-kpis').waitFor(WAIT);
      assert.equal(param('tab'), 'overview');
    },
  });
});

test('Compare: ?mode=cases opens Test Cases with the server\'s counts', async () => {
  const id = gates.ids.comparison;
  const cases = await ok('/api/evaluation/compare/test-cases', { dataset_id: id, page: 1, page_size: 10 });
  await journey(`/evaluate/compare?dataset=${id}&mode=cases`, 'test-cases-mode', {
    check: async () => {
      await page.getByTestId('test-cases-mode').waitFor(WAIT);
      await textIs('kpi-test-cases-value', String(cases.kpis.test_cases));
      await textIs('kpi-experiments-value', String(cases.kpis.experiments));
      assert.equal(param('mode'), 'cases');
    },
    change: async () => {
      await page.getByTestId('compare-mode-experiments').click();
      await page.getByTestId('head-to-head').waitFor(WAIT);
      assert.equal(param('mode'), null);
    },
    shot: 'compare-cases',
  });
});

test('Upload (and every Evaluate step): ?dataset= picks the dataset; choosing another is undone by Back', async () => {
  const [model, comparison] = [gates.ids.model, gates.ids.comparison];
  const [modelName, comparisonName] = [await listedName(model), await listedName(comparison)];
  await journey(`/evaluate/upload?dataset=${model}`, 'file-upload', {
    check: async () => {
      await textIs('dataset-picker-current', modelName);
      assert.equal(param('dataset'), model);
    },
    change: async () => {
      await page.getByTestId('dataset-picker-button').click();
      await page.getByTestId(`dataset-option-${comparison}`).click();
      await textIs('dataset-picker-current', comparisonName);
      assert.equal(param('dataset'), comparison);
    },
  });
});

test('Monitoring: ?tab= opens that tab for the dataset in the address', async () => {
  const id = gates.ids.monitoring;
  const summary = await ok('/api/monitoring/analytics/summary', { dataset_id: id });
  await journey(`/monitoring?dataset=${id}&tab=alerts`, 'monitoring-kpis', {
    check: async () => {
      await selected('monitoring-tab-alerts');
      await textIs('kpi-records-value', summary.kpis.total_records.toLocaleString('en-US'));
      assert.equal(param('tab'), 'alerts');
      assert.equal(param('dataset'), id);
    },
    change: async () => {
      await page.getByTestId('monitoring-tab-records').click();
      await selected('monitoring-tab-records');
    },
  });
});

test('Human Signals: ?source_name= selects that agent\'s tab', async () => {
  const id = gates.ids.signals;
  const sources = (await ok('/api/config/sources')).sources.filter((s) => s.rows.human_signals > 0);
  assert.ok(sources.length > 0, 'the human-signals example names a source');
  const source = sources[0].id;
  await journey(`/human-signals?dataset=${id}&source_name=${encodeURIComponent(source)}`, 'signals-kpis', {
    check: async () => {
      await selected(`source-tab-${source}`);
      assert.equal(param('source_name'), source);
    },
    change: async () => {
      await page.getByTestId('source-tab-all').click();
      await selected('source-tab-all');
      assert.equal(param('source_name'), null);
    },
  });
});

test('Production: ?source_name= and ?kpi= open that agent\'s KPI trend', async () => {
  const source = 'support_assistant';
  const categories = await ok('/api/kpi/categories', { source_name: source });
  const kpis = categories.categories.flatMap((c) => c.kpis).map((k) => k.kpi_name);
  assert.ok(kpis.length >= 2, 'the KPI example has several KPIs');
  const [first, second] = kpis;
  await journey(`/production?source_name=${source}&kpi=${first}`, 'production-quality', {
    check: async () => {
      await page.locator(`[data-testid="kpi-tile-${first}"][aria-pressed="true"]`).waitFor(WAIT);
      assert.equal(param('kpi'), first);
      assert.equal(param('source_name'), source);
    },
    change: async () => {
      await page.getByTestId(`kpi-tile-${second}`).click();
      await page.locator(`[data-testid="kpi-tile-${second}"][aria-pressed="true"]`).waitFor(WAIT);
      assert.equal(param('kpi'), second);
    },
  });
});

test('Memory: ?tab= opens that tab', async () => {
  await journey('/memory?tab=batches', 'memory-tab-batches', {
    check: async () => {
      await selected('memory-tab-batches');
      assert.equal(param('tab'), 'batches');
    },
    change: async () => {
      await page.getByTestId('memory-tab-rules').click();
      await page.getByTestId('rules-table').waitFor(WAIT);
    },
  });
});

test('Learn: ?tab= opens that tab', async () => {
  await journey('/learn?tab=methods', 'learn-tab-methods', {
    check: async () => {
      await selected('learn-tab-methods');
      assert.equal(param('tab'), 'methods');
    },
    change: async () => {
      await page.getByTestId('learn-tab-overview').click();
      await selected('learn-tab-overview');
      assert.equal(param('tab'), null);
    },
  });
});

test('Agent Replay, Annotation Studio, CaliberHQ, Report: the address\'s trace or dataset is shown after a reload', async () => {
  await open(`/agent-replay?trace=${REPLAY_TRACE_ID}`, 'trace-view');
  await page.reload();
  await page.getByTestId('trace-view').waitFor(WAIT);
  assert.equal(param('trace'), REPLAY_TRACE_ID);
  // CaliberHQ shows no dataset picker beside a loaded dataset: its address keeps the id.
  for (const [address, ready, id, picker] of [
    ['/annotation-studio', 'annotation-card', gates.ids.annotation, true],
    ['/caliber-hq', 'caliber-card', gates.ids.align, false],
    ['/evaluate/report', 'report-controls', gates.ids.model, true],
  ]) {
    const name = await listedName(id);
    await open(`${address}?dataset=${id}`, ready);
    if (picker) await textIs('dataset-picker-current', name);
    await page.reload();
    await page.getByTestId(ready).first().waitFor(WAIT);
    if (picker) await textIs('dataset-picker-current', name);
    assert.equal(param('dataset'), id, address);
  }
});

test('the pages raised no uncaught errors', () => {
  assert.deepEqual(browser.errors, []);
});
