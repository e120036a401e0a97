import { useMutation } from '@tanstack/react-query';
import { Bot, Plug, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { testConnection } from '../../lib/evalrun/api';
import { agentConfig, type AgentForm } from '../../lib/evalrun/setup';
import type { AgentType } from '../../lib/evalrun/types';
import { Button } from '../Button';
import { Card } from '../Card';
import { ErrorLine, Field, INPUT_CLASS } from '../database/Field';
import { errorMessage } from '../evaluate/StateViews';
import { Segmented } from '../Segmented';
import { ModelFields } from './ModelFields';

const TYPES: Array<{ value: AgentType; label: string }> = [
  { value: 'none', label: 'Dataset outputs' },
  { value: 'prompt', label: 'Prompt' },
  { value: 'api', label: 'Agent API' },
];

interface AgentStepProps {
  form: AgentForm;
  onChange: (patch: Partial<AgentForm>) => void;
  onBack: () => void;
  onNext: () => void;
}

function ConnectionTest({ form }: { form: AgentForm }) {
  const [query, setQuery] = useState('Hello, how are you?');
  const test = useMutation({ mutationFn: () => testConnection(agentConfig(form), query) });
  const reply = test.data;
  return (
    <div className="mt-5 space-y-3 border-t pt-4">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Sample query" className="min-w-[16rem] flex-1">
          <input className={INPUT_CLASS} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="runner-sample-query" />
        </Field>
        <Button onClick={() => test.mutate()} disabled={test.isPending} data-testid="runner-test-connection">
          <Plug className="h-4 w-4" aria-hidden="true" />
          {test.isPending ? 'Testing…' : 'Test connection'}
        </Button>
      </div>
      {test.isError ? <ErrorLine text={errorMessage(test.error)} testId="runner-test-error" /> : null}
      {reply && !reply.success ? <ErrorLine text={reply.error ?? 'The agent did not answer.'} testId="runner-test-error" /> : null}
      {reply && reply.success ? (
        <div className="rounded-lg border border-success/30 bg-success/5 px-3 py-2 text-sm" data-testid="runner-test-result">
          <p className="text-xs font-semibold text-success">
            Connected{reply.latency_ms !== null ? ` · ${Math.round(reply.latency_ms)} ms` : ''}
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words text-ink-secondary">{reply.sample_output}</p>
        </div>
      ) : null}
    </div>
  );
}

/** Step 2: where the outputs come from: the dataset, a prompt to a model, or an agent's HTTP API. */
export function AgentStep({ form, onChange, onBack, onNext }: AgentStepProps) {
  const setHeader = (i: number, patch: Partial<{ name: string; value: string }>) =>
    onChange({ headers: form.headers.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  return (
    <div className="space-y-6">
      <Card title="Agent" icon={<Bot className="h-4 w-4 text-primary" aria-hidden="true" />} actions={<Segmented label="Agent type" options={TYPES} value={form.type} onChange={(type) => onChange({ type })} testIdPrefix="agent-type" />}>
        {form.type === 'none' ? (
          <p className="text-sm text-ink-secondary" data-testid="agent-none">
            The mapped Actual output column is scored as it is; no model or agent is called for outputs.
          </p>
        ) : null}
        {form.type === 'prompt' ? (
          <div className="grid gap-3 md:grid-cols-2">
            <ModelFields label="" provider={form.provider} model={form.model} onChange={(provider, model) => onChange({ provider, model })} testIdPrefix="agent" />
            <Field label="System prompt" className="md:col-span-2">
              <textarea className={INPUT_CLASS} rows={3} value={form.systemPrompt} onChange={(e) => onChange({ systemPrompt: e.target.value })} data-testid="agent-system-prompt" />
            </Field>
            <Field label="User prompt template" className="md:col-span-2" hint="{{query}} is replaced by each row's query.">
              <textarea className={INPUT_CLASS} rows={2} value={form.userTemplate} onChange={(e) => onChange({ userTemplate: e.target.value })} data-testid="agent-user-template" />
            </Field>
          </div>
        ) : null}
        {form.type === 'api' ? (
          <div className="space-y-3">
            <Field label="Endpoint URL">
              <input className={INPUT_CLASS} type="url" value={form.endpointUrl} placeholder="https://agent.example.com/chat" onChange={(e) => onChange({ endpointUrl: e.target.value })} data-testid="agent-url" />
            </Field>
            <fieldset>
              <legend className="mb-1 text-xs font-medium text-ink-muted">Headers</legend>
              <div className="space-y-2">
                {form.headers.map((h, i) => (
                  <div key={i} className="flex gap-2">
                    <input className={INPUT_CLASS} aria-label={`Header ${i + 1} name`} placeholder="Name" value={h.name} onChange={(e) => setHeader(i, { name: e.target.value })} data-testid={`agent-header-name-${i}`} />
                    <input className={INPUT_CLASS} aria-label={`Header ${i + 1} value`} placeholder="Value" value={h.value} onChange={(e) => setHeader(i, { value: e.target.value })} data-testid={`agent-header-value-${i}`} />
                    <Button aria-label={`Remove header ${i + 1}`} onClick={() => onChange({ headers: form.headers.filter((_, j) => j !== i) })}>
                      <Trash2 className="h-4 w-4" aria-hidden="true" />
                    </Button>
                  </div>
                ))}
                <Button onClick={() => onChange({ headers: [...form.headers, { name: '', value: '' }] })} data-testid="agent-add-header">
                  <Plus className="h-4 w-4" aria-hidden="true" />
                  Add header
                </Button>
              </div>
            </fieldset>
            <Field label="Request template" hint="JSON; {{query}} is replaced by each row's query.">
              <textarea className={`${INPUT_CLASS} font-mono`} rows={3} value={form.requestTemplate} onChange={(e) => onChange({ requestTemplate: e.target.value })} data-testid="agent-request-template" />
            </Field>
            <Field label="Response path" hint="Dot path to the answer in the reply, e.g. .response or .choices.0.text">
              <input className={`${INPUT_CLASS} font-mono`} value={form.responsePath} onChange={(e) => onChange({ responsePath: e.target.value })} data-testid="agent-response-path" />
            </Field>
          </div>
        ) : null}
        <ConnectionTest form={form} />
      </Card>
      <div className="flex justify-between">
        <Button onClick={onBack}>Back</Button>
        <Button variant="primary" onClick={onNext} disabled={form.type === 'api' && form.endpointUrl.trim() === ''} data-testid="runner-agent-next">
          Next: metrics
        </Button>
      </div>
    </div>
  );
}
