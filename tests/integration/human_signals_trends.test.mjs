// Human Signals over time: the time window (time_start/time_end) of the case views and the KPI
// strip, and the weekly KPI trends (GET /api/human-signals/trends). Weeks start on Monday, in UTC,
// from each case's Timestamp; the figures below are worked out by hand from the fixture.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

const AGENTS_YAML = `agents:
  - name: atlas
    trace_names: [atlas-prod]
`;

const LAYOUT = `
kpi_strip:
  - {metric: out, signal: resolved, label: Resolved, aggregation: rate}
  - {metric: out, signal: minutes, label: Minutes, aggregation: mean}
  - {aggregate: total_cases, label: Cases}
`;

// Week of Mon 2026-01-05: t1 (Jan 5 10:00Z) and t2 (Jan 7 23:30 at -02:00 = Jan 8 01:30Z).
// Week of Mon 2026-01-12: t3 (Jan 12, a bare date) and t4 (Sun Jan 18 23:59:59Z).
// Week of Mon 2026-01-19: t7 (Jan 19 00:00Z, given as epoch seconds 1768780800).
// Undated: t5 (empty) and t6 (unreadable).
const ROWS = [
  ['t1', '2026-01-05T10:00:00Z', 'atlas', { resolved: true, minutes: 10 }],
  ['t2', '2026-01-07T23:30:00-02:00', 'atlas-prod', { resolved: false, minutes: 30 }],
  ['t3', '2026-01-12', 'zeta', { resolved: true, minutes: 5 }],
  ['t4', '2026-01-18T23:59:59Z', 'atlas', { minutes: 7 }],
  ['t5', '', 'atlas', { resolved: true, minutes: 1 }],
  ['t6', 'not a time', 'zeta', { resolved: false, minutes: 2 }],
  ['t7', '1768780800', 'zeta', { resolved: false, minutes: 4 }],
];
const cell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const CSV = [['dataset_id', 'metric_name', 'signals', 'source_name', 'timestamp'].join(','),
  ...ROWS.map(([id, ts, source, s]) => [id, 'out', JSON.stringify(s), source, ts].map(cell).join(','))].join('\n') + '\n';

let server;

async function get(path) {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, json: await res.json() };
}

async function ok(path) {
  const res = await get(path);
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.json)}`);
  return res.json;
}

const kpi = (json, key) => json.kpis.find((k) => k.key === key);

before(async () => {
  server = await startServer({ args: ['--no-samples'],
    configFiles: { 'signals_metrics.yaml': LAYOUT, 'agents.yaml': AGENTS_YAML } });
  assert.equal(server.exitStatus(), null, server.stderr());
  const form = new FormData();
  form.append('file', new Blob([CSV], { type: 'text/csv' }), 'signals.csv');
  const res = await fetch(`${server.url}/api/human-signals/upload`, { method: 'POST', body: form });
  assert.equal(res.status, 200, await res.text());
});

after(async () => {
  await server?.stop();
});

describe('weekly trends', () => {
  test('every KPI strip figure per week; undated cases left out', async () => {
    const json = await ok('/api/human-signals/trends');
    assert.equal(json.granularity, 'weekly');
    assert.deepEqual(json.weeks, ['2026-01-05', '2026-01-12', '2026-01-19']);
    assert.deepEqual(json.cases, [2, 2, 1]);
    const [resolved, minutes, cases] = json.series;
    assert.deepEqual(resolved, { key: 'out__resolved', label: 'Resolved', format: 'percent',
      aggregation: 'rate', values: [50, 100, 0], missing: [0, 1, 0] });
    assert.deepEqual(minutes.values, [20, 6, 4]);
    assert.deepEqual(minutes.missing, [0, 0, 0]);
    assert.deepEqual(cases.values, [2, 2, 1]);
  });

  test('the case filters and the time window apply; an agent covers its trace_names', async () => {
    const atlas = await ok('/api/human-signals/trends?filter.source_name=atlas');
    assert.deepEqual(atlas.weeks, ['2026-01-05', '2026-01-12']);
    assert.deepEqual(atlas.cases, [2, 1]);
    assert.deepEqual(atlas.series[0].values, [50, null]);  // t4 has no resolved signal
    const window = await ok('/api/human-signals/trends?time_start=2026-01-08T01:30:00Z&time_end=2026-01-18T23:59:59Z');
    assert.deepEqual(window.weeks, ['2026-01-05', '2026-01-12']);
    assert.deepEqual(window.cases, [1, 2]);  // t2 and t4 on the inclusive bounds
  });

  test('bad bounds and unknown fields are refused', async () => {
    const bad = await get('/api/human-signals/trends?time_start=yesterday');
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.detail[0].loc, ['query', 'time_start']);
    const reversed = await get('/api/human-signals/trends?time_start=2026-02-01&time_end=2026-01-01');
    assert.equal(reversed.status, 400);
    const unknown = await get('/api/human-signals/trends?filter.nope=1');
    assert.equal(unknown.status, 422);
  });
});

describe('time window of the case views and the KPI strip', () => {
  test('cases and figures keep the dated cases inside the window', async () => {
    const cases = await ok('/api/human-signals/cases?time_start=2026-01-12&sort_by=Case_ID');
    assert.equal(cases.total, 3);
    assert.deepEqual(cases.data.map((c) => c.Case_ID), ['t3', 't4', 't7']);
    const figures = await ok('/api/human-signals/figures?time_end=2026-01-08T01:29:59Z');
    assert.equal(figures.total, 1);
    assert.equal(figures.all_cases, 7);
  });

  test('metric-schema: the KPI strip over the window and the agent', async () => {
    const all = await ok('/api/human-signals/metric-schema');
    assert.equal(kpi(all, 'total_cases').value, 7);
    const windowed = await ok('/api/human-signals/metric-schema?time_start=2026-01-05&time_end=2026-01-11T23:59:59Z');
    assert.equal(kpi(windowed, 'total_cases').value, 2);
    assert.equal(kpi(windowed, 'out__resolved').value, 50);
    const agent = await ok('/api/human-signals/metric-schema?source_name=atlas&time_start=2026-01-12');
    assert.equal(agent.kpi_source_name, 'atlas');
    assert.equal(kpi(agent, 'total_cases').value, 1);  // t4
    assert.equal(kpi(agent, 'out__minutes').value, 7);
  });
});
