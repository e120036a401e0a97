// Reply and request types of /api/align: written by hand until the server's reply schemas are in
// openapi.json.

/** A record of the uploaded file: column name to value. */
export type AlignRecord = Record<string, unknown>;

export type HumanScore = 0 | 1;

export interface FewShotExample {
  query: string;
  actual_output: string;
  expected_output?: string;
  score: HumanScore;
  reasoning: string;
}

export interface JudgeConfig {
  model: string;
  provider: string;
  system_prompt: string;
  evaluation_criteria: string;
  few_shot_examples: FewShotExample[];
  temperature: number;
  name?: string;
}

export interface AlignmentResult {
  record_id: string;
  query: string;
  actual_output: string;
  expected_output?: string | null;
  human_score: HumanScore;
  llm_score: HumanScore;
  llm_reasoning: string;
  is_aligned: boolean;
}

export interface Interval {
  low: number;
  high: number;
}

export interface ConfidenceIntervals {
  cohens_kappa: Interval;
  f1_score: Interval;
  level: number;
  resamples: number;
  seed: number;
}

export interface AlignmentMetrics {
  cohens_kappa: number;
  f1_score: number;
  precision: number;
  recall: number;
  specificity: number;
  accuracy: number;
  /** [[TN, FP], [FN, TP]] with human = truth and judge = prediction. */
  confusion_matrix: number[][];
  total_samples: number;
  agreement_count: number;
  confidence_intervals: ConfidenceIntervals | null;
}

export interface EvaluateRequest {
  records: AlignRecord[];
  human_annotations: Record<string, HumanScore>;
  judge_config: JudgeConfig;
}

export interface EvaluateResponse {
  success: boolean;
  run_id: string;
  results: AlignmentResult[];
  metrics: AlignmentMetrics;
  message: string;
}

export interface JudgeRunSummary {
  run_id: string;
  created_at: string;
  name: string | null;
  model: string;
  provider: string;
  total_samples: number;
  metrics: AlignmentMetrics;
}

export interface JudgeRunsResponse {
  success: boolean;
  runs: JudgeRunSummary[];
}

export interface JudgeRunResponse {
  success: boolean;
  run: JudgeRunSummary & { judge_config: JudgeConfig; results: AlignmentResult[] };
}

export interface Label {
  score: HumanScore;
  notes?: string;
}

export type Labels = Record<string, Label>;

export interface LabelsResponse {
  success: boolean;
  dataset_key: string;
  annotations: Labels;
}

export interface SaveLabelsResponse {
  success: boolean;
  saved: number;
}

export interface AlignModel {
  id: string;
  name: string;
  provider: string;
  context_window: number;
  supports_function_calling: boolean;
}

export interface AlignStatus {
  configured: boolean;
  providers: string[];
  saved_configs_count: number;
}

export interface AlignDefaults {
  system_prompt: string;
  evaluation_criteria: string;
}

export type ClusterMethod = 'llm' | 'bertopic' | 'hybrid';

export interface PatternCluster {
  category: string;
  count: number;
  examples: string[];
  record_ids: string[];
}

export interface Learning {
  title: string;
  content: string;
  tags: string[];
  confidence: number;
  supporting_item_ids: string[];
  recommended_actions: string[];
  counterexamples: string[];
  scope?: string | null;
  when_not_to_apply?: string | null;
}

export interface ClusterResponse {
  success: boolean;
  patterns: PatternCluster[];
  uncategorized: string[];
  learnings: Learning[];
  pipeline_metadata: {
    filtered_count: number;
    deduplicated_count: number;
    validation_repairs: number;
    total_analyzed: number;
    clustering_method: string;
  } | null;
  message: string;
}

export interface MisalignmentPattern {
  pattern_type: 'false_positive' | 'false_negative';
  description: string;
  count: number;
  examples: string[];
}

export interface MisalignmentResponse {
  success?: boolean;
  total_misaligned: number;
  false_positives: number;
  false_negatives: number;
  patterns: MisalignmentPattern[];
  summary: string;
  recommendations: string[];
}

export interface PromptSuggestion {
  aspect: string;
  suggestion: string;
  rationale: string;
}

export interface OptimizeResponse {
  success?: boolean;
  original_prompt: string;
  optimized_prompt: string;
  evaluation_criteria: string;
  suggestions: PromptSuggestion[];
  expected_improvement: string;
}

export type ExampleStrategy = 'diverse' | 'representative' | 'edge_cases' | 'recent';

export interface SuggestExamplesResponse {
  success: boolean;
  examples: FewShotExample[];
  strategy_used: string;
  message: string;
}

export interface SavedConfig {
  config_id: string;
  name: string;
  config: JudgeConfig;
  metrics?: AlignmentMetrics | null;
  created_at?: string;
}

export interface SaveConfigResponse {
  success: boolean;
  config_id: string;
  message: string;
}
