import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).

// Uploads, settings and the stored records.
export type MonitoringUploadResponse = Reply<'MonitoringUploadReply'>;
export type ThresholdPair = Reply<'ThresholdPair'>;
export type MonitoringDbConfig = Reply<'MonitoringDbConfigReply'>;
export type StoreMetadataResponse = Reply<'StoreMetadataReply'>;
export type RecordsResponse = Reply<'StoreRowsReply'>;

// Overview: KPIs, trends and latency.
export type SummaryResponse = Reply<'MonitoringSummaryReply'>;
export type TrendPoint = Reply<'MonitoringTrendPoint'>;
export type TrendsResponse = Reply<'MonitoringTrendsReply'>;
export type Percentiles = Reply<'Percentiles'>;
export type LatencyResponse = Reply<'LatencyReply'>;

// Metrics, labels and analysis rows.
export type GroupStats = Reply<'MetricRates'>;
export type MetricBreakdown = Reply<'MetricBreakdown'>;
export type BreakdownResponse = Reply<'MetricBreakdownReply'>;
export type ClassificationBreakdownResponse = Reply<'ClassificationBreakdownReply'>;
export type ClassificationTrendsResponse = Reply<'ClassificationTrendsReply'>;
export type InsightRecord = Reply<'InsightRecord'>;
export type InsightsResponse = Reply<'InsightsReply'>;

// Alerts.
export type MonitoringAlert = Reply<'MonitoringAlert'>;
export type AlertSeverity = MonitoringAlert['severity'];
export type AlertsResponse = Reply<'AlertsReply'>;

// Request parameters.
export type Granularity = 'hourly' | 'daily' | 'weekly';

export type GroupBy = 'environment' | 'source_name' | 'source_component' | 'source_type' | 'metric_name' | 'evaluation_name' | 'model_name';
