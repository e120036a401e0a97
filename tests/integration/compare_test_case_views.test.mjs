// GET /api/evaluation/compare/test-cases quick filters, metric switch, fields and metric means,
// and GET /api/evaluation/compare/test-cases/export, on 6 cases × 3 experiments (X, Y, Z;
// Y never scored c5) × 2 metrics (acc, flu). Scores are multiples of 1/8 so every sum is exact
// and each mean is one correctly rounded division, which JavaScript reproduces below.
//
// case  acc X Y Z        flu X Y Z        overall X Y Z        mean      spread
// c1    1   .5  .25      .5  .5  0        .75  .5  .125        1.375/3   .625
// c2    .5  .5  .5       .5  .5  .5       .5   .5  .5          .5        0
// c3    1   .75 1        1   .75 .5       1    .75 .75         2.5/3     .25
// c4    .25 0   .25      0   .25 .25      .125 .125 .25        .5/3      .125
// c5    .75 -   .25      .75 -   .25      .75  -   .25         .5        .5
// c6    .5  1   .5       .5  1   .5       .5   1   .5          2/3       .5
// n = 6 cases with scores, so each ranked quick filter keeps ceil(6 / 5) = 2 cases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, uploadCsv } from './lib/server.mjs';

const cell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows) => rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';

const SCORES = {
  c1: { X: [1, 0.5], Y: [0.5, 0.5], Z: [0.25, 0] },
  c2: { X: [0.5, 0.5], Y: [0.5, 0.5], Z: [0.5, 0.5] },
  c3: { X: [1, 1], Y: [0.75, 0.75], Z: [1, 0.5] },
  c4: { X: [0.25, 0], Y: [0, 0.25], Z: [0.25, 0.25] },
  c5: { X: [0.75, 0.75], Z: [0.25, 0.25] },
  c6: { X: [0.5, 0.5], Y: [1, 1], Z: [0.5, 0.5] },
};
const LONG = 'e'.repeat(400);
const EXPECTED = { c1: LONG, c2: 'exp c2', c3: 'say "hi", please', c4: 'exp c4', c5: 'exp c5', c6: 'exp c6' };
const SPLIT = { c1: 'a', c2: 'a', c3: 'a', c4: 'b', c5: 'b', c6: 'b' };

function fixture() {
  const rows = [['dataset_id', 'query', 'evaluation_name', 'metric_name', 'metric_score', 'actual_output', 'expected_output', 'data_metadata']];
  for (const [id, byExp] of Object.entries(SCORES)) {
    for (const [exp, [acc, flu]] of Object.entries(byExp)) {
      for (const [metric, score] of [['acc', acc], ['flu', flu]]) {
        rows.push([id, `question ${id}`, exp, metric, String(score), `out ${id} ${exp}`, EXPECTED[id], `{"split": "${SPLIT[id]}"}`]);
      }
    }
  }
  return csv(rows);
}

let server;
let id;

