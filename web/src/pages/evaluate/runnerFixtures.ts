/** Replies of /api/eval-runner, typed by the server's reply schemas, for the runner page tests. */
import type { RunnerMetric, RunnerUploadResponse, RunRecord, RunStatus, RunSummary } from '../../lib/evalrun/types';

export const SAMPLE_ROWS = [
  { id: 'r1', question: 'What is the refund window?', answer: 'Thirty days.', gold: '30 days' },
  { id: 'r2', question: 'Do you ship abroad?', answer: 'Yes, to 40 countries.', gold: 'Yes' },
  { id: 'r3', question: 'Is there a phone line?', answer: 'No.', gold: 'Yes, 9-5' },
];

export const SAMPLE_REPLY = {
  success: true,
  dataset: { columns: ['id', 'question', 'answer', 'gold'], preview: SAMPLE_ROWS.slice(0, 2), row_count: 3, data: SAMPLE_ROWS },
  suggested_mapping: { dataset_id: 'id', query: 'question', actual_output: 'answer', expected_output: 'gold', retrieved_content: null, latency: 'no_such_column' },
  message: 'Loaded 3 rows',
} satisfies RunnerUploadResponse;

export const METRICS = [
  {
    key: 'answer_relevancy',
    name: 'Answer Relevancy',
    description: 'Does the answer address the query?',
    required_fields: ['query', 'actual_output'],
    optional_fields: [],
    default_threshold: 0.5,
    score_range: [0, 1],
    tags: ['knowledge'],
    is_llm_based: true,
  },
  {
    key: 'exact_string_match',
    name: 'Exact String Match',
    description: 'Trimmed equality with the expected output.',
    required_fields: ['actual_output', 'expected_output'],
    optional_fields: [],
    default_threshold: 0.5,
    score_range: [0, 1],
    tags: ['heuristic'],
    is_llm_based: false,
  },
  {
    key: 'faithfulness',
    name: 'Faithfulness',
    description: 'Is the answer supported by the retrieved content?',
    required_fields: ['query', 'actual_output', 'retrieved_content'],
    optional_fields: [],
    default_threshold: 0.5,
    score_range: [0, 1],
    tags: ['knowledge', 'retrieval'],
    is_llm_based: true,
  },
] satisfies RunnerMetric[];

export const SUMMARY = {
  evaluation_name: 'support-faq',
  run_id: 'run-7',
  dataset_id: 'ds-run-7',
  total_items: 3,
  metrics_count: 2,
  average_score: 0.5417,
  overall_pass_rate: 0.6667,
  metric_results: [
    { metric_key: 'answer_relevancy', metric_name: 'Answer Relevancy', average_score: 0.75, median_score: 0.8, min_score: 0.45, max_score: 1, pass_rate: 0.6667, threshold: 0.6, passed: true, scores: [0.8, 1, 0.45], failed_calls: 0 },
    { metric_key: 'exact_string_match', metric_name: 'Exact String Match', average_score: 0.3333, median_score: 0, min_score: 0, max_score: 1, pass_rate: 0.3333, threshold: 0.5, passed: false, scores: [0, 1, 0], failed_calls: 1 },
  ],
  item_results: [
    { item_id: 'a1b2c3d4', dataset_id: 'r1', query: 'What is the refund window?', actual_output: 'Thirty days.', expected_output: '30 days', metric_scores: { answer_relevancy: 0.8, exact_string_match: 0 }, metric_reasons: { answer_relevancy: 'States the window directly.', exact_string_match: 'Texts differ.' }, passed: false },
    { item_id: 'e5f6a7b8', dataset_id: 'r2', query: 'Do you ship abroad?', actual_output: 'Yes', expected_output: 'Yes', metric_scores: { answer_relevancy: 1, exact_string_match: 1 }, metric_reasons: { answer_relevancy: 'Direct answer.', exact_string_match: 'Identical.' }, passed: true },
  ],
  items_truncated: false,
  dataframe_columns: [],
  dataframe_records: [],
} satisfies RunSummary;

export function runRecord(id: string, status: RunStatus, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    run_id: id,
    evaluation_name: `eval ${id}`,
    status,
    total_items: 3,
    total_evaluations: 6,
    completed_evaluations: status === 'completed' ? 6 : 2,
    metrics: ['answer_relevancy', 'exact_string_match'],
    created_at: '2026-12-05T10:00:00Z',
    finished_at: status === 'running' ? null : '2026-12-05T10:05:00Z',
    average_score: status === 'completed' ? 0.5417 : null,
    overall_pass_rate: status === 'completed' ? 0.6667 : null,
    dataset_id: status === 'completed' ? `ds-${id}` : null,
    error: status === 'failed' ? 'Provider timed out' : null,
    usage: { llm_calls: 3, input_tokens: 900, output_tokens: 120 },
    ...extra,
  };
}
