import type { Row, UploadResponse } from '../evaluate/types';

export type Granularity = 'hourly' | 'daily' | 'weekly';

export type GroupBy = 'environment' | 'source_name' | 'source_component' | 'source_type' | 'metric_name' | 'evaluation_name' | 'model_name';

export interface MonitoringUploadResponse extends UploadResponse {
  metric_columns?: string[];
}

export interface ThresholdPair {
  good?: number | null;
  pass?: number | null;
}

export interface MonitoringDbConfig {
  success?: boolean;
  configured?: boolean;
  auto_load?: boolean;
  thresholds?: {
    default?: ThresholdPair;
    per_source?: Record<string, ThresholdPair>;
  };
}

export interface StoreMetadataResponse {
  success?: boolean;
  dataset?: string;
  metadata?: {
    row_count?: number;
    columns?: Array<{ column_name: string; column_type?: string } | string>;
    filter_values?: Record<string, string[]>;
    time_range?: { min?: string | null; max?: string | null } | null;
  };
}

export interface SummaryResponse {
  success?: boolean;
  kpis?: {
    total_records?: number;
    avg_score?: number | null;
    pass_rate?: number | null;
    p50_latency?: number | null;
    p95_latency?: number | null;
    p99_latency?: number | null;
  };
}

export interface TrendPoint {
  timestamp: string;
  metric: string;
  avg: number | null;
  p50?: number | null;
  p95?: number | null;
  p99?: number | null;
  count?: number;
}

export interface TrendsResponse {
  success?: boolean;
  data?: TrendPoint[];
  metrics?: string[];
  granularity?: Granularity;
}

export interface Percentiles {
  p50?: number | null;
  p95?: number | null;
  p99?: number | null;
}

export interface LatencyResponse {
  success?: boolean;
  histogram?: { counts?: number[]; edges?: number[] };
  percentiles?: Percentiles;
  by_group?: Record<string, { counts?: number[]; percentiles?: Percentiles }> | null;
}

export interface GroupStats {
  pass_rate?: number | null;
  avg?: number | null;
  count?: number;
}

export interface MetricBreakdown extends GroupStats {
  name: string;
  by_group?: Record<string, GroupStats> | null;
}

export interface BreakdownResponse {
  success?: boolean;
  metrics?: MetricBreakdown[];
}

export interface ClassificationBreakdownResponse {
  success?: boolean;
  metrics?: Array<{
    metric_name: string;
    categories?: Array<{ value: string; count: number; percentage?: number }>;
    total_count?: number;
  }>;
}

export interface ClassificationTrendsResponse {
  success?: boolean;
  data?: Array<{ timestamp: string; categories?: Record<string, number> }>;
  metric_name?: string;
  granularity?: Granularity;
  unique_categories?: string[];
}

export interface InsightRecord {
  dataset_id?: string;
  timestamp?: string | null;
  metric_name?: string;
  query?: string | null;
  actual_output?: string | null;
  signals?: unknown;
  explanation?: string | null;
  source_info?: { environment?: string | null; source_name?: string | null; source_component?: string | null };
}

export interface InsightsResponse {
  success?: boolean;
  records?: InsightRecord[];
  total_count?: number;
  page?: number;
  limit?: number;
  metric_names?: string[];
}

export type AlertSeverity = 'warning' | 'error';

export interface MonitoringAlert {
  id: string;
  /** threshold | anomaly */
  kind?: string;
  type: string;
  severity: AlertSeverity;
  metric?: string | null;
  source_name?: string | null;
  message: string;
  value?: number | null;
  threshold?: number | null;
  timestamp?: string | null;
}

export interface AlertsResponse {
  success?: boolean;
  alerts?: MonitoringAlert[];
  evaluated?: Record<string, unknown>;
}

export interface RecordsResponse {
  success?: boolean;
  data?: Row[];
  total?: number;
  page?: number;
  page_size?: number;
}
