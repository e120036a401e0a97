// Reply and request types of /api/eval-runner: written by hand until the server's reply schemas
// are in openapi.json.

export interface RunnerMetric {
  key: string;
  name: string;
  description: string;
  required_fields: string[];
  optional_fields: string[];
  default_threshold: number;
  score_range: [number, number];
  tags: string[];
  is_llm_based: boolean;
}

export interface RunnerMetricsResponse {
  success: boolean;
  metrics: RunnerMetric[];
}

/** A row of the uploaded CSV: column name to text. */
export type RunnerRow = Record<string, string>;

export interface RunnerDataset {
  columns: string[];
  preview: RunnerRow[];
  row_count: number;
  data: RunnerRow[];
}

export interface RunnerUploadResponse {
  success: boolean;
  dataset: RunnerDataset;
  suggested_mapping: Record<string, string | null>;
  message: string;
}

export interface ApiAgentConfig {
  endpoint_url: string;
  headers: Record<string, string>;
  request_template: string;
  response_path: string;
}

export interface PromptAgentConfig {
  model: string;
  provider: string;
  system_prompt: string;
  user_prompt_template: string;
}

export type AgentType = 'none' | 'api' | 'prompt';

export interface AgentConfig {
  type: AgentType;
  api_config?: ApiAgentConfig;
  prompt_config?: PromptAgentConfig;
}

export interface TestConnectionResponse {
  success: boolean;
  sample_output: string;
  error: string | null;
  latency_ms: number | null;
}

export interface RunRequest {
  evaluation_name: string;
  dataset: { columns: string[]; data: RunnerRow[] };
  column_mapping: Record<string, string>;
  agent_config: AgentConfig;
  metrics: string[];
  model_name: string;
  llm_provider: string;
  max_concurrent: number;
  thresholds: Record<string, number>;
}

export interface LogEvent {
  timestamp: string;
  level: string;
  message: string;
}

export interface MetricProgress {
  metric_key: string;
  count: number;
  average_score: number;
}

export interface ProgressEvent {
  run_id: string;
  current: number;
  total: number;
  status: string;
  message: string;
  phase: string;
  metrics: MetricProgress[];
}

export interface MetricResult {
  metric_key: string;
  metric_name: string;
  average_score: number;
  median_score: number;
  min_score: number;
  max_score: number;
  pass_rate: number;
  threshold: number;
  passed: boolean;
  scores: number[];
  failed_calls: number;
}

export interface ItemResult {
  item_id: string;
  query: string;
  actual_output: string;
  expected_output: string;
  metric_scores: Record<string, number>;
  metric_reasons: Record<string, string>;
  passed: boolean;
}

export interface RunSummary {
  evaluation_name: string;
  run_id: string;
  dataset_id: string;
  total_items: number;
  metrics_count: number;
  average_score: number;
  overall_pass_rate: number;
  metric_results: MetricResult[];
  item_results: ItemResult[];
  dataframe_columns: string[];
  dataframe_records: Array<Record<string, unknown>>;
}

export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled' | 'interrupted';

export interface RunRecord {
  run_id: string;
  evaluation_name: string;
  status: RunStatus;
  total_items: number;
  total_evaluations: number;
  completed_evaluations: number;
  metrics: string[];
  created_at: string;
  finished_at: string | null;
  average_score: number | null;
  overall_pass_rate: number | null;
  dataset_id: string | null;
  error: string | null;
}

export interface RunsResponse {
  success: boolean;
  runs: RunRecord[];
}

export interface RunResponse {
  success: boolean;
  run: RunRecord;
  summary: RunSummary | null;
}

export interface MessageResponse {
  success: boolean;
  message: string;
}
