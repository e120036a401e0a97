// Store browsing (GET /api/store/metadata|data/{dataset}) over an uploaded monitoring CSV and the
// bundled evaluation example: metadata, paging, sorting, column choice, filters and search,
// and the 4xx answers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

// Eight records, one per hour from 2026-01-05 10:00 UTC; m3's query has a literal % and m4's an _.
const CSV = `dataset_id,trace_id,timestamp,environment,source_name,query,actual_output,latency_ms,relevance_score
m1,t-1,2026-01-05T10:00:00Z,prod,alpha,How do refunds work?,Refunds take 5 days,120,0.9
m2,t-2,2026-01-05T11:00:00Z,prod,beta,Reset my password,Use the reset link,340,0.4
m3,t-3,2026-01-05T12:00:00Z,dev,alpha,Is 50% off still on?,Yes until Friday,90,0.7
m4,t_4,2026-01-05T13:00:00Z,dev,beta,Order 50 off the list,Done,800,0.2
m5,t-5,2026-01-05T14:00:00Z,prod,alpha,REFUND please,Refund started,150,0.8
m6,t-6,2026-01-05T15:00:00Z,prod,gamma,Where is my parcel?,In transit,60,1.0
m7,tx4,2026-01-05T16:00:00Z,dev,gamma,Change address,Updated,210,0.5
m8,t-8,2026-01-05T17:00:00Z,prod,beta,Cancel order,Cancelled,30,0.6
`;

let server;

async function get(path, params = {}) {
  const res = await fetch(`${server.url}/api/store/${path}?${new URLSearchParams(params)}`);
  return { status: res.status, json: await res.json() };
}

async function rows(params) {
  const res = await get('data/monitoring', params);
  assert.equal(res.status, 200, JSON.stringify(res.json));
  return res.json;
}

const ids = (reply) => reply.data.map((r) => r.dataset_id);

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

describe('store browsing', () => {
  test('unknown names and kinds without data are 404', async () => {
    assert.equal((await get('data/sales')).status, 404);
    assert.equal((await get('metadata/sales')).status, 404);
    assert.equal((await get('data/monitoring')).status, 404); // nothing uploaded yet
    assert.equal((await get('metadata/kpi')).status, 404);
  });

  test('the bundled evaluation example is browsable as eval', async () => {
    const reply = (await get('data/eval', { page_size: '2' })).json;
    assert.equal(reply.success, true);
    assert.equal(reply.data.length, 2);
    assert.ok(reply.total > 2);
    const meta = (await get('metadata/eval')).json;
    assert.equal(meta.metadata.row_count, reply.total);
  });

  describe('an uploaded monitoring dataset', () => {
    before(async () => {
      const form = new FormData();
      form.append('file', new Blob([CSV], { type: 'text/csv' }), 'browse.csv');
      const res = await fetch(`${server.url}/api/monitoring/upload`, { method: 'POST', body: form });
      assert.equal(res.status, 200, await res.text());
    });

    test('metadata', async () => {
      const { json } = await get('metadata/monitoring');
      assert.equal(json.dataset, 'monitoring');
      const m = json.metadata;
      assert.equal(m.row_count, 8);
      assert.deepEqual(m.columns.find((c) => c.column_name === 'timestamp'), { column_name: 'timestamp', column_type: 'TIMESTAMP' });
      assert.deepEqual(m.filter_values.source_name, ['alpha', 'beta', 'gamma']);
      assert.deepEqual(m.filter_values.environment, ['dev', 'prod']);
      assert.equal(m.filter_values.kpi_name, undefined);
      assert.deepEqual(m.time_range, { min: '2026-01-05T10:00:00Z', max: '2026-01-05T17:00:00Z' });
      assert.equal(m.summary_stats, undefined); // wide data: no metric_score column
    });

    test('default page: newest first, ISO timestamps', async () => {
      const reply = await rows({ page_size: '3' });
      assert.equal(reply.total, 8);
      assert.equal(reply.page, 1);
      assert.equal(reply.page_size, 3);
      assert.deepEqual(ids(reply), ['m8', 'm7', 'm6']);
      assert.equal(reply.data[0].timestamp, '2026-01-05T17:00:00Z');
      assert.deepEqual(ids(await rows({ page_size: '3', page: '3' })), ['m2', 'm1']);
      assert.deepEqual((await rows({ page_size: '3', page: '4' })).data, []);
    });

    test('sort, columns and filters', async () => {
      const reply = await rows({ sort_by: 'latency', sort_dir: 'asc', columns: 'dataset_id,latency', source_name: 'alpha' });
      assert.equal(reply.total, 3);
      assert.deepEqual(reply.data, [
        { dataset_id: 'm3', latency: 90 }, { dataset_id: 'm1', latency: 120 }, { dataset_id: 'm5', latency: 150 },
      ]);
      const window = await rows({ environment: 'prod', time_start: '2026-01-05T11:00:00Z', time_end: '2026-01-05T15:00:00Z' });
      assert.deepEqual(ids(window), ['m6', 'm5', 'm2']);
      assert.deepEqual(ids(await rows({ sort_by: 'relevance_score' })), ['m6', 'm1', 'm5', 'm3', 'm8', 'm7', 'm2', 'm4']);
    });

    test('search: case-insensitive, % and _ are plain characters', async () => {
      assert.deepEqual(ids(await rows({ search: 'refund' })), ['m5', 'm1']);
      assert.deepEqual(ids(await rows({ search: '50%' })), ['m3']);
      assert.deepEqual(ids(await rows({ search: 't_4' })), ['m4']); // not tx4
      const combined = await rows({ search: 'REFUND', source_name: 'alpha', page_size: '1' });
      assert.equal(combined.total, 2);
      assert.deepEqual(ids(combined), ['m5']);
    });

    test('bad parameters', async () => {
      const cases = [
        [{ page_size: '501' }, 422],
        [{ page_size: '0' }, 422],
        [{ page: '0' }, 422],
        [{ sort_dir: 'up' }, 422],
        [{ sort_by: 'nope' }, 400],
        [{ columns: 'dataset_id,nope' }, 400],
        [{ time_start: '2026-01-06', time_end: '2026-01-05' }, 400],
        [{ dataset_id: 'not-a-dataset' }, 404],
      ];
      for (const [params, status] of cases) {
        const res = await get('data/monitoring', params);
        assert.equal(res.status, status, `${JSON.stringify(params)}: ${JSON.stringify(res.json)}`);
      }
      const res = await get('data/monitoring', { sort_by: 'nope' });
      assert.match(res.json.detail, /Unknown sort_by column 'nope'\. Available: dataset_id, timestamp/);
    });
  });
});
