// Browser journeys with PostgreSQL (the throwaway cluster scripts/run-tests.sh starts; skipped
// without it): Settings → Data sources syncs the monitoring source and shows its rows, then the
// Monitoring page's "Import from database" wizard imports a mapped table as a new dataset.
// Figures on screen are checked against the API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ARTIFACTS, AXIS_URL, launchPage } from './lib/browser.mjs';

const WAIT = { timeout: 20000 };
const noCluster = process.env.AXIS_PG_ENV ? false : 'AXIS_PG_ENV is not set (no test PostgreSQL cluster)';

let browser;
let page;

function pgEnv() {
  const env = {};
  for (const line of readFileSync(process.env.AXIS_PG_ENV, 'utf8').split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

function psql(sql) {
  const r = spawnSync('psql', ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1'],
    { input: sql, encoding: 'utf8', env: { PATH: process.env.PATH, ...pgEnv() } });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout;
}

async function getJson(pathname) {
  const response = await fetch(`${AXIS_URL}${pathname}`);
  return response.json();
}

before(async () => {
  if (noCluster) return;
  psql(`DROP SCHEMA IF EXISTS e2e CASCADE; CREATE SCHEMA e2e;
    CREATE TABLE e2e.records (id text, agent text, created_at timestamptz);
    CREATE TABLE e2e.scores (record_id text, metric text, score double precision);
    INSERT INTO e2e.records VALUES ('r1', 'alpha', '2026-06-01 10:00+00'), ('r2', 'beta', '2026-06-01 11:00+00'), ('r3', 'alpha', '2026-06-02 09:00+00');
    INSERT INTO e2e.scores SELECT id, m, 0.5 + length(id || m) / 100.0 FROM e2e.records, unnest(ARRAY['relevance', 'coherence']) AS m;`);
  browser = await launchPage('sync');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  if (!noCluster) psql('DROP SCHEMA IF EXISTS e2e CASCADE;');
});

test('Settings → Data sources: sync the monitoring source and see its rows', { skip: noCluster }, async () => {
  await page.goto(`${AXIS_URL}/settings`, { waitUntil: 'networkidle' });
  const row = page.getByTestId('data-source-row-monitoring');
  await row.waitFor(WAIT);
  await page.getByTestId('data-source-sync-monitoring').click();
  await page.getByTestId('data-source-state-monitoring').filter({ hasText: /ready/i }).waitFor(WAIT);
  const status = (await getJson('/api/store/status')).datasets.monitoring_data;
  assert.equal(status.state, 'ready');
  assert.equal(status.rows, 6);
  assert.match(await page.getByTestId('data-source-rows-monitoring').textContent(), /\b6\b/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-data-sources.png'), fullPage: true });
  assert.deepEqual(browser.errors, []);
});

test('Monitoring → Import from database: a mapped table becomes a new monitoring dataset', { skip: noCluster }, async () => {
  await page.goto(`${AXIS_URL}/monitoring`, { waitUntil: 'networkidle' });
  await page.getByTestId('db-import-button').first().click();
  await page.getByTestId('db-import-modal').waitFor(WAIT);
  await page.getByTestId('db-connect-submit').click();  // defaults of monitoring_db, its password kept on the server
  await page.getByTestId('db-table-e2e.scores').click(WAIT);
  await page.getByTestId('db-column-target-record_id').fill('dataset_id', WAIT);
  await page.getByTestId('db-column-target-metric').fill('metric_name');
  await page.getByTestId('db-column-target-score').fill('metric_score');
  await page.getByTestId('db-preview-button').click();
  await page.getByTestId('db-preview-table').waitFor(WAIT);
  assert.equal(await page.getByTestId('db-preview-table').locator('tbody tr').count(), 6);
  await page.getByTestId('db-import-submit').click();
  const message = page.getByTestId('db-import-message');
  await message.waitFor(WAIT);
  const { datasets } = await getJson('/api/datasets');
  const imported = datasets.find((d) => d.source === 'database' && d.kind === 'monitoring');
  assert.ok(imported, JSON.stringify(datasets.map((d) => [d.kind, d.source])));
  assert.equal(imported.row_count, 6);
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-db-import.png'), fullPage: true });
  assert.deepEqual(browser.errors, []);
});
