export type DatasetFormat = 'tree_format' | 'flat_format' | 'simple_judgment' | 'fresh_annotation' | 'eval_runner' | string;
export type DatasetKind = 'evaluation' | 'annotation' | 'calibration' | string;

export interface DatasetColumn {
  name: string;
  type?: string;
}

export interface Dataset {
  id: string;
  name?: string;
  kind?: DatasetKind;
  format?: DatasetFormat;
  row_count?: number;
  columns?: Array<DatasetColumn | string>;
  created_at?: string;
  source?: string;
}

export type Row = Record<string, unknown>;

export interface UploadResponse {
  success?: boolean;
  dataset_id?: string;
  format?: DatasetFormat;
  row_count?: number;
  columns?: string[];
  preview?: Row[];
  message?: string;
  data?: Row[];
  truncated?: boolean;
  total_rows?: number;
  dataset?: Dataset;
}

export interface DatasetsResponse {
  success?: boolean;
  datasets?: Dataset[];
}

export interface DatasetResponse {
  success?: boolean;
  dataset?: Dataset;
}

export interface RowsResponse {
  success?: boolean;
  data?: Row[];
  total?: number;
  page?: number;
  page_size?: number;
  columns?: Array<DatasetColumn | string>;
}

export interface ScorecardNode {
  metric_name: string;
  parent?: string | null;
  level?: number;
  type?: string;
  weight?: number | null;
  normalized_weight?: number | null;
  mean?: number | null;
  min?: number | null;
  max?: number | null;
  std?: number | null;
  count?: number | null;
  histogram?: number[] | null;
  children?: string[] | null;
}

export interface ScorecardResponse {
  success?: boolean;
  dataset_id?: string;
  evaluation_name?: string | null;
  experiments?: string[];
  overall_score?: number | null;
  score_variance?: number | null;
  total_cases?: number | null;
  metrics_count?: number | null;
  components_count?: number | null;
  nodes?: ScorecardNode[];
}

export interface TreeNode {
  name: string;
  type?: string;
  weight?: number | null;
  normalized_weight?: number | null;
  score?: number | null;
  median?: number | null;
  min?: number | null;
  max?: number | null;
  p25?: number | null;
  p75?: number | null;
  std?: number | null;
  count?: number | null;
  explanation?: string | null;
  children?: TreeNode[];
}

export interface TreeResponse {
  success?: boolean;
  root?: TreeNode | null;
}

export interface MetricCase {
  dataset_id: string;
  evaluation_name?: string | null;
  query?: string | null;
  actual_output?: string | null;
  score?: number | null;
  explanation?: string | null;
}

export interface MetricCasesResponse {
  success?: boolean;
  metric?: string;
  cases?: MetricCase[];
  total?: number;
  page?: number;
  page_size?: number;
}

export interface CaseMetric {
  metric_name: string;
  score?: number | null;
  explanation?: string | null;
  parent?: string | null;
  metric_type?: string | null;
  weight?: number | null;
}

export interface CaseDetail {
  dataset_id: string;
  evaluation_name?: string | null;
  query?: string | null;
  actual_output?: string | null;
  expected_output?: string | null;
  evaluation_metadata?: unknown;
  data_metadata?: unknown;
  overall_score?: number | null;
  metrics?: CaseMetric[];
}

export interface CaseResponse {
  success?: boolean;
  case?: CaseDetail;
}

export interface GroupStats {
  mean?: number | null;
  std?: number | null;
  n?: number | null;
}

export interface MetricComparison {
  metric: string;
  baseline?: GroupStats;
  challenger?: GroupStats;
  difference?: number | null;
  percent_change?: number | null;
  cohens_d?: number | null;
  effect_size?: string | null;
  t_statistic?: number | null;
  df?: number | null;
  p_value?: number | null;
  stars?: string | null;
  significant?: boolean;
  winner?: string | null;
}

export interface CompareSummary {
  winner?: string | null;
  baseline_wins?: number;
  challenger_wins?: number;
  ties?: number;
  significant_baseline_wins?: number;
  significant_challenger_wins?: number;
  avg_improvement?: number | null;
}

export interface CompareResponse {
  success?: boolean;
  baseline?: string;
  challenger?: string;
  experiments?: string[];
  metrics?: MetricComparison[];
  summary?: CompareSummary;
}

export type CaseWinner = 'Baseline' | 'Challenger' | 'Tie';

export interface CompareCase {
  dataset_id: string;
  query?: string | null;
  baseline_score?: number | null;
  challenger_score?: number | null;
  diff?: number | null;
  winner?: CaseWinner | string | null;
}

export interface CompareCasesResponse {
  success?: boolean;
  cases?: CompareCase[];
  total?: number;
  counts?: Partial<Record<CaseWinner, number>>;
  page?: number;
  page_size?: number;
}

export interface WinLossResponse {
  success?: boolean;
  experiments?: string[];
  wins?: Record<string, number>;
  ties?: number;
  cases_compared?: number;
}

export interface AgreementPair {
  model1: string;
  model2: string;
  both_pass?: number;
  both_fail?: number;
  model1_only?: number;
  model2_only?: number;
  total?: number;
  rate?: number | null;
}

export interface AgreementResponse {
  success?: boolean;
  pairs?: AgreementPair[];
}

export interface DistributionResponse {
  success?: boolean;
  metric?: string;
  values?: number[];
  histogram?: { counts?: number[]; bin_edges?: number[] };
  stats?: { mean?: number | null; median?: number | null; std?: number | null; q25?: number | null; q75?: number | null };
}

export interface CorrelationResponse {
  success?: boolean;
  correlation?: Record<string, Record<string, number | null>>;
  metrics?: string[];
}

export interface RadarResponse {
  success?: boolean;
  metrics?: string[];
  traces?: Array<{ name: string; values: Array<number | null> }>;
}

export interface ScatterResponse {
  success?: boolean;
  x?: Array<number | null>;
  y?: Array<number | null>;
  x_metric?: string;
  y_metric?: string;
  ids?: string[];
}

export interface SummaryResponse {
  success?: boolean;
  summary?: Array<{ metric_name: string; mean?: number | null; passing_rate?: number | null; count?: number | null }>;
  total_records?: number;
}
