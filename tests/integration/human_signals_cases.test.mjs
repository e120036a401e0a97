// The Human Signals case views computed on the server: filtered, searched, sorted and paged cases
// (GET /api/human-signals/cases), every chart's figures (GET /api/human-signals/figures) and the
// filter options (GET /api/human-signals/filter-options). Expected values are worked out by hand
// from the fixture below, following the rules the page used in the browser (web/src/lib/signals/
// cases.ts): a field's values are its list items or its one value as text, counted once per case;
// counts most first, ties in English collation; rates are 100 · count / matching cases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

const cell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows) => rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';

// One metric, `out`, per case. Columns of the cases table: out__status (text), out__tags (JSON
// list text), out__escalated (BOOLEAN), out__ok (text), out__score (DOUBLE), out__n (BIGINT),
// out__label (text).
const SIGNALS = {
  c01: ['Atlas', { status: 'resolved', tags: ['apple', 'Banana', 'apple'], escalated: true, ok: 'yes', score: 3.0, n: 10, label: 'item 10' }],
  c02: ['Beacon', { status: 'Escalated', tags: ['Banana', 'cherry'], escalated: false, ok: ' TRUE ', score: 0.5, n: 9, label: 'item 9' }],
  c03: ['Atlas', { status: 'resolved', tags: ['apple', ''], escalated: false, ok: 'no', score: 1e-7, n: 100, label: 'Item 2' }],
  c04: ['Beacon', { status: 'Escalated', tags: [], escalated: true, ok: '1', score: 0.00001, n: null, label: '' }],
  c05: ['Atlas', { status: 'open', tags: [{ k: 1 }, 7], escalated: null, ok: null, score: null, n: 2, label: null }],
  c06: ['Cobalt', { status: 'closed', tags: null, escalated: false, ok: '0', score: 0.5, n: 9, label: 'apple' }],
};
// JSON.stringify writes 3.0 as 3; the loader must see a decimal to store a DOUBLE column.
const signalsText = (s) => JSON.stringify(s).replace('"score":3,', '"score":3.0,');
const FIXTURE = csv([
  ['dataset_id', 'metric_name', 'signals', 'source_name'],
  ...Object.entries(SIGNALS).map(([id, [source, s]]) => [id, 'out', signalsText(s), source]),
]);

const LAYOUT = `
chart_sections:
  - title: Outcome
    layout: grid_2
    charts:
      - {metric: out, signal: status, type: bar, title: Status}
      - {metric: out, signal: tags, type: ranked_list, title: Tags, limit: 2}
      - {metric: out, signal: escalated, type: donut, title: Escalated split}
      - {metric: out, signal: escalated, type: single_stat, title: Escalated}
      - {metric: out, signal: ok, type: single_stat, title: OK}
      - {metric: out, signal: score, type: single_stat, title: Scored}
      - {metric: out, signal: score, type: bar, title: Score}
      - {metric: out, signal: n, type: horizontal_bar, title: N}
      - {metric: out, signal: label, type: text_list, title: Labels}
      - {metric: out, signal: missing, type: bar, title: Missing}
      - {metric: out, signal: missing, type: single_stat, title: Missing rate}
filters:
  - {type: source, field: source_name, label: Source}
  - {type: metric, metric: out, signal: status, label: Status, options: [resolved, Escalated]}
  - {type: metric, metric: out, signal: tags, label: Tags}
`;

let server;
let small; // dataset id of FIXTURE
let big;   // dataset id of the 1,200-case upload

async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) for (const one of [v].flat()) query.append(k, String(one));
  }
  const res = await fetch(`${server.url}${path}${query.size ? `?${query}` : ''}`);
  return { status: res.status, json: await res.json() };
}

async function upload(text) {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'signals.csv');
  const res = await fetch(`${server.url}/api/human-signals/upload`, { method: 'POST', body: form });
  const json = await res.json();
  assert.equal(res.status, 200, JSON.stringify(json));
  return json.dataset_id;
}

