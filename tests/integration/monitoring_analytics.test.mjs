// Monitoring analytics and alerts over an uploaded long-format monitoring CSV: the values are
// worked out by hand from the rows below, and the 4xx answers are checked for bad parameters.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

// Scores: relevance .9 .4 .7 .5 1.0 and coherence .6 .8 .2 (r4's coherence is empty).
// Latencies of the scored rows: 100 100 200 200 300 300 1000 400.
const CSV = `dataset_id,timestamp,environment,source_name,metric_name,metric_score,latency_ms,error,metric_category,explanation,signals
r1,2026-01-05T10:15:00Z,prod,alpha,relevance,0.9,100,false,SCORE,fine,{}
r1,2026-01-05T10:15:00Z,prod,alpha,coherence,0.6,100,false,SCORE,fine,{}
r2,2026-01-05T11:45:00+01:00,prod,alpha,relevance,0.4,200,false,SCORE,fine,{}
r2,2026-01-05T11:45:00+01:00,prod,alpha,coherence,0.8,200,false,SCORE,fine,{}
r3,2026-01-05T11:30:00Z,dev,beta,relevance,0.7,300,true,SCORE,fine,{}
r3,2026-01-05T11:30:00Z,dev,beta,coherence,0.2,300,true,SCORE,fine,{}
r4,2026-01-11T23:59:00Z,dev,beta,relevance,0.5,1000,false,SCORE,fine,{}
r4,2026-01-11T23:59:00Z,dev,beta,coherence,,1000,false,SCORE,fine,{}
r5,2026-01-12T00:00:00Z,prod,alpha,relevance,1.0,400,false,,fine,{}
c1,2026-01-06T09:00:00Z,prod,alpha,sentiment,,,false,CLASSIFICATION,positive,{}
c2,2026-01-06T12:00:00Z,prod,alpha,sentiment,,,false,Classification,negative,{}
a1,2026-01-06T08:00:00Z,prod,alpha,summary,,,false,ANALYSIS,looked,"{""topic"": ""billing""}"
`;

// beta's own thresholds keep its low scores quiet; anomalies are checked from 3 points.
const MONITORING_YAML = `monitoring_db:
  thresholds:
    default: {good: 0.7, pass: 0.5}
    per_source:
      beta: {good: 0.3, pass: 0.2}
  anomaly_detection:
    enabled: true
    min_data_points: 3
`;

let server;
let id;

async function get(path, params = {}) {
  const qs = new URLSearchParams(params);
  const res = await fetch(`${server.url}/api/monitoring/analytics/${path}?${qs}`);
  return { status: res.status, json: await res.json() };
}

async function ok(path, params = {}) {
  const res = await get(path, { dataset_id: id, ...params });
  assert.equal(res.status, 200, JSON.stringify(res.json));
  assert.equal(res.json.success, true);
  return res.json;
}

function close(actual, expected, what, eps = 1e-9) {
  assert.ok(Math.abs(actual - expected) <= eps, `${what}: ${actual} is not ${expected}`);
}

before(async () => {
  server = await startServer({ configFiles: { 'monitoring_db.yaml': MONITORING_YAML } });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

describe('before any monitoring upload', () => {
  test('every analytics route is 404 with a hint', async () => {
    for (const path of ['summary', 'trends', 'alerts', 'analysis-insights']) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.json.detail, 'No monitoring data yet: upload a monitoring CSV or load the example');
    }
  });
});

