/** Replies of /api/align and the stored calibration dataset, for the CaliberHQ page tests. */
import type { Dataset, RowsResponse } from '../../lib/evaluate/types';
import type {
  AlignDefaults,
  AlignModelsResponse,
  AlignStatus,
  AlignmentMetrics,
  AlignmentResult,
  ClusterResponse,
  FewShotExample,
  JudgeRunSummary,
  MisalignmentResponse,
  OptimizeResponse,
  SavedConfig,
} from '../../lib/align/types';

export const CAL_DATASET = {
  id: 'ds-cal',
  name: 'Support_Calibration.csv',
  kind: 'calibration',
  format: 'fresh_annotation',
  row_count: 4,
  columns: [{ name: 'dataset_id', type: 'VARCHAR' }],
  created_at: '2026-12-05T09:00:00Z',
  source: 'upload',
} satisfies Dataset;

export const RECORDS = [
  { dataset_id: 'a1', query: 'Can I import tickets?', actual_output: 'Yes, from CSV.', expected_output: 'Yes', score: '1' },
  { dataset_id: 'a2', query: 'How many seats on Team?', actual_output: 'Up to 25. Also unlimited.', expected_output: '25', score: '0' },
  { dataset_id: 'a3', query: 'Is there an API?', actual_output: 'There is no API.', expected_output: 'Yes, REST', score: '' },
  { dataset_id: 'a4', query: 'Do you offer SSO?', actual_output: 'Yes, SAML on Business.', expected_output: 'Yes', score: '' },
];

export const ROWS_REPLY = {
  success: true,
  total: 4,
  page: 1,
  page_size: 500,
  columns: ['dataset_id', 'query', 'actual_output', 'expected_output', 'score'],
  data: RECORDS,
} satisfies RowsResponse;

export const DEFAULTS = {
  system_prompt: 'You are an expert evaluator.\n## Evaluation Criteria\n{evaluation_criteria}\nReply with Score and Reasoning.',
  evaluation_criteria: 'The response answers the query.\nThe response is accurate.',
} satisfies AlignDefaults;

export const MODELS = {
  success: true,
  models: [
    { id: 'gpt-4o', name: 'GPT-4o', provider: 'openai', context_window: 128000, supports_function_calling: true },
    { id: 'claude-sonnet-4', name: 'Claude Sonnet 4 (not configured)', provider: 'anthropic', context_window: 200000, supports_function_calling: true },
  ],
} satisfies AlignModelsResponse;

/** Human 1,1,0,0 against judge 1,1,1,0 on a1..a4: TP 2, FN 0, FP 1, TN 1 (worked out by hand). */
export const RESULTS = [
  { record_id: 'a1', query: 'Can I import tickets?', actual_output: 'Yes, from CSV.', expected_output: 'Yes', human_score: 1, llm_score: 1, llm_reasoning: 'Correct and direct.', is_aligned: true },
  { record_id: 'a2', query: 'How many seats on Team?', actual_output: 'Up to 25. Also unlimited.', expected_output: '25', human_score: 1, llm_score: 1, llm_reasoning: 'Gives the limit.', is_aligned: true },
  { record_id: 'a3', query: 'Is there an API?', actual_output: 'There is no API.', expected_output: 'Yes, REST', human_score: 0, llm_score: 1, llm_reasoning: 'Answers the question clearly.', is_aligned: false },
  { record_id: 'a4', query: 'Do you offer SSO?', actual_output: 'Yes, SAML on Business.', expected_output: 'Yes', human_score: 0, llm_score: 0, llm_reasoning: 'Too vague.', is_aligned: true },
] satisfies AlignmentResult[];

/** p_o = 0.75, p_e = 0.5·0.75 + 0.5·0.25 = 0.5, so κ = 0.5; precision 2/3, recall 1, F1 0.8, specificity 0.5. */
export const METRICS = {
  cohens_kappa: 0.5,
  f1_score: 0.8,
  precision: 0.6667,
  recall: 1,
  specificity: 0.5,
  accuracy: 0.75,
  confusion_matrix: [
    [1, 1],
    [0, 2],
  ],
  total_samples: 4,
  agreement_count: 3,
  confidence_intervals: { cohens_kappa: { low: 0, high: 1 }, f1_score: { low: 0.5, high: 1 }, level: 0.95, resamples: 2000, seed: 1095321939 },
} satisfies AlignmentMetrics;

export const OPTIMIZED = {
  success: true,
  optimized: {
    original_prompt: DEFAULTS.system_prompt,
    optimized_prompt: DEFAULTS.system_prompt,
    evaluation_criteria: 'The response answers the query.\nThe response states product facts exactly.\nReject answers that contradict themselves.',
    suggestions: [{ aspect: 'Accuracy', suggestion: 'Name exact facts', rationale: 'The judge accepted a wrong fact.' }],
    expected_improvement: 'Fewer lenient accepts.',
  },
  message: 'Prompt optimized',
} satisfies OptimizeResponse;

export const ANALYSIS = {
  success: true,
  analysis: {
    total_misaligned: 1,
    false_positives: 1,
    false_negatives: 0,
    patterns: [{ pattern_type: 'false_positive', description: 'Accepts answers that deny real features', count: 1, examples: ['a3'] }],
    summary: 'The judge trusts confident denials.',
    recommendations: ['Check product facts against the expected output.'],
  },
} satisfies MisalignmentResponse;

export const CLUSTERS = {
  success: true,
  patterns: [{ category: 'Contradictory answers', count: 2, examples: ['Says 25 then unlimited', 'Yes and no'], record_ids: ['a2', 'a3'] }],
  uncategorized: [],
  learnings: [],
  pipeline_metadata: { filtered_count: 0, deduplicated_count: 0, validation_repairs: 0, total_analyzed: 2, clustering_method: 'llm' },
  message: 'Found 1 patterns from 2 annotated notes.',
} satisfies ClusterResponse;

export const EXAMPLE = {
  query: 'Can I import tickets?',
  actual_output: 'Yes, from CSV.',
  expected_output: 'Yes',
  score: 1,
  reasoning: 'Accepted based on human evaluation.',
} satisfies FewShotExample;

export const SAVED = {
  id: 'cfg-9',
  name: 'Strict judge',
  config: {
    model: 'claude-sonnet-4',
    provider: 'anthropic',
    system_prompt: 'Strict. {evaluation_criteria}',
    evaluation_criteria: 'Exact facts only.',
    few_shot_examples: [],
    temperature: 0,
    name: 'Strict judge',
  },
  created_at: '2026-12-04T07:00:00Z',
  updated_at: '2026-12-04T07:00:00Z',
  metrics: null,
} satisfies SavedConfig;

export const JUDGE_RUN = {
  run_id: 'jr-old',
  created_at: '2026-12-04T08:00:00Z',
  name: 'Baseline',
  model: 'gpt-4o',
  provider: 'openai',
  total_samples: 2,
  metrics: { ...METRICS, cohens_kappa: 0.25, accuracy: 0.5 },
} satisfies JudgeRunSummary;

export function alignStatus(configured: boolean): AlignStatus {
  return { configured, providers: { openai: configured, anthropic: false }, saved_configs_count: 1 };
}