// 1,200 cases k0001…k1200: status a when i % 4 == 0 (300) else b (900); tags [t<i % 3>,
// common]; escalated when i % 5 == 0 (240); label L<i % 20>, two digits (60 cases each).
function bigFixture() {
  const rows = [['dataset_id', 'metric_name', 'signals', 'source_name']];
  for (let i = 1; i <= 1200; i += 1) {
    const s = { status: i % 4 === 0 ? 'a' : 'b', tags: [`t${i % 3}`, 'common'], escalated: i % 5 === 0, label: `L${String(i % 20).padStart(2, '0')}` };
    rows.push([`k${String(i).padStart(4, '0')}`, 'out', JSON.stringify(s), 'Atlas']);
  }
  return csv(rows);
}

const pct = (count, total) => (100 * count) / total;
const rows = (...pairs) => pairs.map(([name, count, total]) => ({ name, count, rate: pct(count, total) }));
const ids = (json) => json.data.map((c) => c.Case_ID);

before(async () => {
  server = await startServer({ configFiles: { 'signals_metrics.yaml': LAYOUT } });
  assert.equal(server.exitStatus(), null, server.stderr());
  small = await upload(FIXTURE);
  big = await upload(bigFixture());
});

after(async () => {
  await server?.stop();
});

describe('figures', () => {
  test('count every chart field over all cases: list items once per case, most first, ties in collation order', async () => {
    const { status, json } = await get('/api/human-signals/figures', { dataset_id: small });
    assert.equal(status, 200, JSON.stringify(json));
    assert.deepEqual(json, {
      success: true, dataset_id: small, total: 6, all_cases: 6,
      distributions: {
        out__status: rows(['Escalated', 2, 6], ['resolved', 2, 6], ['closed', 1, 6], ['open', 1, 6]),
        // The ranked list shows 2; "apple" before "Banana" (collation, not byte order).
        out__tags: rows(['apple', 2, 6], ['Banana', 2, 6]),
        out__escalated: rows(['false', 3, 6], ['true', 2, 6]),
        // Numbers as JavaScript prints them: 3.0 → "3", 1e-7 → "1e-7", 0.00001 → "0.00001".
        out__score: rows(['0.5', 2, 6], ['0.00001', 1, 6], ['1e-7', 1, 6], ['3', 1, 6]),
        out__n: rows(['9', 2, 6], ['10', 1, 6], ['100', 1, 6], ['2', 1, 6]),
        // '' and null hold no value.
        out__label: rows(['apple', 1, 6], ['item 10', 1, 6], ['Item 2', 1, 6], ['item 9', 1, 6]),
        out__missing: [],
      },
      rates: {
        out__escalated: { count: 2, total: 6, rate: pct(2, 6) },
        // yes, " TRUE ", 1 (not no, 0, null).
        out__ok: { count: 3, total: 6, rate: 50 },
        // every finite non-zero score.
        out__score: { count: 5, total: 6, rate: pct(5, 6) },
        out__missing: { count: 0, total: 6, rate: 0 },
      },
    });
    assert.equal(json.distributions.out__status[0].rate, 33.333333333333336);
  });

  test('follow the filters: any chosen value of a field, every chosen field', async () => {
    const figures = async (params) => (await get('/api/human-signals/figures', { dataset_id: small, ...params })).json;
    const apple = await figures({ 'filter.out__tags': 'apple' });
    assert.equal(apple.total, 2);  // c01, c03
    assert.equal(apple.all_cases, 6);
    assert.deepEqual(apple.distributions.out__status, rows(['resolved', 2, 2]));
    assert.deepEqual(apple.distributions.out__tags, rows(['apple', 2, 2], ['Banana', 1, 2]));
    assert.deepEqual(apple.rates.out__escalated, { count: 1, total: 2, rate: 50 });
    const either = await figures({ 'filter.out__tags': ['apple', 'cherry'] });
    assert.equal(either.total, 3);  // c01, c02, c03
    const both = await figures({ 'filter.out__tags': ['apple', 'cherry'], 'filter.source_name': 'Beacon' });
    assert.equal(both.total, 1);    // c02
    assert.deepEqual(both.distributions.out__label, rows(['item 9', 1, 1]));
    // Values are matched as the figures print them.
    assert.equal((await figures({ 'filter.out__score': '3' })).total, 1);
    assert.equal((await figures({ 'filter.out__tags': '{"k":1}' })).total, 1);
    assert.equal((await figures({ 'filter.out__escalated': 'true' })).total, 2);
    const none = await figures({ 'filter.out__status': 'nobody' });
    assert.equal(none.total, 0);
    assert.deepEqual(none.distributions.out__status, []);
    assert.deepEqual(none.rates.out__ok, { count: 0, total: 0, rate: 0 });
    // An empty value chooses nothing.
    assert.equal((await figures({ 'filter.out__status': '' })).total, 6);
  });

  test('cover all 1,200 cases of a large upload, with the list limits of the layout', async () => {
    const { json } = await get('/api/human-signals/figures', { dataset_id: big });
    assert.equal(json.total, 1200);
    assert.equal(json.all_cases, 1200);
    assert.deepEqual(json.distributions.out__status, rows(['b', 900, 1200], ['a', 300, 1200]));
    assert.deepEqual(json.distributions.out__tags, rows(['common', 1200, 1200], ['t0', 400, 1200]));
    assert.deepEqual(json.rates.out__escalated, { count: 240, total: 1200, rate: 20 });
    // A text list shows 15 of the 20 labels.
    assert.deepEqual(json.distributions.out__label,
      rows(...Array.from({ length: 15 }, (_, i) => [`L${String(i).padStart(2, '0')}`, 60, 1200])));
    const a = (await get('/api/human-signals/figures', { dataset_id: big, 'filter.out__status': 'a' })).json;
    assert.equal(a.total, 300);
    assert.deepEqual(a.distributions.out__tags, rows(['common', 300, 300], ['t0', 100, 300]));
    assert.deepEqual(a.rates.out__escalated, { count: 60, total: 300, rate: 20 });
    assert.deepEqual(a.distributions.out__label,
      rows(['L00', 60, 300], ['L04', 60, 300], ['L08', 60, 300], ['L12', 60, 300], ['L16', 60, 300]));
  });

  test('unknown filter fields are 422 in the list form; unknown datasets 404', async () => {
    const bad = await get('/api/human-signals/figures', { dataset_id: small, 'filter.nope': 'x', 'filter.out__tags': 'apple', 'filter.also_not': 'y' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.detail.map((d) => [d.type, d.loc, d.input]), [
      ['value_error', ['query', 'filter.nope'], 'nope'],
      ['value_error', ['query', 'filter.also_not'], 'also_not'],
    ]);
    assert.match(bad.json.detail[0].msg, /^Unknown case field 'nope'\. Fields: Case_ID, source_name, /);
    assert.equal((await get('/api/human-signals/figures', { dataset_id: 'nope' })).status, 404);
  });
});

describe('cases', () => {
  test('keep the old contract without the new parameters', async () => {
    const { json } = await get('/api/human-signals/cases', { dataset_id: small, page: 2, page_size: 4 });
    assert.deepEqual(ids(json), ['c05', 'c06']);
    assert.equal(json.row_count, 6);
    assert.equal(json.total, 6);
    assert.equal(json.truncated, true);
  });

  test('are filtered and searched, with total counting the matching cases', async () => {
    const cases = async (params) => (await get('/api/human-signals/cases', { dataset_id: small, ...params })).json;
    const apple = await cases({ 'filter.out__tags': 'apple' });
    assert.deepEqual(ids(apple), ['c01', 'c03']);
    assert.equal(apple.total, 2);
    assert.equal(apple.row_count, 6);
    assert.equal(apple.truncated, false);
    assert.deepEqual(ids(await cases({ 'filter.source_name': ['Beacon', 'Cobalt'] })), ['c02', 'c04', 'c06']);
    // Agent_Name is the source name here; the search ignores case.
    assert.deepEqual(ids(await cases({ search: 'BEAC' })), ['c02', 'c04']);
    assert.deepEqual(ids(await cases({ search: 'C05' })), ['c05']);
    assert.deepEqual(ids(await cases({ search: '%' })), []);
    const paged = await cases({ 'filter.out__status': ['resolved', 'Escalated'], page: 2, page_size: 3 });
    assert.deepEqual(ids(paged), ['c04']);
    assert.equal(paged.total, 4);
    assert.equal(paged.truncated, true);
  });

  test('sort numbers by value and text in natural order, empty values last either way, ties in table order', async () => {
    const sorted = async (sort_by, sort_dir) => ids((await get('/api/human-signals/cases', { dataset_id: small, sort_by, sort_dir })).json);
    assert.deepEqual(await sorted('out__n', 'asc'), ['c05', 'c02', 'c06', 'c01', 'c03', 'c04']);
    assert.deepEqual(await sorted('out__n', 'desc'), ['c03', 'c01', 'c02', 'c06', 'c05', 'c04']);
    assert.deepEqual(await sorted('out__label', 'asc'), ['c06', 'c03', 'c02', 'c01', 'c04', 'c05']);
    assert.deepEqual(await sorted('out__label', 'desc'), ['c01', 'c02', 'c03', 'c06', 'c04', 'c05']);
    assert.deepEqual(await sorted('out__escalated'), ['c02', 'c03', 'c06', 'c01', 'c04', 'c05']);
    assert.deepEqual(await sorted('out__score', 'desc'), ['c01', 'c02', 'c06', 'c04', 'c03', 'c05']);
  });

  test('page beyond the first 500 of a large upload', async () => {
    const third = (await get('/api/human-signals/cases', { dataset_id: big, page: 3, page_size: 500 })).json;
    assert.equal(third.data.length, 200);
    assert.equal(third.data[0].Case_ID, 'k1001');
    assert.equal(third.data.at(-1).Case_ID, 'k1200');
    const a = (await get('/api/human-signals/cases', { dataset_id: big, 'filter.out__status': 'a', page: 2, page_size: 250, sort_by: 'Case_ID', sort_dir: 'desc' })).json;
    assert.equal(a.total, 300);
    assert.deepEqual(ids(a).slice(0, 2), ['k0200', 'k0196']);
    assert.equal(a.data.length, 50);
  });

  test('bad parameters are 422 in the list form', async () => {
    const bad = await get('/api/human-signals/cases', { dataset_id: small, sort_by: 'nope', 'filter.x': 'y' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.detail.map((d) => d.loc), [['query', 'filter.x'], ['query', 'sort_by']]);
    const dir = await get('/api/human-signals/cases', { sort_by: 'Case_ID', sort_dir: 'up', page: 0 });
    assert.equal(dir.status, 422);
    assert.deepEqual(dir.json.detail.map((d) => [d.type, d.loc]), [
      ['greater_than_equal', ['query', 'page']], ['literal_error', ['query', 'sort_dir']]]);
  });
});

describe('filter options', () => {
  test('are the configured options, else every value over all cases in code point order', async () => {
    const { status, json } = await get('/api/human-signals/filter-options', { dataset_id: small });
    assert.equal(status, 200);
    assert.deepEqual(json, {
      success: true, dataset_id: small,
      options: {
        source_name: ['Atlas', 'Beacon', 'Cobalt'],
        out__status: ['resolved', 'Escalated'],
        out__tags: ['7', 'Banana', 'apple', 'cherry', '{"k":1}'],
      },
    });
  });
});