describe('on an uploaded dataset', () => {
  before(async () => {
    const form = new FormData();
    form.append('file', new Blob([CSV], { type: 'text/csv' }), 'monitoring.csv');
    const res = await fetch(`${server.url}/api/monitoring/upload`, { method: 'POST', body: form });
    const json = await res.json();
    assert.equal(res.status, 200, JSON.stringify(json));
    id = json.dataset_id;
  });

  test('summary: counts, mean, pass rate and interpolated latency percentiles', async () => {
    const { kpis } = await ok('summary');
    assert.equal(kpis.total_records, 8);
    close(kpis.avg_score, 5.1 / 8, 'avg_score');
    close(kpis.pass_rate, 75, 'pass_rate');
    close(kpis.p50_latency, 250, 'p50');
    close(kpis.p95_latency, 790, 'p95');
    close(kpis.p99_latency, 958, 'p99');
    // The default dataset is the newest monitoring one: the same answer without dataset_id.
    assert.deepEqual((await get('summary')).json.kpis, kpis);
  });

  test('summary filters: metric, environment and an inclusive time window', async () => {
    let { kpis } = await ok('summary', { metric_name: 'relevance' });
    assert.equal(kpis.total_records, 5);
    close(kpis.pass_rate, 80, 'pass_rate');
    ({ kpis } = await ok('summary', { environment: 'dev' }));
    assert.equal(kpis.total_records, 3);
    ({ kpis } = await ok('summary', { time_start: '2026-01-05T11:30:00Z', time_end: '2026-01-11T23:59:00Z' }));
    assert.equal(kpis.total_records, 3); // r3 and r4, both bounds included
    close(kpis.avg_score, 1.4 / 3, 'avg_score');
  });

  test('weekly trends start on Monday, hourly trends use UTC', async () => {
    const weekly = await ok('trends', { granularity: 'weekly', metric_name: 'relevance' });
    assert.deepEqual(weekly.data.map((p) => [p.timestamp, p.count]),
      [['2026-01-05T00:00:00Z', 4], ['2026-01-12T00:00:00Z', 1]]);
    close(weekly.data[0].avg, 0.625, 'week avg');
    assert.deepEqual(weekly.metrics, ['relevance']);
    const hourly = await ok('trends', { granularity: 'hourly', metric_name: 'coherence' });
    // r2's 11:45+01:00 is 10:45 UTC: in the 10:00 bucket with r1.
    assert.deepEqual(hourly.data.map((p) => [p.timestamp, p.count]),
      [['2026-01-05T10:00:00Z', 2], ['2026-01-05T11:00:00Z', 1]]);
    close(hourly.data[0].avg, 0.7, 'hour avg');
    assert.equal(hourly.granularity, 'hourly');
  });

  test('latency histogram with clamped maximum and groups', async () => {
    const h = await ok('latency-distribution', { bins: '5', group_by: 'source_name' });
    assert.deepEqual(h.histogram.counts, [4, 3, 0, 0, 2]);
    assert.deepEqual(h.histogram.edges, [100, 280, 460, 640, 820, 1000]);
    close(h.percentiles.p50, 300, 'p50');
    assert.deepEqual(h.by_group.beta.counts, [0, 2, 0, 0, 2]);
    close(h.by_group.alpha.percentiles.p95, 360, 'alpha p95');
  });

  test('metric breakdown, class distribution and correlation', async () => {
    const { metrics } = await ok('metric-breakdown', { threshold: '0.75', group_by: 'environment' });
    assert.deepEqual(metrics.map((m) => [m.name, m.count]), [['coherence', 3], ['relevance', 5]]);
    close(metrics[1].pass_rate, 40, 'relevance pass rate');
    close(metrics[1].by_group.prod.pass_rate, 200 / 3, 'prod pass rate');
    const dist = await ok('class-distribution', { metric: 'relevance', group_by: 'environment' });
    assert.deepEqual(dist.data.map((g) => [g.group, g.values]), [['dev', [0.5, 0.7]], ['prod', [0.4, 0.9, 1]]]);
    close(dist.data[1].stats.std, 0.32145502536643183, 'prod std');
    const corr = await ok('correlation', { metrics: 'relevance, coherence' });
    assert.deepEqual(corr.metrics, ['relevance', 'coherence']);
    close(corr.matrix[0][1], -0.4335549847620599, 'pearson');
  });

  test('classification and analysis rows', async () => {
    const breakdown = await ok('classification-breakdown');
    assert.deepEqual(breakdown.metrics, [{
      metric_name: 'sentiment', total_count: 2,
      categories: [{ value: 'negative', count: 1, percentage: 50 }, { value: 'positive', count: 1, percentage: 50 }],
    }]);
    const trends = await ok('classification-trends', { metric_name: 'sentiment' });
    assert.deepEqual(trends.data, [{ timestamp: '2026-01-06T00:00:00Z', categories: { negative: 1, positive: 1 } }]);
    const insights = await ok('analysis-insights');
    assert.equal(insights.total_count, 1);
    assert.deepEqual(insights.records[0].signals, { topic: 'billing' });
    assert.equal(insights.records[0].timestamp, '2026-01-06T08:00:00Z');
  });

  test('alerts: per-source thresholds and anomalies on the daily trend', async () => {
    const reply = await ok('alerts');
    // beta: 2 of 4 rows have errors. Its own thresholds (good .3, pass .2) keep its scores quiet.
    // relevance per day: .6667, .5, 1.0: moving average of the two before the last .5833
    // (deviation .4167 > .15), change +.5 (> .3); z over the three points 1.34 (< 2).
    assert.deepEqual(reply.alerts.map((a) => a.id),
      ['high-error-rate:beta', 'rate-of-change:relevance', 'moving-average:relevance']);
    close(reply.alerts[0].value, 50, 'error rate');
    assert.equal(reply.alerts[1].severity, 'error');
    close(reply.alerts[1].value, 0.5, 'change');
    assert.equal(reply.alerts[1].timestamp, '2026-01-12T00:00:00Z');
    close(reply.alerts[2].value, 1 - (2 / 3 + 0.5) / 2, 'deviation');
    const beta = reply.evaluated.sources.find((s) => s.source_name === 'beta');
    assert.equal(beta.good, 0.3);
    close(beta.pass_rate, 100, 'beta pass rate');
    const metrics = reply.evaluated.anomaly_detection.metrics;
    assert.deepEqual(metrics.map((m) => [m.metric, m.points, m.checked]), [['coherence', 1, false], ['relevance', 3, true]]);
  });

  test('bad parameters: 400 and 422', async () => {
    const cases = [
      ['trends', { granularity: 'monthly' }, 422],
      ['summary', { time_start: '2026-01-06T00:00:00Z', time_end: '2026-01-05T00:00:00Z' }, 400],
      ['summary', { time_start: 'last tuesday' }, 422],
      ['metric-breakdown', { group_by: 'query' }, 400],
      ['latency-distribution', { bins: '4' }, 422],
      ['latency-distribution', { bins: '101' }, 422],
      ['class-distribution', { group_by: 'environment' }, 422],
      ['analysis-insights', { limit: '101' }, 422],
      ['metric-breakdown', { threshold: 'high' }, 422],
      ['classification-trends', {}, 422],
      ['summary', { dataset_id: 'no-such-dataset' }, 404],
    ];
    for (const [path, params, status] of cases) {
      const res = await get(path, { dataset_id: id, ...params });
      assert.equal(res.status, status, `${path} ${JSON.stringify(params)}: ${JSON.stringify(res.json)}`);
    }
    const res = await get('metric-breakdown', { group_by: 'query' });
    assert.match(res.json.detail, /Allowed: environment, source_name, source_component, source_type, metric_name, evaluation_name, model_name/);
    const granularity = await get('trends', { granularity: 'monthly' });
    assert.equal(granularity.json.detail[0].loc[1], 'granularity');
  });
});

