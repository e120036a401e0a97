import { AlertTriangle, ListChecks, Search, Sparkles } from 'lucide-react';
import { useMemo, useState } from 'react';
import { cn } from '../../lib/cn';
import { MAX_CONCURRENT, missingFields, thresholdOf, type ColumnMapping, type MetricsForm } from '../../lib/evalrun/setup';
import type { AgentType, RunnerMetric } from '../../lib/evalrun/types';
import { formatCount } from '../../lib/evaluate/format';
import { Button } from '../Button';
import { Card } from '../Card';
import { Field, INPUT_CLASS } from '../database/Field';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { NumberField } from '../NumberField';
import { ModelFields } from './ModelFields';

interface MetricsStepProps {
  metrics: RunnerMetric[] | undefined;
  loading: boolean;
  error: unknown;
  form: MetricsForm;
  mapping: ColumnMapping;
  agent: AgentType;
  rowCount: number;
  onChange: (patch: Partial<MetricsForm>) => void;
  onBack: () => void;
  onRun: () => void;
}

function MetricRow({ metric, form, mapping, agent, onChange }: { metric: RunnerMetric; form: MetricsForm; mapping: ColumnMapping; agent: AgentType; onChange: MetricsStepProps['onChange'] }) {
  const selected = form.selected.includes(metric.key);
  const missing = missingFields(metric, mapping, agent);
  const toggle = () => onChange({ selected: selected ? form.selected.filter((k) => k !== metric.key) : [...form.selected, metric.key] });
  return (
    <li className={cn('rounded-lg border px-4 py-3', selected ? 'border-primary-soft bg-primary-pale/20' : 'bg-white')} data-testid={`metric-${metric.key}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <label className="flex min-w-0 flex-1 cursor-pointer items-start gap-3">
          <input type="checkbox" className="mt-1" checked={selected} onChange={toggle} data-testid={`metric-check-${metric.key}`} />
          <span className="min-w-0">
            <span className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink">
              {metric.name}
              <code className="text-[11px] font-normal text-ink-muted">{metric.key}</code>
              {metric.is_llm_based ? (
                <span className="inline-flex items-center gap-1 rounded-full bg-accent-gold/15 px-2 py-0.5 text-[11px] font-medium text-ink-secondary" data-testid={`metric-llm-${metric.key}`}>
                  <Sparkles className="h-3 w-3 text-accent-gold" aria-hidden="true" />
                  LLM · 1 model call per row
                </span>
              ) : null}
            </span>
            <span className="mt-0.5 block text-xs text-ink-muted">{metric.description}</span>
            <span className="mt-1 flex flex-wrap gap-1">
              {metric.tags.map((t) => (
                <span key={t} className="rounded bg-canvas px-1.5 py-0.5 text-[10px] text-ink-muted">
                  {t}
                </span>
              ))}
            </span>
          </span>
        </label>
        {selected ? (
          <NumberField
            label="Threshold"
            value={thresholdOf(form, metric)}
            min={metric.score_range[0]}
            max={metric.score_range[1]}
            step={0.05}
            onChange={(v) => onChange({ thresholds: { ...form.thresholds, [metric.key]: v } })}
            testId={`threshold-${metric.key}`}
          />
        ) : null}
      </div>
      {missing.length > 0 ? (
        <p className="mt-2 flex items-center gap-1.5 text-xs text-warning" data-testid={`metric-missing-${metric.key}`}>
          <AlertTriangle className="h-3.5 w-3.5" aria-hidden="true" />
          Needs {missing.join(', ')}, which no column is mapped to.
        </p>
      ) : null}
    </li>
  );
}

/** Step 3: which metrics to score, their thresholds, the judge model and the run's name. */
export function MetricsStep({ metrics, loading, error, form, mapping, agent, rowCount, onChange, onBack, onRun }: MetricsStepProps) {
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const tags = useMemo(() => [...new Set((metrics ?? []).flatMap((m) => m.tags))].sort(), [metrics]);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (metrics ?? []).filter(
      (m) => (!tag || m.tags.includes(tag)) && (!q || `${m.key} ${m.name} ${m.description}`.toLowerCase().includes(q)),
    );
  }, [metrics, search, tag]);
  const llmChosen = (metrics ?? []).filter((m) => m.is_llm_based && form.selected.includes(m.key)).length;
  const canRun = form.selected.length > 0 && form.evaluationName.trim() !== '';

  return (
    <div className="space-y-6">
      <Card title="Metrics" icon={<ListChecks className="h-4 w-4 text-primary" aria-hidden="true" />} actions={<span className="text-xs text-ink-muted" data-testid="metrics-selected-count">{form.selected.length} selected</span>}>
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <label className="relative min-w-[14rem] flex-1">
            <span className="sr-only">Search metrics</span>
            <Search className="pointer-events-none absolute left-2.5 top-2 h-4 w-4 text-ink-muted" aria-hidden="true" />
            <input className={`${INPUT_CLASS} pl-8`} placeholder="Search metrics" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="metrics-search" />
          </label>
          <div className="flex flex-wrap gap-1" role="group" aria-label="Filter by tag">
            {['', ...tags].map((t) => (
              <button
                key={t || 'all'}
                type="button"
                aria-pressed={tag === t}
                onClick={() => setTag(t)}
                data-testid={`metrics-tag-${t || 'all'}`}
                className={cn('rounded-full border px-2.5 py-0.5 text-xs', tag === t ? 'border-primary bg-primary text-white' : 'bg-white text-ink-muted hover:text-ink')}
              >
                {t || 'All'}
              </button>
            ))}
          </div>
        </div>
        {loading ? <LoadingBlock label="Loading metrics…" /> : null}
        {error ? <ErrorBlock error={error} title="Could not list the metrics" /> : null}
        <ul className="max-h-[32rem] space-y-2 overflow-auto pr-1" data-testid="metrics-list">
          {shown.map((m) => (
            <MetricRow key={m.key} metric={m} form={form} mapping={mapping} agent={agent} onChange={onChange} />
          ))}
          {metrics && shown.length === 0 ? <li className="py-6 text-center text-sm text-ink-muted">No metric matches.</li> : null}
        </ul>
      </Card>
      <Card title="Run settings">
        <div className="grid gap-3 md:grid-cols-2">
          <Field label="Evaluation name">
            <input className={INPUT_CLASS} value={form.evaluationName} onChange={(e) => onChange({ evaluationName: e.target.value })} data-testid="runner-eval-name" />
          </Field>
          <Field label={`Max concurrency (1–${MAX_CONCURRENT})`}>
            <input
              type="number"
              min={1}
              max={MAX_CONCURRENT}
              className={INPUT_CLASS}
              value={form.maxConcurrent}
              onChange={(e) => onChange({ maxConcurrent: Number(e.target.value) || 1 })}
              data-testid="runner-concurrency"
            />
          </Field>
          <ModelFields label="Judge" provider={form.judgeProvider} model={form.judgeModel} onChange={(judgeProvider, judgeModel) => onChange({ judgeProvider, judgeModel })} testIdPrefix="runner-judge" />
        </div>
        {llmChosen > 0 ? (
          <p className="mt-3 text-xs text-ink-muted" data-testid="runner-cost">
            {llmChosen} LLM-judged metric{llmChosen === 1 ? '' : 's'} × {formatCount(rowCount)} rows = about {formatCount(llmChosen * rowCount)} model calls.
          </p>
        ) : null}
      </Card>
      <div className="flex items-center justify-between gap-3">
        <Button onClick={onBack}>Back</Button>
        <div className="flex items-center gap-3">
          {!canRun ? <span className="text-xs text-ink-muted" data-testid="runner-run-hint">{form.selected.length === 0 ? 'Select at least one metric.' : 'Name the evaluation.'}</span> : null}
          <Button variant="primary" disabled={!canRun} onClick={onRun} data-testid="runner-start">
            Run evaluation
          </Button>
        </div>
      </div>
    </div>
  );
}
