// GET /api/evaluation/compare/test-cases: the Compare page's Test Cases mode. Every case with
// its overall score (mean of its metric scores) per experiment side by side, the KPIs, the
// per-experiment spread (quartiles interpolated linearly) and the metadata filters, on a small
// dataset whose values are worked out by hand below. One case's data_metadata is a Python
// literal (single quotes, True) and one has none.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, uploadCsv } from './lib/server.mjs';

const cell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows) => rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';

const META = {
  k1: '{"lang": "en", "tier": 1}',
  k2: "{'lang': 'fr', 'gold': True}",
  k3: '{"lang": "en"}',
  k4: '',
};
// dataset_id, experiment, metric, score; in this order (A, B, C first seen in that order).
const ROWS = [
  ['k1', 'A', 'm1', '0.2'], ['k1', 'A', 'm2', '0.4'], ['k1', 'B', 'm1', '0.8'],
  ['k2', 'A', 'm1', '0.6'], ['k2', 'C', 'm1', '1.0'],
  ['k3', 'B', 'm1', '0.5'], ['k3', 'C', 'm1', '0.0'],
  ['k4', 'A', 'm1', '0.9'], ['k4', 'B', 'm1', '0.7'], ['k4', 'C', 'm1', '0.1'],
];

function fixture() {
  const rows = [['dataset_id', 'query', 'evaluation_name', 'metric_name', 'metric_score', 'data_metadata']];
  for (const [id, exp, metric, score] of ROWS) rows.push([id, `question ${id}`, exp, metric, score, META[id]]);
  return csv(rows);
}

let server;
let id;

async function view(params = []) {
  const res = await fetch(`${server.url}/api/evaluation/compare/test-cases?${new URLSearchParams([['dataset_id', id], ...params])}`);
  return { status: res.status, body: await res.json() };
}

