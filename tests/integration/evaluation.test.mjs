// Evaluation analytics over an uploaded tree CSV with two experiments: scorecard, metric tree,
// metric cases, case detail and the model comparison, checked against hand-computed values.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

// quality (category, root) ← accuracy (component, weight 0.6), style (metric, weight 0.4).
// Scores (quality, accuracy, style); c5 exists only in exp_a.
const SCORES = {
  exp_a: { c1: [0.8, 0.9, 0.6], c2: [0.5, 0.4, 0.7], c3: [0.3, 0.2, 0.5], c4: [0.7, 0.7, 0.7], c5: [0.1, 0.2, 0.0] },
  exp_b: { c1: [0.9, 1.0, 0.8], c2: [0.3, 0.2, 0.4], c3: [0.2, 0.0, 0.9], c4: [0.7, 0.7, 0.7] },
};
const METRICS = [['quality', '', 'category', ''], ['accuracy', 'quality', 'component', '0.6'], ['style', 'quality', 'metric', '0.4']];

function fixtureCsv() {
  const lines = ['dataset_id,query,actual_output,expected_output,evaluation_name,metric_name,metric_score,metric_type,parent,weight,explanation'];
  for (const [exp, cases] of Object.entries(SCORES)) {
    for (const [id, scores] of Object.entries(cases)) {
      METRICS.forEach(([name, parent, type, weight], i) => {
        lines.push(`${id},"Question ${id}, please?",Answer ${id} ${exp},Expected ${id},${exp},${name},${scores[i]},${type},${parent},${weight},${name} of ${id} in ${exp}`);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

let server;
let id;

async function get(path) {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, json: await res.json() };
}
const ev = (path, params = {}) => {
  const qs = new URLSearchParams({ dataset_id: id, ...params });
  return get(`/api/evaluation/${path}?${qs}`);
};

function close(actual, expected, what, eps = 1e-9) {
  assert.ok(Math.abs(actual - expected) <= eps, `${what}: ${actual} is not ${expected}`);
}

async function upload(csv, name) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  const res = await fetch(`${server.url}/api/data/upload`, { method: 'POST', body: form });
  const json = await res.json();
  assert.equal(res.status, 200, JSON.stringify(json));
  return json.dataset_id;
}

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  id = await upload(fixtureCsv(), 'two experiments.csv');
});

after(async () => {
  await server?.stop();
});

describe('scorecard', () => {
  test('aggregates every experiment, with the hierarchy walked', async () => {
    const { status, json } = await ev('scorecard');
    assert.equal(status, 200);
    assert.equal(json.success, true);
    assert.equal(json.dataset_id, id);
    assert.equal(json.evaluation_name, null);
    assert.deepEqual(json.experiments, ['exp_a', 'exp_b']);
    assert.equal(json.total_cases, 5);
    assert.equal(json.metrics_count, 1);
    assert.equal(json.components_count, 1);
    close(json.overall_score, 0.5, 'overall = the single root mean');
    // Case overall scores .7667 .5333 .3333 .7 .1 .9 .3 .3667 .7
    close(json.score_variance, 0.06916666666666667, 'score_variance');
    assert.deepEqual(json.nodes.map((n) => n.metric_name), ['quality', 'accuracy', 'style']);
    const [quality, accuracy, style] = json.nodes;
    assert.deepEqual({ ...quality, mean: 0, std: 0 }, {
      metric_name: 'quality', parent: null, level: 1, type: 'category', weight: 1, normalized_weight: 1,
      mean: 0, min: 0.1, max: 0.9, std: 0, count: 9, histogram: [1, 3, 1, 2, 2], children: ['accuracy', 'style'],
    });
    close(quality.mean, 0.5, 'quality mean');
    close(quality.std, Math.sqrt(0.66 / 8), 'quality std');
    assert.equal(accuracy.level, 2);
    assert.equal(accuracy.type, 'component');
    close(accuracy.normalized_weight, 0.6, 'accuracy normalised weight');
    close(accuracy.mean, 4.3 / 9, 'accuracy mean');
    assert.deepEqual(style.histogram, [1, 0, 2, 4, 2]);
    assert.equal(style.parent, 'quality');
    close(style.mean, 5.3 / 9, 'style mean');
  });

  test('of one experiment', async () => {
    const { json } = await ev('scorecard', { evaluation_name: 'exp_b' });
    assert.equal(json.evaluation_name, 'exp_b');
    assert.equal(json.total_cases, 4);
    close(json.overall_score, 0.525, 'exp_b quality mean');
    close(json.score_variance, 0.08, 'exp_b case variance');
    assert.equal(json.nodes[2].count, 4);
    close(json.nodes[2].mean, 0.7, 'exp_b style');
  });

  test('uses the newest evaluation dataset without an id; an unknown id is 404', async () => {
    const newest = await get('/api/evaluation/scorecard');
    assert.equal(newest.status, 200);
    assert.equal(newest.json.dataset_id, id);
    const unknown = await get('/api/evaluation/scorecard?dataset_id=0123456789abcdef0123456789abcdef');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.detail, "Dataset '0123456789abcdef0123456789abcdef' not found");
  });
});

