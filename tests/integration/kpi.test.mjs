// KPI uploads, the bundled example and the /api/kpi views, with display options from a
// kpi_db.yaml, checked against values computed by hand.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

const KPI_DB_YAML = `kpi_db:
  visible_kpis_per_source:
    bot: [rate, calls]
  kpi_overrides:
    calls: {unit: count, display_name: Calls handled}
    wait_s: {unit: seconds, polarity: lower_better, card_display_value: avg_7d}
    rate: {unit: litres}
  display_per_source:
    bot: {card_display_value: avg_30d}
  categories:
    ops: {display_name: Operations, icon: Timer}
    unused: {display_name: Never shown}
  composition_charts:
    - title: Mix
      kpis: [{kpi_name: calls, label: Calls, color: "#111111"}]
      show_remainder: true
`;

// calls (a count: summed per day): Mar 1 10+6, Mar 2 9, Mar 4 3; the repeated id 3 is dropped.
// rate (averaged): Mar 1 .8, Mar 2 (.6 prod + .7 staging); row 11 has no value.
// wait_s: Mar 1 30, Mar 2 50.
const FIXTURE = [
  'ID,Created At,Source Name,KPI Name,KPI Category,Numeric Value,Environment,Segment',
  '1,2024-03-01T09:00:00Z,bot,calls,ops,10,prod,retail',
  '2,2024-03-01T15:00:00+01:00,bot,calls,ops,6,prod,business',
  '3,2024-03-02 08:00,bot,calls,ops,9,prod,retail',
  '4,2024-03-04,bot,calls,ops,3,prod,retail',
  '5,2024-03-01,bot,rate,quality,0.8,prod,retail',
  '6,2024-03-02,bot,rate,quality,0.6,prod,retail',
  '7,2024-03-02,bot,rate,quality,0.7,staging,',
  '8,2024-03-01,web,wait_s,ops,30,prod,',
  '9,2024-03-02,web,wait_s,ops,50,prod,',
  '3,2024-03-05,bot,calls,ops,100,prod,retail',
  '11,2024-03-03,web,rate,quality,,prod,',
].join('\n') + '\n';

const LAYOUT = ['id', 'created_at', 'source_name', 'source_type', 'kpi_name', 'kpi_category',
  'dataset_id', 'numeric_value', 'source_component', 'source_step', 'environment', 'segment',
  'tags', 'metadata'];

let server;
let fixtureId;

async function get(path) {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, json: await res.json() };
}

async function upload(csv, name = 'kpis.csv') {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  const res = await fetch(`${server.url}/api/kpi/upload`, { method: 'POST', body: form });
  return { status: res.status, json: await res.json() };
}

function close(actual, expected, what, eps = 1e-9) {
  assert.ok(Math.abs(actual - expected) <= eps, `${what}: ${actual} is not ${expected}`);
}

const cardsOf = (json) => Object.fromEntries(json.categories.flatMap((p) => p.kpis).map((k) => [k.kpi_name, k]));

