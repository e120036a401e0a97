import { serveApi, type Handler } from '../pages/evaluate/testServer';

export const MON_DATASET = {
  id: 'mon1',
  name: 'Monitoring Sample',
  kind: 'monitoring',
  format: 'monitoring',
  row_count: 120,
  columns: [{ name: 'dataset_id', type: 'VARCHAR' }],
  created_at: '2026-02-01T10:00:00Z',
  source: 'example:monitoring',
};

export const EVAL_DATASET = { id: 'ev1', name: 'Example Model', kind: 'evaluation', format: 'tree_format', row_count: 10, created_at: '2026-03-01T10:00:00Z' };

export const METADATA = {
  success: true,
  dataset: 'monitoring',
  metadata: {
    row_count: 120,
    filter_values: { source_name: ['Atlas', 'Beacon'], environment: ['prod', 'staging'] },
    time_range: { min: '2026-01-27 10:00:00', max: '2026-01-29 18:00:00' },
  },
};

export const SUMMARY = {
  success: true,
  kpis: { total_records: 360, avg_score: 0.8123, pass_rate: 91.25, p50_latency: 240, p95_latency: 1250.5, p99_latency: 2400 },
};

export const TRENDS = {
  success: true,
  granularity: 'daily',
  metrics: ['accuracy_score', 'relevance_score'],
  data: [
    { timestamp: '2026-01-27T00:00:00', metric: 'accuracy_score', avg: 0.8, p50: 0.8, p95: 0.9, p99: 0.95, count: 40 },
    { timestamp: '2026-01-27T00:00:00', metric: 'relevance_score', avg: 0.7, p50: 0.7, p95: 0.8, p99: 0.9, count: 40 },
    { timestamp: '2026-01-28T00:00:00', metric: 'accuracy_score', avg: 0.85, p50: 0.85, p95: 0.9, p99: 0.95, count: 40 },
  ],
};

export const ALERTS = {
  success: true,
  alerts: [
    { id: 'a1', type: 'low-score', severity: 'warning', metric: 'relevance_score', message: 'Average relevance_score 0.62 is below 0.7', value: 0.62, threshold: 0.7 },
    { id: 'a2', type: 'high-error-rate', severity: 'error', message: 'Error rate 8.3% is above 5%', value: 8.3, threshold: 5 },
    { id: 'a3', type: 'rate-of-change', severity: 'error', metric: 'accuracy_score', message: 'accuracy_score fell by 0.35', value: -0.35, threshold: 0.3, timestamp: '2026-01-29T00:00:00' },
  ],
  evaluated: { threshold: 4, anomaly: 3 },
};

export const BREAKDOWN = {
  success: true,
  metrics: [
    { name: 'accuracy_score', pass_rate: 95, avg: 0.83, count: 120, by_group: null },
    { name: 'relevance_score', pass_rate: 62.5, avg: 0.62, count: 120, by_group: null },
  ],
};

export const LATENCY = {
  success: true,
  histogram: { counts: [5, 10, 3], edges: [100, 400, 700, 1000] },
  percentiles: { p50: 240, p95: 900, p99: 990 },
  by_group: null,
};

export const RECORDS = {
  success: true,
  data: [
    { dataset_id: 'mon-001', timestamp: '2026-01-29 18:00:00', source_name: 'Atlas', environment: 'prod', query: 'What are the business hours?', accuracy_score: 0.9, latency: 234 },
    { dataset_id: 'mon-002', timestamp: '2026-01-29 17:00:00', source_name: 'Beacon', environment: 'prod', query: 'Reset my password', accuracy_score: 0.4, latency: 512 },
  ],
  total: 45,
  page: 1,
  page_size: 20,
};

export const DB_CONFIG = { success: true, configured: false, thresholds: { default: { good: 0.75, pass: 0.55 }, per_source: { Beacon: { good: 0.8 } } } };

export const CLASSIFICATION = {
  success: true,
  metrics: [
    { metric_name: 'intent', total_count: 10, categories: [{ value: 'billing', count: 6, percentage: 60 }, { value: 'login', count: 4, percentage: 40 }] },
    { metric_name: 'tone', total_count: 8, categories: [{ value: 'friendly', count: 8, percentage: 100 }] },
  ],
};

export const INSIGHTS = {
  success: true,
  records: [
    { dataset_id: 'mon-007', timestamp: '2026-01-29 12:00:00', metric_name: 'review', query: 'Why was I charged twice?', explanation: 'Duplicate charge confirmed.', signals: '{"refund_offered": true, "escalated": false}', source_info: { source_name: 'Atlas', environment: 'prod' } },
    { dataset_id: 'mon-008', timestamp: '2026-01-29 11:00:00', metric_name: 'review', query: 'Cancel my plan', explanation: 'Cancelled.', signals: { overall: [{ name: 'resolved', value: true }] }, source_info: {} },
  ],
  total_count: 12,
  page: 1,
  limit: 10,
  metric_names: ['review', 'summary'],
};

/** A stubbed server answering every monitoring read from the fixtures above; `extra` answers first. */
export function monitoringServer(datasets: unknown[] = [EVAL_DATASET, MON_DATASET], extra: Handler = () => undefined) {
  return serveApi((call) => {
    const { path, params } = call;
    const hit = extra(call);
    if (hit) return hit;
    if (path === '/api/datasets') return { body: { success: true, datasets } };
    if (path === '/api/store/metadata/monitoring') return { body: METADATA };
    if (path === '/api/monitoring/db-config') return { body: DB_CONFIG };
    if (path === '/api/monitoring/analytics/summary') return { body: SUMMARY };
    if (path === '/api/monitoring/analytics/trends') return { body: { ...TRENDS, granularity: params.get('granularity') } };
    if (path === '/api/monitoring/analytics/alerts') return { body: ALERTS };
    if (path === '/api/monitoring/analytics/metric-breakdown') return { body: BREAKDOWN };
    if (path === '/api/monitoring/analytics/latency-distribution') return { body: LATENCY };
    if (path === '/api/monitoring/analytics/classification-breakdown') return { body: CLASSIFICATION };
    if (path === '/api/monitoring/analytics/classification-trends') {
      return {
        body: {
          success: true,
          metric_name: params.get('metric_name'),
          granularity: params.get('granularity'),
          unique_categories: ['billing', 'login'],
          data: [
            { timestamp: '2026-01-27T00:00:00', categories: { billing: 2, login: 1 } },
            { timestamp: '2026-01-28T00:00:00', categories: { billing: 4 } },
          ],
        },
      };
    }
    if (path === '/api/monitoring/analytics/analysis-insights') return { body: { ...INSIGHTS, page: Number(params.get('page')) } };
    if (path === '/api/store/data/monitoring') return { body: { ...RECORDS, page: Number(params.get('page')) } };
    if (path === '/api/monitoring/example/monitoring') return { body: { success: true, format: 'monitoring', row_count: 120, dataset_id: 'mon1', dataset: MON_DATASET } };
    return undefined;
  });
}