async function view(params = []) {
  const query = new URLSearchParams([['dataset_id', id], ...params]);
  if (!query.has('page_size')) query.set('page_size', '50');
  const res = await fetch(`${server.url}/api/evaluation/compare/test-cases?${query}`);
  return { status: res.status, body: await res.json() };
}
const ids = async (params) => {
  const { status, body } = await view(params);
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.total, body.cases.length);
  return body.cases.map((c) => c.dataset_id);
};
const near = (actual, expected, what) => {
  if (expected === null) return assert.equal(actual, null, what);
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} != ${expected}`);
};
const nearAll = (actual, expected, what) => {
  assert.equal(actual.length, expected.length, what);
  expected.forEach((v, i) => near(actual[i], v, `${what}[${i}]`));
};

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  id = (await uploadCsv(server, fixture(), 'views.csv')).dataset_id;
});

after(async () => {
  await server?.stop();
});

describe('compare test cases: quick filters, metric, fields, metric means, export', () => {
  test('quick filters on the overall score: ranked cuts of ceil(n/5) and the cases that differ', async () => {
    assert.deepEqual(await ids([]), ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    assert.deepEqual(await ids([['view', 'top']]), ['c3', 'c6']);       // 2.5/3, 2/3
    assert.deepEqual(await ids([['view', 'bottom']]), ['c4', 'c1']);    // .5/3, 1.375/3
    // c5 and c6 share a spread of .5: file order breaks the tie.
    assert.deepEqual(await ids([['view', 'high_variance']]), ['c1', 'c5']);
    assert.deepEqual(await ids([['view', 'diff']]), ['c1', 'c3', 'c4', 'c5', 'c6']);
    // The quick filter applies after the metadata filter: 3 cases of split b, cut 1.
    assert.deepEqual(await ids([['meta.split', 'b'], ['view', 'top']]), ['c6']);
    assert.deepEqual(await ids([['meta.split', 'b'], ['view', 'bottom']]), ['c4']);
    assert.deepEqual(await ids([['meta.split', 'b'], ['view', 'high_variance']]), ['c5']);
    assert.deepEqual(await ids([['search', 'c2'], ['view', 'diff']]), []);
  });

  test('rows carry scores, mean and spread; KPIs and distribution follow the quick filter', async () => {
    const { body } = await view([['view', 'top']]);
    assert.deepEqual(body.experiments, ['X', 'Y', 'Z']);
    assert.equal(body.metric, null);
    nearAll(body.cases[0].scores, [1, 0.75, 0.75], 'c3 scores');
    near(body.cases[0].mean, 2.5 / 3, 'c3 mean');
    near(body.cases[0].spread, 0.25, 'c3 spread');
    nearAll(body.cases[1].scores, [0.5, 1, 0.5], 'c6 scores');
    assert.equal(body.kpis.test_cases, 2);
    near(body.kpis.average_score, 4.5 / 6, 'average');
    assert.equal(body.kpis.leading_experiment, 'Y');
    near(body.kpis.leading_score, 0.875, 'leading');
    assert.deepEqual(body.distribution.map((d) => [d.experiment, d.n, d.min, d.max]), [['X', 2, 0.5, 1], ['Y', 2, 0.75, 1], ['Z', 2, 0.5, 0.75]]);
    // c5 has no Y score: null in the row, and its spread is over X and Z only.
    const all = await view([]);
    nearAll(all.body.cases[4].scores, [0.75, null, 0.25], 'c5 scores');
    near(all.body.cases[4].spread, 0.5, 'c5 spread');
    near(all.body.kpis.average_score, 8.875 / 17, 'average over every case');
    assert.equal(all.body.kpis.leading_experiment, 'X');
    near(all.body.kpis.leading_score, 3.625 / 6, 'X mean');
  });

  test('metric_means: each metric per experiment over the listed cases only', async () => {
    const all = await view([]);
    assert.deepEqual(all.body.metric_means.map((m) => m.metric), ['acc', 'flu']);
    nearAll(all.body.metric_means[0].means, [4 / 6, 2.75 / 5, 2.75 / 6], 'acc');
    nearAll(all.body.metric_means[1].means, [3.25 / 6, 3 / 5, 2 / 6], 'flu');
    const top = await view([['view', 'top']]);
    nearAll(top.body.metric_means[0].means, [0.75, 0.875, 0.75], 'acc over c3, c6');
    nearAll(top.body.metric_means[1].means, [0.75, 0.875, 0.5], 'flu over c3, c6');
    const b = await view([['meta.split', 'b']]);
    nearAll(b.body.metric_means[0].means, [1.5 / 3, 1 / 2, 1 / 3], 'acc over split b');
    nearAll(b.body.metric_means[1].means, [1.25 / 3, 1.25 / 2, 1 / 3], 'flu over split b');
    const searched = await view([['search', 'c5']]);
    nearAll(searched.body.metric_means[0].means, [0.75, null, 0.25], 'acc of c5 (no Y)');
  });

  test('metric=acc scores, ranks and summarises the cases by that metric', async () => {
    const { body } = await view([['metric', 'acc']]);
    assert.equal(body.metric, 'acc');
    nearAll(body.cases[0].scores, [1, 0.5, 0.25], 'c1 acc');
    near(body.cases[0].mean, 1.75 / 3, 'c1 acc mean');
    near(body.cases[0].spread, 0.75, 'c1 acc spread');
    near(body.kpis.average_score, 9.5 / 17, 'acc average');
    assert.equal(body.kpis.leading_experiment, 'X');
    near(body.kpis.leading_score, 4 / 6, 'X acc mean');
    assert.deepEqual(await ids([['metric', 'acc'], ['view', 'top']]), ['c3', 'c6']);
    // c2 and c5 share an acc mean of .5: file order breaks the tie.
    assert.deepEqual(await ids([['metric', 'acc'], ['view', 'bottom']]), ['c4', 'c2']);
    assert.deepEqual(await ids([['metric', 'acc'], ['view', 'high_variance']]), ['c1', 'c5']);
    assert.deepEqual(await ids([['metric', 'flu'], ['view', 'diff']]), ['c1', 'c3', 'c4', 'c5', 'c6']);
  });

  test('fields: the first row\'s value of each chosen column, cut to 300 characters', async () => {
    const { body } = await view([['fields', 'actual_output,expected_output'], ['page_size', '3']]);
    assert.deepEqual(body.fields, ['actual_output', 'expected_output']);
    // Upload adds the standard columns; the per-metric ones are not offered.
    assert.deepEqual(body.field_options, ['actual_output', 'expected_output', 'evaluation_metadata', 'data_metadata']);
    assert.deepEqual(body.cases.map((c) => c.fields), [
      ['out c1 X', 'e'.repeat(300)], ['out c2 X', 'exp c2'], ['out c3 X', 'say "hi", please'],
    ]);
    const none = await view([['page_size', '1']]);
    assert.deepEqual(none.body.cases[0].fields, []);
  });

  test('export: every matching case as CSV, no paging', async () => {
    const ok = await fetch(`${server.url}/api/evaluation/compare/test-cases/export?${new URLSearchParams({
      dataset_id: id, view: 'top', fields: 'actual_output,expected_output' })}`);
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type'), /^text\/csv/);
    assert.match(ok.headers.get('content-disposition'), /test-cases\.csv/);
    assert.equal(await ok.text(), [
      'dataset_id,query,actual_output,expected_output,X,Y,Z,mean,spread',
      `c3,question c3,out c3 X,"say ""hi"", please",1,0.75,0.75,${String(2.5 / 3)},0.25`,
      `c6,question c6,out c6 X,exp c6,0.5,1,0.5,${String(2 / 3)},0.5`,
      '',
    ].join('\r\n'));
    const acc = await fetch(`${server.url}/api/evaluation/compare/test-cases/export?${new URLSearchParams({
      dataset_id: id, metric: 'acc', 'meta.split': 'b' })}`);
    assert.equal(await acc.text(), [
      'dataset_id,query,X,Y,Z,mean,spread',
      `c4,question c4,0.25,0,0.25,${String(0.5 / 3)},0.25`,
      'c5,question c5,0.75,,0.25,0.5,0.5',
      `c6,question c6,0.5,1,0.5,${String(2 / 3)},0.5`,
      '',
    ].join('\r\n'));
  });

  test('bad input: 422 naming the valid choices', async () => {
    const badView = await view([['view', 'best']]);
    assert.equal(badView.status, 422);
    assert.deepEqual(badView.body.detail.map((d) => d.loc), [['query', 'view']]);
    const badMetric = await view([['metric', 'nope']]);
    assert.equal(badMetric.status, 422);
    assert.deepEqual(badMetric.body.detail[0].loc, ['query', 'metric']);
    assert.match(badMetric.body.detail[0].msg, /Unknown metric 'nope'; the dataset's metrics are: acc, flu/);
    const badField = await view([['fields', 'actual_output,metric_score']]);
    assert.equal(badField.status, 422);
    assert.deepEqual(badField.body.detail[0].loc, ['query', 'fields']);
    assert.match(badField.body.detail[0].msg, /Unknown field 'metric_score'; the dataset's fields are: actual_output, expected_output, evaluation_metadata, data_metadata/);
    const many = await view([['fields', 'a,b,c,d']]);
    assert.equal(many.status, 422);
    assert.match(many.body.detail[0].msg, /At most 3 fields/);
    const exportBad = await fetch(`${server.url}/api/evaluation/compare/test-cases/export?dataset_id=${id}&metric=nope`);
    assert.equal(exportBad.status, 422);
  });
});