const near = (actual, expected, what) => {
  if (expected === null) return assert.equal(actual, null, what);
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} != ${expected}`);
};

function assertCases(actual, expected) {
  assert.deepEqual(actual.map((c) => c.dataset_id), expected.map((c) => c[0]));
  actual.forEach((c, i) => {
    const [caseId, scores, spread] = expected[i];
    assert.equal(c.query, `question ${caseId}`);
    assert.equal(c.scores.length, scores.length);
    scores.forEach((s, j) => near(c.scores[j], s, `${caseId} score ${j}`));
    near(c.spread, spread, `${caseId} spread`);
  });
}

function assertSpread(actual, expected) {
  assert.deepEqual(actual.map((d) => d.experiment), expected.map((d) => d[0]));
  actual.forEach((d, i) => {
    const [, n, mean, min, q1, median, q3, max] = expected[i];
    assert.equal(d.n, n);
    for (const [name, v] of Object.entries({ mean, min, q1, median, q3, max })) near(d[name], v, `${d.experiment} ${name}`);
  });
}

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  id = (await uploadCsv(server, fixture(), 'test-cases.csv')).dataset_id;
});

after(async () => {
  await server?.stop();
});

describe('compare test cases', () => {
  test('every case with its overall score per experiment, KPIs, spread and metadata values', async () => {
    const { status, body } = await view();
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.experiments, ['A', 'B', 'C']);
    // k1 A = (0.2 + 0.4) / 2; spreads are highest minus lowest overall.
    assertCases(body.cases, [
      ['k1', [0.3, 0.8, null], 0.5], ['k2', [0.6, null, 1.0], 0.4],
      ['k3', [null, 0.5, 0.0], 0.5], ['k4', [0.9, 0.7, 0.1], 0.8],
    ]);
    assert.equal(body.total, 4);
    assert.equal(body.kpis.test_cases, 4);
    assert.equal(body.kpis.experiments, 3);
    // (0.3 + 0.6 + 0.9 + 0.8 + 0.5 + 0.7 + 1.0 + 0.0 + 0.1) / 9; B's mean 2.0 / 3 leads A's 0.6.
    near(body.kpis.average_score, 4.9 / 9, 'average');
    assert.equal(body.kpis.leading_experiment, 'B');
    near(body.kpis.leading_score, 2.0 / 3, 'leading score');
    // Quartiles of three values: q1 halfway between the first two, q3 between the last two.
    assertSpread(body.distribution, [
      ['A', 3, 0.6, 0.3, 0.45, 0.6, 0.75, 0.9],
      ['B', 3, 2.0 / 3, 0.5, 0.6, 0.7, 0.75, 0.8],
      ['C', 3, 1.1 / 3, 0.0, 0.05, 0.1, 0.55, 1.0],
    ]);
    // Keys by number of cases holding them (lang 3, then gold and tier 1 each, by name).
    assert.deepEqual(body.metadata, [
      { key: 'lang', values: [{ value: 'en', count: 2 }, { value: 'fr', count: 1 }] },
      { key: 'gold', values: [{ value: 'true', count: 1 }] },
      { key: 'tier', values: [{ value: '1', count: 1 }] },
    ]);
  });

  test('metadata filters: one value, any of several, several keys, a Python literal', async () => {
    const en = await view([['meta.lang', 'en']]);
    assertCases(en.body.cases, [['k1', [0.3, 0.8, null], 0.5], ['k3', [null, 0.5, 0.0], 0.5]]);
    assert.equal(en.body.kpis.test_cases, 2);
    near(en.body.kpis.average_score, (0.3 + 0.8 + 0.5 + 0.0) / 4, 'average');
    assert.equal(en.body.kpis.leading_experiment, 'B');
    near(en.body.kpis.leading_score, 0.65, 'leading');
    assertSpread(en.body.distribution, [
      ['A', 1, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3],
      ['B', 2, 0.65, 0.5, 0.575, 0.65, 0.725, 0.8],
      ['C', 1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    ]);
    // The options do not follow the filters.
    assert.equal(en.body.metadata[0].values.length, 2);
    const ids = async (params) => (await view(params)).body.cases.map((c) => c.dataset_id);
    assert.deepEqual(await ids([['meta.lang', 'en'], ['meta.lang', 'fr']]), ['k1', 'k2', 'k3']);
    assert.deepEqual(await ids([['meta.lang', 'en'], ['meta.tier', '1']]), ['k1']);
    assert.deepEqual(await ids([['meta.gold', 'true']]), ['k2']);
    assert.deepEqual(await ids([['meta.lang', 'de']]), []);
    const none = await view([['meta.lang', 'de']]);
    assert.equal(none.body.kpis.average_score, null);
    assert.equal(none.body.kpis.leading_experiment, null);
    assert.deepEqual(none.body.distribution, []);
  });

  test('search and pages', async () => {
    const searched = await view([['search', 'K4']]);
    assertCases(searched.body.cases, [['k4', [0.9, 0.7, 0.1], 0.8]]);
    assert.equal(searched.body.total, 1);
    const page2 = await view([['page', '2'], ['page_size', '2']]);
    assert.deepEqual(page2.body.cases.map((c) => c.dataset_id), ['k3', 'k4']);
    assert.equal(page2.body.total, 4);
    assert.equal(page2.body.page, 2);
  });

  test('bad input: 422 for a page size out of range, 400 for too many keys, 404 for a dataset', async () => {
    const bad = await view([['page_size', '0']]);
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.detail.map((d) => d.loc), [['query', 'page_size']]);
    const many = await view(Array.from({ length: 21 }, (_, i) => [`meta.k${i}`, 'x']));
    assert.equal(many.status, 400);
    assert.match(many.body.detail, /At most 20 metadata keys/);
    const res = await fetch(`${server.url}/api/evaluation/compare/test-cases?dataset_id=nope`);
    assert.equal(res.status, 404);
  });
});
