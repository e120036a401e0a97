import type { Row, UploadResponse } from '../evaluate/types';

export interface SignalsKpi {
  key: string;
  label: string;
  value: number | null;
  format?: 'percent' | 'number' | 'duration' | 'compact' | string;
  aggregation?: string;
  /** Cases without a value for this KPI. */
  missing?: number;
}

export interface KpiStripEntry {
  label: string;
  icon?: string;
  highlight?: boolean;
  metric?: string;
  signal?: string;
  aggregate?: string;
}

export interface ChartConfig {
  metric: string;
  signal: string;
  type: 'bar' | 'donut' | 'horizontal_bar' | 'stacked_bar' | 'ranked_list' | 'text_list' | 'single_stat' | string;
  title: string;
  limit?: number;
}

export interface ChartSection {
  title: string;
  layout?: 'full' | 'grid_2' | 'grid_3' | string;
  charts?: ChartConfig[];
}

export interface FilterConfig {
  type: 'source' | 'metric' | string;
  field?: string;
  metric?: string;
  signal?: string;
  label: string;
  options?: string[];
}

export interface TableColumn {
  key: string;
  label: string;
  sortable?: boolean;
}

export interface DisplayConfig {
  kpi_strip?: KpiStripEntry[];
  chart_sections?: ChartSection[];
  filters?: FilterConfig[];
  table_columns?: TableColumn[];
  color_maps?: Record<string, Record<string, string>>;
}

export interface MetricInfo {
  category?: string;
  signals?: string[];
  signal_types?: Record<string, string>;
  values?: Record<string, string[]>;
}

export interface MetricSchema {
  metrics?: Record<string, MetricInfo>;
  source_fields?: string[];
  has_timestamp?: boolean;
}

export type SignalsCase = Row;

export interface SignalsReply extends UploadResponse {
  metric_schema?: MetricSchema;
  display_config?: DisplayConfig;
  kpis?: SignalsKpi[];
  page?: number;
  page_size?: number;
}

export interface MetricSchemaResponse {
  success?: boolean;
  /** The source_name the KPI figures cover; null = every case. */
  kpi_source_name?: string | null;
  metric_schema?: MetricSchema;
  display_config?: DisplayConfig;
  kpis?: SignalsKpi[];
}
