// The agent source selector's data (GET /api/config/sources) and the agent filter it drives: a
// source_name that belongs to a registered agent (by name or one of its trace_names) matches
// every stored value of that agent in the monitoring analytics, the monitoring rows, the KPI
// views and the Human Signals cases and KPI strip. Counts are worked out from the fixtures.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

const AGENTS_YAML = `agents:
  - name: atlas
    label: Atlas
    role: Claims triage
    avatar: atlas.png
    trace_names: [atlas-prod, atlas-canary]
  - name: beacon
  - name: idle
    label: Never seen
`;

// Monitoring: atlas 2 rows, atlas-prod 3, beacon 1, zeta 2 (unregistered), one row without a source.
const MONITORING = `dataset_id,timestamp,source_name,metric_name,metric_score
m1,2026-01-05T10:00:00Z,atlas,relevance,0.9
m2,2026-01-05T11:00:00Z,atlas,relevance,0.5
m3,2026-01-05T12:00:00Z,atlas-prod,relevance,0.8
m4,2026-01-05T13:00:00Z,atlas-prod,relevance,0.2
m5,2026-01-05T14:00:00Z,atlas-prod,relevance,0.6
m6,2026-01-05T15:00:00Z,beacon,relevance,0.4
m7,2026-01-05T16:00:00Z,zeta,relevance,1.0
m8,2026-01-05T17:00:00Z,zeta,relevance,0.7
m9,2026-01-05T18:00:00Z,,relevance,0.3
`;

// KPIs: atlas-canary 2 rows (calls 5 and 7), beacon 1, alpha (unregistered) 1.
const KPIS = `id,created_at,source_name,kpi_name,kpi_category,numeric_value
1,2026-01-05T09:00:00Z,atlas-canary,calls,ops,5
2,2026-01-06T09:00:00Z,atlas-canary,calls,ops,7
3,2026-01-05T09:00:00Z,beacon,calls,ops,11
4,2026-01-05T09:00:00Z,alpha,calls,ops,13
`;

// Human signals: cases h1 (atlas), h2 and h3 (atlas-prod), h4 (zeta).
const SIGNALS = `dataset_id,metric_name,signals,source_name
h1,outcome,"{""resolved"": true}",atlas
h2,outcome,"{""resolved"": false}",atlas-prod
h3,outcome,"{""resolved"": true}",atlas-prod
h4,outcome,"{""resolved"": true}",zeta
`;

let server;

async function get(path) {
  const res = await fetch(`${server.url}${path}`);
  const json = await res.json();
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(json)}`);
  return json;
}

async function upload(route, csv, name) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  const res = await fetch(`${server.url}${route}`, { method: 'POST', body: form });
  assert.equal(res.status, 200, await res.text());
}

before(async () => {
  server = await startServer({ args: ['--no-samples'], configFiles: { 'agents.yaml': AGENTS_YAML } });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

describe('before any data', () => {
  test('no source is listed, registered agents included', async () => {
    assert.deepEqual(await get('/api/config/sources'), { success: true, sources: [] });
  });
});

describe('with monitoring, KPI and human-signals data', () => {
  before(async () => {
    await upload('/api/monitoring/upload', MONITORING, 'monitoring.csv');
    await upload('/api/kpi/upload', KPIS, 'kpis.csv');
    await upload('/api/human-signals/upload', SIGNALS, 'signals.csv');
  });

  test('registered agents first in registry order, then the unclaimed values by code point', async () => {
    const { sources } = await get('/api/config/sources');
    assert.deepEqual(sources, [
      { id: 'atlas', label: 'Atlas', role: 'Claims triage', avatar: 'atlas.png', description: '',
        registered: true, active: true, source_names: ['atlas', 'atlas-prod', 'atlas-canary'],
        rows: { monitoring: 5, human_signals: 3, kpi: 2 } },
      { id: 'beacon', label: 'beacon', role: '', avatar: '', description: '', registered: true,
        active: true, source_names: ['beacon'], rows: { monitoring: 1, human_signals: 0, kpi: 1 } },
      { id: 'alpha', label: 'alpha', role: '', avatar: '', description: '', registered: false,
        active: true, source_names: ['alpha'], rows: { monitoring: 0, human_signals: 0, kpi: 1 } },
      { id: 'zeta', label: 'zeta', role: '', avatar: '', description: '', registered: false,
        active: true, source_names: ['zeta'], rows: { monitoring: 2, human_signals: 1, kpi: 0 } },
    ]);
  });

  test('monitoring analytics: the agent covers its name and trace_names', async () => {
    const summary = (source) => get(`/api/monitoring/analytics/summary?source_name=${source}`);
    assert.equal((await summary('atlas')).kpis.total_records, 5);
    assert.equal((await summary('atlas-prod')).kpis.total_records, 5);  // an alias stands for the agent
    const atlas = (await summary('atlas')).kpis;
    assert.ok(Math.abs(atlas.avg_score - 3.0 / 5) < 1e-9, String(atlas.avg_score));
    assert.equal((await summary('zeta')).kpis.total_records, 2);    // unregistered: itself only
    assert.equal((await summary('nobody')).kpis.total_records, 0);
    assert.equal((await get('/api/monitoring/analytics/summary')).kpis.total_records, 9);
  });

  test('monitoring rows: the store browse filter matches the agent', async () => {
    const page = await get('/api/store/data/monitoring?source_name=atlas&page_size=50&sort_by=dataset_id&sort_dir=asc');
    assert.equal(page.total, 5);
    assert.deepEqual(page.data.map((r) => r.dataset_id), ['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  test('KPIs: the agent covers its trace_names; other sources are left out', async () => {
    const trends = await get('/api/kpi/trends?source_name=atlas&kpi_names=calls');
    assert.deepEqual(trends.data.map((p) => [p.date, p.value]), [['2026-01-05', 5], ['2026-01-06', 7]]);
    const beacon = await get('/api/kpi/trends?source_name=beacon&kpi_names=calls');
    assert.deepEqual(beacon.data.map((p) => p.value), [11]);
    const all = await get('/api/kpi/trends?kpi_names=calls');
    assert.deepEqual(all.data.map((p) => [p.date, p.value]), [['2026-01-05', 29 / 3], ['2026-01-06', 7]]);  // no unit: the daily mean
  });

  test('human signals: cases and the KPI strip follow the agent', async () => {
    const cases = await get('/api/human-signals/cases?filter.source_name=atlas&sort_by=Case_ID');
    assert.equal(cases.total, 3);
    assert.deepEqual(cases.data.map((c) => c.Case_ID), ['h1', 'h2', 'h3']);
    const zeta = await get('/api/human-signals/cases?filter.source_name=zeta');
    assert.equal(zeta.total, 1);
    const schema = await get('/api/human-signals/metric-schema?source_name=atlas-prod');
    assert.equal(schema.kpi_source_name, 'atlas');
    assert.equal(schema.kpis.find((k) => k.key === 'total_cases').value, 3);
  });
});
