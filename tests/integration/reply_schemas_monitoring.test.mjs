// Real replies against their declared schemas (lib/reply_schemas.mjs): monitoring uploads,
// settings and every analytics view with and without grouping, human signals, and the store
// browser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MONITORING_ROUTES } from './lib/reply_routes.mjs';
import { ReplySchemas, callReply, csvForm } from './lib/reply_schemas.mjs';
import { repoRoot, startServer } from './lib/server.mjs';

// Scores of two sources on two days, labels, one analysis row and one record without a source.
const MONITORING_CSV = `dataset_id,timestamp,environment,source_name,metric_name,metric_score,metric_category,explanation,actual_output,signals,latency
r1,2026-03-01T10:00:00Z,prod,alpha,relevance,0.9,SCORE,Fine,Answer,,120
r1,2026-03-01T10:00:00Z,prod,alpha,coherence,0.4,SCORE,Weak,Answer,,120
r2,2026-03-02T11:00:00Z,prod,beta,relevance,0.6,SCORE,Ok,Answer,,480
r2,2026-03-02T11:00:00Z,prod,beta,coherence,0.7,SCORE,Ok,Answer,,480
r3,2026-03-02T12:00:00Z,staging,,relevance,0.2,SCORE,Off,Answer,,1500
r2,2026-03-02T11:00:00Z,prod,beta,intent,,CLASSIFICATION,billing,Answer,,480
r3,2026-03-02T12:00:00Z,staging,,intent,,CLASSIFICATION,,refund,,1500
r1,2026-03-01T10:00:00Z,prod,alpha,review,,ANALYSIS,Summary,Answer,"{""sentiment"": ""calm""}",120
`;

const ANALYTICS = [
  ['summary', ''], ['trends', 'granularity=hourly'], ['latency-distribution', ''],
  ['latency-distribution', 'group_by=source_name&bins=5'], ['class-distribution', 'metric=relevance&group_by=source_name'],
  ['metric-breakdown', ''], ['metric-breakdown', 'group_by=environment&threshold=0.6'],
  ['correlation', 'metrics=relevance,coherence'], ['correlation', 'metrics=relevance'],
  ['classification-breakdown', ''], ['classification-breakdown', 'category_source=actual_output'],
  ['classification-trends', 'metric_name=intent&granularity=daily'], ['analysis-insights', 'page=1&limit=5'],
  ['alerts', ''],
];

let server;
let schemas;
let monitoringId;
const call = (route, url, body) => callReply(server, schemas, route, url, body);

before(async () => {
  server = await startServer({
    configFiles: {
      'monitoring_db.yaml': 'monitoring_db:\n  anomaly_detection:\n    enabled: true\n    min_data_points: 3\n',
    },
  });
  assert.equal(server.exitStatus(), null, server.stderr());
  schemas = new ReplySchemas(await (await fetch(`${server.url}/openapi.json`)).json());
});

after(async () => {
  await server?.stop();
});

describe('replies conform to their declared schemas', () => {
  test('monitoring uploads, example and settings', async () => {
    const uploaded = await call('POST /api/monitoring/upload', '/api/monitoring/upload', csvForm(MONITORING_CSV, 'monitoring.csv'));
    monitoringId = uploaded.dataset_id;
    await call('GET /api/monitoring/example/{name}', '/api/monitoring/example/monitoring');
    await call('GET /api/monitoring/db-config', '/api/monitoring/db-config');
  });

  test('monitoring analytics on the uploaded records and on the example', async () => {
    for (const id of [monitoringId, '']) {
      for (const [name, query] of ANALYTICS) {
        await call(`GET /api/monitoring/analytics/${name}`, `/api/monitoring/analytics/${name}?dataset_id=${id}&${query}`);
      }
    }
    await call('GET /api/monitoring/analytics/alerts', `/api/monitoring/analytics/alerts?dataset_id=${monitoringId}&source_name=alpha`);
  });

  test('human signals: upload, example, settings, cases and schema', async () => {
    const csv = readFileSync(path.join(repoRoot, 'data/examples/human_signals_example.csv'), 'utf8');
    const uploaded = await call('POST /api/human-signals/upload', '/api/human-signals/upload', csvForm(csv, 'signals.csv'));
    await call('GET /api/human-signals/example/{name}', '/api/human-signals/example/hitl');
    await call('GET /api/human-signals/db-config', '/api/human-signals/db-config');
    await call('GET /api/human-signals/cases', `/api/human-signals/cases?dataset_id=${uploaded.dataset_id}&page=2&page_size=5`);
    await call('GET /api/human-signals/metric-schema', '/api/human-signals/metric-schema');
    await call('GET /api/human-signals/figures', `/api/human-signals/figures?dataset_id=${uploaded.dataset_id}`);
    await call('GET /api/human-signals/figures', '/api/human-signals/figures?dataset_id=');
    await call('GET /api/human-signals/trends', `/api/human-signals/trends?dataset_id=${uploaded.dataset_id}`);
    await call('GET /api/human-signals/filter-options', '/api/human-signals/filter-options');
    await call('GET /api/human-signals/metric-schema', `/api/human-signals/metric-schema?dataset_id=${uploaded.dataset_id}&source_name=support_assistant`);
  });

  test('store browser: metadata and pages of each stored kind', async () => {
    for (const name of ['monitoring', 'human_signals', 'human_signals_raw']) {
      await call('GET /api/store/metadata/{dataset}', `/api/store/metadata/${name}`);
      await call('GET /api/store/data/{dataset}', `/api/store/data/${name}?page=1&page_size=3`);
    }
    await call('GET /api/store/metadata/{dataset}', `/api/store/metadata/monitoring?dataset_id=${monitoringId}`);
    await call('GET /api/store/data/{dataset}', `/api/store/data/monitoring?dataset_id=${monitoringId}&search=answer&sort_by=latency&sort_dir=asc`);
  });

  test('the agent sources of the stored data', async () => {
    const { sources } = await call('GET /api/config/sources', '/api/config/sources');
    assert.ok(sources.length > 0);
  });
});

test('this file checks exactly the routes lib/reply_routes.mjs lists for it', () => {
  assert.deepEqual([...schemas.exercised].sort(), [...MONITORING_ROUTES].sort());
});