describe('tree', () => {
  test('nests the metrics with their spread', async () => {
    const { status, json } = await ev('tree');
    assert.equal(status, 200);
    const root = json.root;
    assert.equal(root.name, 'quality');
    assert.equal(root.type, 'category');
    close(root.score, 0.5, 'score');
    // sorted .1 .2 .3 .3 .5 .7 .7 .8 .9
    assert.equal(root.median, 0.5);
    assert.equal(root.p25, 0.3);
    assert.equal(root.p75, 0.7);
    assert.equal(root.min, 0.1);
    assert.equal(root.max, 0.9);
    close(root.std, Math.sqrt(0.66 / 9), 'population std');
    assert.equal(root.count, 9);
    assert.equal('explanation' in root, false);
    assert.deepEqual(root.children.map((c) => [c.name, c.normalized_weight, c.children.length]),
      [['accuracy', 0.6, 0], ['style', 0.4, 0]]);
  });

  test('of one case carries its scores and explanations', async () => {
    const { json } = await ev('tree', { case_id: 'c2', evaluation_name: 'exp_b' });
    assert.equal(json.root.score, 0.3);
    assert.equal(json.root.count, 1);
    assert.equal(json.root.std, 0);
    assert.equal(json.root.explanation, 'quality of c2 in exp_b');
    assert.equal(json.root.children[0].score, 0.2);
    assert.equal(json.root.children[1].explanation, 'style of c2 in exp_b');
    const missing = await ev('tree', { case_id: 'c9' });
    assert.equal(missing.status, 404);
    assert.equal(missing.json.detail, "Case 'c9' not found");
  });
});

describe('metric cases', () => {
  test('sorted by score, paginated, with the case text', async () => {
    const { status, json } = await ev('metrics/style/cases', { page_size: '3' });
    assert.equal(status, 200);
    assert.equal(json.metric, 'style');
    assert.equal(json.total, 9);
    assert.equal(json.page, 1);
    assert.equal(json.page_size, 3);
    assert.deepEqual(json.cases[0], {
      dataset_id: 'c5', evaluation_name: 'exp_a', query: 'Question c5, please?',
      actual_output: 'Answer c5 exp_a', score: 0, explanation: 'style of c5 in exp_a',
    });
    assert.deepEqual(json.cases.map((c) => c.score), [0, 0.4, 0.5]);
    const last = await ev('metrics/style/cases', { page_size: '3', page: '3' });
    assert.deepEqual(last.json.cases.map((c) => `${c.dataset_id}/${c.evaluation_name}`), ['c4/exp_b', 'c1/exp_b', 'c3/exp_b']);
    const desc = await ev('metrics/accuracy/cases', { sort_dir: 'desc', page_size: '1' });
    assert.equal(desc.json.cases[0].score, 1);
  });

  test('bands, experiment and search narrow the list', async () => {
    const high = await ev('metrics/style/cases', { band: 'high' });
    assert.equal(high.json.total, 5);
    const mid = await ev('metrics/style/cases', { band: 'mid' });
    assert.deepEqual(mid.json.cases.map((c) => c.score), [0.5, 0.6]);
    const fail = await ev('metrics/style/cases', { band: 'fail', evaluation_name: 'exp_b' });
    assert.deepEqual(fail.json.cases.map((c) => c.dataset_id), ['c2']);
    const found = await ev('metrics/style/cases', { search: 'ANSWER C3' });
    assert.deepEqual(found.json.cases.map((c) => c.evaluation_name), ['exp_a', 'exp_b']);
    const sqlish = await ev('metrics/style/cases', { search: "' OR 1=1 --" });
    assert.equal(sqlish.status, 200);
    assert.equal(sqlish.json.total, 0);
  });

  test('an unknown metric names the available ones; bad parameters are 422', async () => {
    const unknown = await ev('metrics/tone/cases');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.detail, "Metric 'tone' not found. Available: accuracy, quality, style");
    const bad = await ev('metrics/style/cases', { page: '0', page_size: '501', sort_by: 'name', sort_dir: 'up', band: 'x' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.detail.map((d) => [d.type, d.loc[1], d.input]), [
      ['greater_than_equal', 'page', '0'], ['less_than_equal', 'page_size', '501'],
      ['literal_error', 'sort_by', 'name'], ['literal_error', 'sort_dir', 'up'], ['literal_error', 'band', 'x'],
    ]);
    const text = await ev('metrics/style/cases', { page: 'two' });
    assert.equal(text.json.detail[0].type, 'int_parsing');
  });
});

