// Reply shapes of the agent replay plugin (/api/agent-replay).

export interface SearchField {
  value: string;
  label: string;
}

export interface ReplayStatus {
  enabled: boolean;
  configured: boolean;
  langfuse_host: string;
  default_limit: number;
  default_days_back: number;
  agents: string[];
  search_fields: SearchField[];
  agent_search_fields: Record<string, SearchField[]>;
}

export interface TraceSummary {
  id: string;
  name: string | null;
  tags: string[];
  timestamp: string | null;
  step_count: number;
  step_names: string[];
}

export interface TraceListReply {
  traces: TraceSummary[];
  total: number;
}

export interface Usage {
  input: number;
  output: number;
  total: number;
}

export interface ObservationSummary {
  id: string;
  name: string | null;
  type: string | null;
  model: string | null;
  input: unknown;
  output: unknown;
  input_truncated: boolean;
  output_truncated: boolean;
  metadata: Record<string, unknown> | null;
  usage: Usage | null;
  latency_ms: number | null;
  start_time: string | null;
  end_time: string | null;
}

export interface TreeNode extends ObservationSummary {
  depth: number;
  children: TreeNode[];
}

export interface StepSummary {
  name: string;
  index: number;
  observation_types: string[];
  generation: ObservationSummary | null;
  observations: ObservationSummary[];
  variables: Record<string, unknown> | null;
}

export interface TraceDetail {
  id: string;
  name: string | null;
  tags: string[];
  timestamp: string | null;
  trace_input: unknown;
  trace_output: unknown;
  trace_metadata: Record<string, unknown> | null;
  steps: StepSummary[];
  tree: TreeNode[];
  total_tokens: number;
  total_latency_ms: number | null;
  total_cost: number;
  schema_version: string;
}

/** A review.* score recorded on a trace. */
export interface ReviewScore {
  id: string | null;
  name: string | null;
  value: number | null;
  string_value: string | null;
  data_type: string | null;
  comment: string | null;
  observation_id: string | null;
  timestamp: string | null;
}

export interface ReviewsReply {
  trace_id: string;
  scores: ReviewScore[];
  datasets: unknown[];
}

export interface ReplayDataset {
  name: string;
  id: string | null;
  item_count: number;
  created_at: string | null;
}

export interface DatasetsReply {
  datasets: ReplayDataset[];
}

export type Verdict = 'positive' | 'neutral' | 'negative';

export interface ReviewBody {
  trace_id: string;
  agent: string | null;
  agent_label: string | null;
  verdict: Verdict;
  failure_observation_id: string | null;
  failure_observation_name: string | null;
  tooling_needs: string;
  rationale: string;
  expected_output: string;
  trace_input: unknown;
  add_to_dataset: boolean;
  dataset_name: string | null;
}

export interface CreatedScore {
  id: string;
  name: string;
  value: number | null;
  string_value: string | null;
  observation_id: string | null;
}

export interface ReviewReply {
  success: boolean;
  trace_id: string;
  scores_created: number;
  dataset_item_created: boolean;
  dataset_name: string | null;
  scores: CreatedScore[];
}
