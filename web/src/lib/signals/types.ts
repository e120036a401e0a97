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
  /** GET /cases: the cases matching the filters (row_count counts every case). */
  total?: number;
}

/** Chosen values per case field (`source_name`, `{metric}__{signal}`); a case matches a field holding any of them. */
export type CaseFilters = Record<string, string[]>;

export interface CaseSort {
  key: string;
  dir: 'asc' | 'desc';
}

/** How many of the matching cases hold a value of a field. */
export interface CountRow {
  name: string;
  count: number;
  /** Percentage of the matching cases. */
  rate: number;
}

/** How many of the matching cases have a truthy field. */
export interface TruthyRate {
  count: number;
  total: number;
  rate: number;
}

/** GET /api/human-signals/figures: every chart's figures over the cases matching the filters. */
export interface CaseFigures {
  success?: boolean;
  dataset_id?: string;
  /** The cases matching the filters. */
  total: number;
  /** Every case of the dataset. */
  all_cases: number;
  /** Per chart field: its values, most cases first, as long as the longest list a chart of it shows. */
  distributions: Record<string, CountRow[]>;
  /** Per single_stat field. */
  rates: Record<string, TruthyRate>;
}

/** GET /api/human-signals/filter-options: per filter field, the values it offers. */
export interface FilterOptionsResponse {
  success?: boolean;
  dataset_id?: string;
  options: Record<string, string[]>;
}

export interface MetricSchemaResponse {
  success?: boolean;
  /** The source_name the KPI figures cover; null = every case. */
  kpi_source_name?: string | null;
  metric_schema?: MetricSchema;
  display_config?: DisplayConfig;
  kpis?: SignalsKpi[];
}
