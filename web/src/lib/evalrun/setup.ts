import type { AgentConfig, AgentType, RunnerMetric, RunRequest, RunnerDataset } from './types';

export interface MappingKey {
  key: string;
  label: string;
  required: boolean;
}

/** The fields a column can be mapped to, in the order the server's mapping lists them. */
export const MAPPING_KEYS: MappingKey[] = [
  { key: 'dataset_id', label: 'ID', required: true },
  { key: 'query', label: 'Query', required: true },
  { key: 'actual_output', label: 'Actual output', required: false },
  { key: 'expected_output', label: 'Expected output', required: false },
  { key: 'retrieved_content', label: 'Retrieved content', required: false },
  { key: 'conversation', label: 'Conversation', required: false },
  { key: 'latency', label: 'Latency', required: false },
  { key: 'tools_called', label: 'Tools called', required: false },
  { key: 'expected_tools', label: 'Expected tools', required: false },
  { key: 'acceptance_criteria', label: 'Acceptance criteria', required: false },
  { key: 'additional_input', label: 'Additional input', required: false },
  { key: 'document_text', label: 'Document text', required: false },
  { key: 'actual_reference', label: 'Actual reference', required: false },
  { key: 'expected_reference', label: 'Expected reference', required: false },
  { key: 'trace_id', label: 'Trace ID', required: false },
  { key: 'observation_id', label: 'Observation ID', required: false },
];

export type ColumnMapping = Record<string, string>;

/** The server's suggestion kept where it names a column of the dataset; empty for the rest. */
export function mappingFromSuggestion(suggested: Record<string, string | null>, columns: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const { key } of MAPPING_KEYS) {
    const column = suggested[key];
    if (column && columns.includes(column)) mapping[key] = column;
  }
  return mapping;
}

export function missingRequiredKeys(mapping: ColumnMapping): MappingKey[] {
  return MAPPING_KEYS.filter((k) => k.required && !mapping[k.key]);
}

/** The required fields of a metric that neither the mapping nor the agent provides. */
export function missingFields(metric: RunnerMetric, mapping: ColumnMapping, agent: AgentType): string[] {
  return metric.required_fields.filter((f) => !(mapping[f] || (f === 'actual_output' && agent !== 'none')));
}

export interface HeaderRow {
  name: string;
  value: string;
}

export interface AgentForm {
  type: AgentType;
  endpointUrl: string;
  headers: HeaderRow[];
  requestTemplate: string;
  responsePath: string;
  provider: string;
  model: string;
  systemPrompt: string;
  userTemplate: string;
}

export const DEFAULT_AGENT: AgentForm = {
  type: 'none',
  endpointUrl: '',
  headers: [],
  requestTemplate: '{"message": "{{query}}"}',
  responsePath: '.response',
  provider: 'openai',
  model: 'gpt-4o',
  systemPrompt: '',
  userTemplate: '{{query}}',
};

export function agentConfig(form: AgentForm): AgentConfig {
  if (form.type === 'api') {
    const headers: Record<string, string> = {};
    for (const h of form.headers) if (h.name.trim()) headers[h.name.trim()] = h.value;
    return {
      type: 'api',
      api_config: { endpoint_url: form.endpointUrl.trim(), headers, request_template: form.requestTemplate, response_path: form.responsePath },
    };
  }
  if (form.type === 'prompt') {
    return {
      type: 'prompt',
      prompt_config: { model: form.model, provider: form.provider, system_prompt: form.systemPrompt, user_prompt_template: form.userTemplate },
    };
  }
  return { type: 'none' };
}

export interface MetricsForm {
  selected: string[];
  thresholds: Record<string, number>;
  evaluationName: string;
  maxConcurrent: number;
  judgeProvider: string;
  judgeModel: string;
}

export const DEFAULT_METRICS_FORM: MetricsForm = {
  selected: [],
  thresholds: {},
  evaluationName: '',
  maxConcurrent: 5,
  judgeProvider: 'openai',
  judgeModel: 'gpt-4o',
};

export const MAX_CONCURRENT = 20;

/** The threshold the run uses for a metric: the one typed, else the metric's default. */
export function thresholdOf(form: MetricsForm, metric: RunnerMetric): number {
  return form.thresholds[metric.key] ?? metric.default_threshold;
}

export function runRequest(
  dataset: RunnerDataset,
  mapping: ColumnMapping,
  agent: AgentForm,
  form: MetricsForm,
  metrics: RunnerMetric[],
): RunRequest {
  const chosen = metrics.filter((m) => form.selected.includes(m.key));
  const column_mapping: Record<string, string> = {};
  for (const [key, column] of Object.entries(mapping)) if (column) column_mapping[key] = column;
  return {
    evaluation_name: form.evaluationName.trim(),
    dataset: { columns: dataset.columns, data: dataset.data },
    column_mapping,
    agent_config: agentConfig(agent),
    metrics: chosen.map((m) => m.key),
    model_name: form.judgeModel.trim(),
    llm_provider: form.judgeProvider,
    max_concurrent: Math.min(MAX_CONCURRENT, Math.max(1, Math.round(form.maxConcurrent))),
    thresholds: Object.fromEntries(chosen.map((m) => [m.key, thresholdOf(form, m)])),
  };
}
