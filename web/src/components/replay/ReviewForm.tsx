import { CheckCircle2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';
import { cn } from '../../lib/cn';
import { useReplayDatasets, useSubmitReview } from '../../lib/replay/queries';
import { flattenTree, typeBadge } from '../../lib/replay/tree';
import type { ReviewBody, TraceDetail, Verdict } from '../../lib/replay/types';

export const TEXT_LIMIT = 2000;
export const DATASET_NAME_LIMIT = 200;

const VERDICTS: Array<{ id: Verdict; label: string; tone: string }> = [
  { id: 'positive', label: 'Positive', tone: 'border-success bg-success/10 text-success' },
  { id: 'neutral', label: 'Neutral', tone: 'border-ink-muted bg-canvas text-ink-secondary' },
  { id: 'negative', label: 'Negative', tone: 'border-error bg-error/10 text-error' },
];

const TEXTS = [
  { key: 'rationale', label: 'Rationale' },
  { key: 'expected_output', label: 'Expected output' },
  { key: 'tooling_needs', label: 'Tooling needs' },
] as const;

type TextKey = (typeof TEXTS)[number]['key'];

const inputClass = 'w-full rounded-lg border bg-white px-3 py-2 text-sm text-ink focus:border-primary-soft focus:outline-none';

interface ReviewFormProps {
  agent: string;
  agentLabel: string;
  trace: TraceDetail;
}

/** A review of the trace (POST /reviews): verdict, failing observation, three texts, and optionally a golden dataset item. */
export function ReviewForm({ agent, agentLabel, trace }: ReviewFormProps) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [failure, setFailure] = useState('');
  const [texts, setTexts] = useState<Record<TextKey, string>>({ rationale: '', expected_output: '', tooling_needs: '' });
  const [addToDataset, setAddToDataset] = useState(false);
  const [datasetName, setDatasetName] = useState('');
  const nodes = useMemo(() => flattenTree(trace.tree), [trace.tree]);
  const datasets = useReplayDatasets(agent, addToDataset);

  const submit = useSubmitReview(agent);
  const failureNode = nodes.find((n) => n.id === failure);

  const send = () => {
    if (!verdict) return;
    const node = failureNode;
    const body: ReviewBody = {
      trace_id: trace.id,
      agent: agent || null,
      agent_label: agent ? agentLabel : null,
      verdict,
      failure_observation_id: node?.id ?? null,
      failure_observation_name: node ? (node.name ?? null) : null,
      rationale: texts.rationale.trim(),
      expected_output: texts.expected_output.trim(),
      tooling_needs: texts.tooling_needs.trim(),
      trace_input: trace.trace_input ?? null,
      add_to_dataset: addToDataset,
      dataset_name: addToDataset && !node && datasetName.trim() !== '' ? datasetName.trim() : null,
    };
    submit.mutate(body);
  };

  return (
    <section className="rounded-xl border bg-white" data-testid="review-form" aria-label="Review this trace">
      <h3 className="border-b px-5 py-3 text-sm font-semibold text-ink">Review</h3>
      <div className="space-y-4 px-5 py-4">
        <fieldset>
          <legend className="mb-1.5 text-xs font-medium text-ink-muted">Verdict</legend>
          <div className="flex gap-2" role="radiogroup" aria-label="Verdict">
            {VERDICTS.map((v) => (
              <button
                key={v.id}
                type="button"
                role="radio"
                aria-checked={verdict === v.id}
                onClick={() => setVerdict(v.id)}
                className={cn('rounded-lg border px-3 py-1.5 text-sm font-medium transition', verdict === v.id ? v.tone : 'bg-white text-ink-secondary hover:border-primary-soft')}
                data-testid={`verdict-${v.id}`}
              >
                {v.label}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="block text-xs font-medium text-ink-muted">
          Failure step
          <select className={inputClass} value={failure} onChange={(e) => setFailure(e.target.value)} data-testid="review-failure">
            <option value="">None</option>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {`${'\u00a0\u00a0'.repeat(n.depth)}${typeBadge(n.type ?? '')} · ${n.name ?? n.id}`}
              </option>
            ))}
          </select>
        </label>
        {TEXTS.map(({ key, label }) => (
          <label key={key} className="block text-xs font-medium text-ink-muted">
            <span className="flex justify-between">
              {label}
              <span className={cn('tabular-nums', texts[key].length >= TEXT_LIMIT && 'text-error')} data-testid={`review-${key}-count`}>
                {texts[key].length}/{TEXT_LIMIT}
              </span>
            </span>
            <textarea
              className={inputClass}
              rows={key === 'rationale' ? 3 : 2}
              maxLength={TEXT_LIMIT}
              value={texts[key]}
              onChange={(e) => setTexts((t) => ({ ...t, [key]: e.target.value.slice(0, TEXT_LIMIT) }))}
              data-testid={`review-${key}`}
            />
          </label>
        ))}
        <label className="flex items-center gap-2 text-sm text-ink">
          <input type="checkbox" checked={addToDataset} onChange={(e) => setAddToDataset(e.target.checked)} data-testid="review-add-dataset" />
          Add to golden dataset
        </label>
        {addToDataset && failureNode ? (
          <p className="rounded-lg bg-canvas px-3 py-2 text-xs text-ink-secondary" data-testid="review-dataset-note">
            With a failure step chosen, the item is filed in the dataset named after that step: <span className="font-medium text-ink">{failureNode.name ?? failureNode.id}</span>.
          </p>
        ) : null}
        {addToDataset && !failureNode ? (
          <label className="block text-xs font-medium text-ink-muted">
            Dataset (an existing one, or a new name; empty uses the monthly default)
            <input
              className={inputClass}
              list="replay-datasets"
              maxLength={DATASET_NAME_LIMIT}
              value={datasetName}
              onChange={(e) => setDatasetName(e.target.value)}
              placeholder={datasets.isPending ? 'Loading datasets…' : `${agentLabel || agent || 'default'}-golden-YYYY-MM`}
              data-testid="review-dataset"
            />
            <datalist id="replay-datasets" data-testid="review-dataset-options">
              {(datasets.data?.datasets ?? []).map((d) => (
                <option key={d.id ?? d.name} value={d.name}>
                  {`${d.item_count} items`}
                </option>
              ))}
            </datalist>
            {datasets.isError ? <span className="mt-1 block text-error">{errorMessage(datasets.error)}</span> : null}
          </label>
        ) : null}
        <div className="flex items-center gap-3">
          <Button variant="primary" disabled={!verdict || submit.isPending} onClick={send} data-testid="review-submit">
            {submit.isPending ? 'Saving…' : 'Save review'}
          </Button>
          {!verdict ? <span className="text-xs text-ink-muted">Choose a verdict first.</span> : null}
        </div>
        {submit.isError ? (
          <p className="text-sm text-error" role="alert" data-testid="review-error">
            {errorMessage(submit.error)}
          </p>
        ) : null}
        {submit.data ? (
          <p className="flex items-center gap-2 text-sm text-success" role="status" data-testid="review-saved">
            <CheckCircle2 className="h-4 w-4" aria-hidden="true" />
            Saved {submit.data.scores_created} {submit.data.scores_created === 1 ? 'score' : 'scores'}
            {submit.data.dataset_item_created ? ` and a dataset item in ${submit.data.dataset_name}` : ''}.
          </p>
        ) : null}
      </div>
    </section>
  );
}
