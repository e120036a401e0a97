// POST /api/analytics/{summary,distribution,comparison,correlation,radar,scatter}: on an uploaded
// tree dataset (by id, or the newest when no rows are posted) and on posted rows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, uploadCsv } from './lib/server.mjs';

// Two experiments, two cases, three metrics (a, b, c) in long form.
//        a    b    c
// e1 q1 0.2  0.4  0.9
// e1 q2 0.6  0.8  0.1
// e2 q1 0.4  0.4  0.5
// e2 q2 1.0  0.9  0.3
const ROWS = [
  ['q1', 'e1', 0.2, 0.4, 0.9], ['q2', 'e1', 0.6, 0.8, 0.1],
  ['q1', 'e2', 0.4, 0.4, 0.5], ['q2', 'e2', 1.0, 0.9, 0.3],
];
const CSV = ['dataset_id,query,actual_output,evaluation_name,metric_name,metric_score,metric_type,parent,weight']
  .concat(ROWS.flatMap(([id, exp, ...scores]) => ['a', 'b', 'c'].map((m, i) =>
    `${id},Question ${id},Answer ${id},${exp},${m},${scores[i]},metric,,`)))
  .join('\n');

let server;
let id;

async function post(path, body, params = {}) {
  const qs = new URLSearchParams(params).toString();
  const init = { method: 'POST', headers: {} };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${server.url}/api/analytics/${path}${qs ? `?${qs}` : ''}`, init);
  return { status: res.status, json: await res.json() };
}
const stored = (path, params = {}, body) => post(path, body, { dataset_id: id, ...params });

function close(actual, expected, what, eps = 1e-12) {
  assert.ok(Math.abs(actual - expected) <= eps, `${what}: ${actual} is not ${expected}`);
}

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  id = (await uploadCsv(server, CSV, 'analytics.csv')).dataset_id;
});

after(async () => {
  await server?.stop();
});

describe('on a stored dataset', () => {
  test('summary per metric_name', async () => {
    const { status, json } = await stored('summary');
    assert.equal(status, 200);
    assert.equal(json.total_records, 12);
    assert.deepEqual(json.summary.map((m) => m.metric_name), ['a', 'b', 'c']);
    const [a] = json.summary;
    close(a.mean, 0.55, 'a mean');
    // deviations -.35 .05 -.15 .45: squares .1225 .0025 .0225 .2025 = .35
    close(a.std, Math.sqrt(0.35 / 3), 'a std');
    assert.equal(a.min, 0.2);
    assert.equal(a.max, 1);
    assert.equal(a.count, 4);
    assert.equal(a.passing_rate, 0.5);
  });

  test('without a body and without an id, the newest evaluation dataset is used', async () => {
    const { status, json } = await post('summary');
    assert.equal(status, 200);
    assert.equal(json.total_records, 12);
  });

  test('distribution with an equal-width histogram and linear quartiles', async () => {
    const { json } = await stored('distribution', { metric: 'c', bins: '4' });
    assert.equal(json.metric, 'c');
    assert.deepEqual(json.values, [0.9, 0.1, 0.5, 0.3]);
    // Edges as numpy builds them: 0.1 + i·0.2, so the second edge is 0.30000000000000004 and
    // 0.3 falls in the first bin.
    assert.deepEqual(json.histogram.bin_edges, [0.1, 0.1 + 0.2, 0.1 + 2 * 0.2, 0.1 + 3 * 0.2, 0.9]);
    assert.deepEqual(json.histogram.counts, [2, 0, 1, 1]);
    close(json.stats.mean, 0.45, 'mean');
    close(json.stats.median, 0.4, 'median');
    close(json.stats.q25, 0.25, 'q25');  // sorted .1 .3 .5 .9, position .75
    close(json.stats.q75, 0.6, 'q75');   // position 2.25
    const missing = await stored('distribution', { metric: 'z' });
    assert.equal(missing.status, 400);
    assert.equal(missing.json.detail, "Metric 'z' not found");
  });

  test('comparison per group', async () => {
    const { json } = await stored('comparison', { group_by: 'evaluation_name' }, { data: [], metrics: ['a'] });
    assert.deepEqual(json.metrics, ['a']);
    assert.deepEqual(json.groups, ['e1', 'e2']);
    assert.equal(json.comparison[0].group, 'e1');
    close(json.comparison[0].a.mean, 0.4, 'e1 a mean');
    close(json.comparison[0].a.std, Math.sqrt(0.08), 'e1 a std');
    assert.equal(json.comparison[1].a.count, 2);
    const bad = await stored('comparison', { group_by: 'team' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.detail, "Group column 'team' not found");
  });

  test('correlation across cases', async () => {
    const { json } = await stored('correlation');
    assert.deepEqual(json.metrics, ['a', 'b', 'c']);
    assert.equal(json.correlation.a.a, 1);
    // a = .2 .6 .4 1, c = .9 .1 .5 .3: sxy = -.25, sxx = .35, syy = .35
    close(json.correlation.a.c, -0.25 / 0.35, 'r(a, c)', 1e-9);
    assert.equal(json.correlation.c.a, json.correlation.a.c);
    const one = await stored('correlation', {}, { data: [], metrics: ['a'] });
    assert.equal(one.status, 400);
  });

  test('radar overall and per group', async () => {
    const overall = await stored('radar');
    assert.deepEqual(overall.json.traces.map((t) => t.name), ['Overall']);
    close(overall.json.traces[0].values[1], 0.625, 'b mean');
    const grouped = await stored('radar', { group_by: 'evaluation_name' });
    assert.deepEqual(grouped.json.traces.map((t) => t.name), ['e1', 'e2']);
    close(grouped.json.traces[1].values[0], 0.7, 'e2 a mean');
    const two = await stored('radar', {}, { data: [], metrics: ['a', 'b'] });
    assert.equal(two.status, 400);
    assert.equal(two.json.detail, 'A radar chart needs at least 3 metrics');
  });

  test('scatter: one point per case, coloured, with ids', async () => {
    const { json } = await stored('scatter', { x_metric: 'a', y_metric: 'c', color_by: 'evaluation_name' });
    assert.deepEqual(json, {
      success: true, x: [0.2, 0.6, 0.4, 1], y: [0.9, 0.1, 0.5, 0.3], x_metric: 'a', y_metric: 'c',
      color: ['e1', 'e1', 'e2', 'e2'], color_by: 'evaluation_name', ids: ['q1', 'q2', 'q1', 'q2'],
    });
    const missing = await stored('scatter', { x_metric: 'a' });
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.json.detail.map((d) => [d.type, d.loc]), [['missing', ['query', 'y_metric']]]);
  });

  test('an unknown dataset id is 404', async () => {
    const res = await post('summary', undefined, { dataset_id: 'ffffffffffffffffffffffffffffffff' });
    assert.equal(res.status, 404);
  });
});

describe('on posted rows', () => {
  const WIDE = [
    { dataset_id: 'r1', a: 0.2, b: 0.4, c: 0.9, team: 'x' },
    { dataset_id: 'r2', a: 0.6, b: 0.8, c: 0.1, team: 'y' },
    { dataset_id: 'r3', a: 0.4, b: null, c: 0.5, team: 'x' },
  ];

  test('posted rows win over the stored dataset', async () => {
    const { json } = await post('summary', WIDE);
    assert.equal(json.total_records, 3);
    assert.deepEqual(json.summary.map((m) => [m.metric_name, m.count]), [['a', 3], ['b', 2], ['c', 3]]);
  });

  test('distribution, comparison, correlation, radar and scatter', async () => {
    const dist = await post('distribution', WIDE, { metric: 'a', bins: '2' });
    assert.deepEqual(dist.json.values, [0.2, 0.6, 0.4]);
    assert.deepEqual(dist.json.histogram.counts, [1, 2]);
    const cmp = await post('comparison', { data: WIDE, metrics: ['a'] }, { group_by: 'team' });
    assert.deepEqual(cmp.json.groups, ['x', 'y']);
    close(cmp.json.comparison[0].a.mean, 0.3, 'team x mean');
    const corr = await post('correlation', WIDE);
    close(corr.json.correlation.a.b, 1, 'a~b over the rows with both', 1e-9);
    const radar = await post('radar', { data: WIDE, metrics: ['a', 'b', 'c'] }, { group_by: 'team' });
    assert.deepEqual(radar.json.traces.map((t) => t.name), ['x', 'y']);
    close(radar.json.traces[0].values[0], 0.3, 'x a');
    const scatter = await post('scatter', WIDE, { x_metric: 'a', y_metric: 'b' });
    assert.deepEqual(scatter.json, { success: true, x: [0.2, 0.6], y: [0.4, 0.8], x_metric: 'a', y_metric: 'b', ids: ['r1', 'r2'] });
  });

  test('bad bodies are 422', async () => {
    const metrics = await post('summary', { data: WIDE, metrics: 'a' });
    assert.equal(metrics.status, 422);
    assert.deepEqual(metrics.json.detail[0].loc, ['body', 'metrics']);
    const notList = await post('summary', { rows: [] });
    assert.equal(notList.status, 422);
    assert.equal(notList.json.detail[0].type, 'list_type');
  });
});