before(async () => {
  server = await startServer({ configFiles: { 'kpi_db.yaml': KPI_DB_YAML } });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

describe('before any KPI data', () => {
  test('every view is empty, not a 404', async () => {
    const categories = await get('/api/kpi/categories');
    assert.equal(categories.status, 200);
    assert.deepEqual(categories.json, { success: true, categories: [], date_range: { min_date: null, max_date: null } });
    const trends = await get('/api/kpi/trends?kpi_names=calls');
    assert.deepEqual(trends.json, { success: true, data: [], kpi_names: ['calls'], trend_lines: ['daily', 'avg_7d', 'avg_30d'] });
    const filters = await get('/api/kpi/filters?source_name=bot');
    assert.equal(filters.status, 200);
    assert.deepEqual({ ...filters.json, composition_charts: [] }, {
      success: true, source_names: [], environments: [], kpi_categories: [], kpi_names: [],
      source_types: [], segments: [], kpi_order: ['rate', 'calls'], composition_charts: [],
    });
  });
});

describe('upload', () => {
  test('stores the rows in the kpi_data layout and says what was dropped', async () => {
    const { status, json } = await upload(FIXTURE);
    assert.equal(status, 200, JSON.stringify(json));
    fixtureId = json.dataset_id;
    assert.equal(json.success, true);
    assert.equal(json.format, 'kpi');
    assert.equal(json.row_count, 10);
    assert.equal(json.total_rows, 10);
    assert.equal(json.truncated, false);
    assert.deepEqual(json.columns, LAYOUT);
    assert.equal(json.dataset.kind, 'kpi');
    assert.equal(json.dataset.name, 'kpis.csv');
    assert.equal(json.data.length, 10);
    assert.equal(json.data[1].created_at, '2024-03-01 14:00:00');
    assert.equal(json.data[1].numeric_value, 6);
    assert.equal(json.data[2].created_at, '2024-03-02 08:00:00');
    assert.equal(json.data[9].numeric_value, null);
    assert.equal(json.message, 'Loaded 10 KPI records (3 KPIs, 2 sources, 2024-03-01 to 2024-03-04); '
      + '1 row without a numeric_value (ignored by the KPI views); 1 row repeating an earlier id dropped (the first kept)');
  });

  test('refuses files it cannot use, naming the problem, and stores nothing', async () => {
    const before = (await get('/api/datasets')).json.datasets.length;
    const cases = [
      ['kpi_name,value\na,1\n', 'Data does not appear to be in KPI format. Missing required columns: numeric_value, created_at. Found: kpi_name, value. Required: kpi_name, numeric_value, created_at'],
      ['kpi_name,numeric_value,created_at\na,1,2024-01-01\na,2,01/02/2024\n',
        "created_at is not a timestamp (expected ISO 8601 such as 2024-05-01, 2024-05-01T13:45:00 or 2024-05-01T13:45:00+02:00) in 1 row; the first is data row 2 ('01/02/2024')"],
      ['kpi_name,numeric_value,created_at\na,n/a,2024-01-01\n', "numeric_value is not a number in 1 row; the first is data row 1 ('n/a')"],
      ['kpi_name,numeric_value,created_at\n', 'CSV file has a header but no data rows'],
    ];
    for (const [csv, detail] of cases) {
      const { status, json } = await upload(csv);
      assert.equal(status, 400, csv);
      assert.equal(json.detail, detail);
    }
    const notCsv = await upload('kpi_name,numeric_value,created_at\na,1,2024-01-01\n', 'kpis.txt');
    assert.deepEqual([notCsv.status, notCsv.json.detail], [400, 'Only CSV files are supported']);
    assert.equal((await get('/api/datasets')).json.datasets.length, before);
  });
});

describe('categories', () => {
  test('panels: configured first, display options applied, values per card_display_value', async () => {
    const { status, json } = await get('/api/kpi/categories');
    assert.equal(status, 200);
    assert.deepEqual(json.date_range, { min_date: '2024-03-01', max_date: '2024-03-04' });
    assert.deepEqual(json.categories.map((p) => [p.category, p.display_name, p.icon, p.kpis.map((k) => k.kpi_name)]), [
      ['ops', 'Operations', 'Timer', ['calls', 'wait_s']],
      ['quality', 'Quality', 'BarChart3', ['rate']],
    ]);
    const cards = cardsOf(json);
    assert.deepEqual(cards.calls, {
      kpi_name: 'calls', display_name: 'Calls handled', current_value: 3, card_display_value: 'latest',
      trend_direction: 'flat', polarity: 'higher_better',
      sparkline: [{ date: '2024-03-01', value: 16 }, { date: '2024-03-02', value: 9 }, { date: '2024-03-04', value: 3 }],
      unit: 'count', record_count: 4,
    });
    assert.equal(cards.wait_s.display_name, 'Wait S');
    assert.equal(cards.wait_s.unit, 'seconds');
    assert.equal(cards.wait_s.polarity, 'lower_better');
    assert.equal(cards.wait_s.card_display_value, 'avg_7d');
    close(cards.wait_s.current_value, 40, 'wait_s avg_7d');
    assert.equal(cards.rate.unit, 'score'); // "litres" was dropped
    close(cards.rate.current_value, 0.65, 'rate on Mar 2');
    assert.equal(cards.rate.record_count, 3);
  });

  test('a source filter applies its visible KPIs and display options', async () => {
    const { json } = await get('/api/kpi/categories?source_name=bot');
    assert.deepEqual(json.categories.map((p) => p.kpis.map((k) => k.kpi_name)), [['calls'], ['rate']]);
    const cards = cardsOf(json);
    assert.equal(cards.calls.card_display_value, 'avg_30d');
    close(cards.calls.current_value, 28 / 3, 'calls avg_30d');
    close(cards.rate.current_value, 0.725, 'rate avg_30d');
  });

  test('environment, segment and time filters narrow the rows', async () => {
    let { json } = await get('/api/kpi/categories?environment=staging');
    assert.deepEqual(Object.keys(cardsOf(json)), ['rate']);
    close(cardsOf(json).rate.current_value, 0.7, 'staging rate');
    ({ json } = await get('/api/kpi/categories?segment=business'));
    assert.deepEqual(cardsOf(json).calls.sparkline, [{ date: '2024-03-01', value: 6 }]);
    ({ json } = await get('/api/kpi/categories?time_start=2024-03-02&time_end=2024-03-02T23:59:59'));
    assert.deepEqual(json.date_range, { min_date: '2024-03-02', max_date: '2024-03-02' });
    assert.equal(cardsOf(json).calls.current_value, 9);
    ({ json } = await get('/api/kpi/categories?time_start=2024-03-01T14:30:00Z&kpi_names=calls'));
    assert.deepEqual(cardsOf(json).calls.sparkline.map((p) => p.value), [9, 3]);
  });

  test('bad time bounds are refused', async () => {
    const inverted = await get('/api/kpi/categories?time_start=2024-03-05&time_end=2024-03-01');
    assert.equal(inverted.status, 400);
    assert.equal(inverted.json.detail, 'time_start (2024-03-05) must not be after time_end (2024-03-01)');
    const bad = await get('/api/kpi/trends?time_end=soon');
    assert.equal(bad.status, 422);
    assert.equal(bad.json.detail[0].type, 'datetime_parsing');
    assert.deepEqual(bad.json.detail[0].loc, ['query', 'time_end']);
    assert.equal(bad.json.detail[0].input, 'soon');
  });
});

describe('trends', () => {
  test('daily values with rolling means, counts summed', async () => {
    const { status, json } = await get('/api/kpi/trends?kpi_names=calls');
    assert.equal(status, 200);
    assert.deepEqual(json.kpi_names, ['calls']);
    assert.deepEqual(json.trend_lines, ['daily', 'avg_7d', 'avg_30d']);
    assert.deepEqual(json.data.map((p) => [p.date, p.kpi_name, p.value, p.count]), [
      ['2024-03-01', 'calls', 16, 2], ['2024-03-02', 'calls', 9, 1], ['2024-03-04', 'calls', 3, 1],
    ]);
    close(json.data[1].avg_7d, 12.5, 'avg_7d on Mar 2');
    close(json.data[2].avg_30d, 28 / 3, 'avg_30d on Mar 4');
  });

  test('several KPIs in a time window', async () => {
    const { json } = await get('/api/kpi/trends?kpi_names=rate,%20calls&time_start=2024-03-02&time_end=2024-03-02T23:59:59Z');
    assert.deepEqual(json.kpi_names, ['rate', 'calls']);
    assert.deepEqual(json.data.map((p) => [p.kpi_name, p.date, p.count]), [['calls', '2024-03-02', 1], ['rate', '2024-03-02', 2]]);
    close(json.data[1].value, 0.65, 'rate on Mar 2');
  });
});

describe('filters', () => {
  test('distinct values, the KPI order and the composition charts', async () => {
    const { status, json } = await get('/api/kpi/filters');
    assert.equal(status, 200);
    assert.deepEqual(json, {
      success: true, source_names: ['bot', 'web'], environments: ['prod', 'staging'],
      kpi_categories: ['ops', 'quality'], kpi_names: ['calls', 'rate', 'wait_s'], source_types: [],
      segments: ['business', 'retail'], kpi_order: [],
      composition_charts: [{
        title: 'Mix', kpis: [{ kpi_name: 'calls', label: 'Calls', color: '#111111' }],
        show_remainder: true, remainder_label: 'Other', remainder_color: '#CBD5E1',
      }],
    });
  });

  test('each list ignores its own filter', async () => {
    const { json } = await get('/api/kpi/filters?source_name=web');
    assert.deepEqual(json.source_names, ['bot', 'web']);
    assert.deepEqual(json.kpi_names, ['wait_s']); // web's rate row has no value
    assert.deepEqual(json.environments, ['prod']);
    assert.deepEqual(json.kpi_order, []);
    assert.deepEqual((await get('/api/kpi/filters?source_name=bot')).json.kpi_order, ['rate', 'calls']);
  });
});

describe('datasets', () => {
  test('dataset_id picks an older upload; unknown ids and other kinds are 404', async () => {
    const second = await upload('kpi_name,numeric_value,created_at,source_name\nsolo,1,2024-06-01,x\n', 'second.csv');
    assert.equal(second.status, 200);
    assert.deepEqual((await get('/api/kpi/filters')).json.kpi_names, ['solo']);
    assert.deepEqual((await get(`/api/kpi/filters?dataset_id=${fixtureId}`)).json.kpi_names, ['calls', 'rate', 'wait_s']);
    const unknown = await get('/api/kpi/trends?dataset_id=nope');
    assert.deepEqual([unknown.status, unknown.json.detail], [404, "Dataset 'nope' not found"]);
    const model = await get('/api/data/example/model');
    const other = await get(`/api/kpi/categories?dataset_id=${model.json.dataset_id}`);
    assert.deepEqual([other.status, other.json.detail], [404, `Dataset '${model.json.dataset_id}' is not a KPI dataset`]);
  });
});

describe('example', () => {
  test('is stored once and has trends in both directions', async () => {
    const first = await get('/api/kpi/example/kpi');
    assert.equal(first.status, 200);
    assert.equal(first.json.format, 'kpi');
    assert.equal(first.json.dataset.source, 'example:kpi');
    assert.equal(first.json.row_count, 4403);
    assert.equal(first.json.data.length, 4403);
    const again = await get('/api/kpi/example/kpi');
    assert.equal(again.json.dataset_id, first.json.dataset_id);
    assert.equal((await get('/api/kpi/example/sales')).status, 404);

    const id = first.json.dataset_id;
    const filters = (await get(`/api/kpi/filters?dataset_id=${id}`)).json;
    assert.deepEqual(filters.source_names, ['billing_assistant', 'claims_triage', 'support_assistant']);
    assert.deepEqual(filters.environments, ['production', 'staging']);
    assert.deepEqual(filters.kpi_categories, ['business', 'cost', 'operational', 'quality']);
    assert.equal(filters.kpi_names.length, 10);
    const { json } = await get(`/api/kpi/categories?dataset_id=${id}&source_name=support_assistant&environment=production`);
    const directions = new Set(Object.values(cardsOf(json)).map((k) => k.trend_direction));
    assert.ok(directions.has('up') && directions.has('down'), [...directions].join());
    assert.deepEqual(json.date_range, { min_date: '2025-01-01', max_date: '2025-03-31' });
  });
});
