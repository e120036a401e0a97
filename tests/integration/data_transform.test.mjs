// POST /api/data/convert-tree and /api/data/prepare-analytics: posted rows in, rows out. They do
// not use the store, so the server runs with DuckDB disabled.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

let server;

before(async () => {
  server = await startServer({ configFiles: { 'duckdb.yaml': 'duckdb:\n  enabled: false\n' } });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

async function post(path, body, params = {}) {
  const qs = new URLSearchParams(params).toString();
  const init = { method: 'POST', headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${server.url}/api/data/${path}${qs ? `?${qs}` : ''}`, init);
  return { status: res.status, json: await res.json() };
}

const TREE_COLUMNS = ['dataset_id', 'evaluation_name', 'query', 'actual_output', 'expected_output',
  'metric_name', 'metric_score', 'metric_type', 'parent', 'weight', 'explanation', 'critique',
  'evaluation_metadata', 'data_metadata'];
const CASE_COLUMNS = ['dataset_id', 'evaluation_name', 'query', 'actual_output',
  'evaluation_metadata', 'data_metadata'];

describe('convert-tree', () => {
  test('flat rows get the tree columns, renames and defaults', async () => {
    const { status, json } = await post('convert-tree', [
      { dataset_id: 'q1', experiment_name: 'run A', metric_name: 'accuracy', metric_score: 0.75, latency: 120 },
      { dataset_id: 'q2', experiment_name: 'run A', metric_name: 'accuracy', metric_score: null, query: 'Hi?' },
    ]);
    assert.equal(status, 200, JSON.stringify(json));
    assert.deepEqual(json, {
      success: true,
      data: [
        { dataset_id: 'q1', evaluation_name: 'run A', query: '', actual_output: '', expected_output: '',
          metric_name: 'accuracy', metric_score: 0.75, metric_type: 'metric', parent: null, weight: null,
          explanation: null, critique: '', evaluation_metadata: '{}', data_metadata: '{}', latency: 120 },
        { dataset_id: 'q2', evaluation_name: 'run A', query: 'Hi?', actual_output: '', expected_output: '',
          metric_name: 'accuracy', metric_score: null, metric_type: 'metric', parent: null, weight: null,
          explanation: null, critique: '', evaluation_metadata: '{}', data_metadata: '{}', latency: null },
      ],
      columns: [...TREE_COLUMNS, 'latency'],
    });
  });

  test('tree rows: a blank parent is a root, ids and metadata become text', async () => {
    const { status, json } = await post('convert-tree', [
      { dataset_id: 7, metric_name: 'overall', metric_score: 1, metric_type: 'component', parent: ' ', weight: 2,
        evaluation_metadata: { temp: 0 } },
      { dataset_id: 7, metric_name: 'accuracy', metric_score: 0, metric_type: 'metric', parent: 'overall' },
    ]);
    assert.equal(status, 200, JSON.stringify(json));
    assert.deepEqual(json.columns, TREE_COLUMNS);
    assert.deepEqual(json.data.map((r) => [r.dataset_id, r.evaluation_name, r.parent, r.weight, r.evaluation_metadata]),
      [['7', 'Experiment 1', null, 2, '{"temp":0}'], ['7', 'Experiment 1', 'overall', null, '{}']]);
  });

  test('an empty array converts to no rows', async () => {
    const { status, json } = await post('convert-tree', []);
    assert.equal(status, 200);
    assert.deepEqual(json, { success: true, data: [], columns: TREE_COLUMNS });
  });

  test('bad bodies are 422 and rows without metric columns 400', async () => {
    const notList = await post('convert-tree', { data: [] });
    assert.equal(notList.status, 422);
    assert.deepEqual(notList.json.detail.map((d) => [d.type, d.loc]), [['list_type', ['body']]]);

    const notObject = await post('convert-tree', [{ metric_name: 'a', metric_score: 1 }, [1]]);
    assert.equal(notObject.status, 422);
    assert.deepEqual(notObject.json.detail.map((d) => [d.type, d.loc, d.input]), [['dict_type', ['body', 1], [1]]]);

    const text = await post('convert-tree', [{ metric_name: 'a', metric_score: 'high' }]);
    assert.equal(text.status, 422);
    assert.deepEqual(text.json.detail, [{ type: 'float_type', loc: ['body', 0, 'metric_score'],
      msg: 'Input should be a valid number', input: 'high' }]);

    const missing = await post('convert-tree', [{ dataset_id: 'q1', score: 0.5 }]);
    assert.equal(missing.status, 400);
    assert.equal(missing.json.detail,
      'Rows are not in tree or flat format: missing column(s) metric_name, metric_score. Columns found: dataset_id, score');

    const malformed = await post('convert-tree', '[{"metric_name": ');
    assert.equal(malformed.status, 422);
    assert.equal(malformed.json.detail[0].type, 'json_invalid');

    const empty = await post('convert-tree', undefined);
    assert.equal(empty.status, 422);
    assert.equal(empty.json.detail[0].type, 'missing');
  });
});

describe('prepare-analytics', () => {
  // Two cases of one experiment, three metrics: overall (component) over accuracy and tone.
  //        overall accuracy tone
  //   q1     0.7     0.9    0.5
  //   q2     0.4     0.2    (null, then 0.6)   accuracy 0.8 comes second and is ignored
  const row = (id, metric, score, type = 'metric', parent = 'overall') => ({
    dataset_id: id, evaluation_name: 'e1', query: `Question ${id}`, actual_output: `Answer ${id}`,
    metric_name: metric, metric_score: score, metric_type: type, parent, weight: 1,
  });
  const TREE = [
    row('q1', 'overall', 0.7, 'component', ''), row('q1', 'accuracy', 0.9), row('q1', 'tone', 0.5),
    row('q2', 'overall', 0.4, 'component', ''), row('q2', 'accuracy', 0.2), row('q2', 'accuracy', 0.8),
    row('q2', 'tone', null), row('q2', 'tone', 0.6),
  ];
  const wide = (id, scores) => ({
    dataset_id: id, evaluation_name: 'e1', query: `Question ${id}`, actual_output: `Answer ${id}`,
    evaluation_metadata: '{}', data_metadata: '{}', ...scores,
  });

  test('one row per case, one column per metric, first score wins', async () => {
    const { status, json } = await post('prepare-analytics', TREE, { format_type: 'tree_format' });
    assert.equal(status, 200, JSON.stringify(json));
    assert.deepEqual(json, {
      success: true,
      data: [wide('q1', { overall: 0.7, accuracy: 0.9, tone: 0.5 }),
        wide('q2', { overall: 0.4, accuracy: 0.2, tone: 0.6 })],
      columns: [...CASE_COLUMNS, 'overall', 'accuracy', 'tone'],
      metric_columns: ['overall', 'accuracy', 'tone'],
      mapping: { metrics: ['accuracy', 'tone'], components: ['overall'] },
    });
  });

  test('metric_type keeps only that type', async () => {
    const { status, json } = await post('prepare-analytics', TREE, { format_type: 'tree_format', metric_type: 'metric' });
    assert.equal(status, 200);
    assert.deepEqual(json.data, [wide('q1', { accuracy: 0.9, tone: 0.5 }), wide('q2', { accuracy: 0.2, tone: 0.6 })]);
    assert.deepEqual(json.metric_columns, ['accuracy', 'tone']);
    assert.deepEqual(json.mapping, { metrics: ['accuracy', 'tone'], components: [] });
  });

  test('flat rows are pivoted too', async () => {
    const { status, json } = await post('prepare-analytics', [
      { dataset_id: 'a', metric_name: 'm', metric_score: 1 },
      { dataset_id: 'b', metric_name: 'm', metric_score: 0 },
    ], { format_type: 'flat_format' });
    assert.equal(status, 200);
    assert.deepEqual(json.data.map((r) => [r.dataset_id, r.evaluation_name, r.m]), [['a', 'Experiment 1', 1], ['b', 'Experiment 1', 0]]);
  });

  test('format_type is required and must name a long format', async () => {
    const missing = await post('prepare-analytics', TREE);
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.json.detail, [{ type: 'missing', loc: ['query', 'format_type'], msg: 'Field required', input: null }]);
    const wrong = await post('prepare-analytics', TREE, { format_type: 'wide' });
    assert.equal(wrong.status, 422);
    assert.deepEqual(wrong.json.detail, [{ type: 'literal_error', loc: ['query', 'format_type'],
      msg: "Input should be 'tree_format' or 'flat_format'", input: 'wide' }]);
  });

  test('bad rows are 400 or 422, never 500', async () => {
    const params = { format_type: 'tree_format' };
    const noScore = await post('prepare-analytics', [{ dataset_id: 'q1', metric_name: 'a' }], params);
    assert.equal(noScore.status, 400);
    assert.match(noScore.json.detail, /missing column\(s\) metric_score/);
    const text = await post('prepare-analytics', [row('q1', 'a', 0.5), row('q1', 'b', 'good')], params);
    assert.equal(text.status, 422);
    assert.deepEqual(text.json.detail.map((d) => d.loc), [['body', 1, 'metric_score']]);
    const clash = await post('prepare-analytics', [row('q1', 'query', 0.5)], params);
    assert.equal(clash.status, 400);
    assert.equal(clash.json.detail, "Metric name 'query' is also a case column; rename it");
    const notList = await post('prepare-analytics', { rows: TREE }, params);
    assert.equal(notList.status, 422);
  });
});

test('both routes are in /openapi.json under the data tag', async () => {
  const doc = await (await fetch(`${server.url}/openapi.json`)).json();
  assert.deepEqual(doc.paths['/api/data/convert-tree'].post.tags, ['data']);
  const prepare = doc.paths['/api/data/prepare-analytics'].post;
  assert.deepEqual(prepare.tags, ['data']);
  assert.deepEqual(prepare.parameters.map((p) => [p.name, p.in, p.required]),
    [['format_type', 'query', true], ['metric_type', 'query', false]]);
});
