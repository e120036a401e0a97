import type { Dataset } from '../lib/evaluate/types';
import type {
  AlertsResponse,
  BreakdownResponse,
  ClassificationBreakdownResponse,
  InsightsResponse,
  LatencyResponse,
  MonitoringDbConfig,
  RecordsResponse,
  StoreMetadataResponse,
  SummaryResponse,
  TrendsResponse,
} from '../lib/monitoring/types';
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
} satisfies Dataset;

export const EVAL_DATASET = { id: 'ev1', name: 'Example Model', kind: 'evaluation', format: 'tree_format', row_count: 10, columns: [], created_at: '2026-03-01T10:00:00Z', source: 'upload' } satisfies Dataset;

export const METADATA = {
  success: true,
  dataset: 'monitoring',
  dataset_id: 'mon1',
  metadata: {
    row_count: 120,
    columns: [{ column_name: 'source_name', column_type: 'VARCHAR' }],
    filter_values: { source_name: ['Atlas', 'Beacon'], environment: ['prod', 'staging'] },
    time_range: { min: '2026-01-27 10:00:00', max: '2026-01-29 18:00:00' },
  },
} satisfies StoreMetadataResponse;

export const SUMMARY = {
  success: true,
  kpis: { total_records: 360, avg_score: 0.8123, pass_rate: 91.25, p50_latency: 240, p95_latency: 1250.5, p99_latency: 2400 },
} satisfies SummaryResponse;

export const TRENDS = {
  success: true,
  granularity: 'daily',
  metrics: ['accuracy_score', 'relevance_score'],
  data: [
    { timestamp: '2026-01-27T00:00:00', metric: 'accuracy_score', avg: 0.8, p50: 0.8, p95: 0.9, p99: 0.95, count: 40 },
    { timestamp: '2026-01-27T00:00:00', metric: 'relevance_score', avg: 0.7, p50: 0.7, p95: 0.8, p99: 0.9, count: 40 },
    { timestamp: '2026-01-28T00:00:00', metric: 'accuracy_score', avg: 0.85, p50: 0.85, p95: 0.9, p99: 0.95, count: 40 },
  ],
} satisfies TrendsResponse;

export const ALERTS = {
  success: true,
  alerts: [
    { id: 'a1', kind: 'threshold', type: 'low-score', severity: 'warning', metric: 'relevance_score', source_name: null, timestamp: null, message: 'Average relevance_score 0.62 is below 0.7', value: 0.62, threshold: 0.7 },
    { id: 'a2', kind: 'threshold', type: 'high-error-rate', severity: 'error', metric: null, source_name: null, timestamp: null, message: 'Error rate 8.3% is above 5%', value: 8.3, threshold: 5 },
    { id: 'a3', kind: 'anomaly', type: 'rate-of-change', severity: 'error', metric: 'accuracy_score', source_name: null, message: 'accuracy_score fell by 0.35', value: -0.35, threshold: 0.3, timestamp: '2026-01-29T00:00:00' },
  ],
  evaluated: {
    dataset_id: 'mon1',
    limits: { pass_rate_min: 80, error_rate_max: 5, p95_latency_max: 2000 },
    sources: [],
    anomaly_detection: { enabled: true, granularity: 'daily', min_data_points: 3, metrics: [] },
  },
} satisfies AlertsResponse;

export const BREAKDOWN = {
  success: true,
  metrics: [
    { name: 'accuracy_score', pass_rate: 95, avg: 0.83, count: 120, by_group: null },
    { name: 'relevance_score', pass_rate: 62.5, avg: 0.62, count: 120, by_group: null },
  ],
} satisfies BreakdownResponse;

export const LATENCY = {
  success: true,
  histogram: { counts: [5, 10, 3], edges: [100, 400, 700, 1000] },
  percentiles: { p50: 240, p95: 900, p99: 990 },
  by_group: null,
} satisfies LatencyResponse;

export const RECORDS = {
  success: true,
  data: [
    { dataset_id: 'mon-001', timestamp: '2026-01-29 18:00:00', source_name: 'Atlas', environment: 'prod', query: 'What are the business hours?', accuracy_score: 0.9, latency: 234 },
    { dataset_id: 'mon-002', timestamp: '2026-01-29 17:00:00', source_name: 'Beacon', environment: 'prod', query: 'Reset my password', accuracy_score: 0.4, latency: 512 },
  ],
  total: 45,
  page: 1,
  page_size: 20,
} satisfies RecordsResponse;

export const DB_CONFIG = {
  success: true,
  configured: false,
  auto_connect: false,
  auto_load: false,
  has_query: false,
  row_limit: 10000,
  query_timeout: 60,
  connection: null,
  thresholds: { default: { good: 0.75, pass: 0.55 }, per_source: { Beacon: { good: 0.8, pass: 0.55 } } },
  anomaly_detection: {
    enabled: false,
    min_data_points: 5,
    z_score: { enabled: true, threshold: 2, severity: 'warning', lookback_window: 20, metrics: [] },
    moving_average: { enabled: true, window_size: 5, deviation_threshold: 0.15, severity: 'warning' },
    rate_of_change: { enabled: true, threshold: 0.3, severity: 'error' },
  },
} satisfies MonitoringDbConfig;

export const CLASSIFICATION = {
  success: true,
  metrics: [
    { metric_name: 'intent', total_count: 10, categories: [{ value: 'billing', count: 6, percentage: 60 }, { value: 'login', count: 4, percentage: 40 }] },
    { metric_name: 'tone', total_count: 8, categories: [{ value: 'friendly', count: 8, percentage: 100 }] },
  ],
} satisfies ClassificationBreakdownResponse;

export const INSIGHTS = {
  success: true,
  records: [
    { dataset_id: 'mon-007', timestamp: '2026-01-29 12:00:00', metric_name: 'review', query: 'Why was I charged twice?', explanation: 'Duplicate charge confirmed.', signals: '{"refund_offered": true, "escalated": false}', actual_output: 'You were charged twice; a refund is on its way.', source_info: { source_name: 'Atlas', environment: 'prod', source_component: null } },
    { dataset_id: 'mon-008', timestamp: '2026-01-29 11:00:00', metric_name: 'review', query: 'Cancel my plan', explanation: 'Cancelled.', actual_output: null, signals: { overall: [{ name: 'resolved', value: true }] }, source_info: { source_name: null, environment: null, source_component: null } },
  ],
  total_count: 12,
  page: 1,
  limit: 10,
  metric_names: ['review', 'summary'],
} satisfies InsightsResponse;

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