// Answers are kept after they are first computed; they must stay tied to their dataset and
// parameters, and a deleted dataset's kept answers must not be served.
describe('kept answers', () => {
  const SECOND = `dataset_id,timestamp,source_name,metric_name,metric_score,latency_ms
s1,2026-02-01T10:00:00Z,gamma,relevance,0.2,50
s2,2026-02-01T11:00:00Z,gamma,relevance,0.4,70
`;
  let second;

  before(async () => {
    await ok('summary'); // the first dataset's answer, kept
    const form = new FormData();
    form.append('file', new Blob([SECOND], { type: 'text/csv' }), 'second.csv');
    const res = await fetch(`${server.url}/api/monitoring/upload`, { method: 'POST', body: form });
    assert.equal(res.status, 200);
    second = (await res.json()).dataset_id;
  });

  test('the default dataset moves to the newest upload; each dataset keeps its own answers', async () => {
    const newest = (await get('summary')).json.kpis;
    assert.equal(newest.total_records, 2);
    close(newest.avg_score, 0.3, 'avg_score');
    close(newest.p50_latency, 60, 'p50');
    assert.deepEqual((await get('summary', { dataset_id: second })).json.kpis, newest);
    const first = await ok('summary');
    assert.equal(first.kpis.total_records, 8);
    // Same parameters, same answer; other filters, their own answer.
    assert.deepEqual(await ok('summary'), first);
    assert.equal((await ok('summary', { metric_name: 'coherence' })).kpis.total_records, 3);
    assert.equal((await ok('summary', { source_name: 'beta' })).kpis.total_records, 3);
    assert.equal((await ok('trends', { granularity: 'weekly' })).granularity, 'weekly');
    assert.equal((await ok('trends', { granularity: 'hourly' })).granularity, 'hourly');
  });

  test('a deleted dataset is not served from kept answers', async () => {
    assert.equal((await get('summary', { dataset_id: second })).status, 200);
    const del = await fetch(`${server.url}/api/datasets/${second}`, { method: 'DELETE' });
    assert.equal(del.status, 200);
    const gone = await get('summary', { dataset_id: second });
    assert.equal(gone.status, 404, JSON.stringify(gone.json));
    // The default falls back to the first dataset.
    assert.equal((await get('summary')).json.kpis.total_records, 8);
  });
});
