import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).
export type RunnerMetric = Reply<'EvalMetric'>;
export type RunnerMetricsResponse = Reply<'EvalMetricsReply'>;
export type RunnerUploadResponse = Reply<'EvalInputReply'>;
export type RunnerDataset = RunnerUploadResponse['dataset'];
export type TestConnectionResponse = Reply<'EvalConnectionReply'>;
export type MetricResult = Reply<'EvalMetricResult'>;
export type ItemResult = Reply<'EvalItemResult'>;
export type RunSummary = Reply<'EvalRunSummary'>;
export type RunRecord = Reply<'EvalRun'>;
export type RunStatus = RunRecord['status'];
export type RunsResponse = Reply<'EvalRunsReply'>;
export type RunResponse = Reply<'EvalRunDetailReply'>;
export type MessageResponse = Reply<'MessageReply'>;

// Request bodies and the run stream's events (client-side shapes).

/** A row of the uploaded CSV: column name to text. */
export type RunnerRow = Record<string, string>;

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