describe('case detail', () => {
  test('in the first experiment by default, with every metric', async () => {
    const { status, json } = await ev('cases/c3');
    assert.equal(status, 200);
    const c = json.case;
    assert.equal(c.dataset_id, 'c3');
    assert.equal(c.evaluation_name, 'exp_a');
    assert.equal(c.query, 'Question c3, please?');
    assert.equal(c.expected_output, 'Expected c3');
    close(c.overall_score, 1.0 / 3, 'overall');
    assert.deepEqual(c.metrics[1], {
      metric_name: 'accuracy', score: 0.2, explanation: 'accuracy of c3 in exp_a',
      parent: 'quality', metric_type: 'component', weight: 0.6,
    });
    assert.equal(c.metrics[0].weight, 1);
    const b = await ev('cases/c3', { evaluation_name: 'exp_b' });
    close(b.json.case.overall_score, 1.1 / 3, 'exp_b overall');
    const missing = await ev('cases/c9');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.detail, "Case 'c9' not found");
  });
});

describe('compare', () => {
  // Expected values computed independently: Python statistics for means and deviations, the
  // p-values by numerical integration of Student's t density.
  test('Welch tests per metric between the first two experiments', async () => {
    const { status, json } = await ev('compare');
    assert.equal(status, 200);
    assert.equal(json.baseline, 'exp_a');
    assert.equal(json.challenger, 'exp_b');
    assert.deepEqual(json.experiments, ['exp_a', 'exp_b']);
    assert.deepEqual(json.metrics.map((m) => m.metric), ['quality', 'accuracy', 'style']);
    const [quality, accuracy, style] = json.metrics;
    close(quality.baseline.mean, 0.48, 'B mean');
    close(quality.baseline.std, 0.2863564212655271, 'B std');
    assert.equal(quality.baseline.n, 5);
    close(quality.challenger.mean, 0.525, 'C mean');
    close(quality.challenger.std, 0.3304037933599835, 'C std');
    assert.equal(quality.challenger.n, 4);
    close(quality.difference, 0.045, 'difference');
    close(quality.percent_change, 9.375, 'percent change');
    close(quality.cohens_d, 0.14705343912608812, 'd');
    assert.equal(quality.effect_size, 'negligible');
    close(quality.t_statistic, 0.21528472070029425, 't');
    close(quality.df, 6.050239857354075, 'df');
    close(quality.p_value, 0.8366192690718964, 'p', 1e-7);
    assert.equal(quality.stars, '');
    assert.equal(quality.significant, false);
    assert.equal(quality.winner, 'tie');
    close(accuracy.t_statistic, -0.01867392739457938, 'accuracy t');
    close(accuracy.df, 5.111262135703305, 'accuracy df');
    close(accuracy.p_value, 0.985808333165115, 'accuracy p', 1e-7);
    close(style.cohens_d, 0.7637626158259734, 'style d');
    assert.equal(style.effect_size, 'medium');
    close(style.t_statistic, 1.1812488464372366, 'style t');
    close(style.df, 6.986696056049753, 'style df');
    close(style.p_value, 0.27614724727448703, 'style p', 1e-7);
    assert.deepEqual({ ...json.summary, avg_improvement: 0 }, {
      winner: 'challenger', baseline_wins: 1, challenger_wins: 2, ties: 0,
      significant_baseline_wins: 0, significant_challenger_wins: 0, avg_improvement: 0,
    });
    close(json.summary.avg_improvement, (9.375 - 1.0416666666666667 + 40) / 3, 'avg improvement');
  });

  test('named sides, and the errors for unknown or missing experiments', async () => {
    const swapped = await ev('compare', { baseline: 'exp_b', challenger: 'exp_a' });
    close(swapped.json.metrics[2].difference, -0.2, 'swapped difference');
    const unknown = await ev('compare', { baseline: 'exp_z' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.detail, "Experiment 'exp_z' not found. Available: exp_a, exp_b");
    const single = await upload(fixtureCsv().split('\n').filter((l) => !l.includes('exp_b')).join('\n'), 'single.csv');
    const one = await get(`/api/evaluation/compare?dataset_id=${single}`);
    assert.equal(one.status, 400);
    assert.equal(one.json.detail, 'Comparison needs at least two experiments; found: exp_a');
  });

  test('cases scored by both experiments, with winners and counts', async () => {
    const { status, json } = await ev('compare/cases');
    assert.equal(status, 200);
    assert.equal(json.total, 4);
    assert.deepEqual(json.counts, { Baseline: 1, Challenger: 2, Tie: 1 });
    assert.deepEqual(json.cases.map((c) => [c.dataset_id, c.winner]),
      [['c1', 'Challenger'], ['c2', 'Baseline'], ['c3', 'Challenger'], ['c4', 'Tie']]);
    const [c1] = json.cases;
    assert.equal(c1.query, 'Question c1, please?');
    close(c1.baseline_score, 2.3 / 3, 'c1 baseline');
    close(c1.challenger_score, 0.9, 'c1 challenger');
    close(c1.diff, 0.9 - 2.3 / 3, 'c1 diff');
  });

  test('quick filters, winner filter, search and paging', async () => {
    const ids = async (params) => (await ev('compare/cases', params)).json.cases.map((c) => c.dataset_id);
    assert.deepEqual(await ids({ filter: 'top' }), ['c1']);
    assert.deepEqual(await ids({ filter: 'bottom' }), ['c3']);
    assert.deepEqual(await ids({ filter: 'high_variance' }), ['c3']);
    assert.deepEqual(await ids({ filter: 'show_diff' }), ['c2']);
    assert.deepEqual(await ids({ winner: 'Challenger' }), ['c1', 'c3']);
    assert.deepEqual(await ids({ winner: 'Challenger', page: '2', page_size: '1' }), ['c3']);
    const found = await ev('compare/cases', { search: 'C4, PLEASE' });
    assert.deepEqual(found.json.cases.map((c) => c.dataset_id), ['c4']);
    assert.deepEqual(found.json.counts, { Baseline: 0, Challenger: 0, Tie: 1 });
    const bad = await ev('compare/cases', { filter: 'best', winner: 'nobody' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.detail.map((d) => d.loc[1]), ['filter', 'winner']);
  });

  test('win/loss and agreement over the experiments', async () => {
    const wl = await ev('compare/win-loss');
    assert.deepEqual(wl.json, { success: true, experiments: ['exp_a', 'exp_b'], wins: { exp_a: 1, exp_b: 2 }, ties: 1, cases_compared: 4 });
    const ag = await ev('compare/agreement');
    assert.deepEqual(ag.json, {
      success: true,
      pairs: [{ model1: 'exp_a', model2: 'exp_b', both_pass: 2, both_fail: 1, model1_only: 1, model2_only: 0, total: 4, rate: 0.75 }],
    });
  });
});

test('the summaries survive a restart and answer the same', async () => {
  const before = (await ev('scorecard')).json;
  await server.stop();
  server = await startServer({ dataDir: server.dataDir });
  assert.equal(server.exitStatus(), null, server.stderr());
  assert.deepEqual((await ev('scorecard')).json, before);
});
