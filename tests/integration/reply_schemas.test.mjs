// Real replies against the reply schemas the server declares in /openapi.json: system and
// config, uploads and datasets, evaluation, analytics, annotations and KPIs, each checked with
// its objects closed (lib/reply_schemas.mjs). Also: a mutated reply fails with exact errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CORE_ROUTES } from './lib/reply_routes.mjs';
import { ReplySchemas, callReply, csvForm } from './lib/reply_schemas.mjs';
import { repoRoot, startServer } from './lib/server.mjs';

// Two experiments over a three-metric tree; c3 exists only in exp_a.
function evaluationCsv() {
  const lines = ['dataset_id,query,actual_output,evaluation_name,metric_name,metric_score,metric_type,parent,weight,explanation'];
  const scores = { exp_a: { c1: [0.8, 0.9, 0.6], c2: [0.5, 0.4, 0.7], c3: [0.3, 0.2, 0.5] }, exp_b: { c1: [0.9, 1, 0.8], c2: [0.3, 0.2, 0.4] } };
  const metrics = [['quality', '', 'category', ''], ['accuracy', 'quality', 'component', '0.6'], ['style', 'quality', 'metric', '0.4']];
  for (const [exp, cases] of Object.entries(scores)) {
    for (const [id, s] of Object.entries(cases)) {
      metrics.forEach(([name, parent, type, weight], i) => {
        lines.push(`${id},Question ${id},Answer ${id},${exp},${name},${s[i]},${type},${parent},${weight},${name} of ${id}`);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

function exampleHead(file, lines) {
  const text = readFileSync(path.join(repoRoot, 'data/examples', file), 'utf8');
  return `${text.split('\n').slice(0, lines).join('\n')}\n`;
}

let server;
let schemas;
let evalId;
const call = (route, url, body) => callReply(server, schemas, route, url, body);

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  schemas = new ReplySchemas(await (await fetch(`${server.url}/openapi.json`)).json());
  evalId = (await call('POST /api/data/upload', '/api/data/upload', csvForm(evaluationCsv(), 'two experiments.csv'))).dataset_id;
});

after(async () => {
  await server?.stop();
});

describe('replies conform to their declared schemas', () => {
  test('system, config, auth, AI and report status', async () => {
    for (const route of ['GET /health', 'GET /api/auth/status', 'GET /api/ai/status', 'GET /api/reports/status']) {
      await call(route, route.split(' ')[1]);
    }
    for (const name of ['theme', 'visibility', 'agents', 'features', 'plugins', 'runtime']) {
      await call(`GET /api/config/${name}`, `/api/config/${name}`);
    }
    await call('GET /api/ai/copilot/history', '/api/ai/copilot/history?session_id=s-1');
    await call('DELETE /api/ai/copilot/history', '/api/ai/copilot/history?session_id=s-1');
    await call('GET /api/database/defaults', '/api/database/defaults?store=monitoring');
    await call('GET /api/database/stats', '/api/database/stats');
  });

  test('uploads, examples and datasets', async () => {
    await call('POST /api/data/detect-format', '/api/data/detect-format', csvForm(evaluationCsv(), 'e.csv'));
    for (const name of ['model', 'comparison', 'annotation', 'align']) {
      await call('GET /api/data/example/{name}', `/api/data/example/${name}`);
    }
    await call('GET /api/datasets', '/api/datasets');
    await call('GET /api/datasets/{dataset_id}', `/api/datasets/${evalId}`);
    await call('GET /api/datasets/{dataset_id}/rows', `/api/datasets/${evalId}/rows?page=2&page_size=4`);
    const spare = await call('POST /api/data/upload', '/api/data/upload', csvForm(evaluationCsv(), 'spare.csv'));
    await call('DELETE /api/datasets/{dataset_id}', `/api/datasets/${spare.dataset_id}`);
  });

  test('evaluation: scorecard, tree, cases and comparison', async () => {
    const q = `dataset_id=${evalId}`;
    await call('GET /api/evaluation/scorecard', `/api/evaluation/scorecard?${q}`);
    await call('GET /api/evaluation/scorecard', `/api/evaluation/scorecard?${q}&evaluation_name=exp_b`);
    await call('GET /api/evaluation/tree', `/api/evaluation/tree?${q}`);
    await call('GET /api/evaluation/tree', `/api/evaluation/tree?${q}&case_id=c1`);
    await call('GET /api/evaluation/metrics/{metric_name}/cases', `/api/evaluation/metrics/style/cases?${q}&band=pass`);
    await call('GET /api/evaluation/cases/{case_id}', `/api/evaluation/cases/c2?${q}`);
    await call('GET /api/evaluation/compare', `/api/evaluation/compare?${q}`);
    for (const filter of ['all', 'top', 'show_diff']) {
      await call('GET /api/evaluation/compare/cases', `/api/evaluation/compare/cases?${q}&filter=${filter}`);
    }
    await call('GET /api/evaluation/compare/win-loss', `/api/evaluation/compare/win-loss?${q}`);
    await call('GET /api/evaluation/compare/agreement', `/api/evaluation/compare/agreement?${q}`);
    await call('GET /api/evaluation/compare/test-cases', `/api/evaluation/compare/test-cases?${q}&page_size=2`);
    await call('GET /api/evaluation/compare/test-cases', `/api/evaluation/compare/test-cases?${q}&search=nothing-matches`);
    await call('GET /api/evaluation/compare/test-cases', `/api/evaluation/compare/test-cases?${q}&view=high_variance&fields=evaluation_metadata`);
  });

  test('analytics over a stored dataset and over posted rows', async () => {
    const q = `dataset_id=${evalId}`;
    const rows = [{ dataset_id: 'a', team: 'x', m1: 0.2, m2: 0.4, m3: 1 }, { dataset_id: 'b', team: 'y', m1: 0.8, m2: 0.5, m3: 0 },
      { dataset_id: 'c', team: 'x', m1: 0.6, m2: 0.9, m3: 0.5 }];
    for (const [query, body] of [[q, undefined], ['', rows]]) {
      await call('POST /api/analytics/summary', `/api/analytics/summary?${query}`, body);
      await call('POST /api/analytics/correlation', `/api/analytics/correlation?${query}`, body);
      await call('POST /api/analytics/radar', `/api/analytics/radar?${query}`, body);
    }
    await call('POST /api/analytics/distribution', `/api/analytics/distribution?${q}&metric=style&bins=4`);
    await call('POST /api/analytics/distribution', '/api/analytics/distribution?metric=m1', rows);
    await call('POST /api/analytics/comparison', `/api/analytics/comparison?${q}&group_by=evaluation_name`);
    await call('POST /api/analytics/comparison', '/api/analytics/comparison?group_by=team', rows);
    await call('POST /api/analytics/radar', `/api/analytics/radar?${q}&group_by=evaluation_name`);
    await call('POST /api/analytics/scatter', `/api/analytics/scatter?${q}&x_metric=accuracy&y_metric=style&color_by=evaluation_name`);
    await call('POST /api/analytics/scatter', '/api/analytics/scatter?x_metric=m1&y_metric=m2&color_by=team', rows);
  });

  test('annotations: list, save, delete', async () => {
    const q = `dataset_id=${evalId}`;
    await call('PUT /api/annotations/{case_id}', `/api/annotations/c1?${q}`,
      { judgment: 'accept', rating: 7.5, critique: 'Good', tags: ['clear'], flagged: true });
    await call('PUT /api/annotations/{case_id}', `/api/annotations/c2?${q}`, { judgment: null, critique: 'Unsure' });
    await call('GET /api/annotations', `/api/annotations?${q}`);
    await call('DELETE /api/annotations/{case_id}', `/api/annotations/c1?${q}`);
  });

  test('KPI upload, example and views', async () => {
    await call('POST /api/kpi/upload', '/api/kpi/upload', csvForm(exampleHead('kpi_example.csv', 200), 'kpis.csv'));
    await call('GET /api/kpi/example/{name}', '/api/kpi/example/kpi');
    for (const view of ['categories', 'trends', 'filters']) {
      await call(`GET /api/kpi/${view}`, `/api/kpi/${view}`);
      await call(`GET /api/kpi/${view}`, `/api/kpi/${view}?source_name=support_assistant`);
    }
  });
});

describe('a reply that differs from its schema fails', () => {
  test('missing, unknown, mistyped and out-of-set members are reported exactly', async () => {
    const reply = await call('GET /api/datasets/{dataset_id}', `/api/datasets/${evalId}`);
    const { name, ...withoutName } = reply.dataset;
    assert.equal(typeof name, 'string');
    assert.deepEqual(schemas.errors('DatasetReply', { ...reply, dataset: withoutName }), [{
      instancePath: '/dataset', keyword: 'required', params: { missingProperty: 'name' },
      message: "must have required property 'name'",
    }]);
    assert.deepEqual(schemas.errors('DatasetReply', { ...reply, extra: 1 }), [{
      instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'extra' },
      message: 'must NOT have additional properties',
    }]);
    const renamed = { ...reply.dataset, rows: reply.dataset.row_count };
    delete renamed.row_count;
    assert.deepEqual(schemas.errors('DatasetReply', { ...reply, dataset: renamed }).map((e) => e.message),
      ["must have required property 'row_count'", 'must NOT have additional properties']);
    assert.deepEqual(schemas.errors('DatasetReply', { ...reply, dataset: { ...reply.dataset, row_count: '5' } })
      .map(({ instancePath, message }) => [instancePath, message]), [['/dataset/row_count', 'must be integer']]);
    const auth = await call('GET /api/auth/status', '/api/auth/status');
    assert.deepEqual(schemas.errors('AuthStatusReply', { ...auth, method: 'cookie' })
      .map(({ instancePath, keyword }) => [instancePath, keyword]), [['/method', 'enum']]);
  });
});

test('this file checks exactly the routes lib/reply_routes.mjs lists for it', () => {
  assert.deepEqual([...schemas.exercised].sort(), [...CORE_ROUTES].sort());
});
