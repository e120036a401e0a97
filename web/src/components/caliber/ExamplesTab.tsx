import { useMutation } from '@tanstack/react-query';
import { Trash2, Wand2 } from 'lucide-react';
import { useState } from 'react';
import { suggestExamples } from '../../lib/align/api';
import type { AlignRecord, ExampleStrategy, FewShotExample, HumanScore } from '../../lib/align/types';
import { Button } from '../Button';
import { ErrorLine, Field, INPUT_CLASS } from '../database/Field';
import { errorMessage } from '../evaluate/StateViews';
import { StatusBadge } from '../StatusBadge';

const STRATEGIES: ExampleStrategy[] = ['diverse', 'representative', 'edge_cases', 'recent'];

interface ExamplesTabProps {
  examples: FewShotExample[];
  records: AlignRecord[];
  scores: Record<string, HumanScore>;
  onChange: (examples: FewShotExample[]) => void;
}

/** The judge's few-shot examples: suggested from the labelled records, removable one by one. */
export function ExamplesTab({ examples, records, scores, onChange }: ExamplesTabProps) {
  const [strategy, setStrategy] = useState<ExampleStrategy>('diverse');
  const [count, setCount] = useState(4);
  const suggest = useMutation({
    mutationFn: () => suggestExamples(records, scores, strategy, count),
    onSuccess: (reply) => onChange(reply.examples),
  });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Strategy">
          <select className={INPUT_CLASS} value={strategy} onChange={(e) => setStrategy(e.target.value as ExampleStrategy)} data-testid="examples-strategy">
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </Field>
        <Field label="How many (1–10)">
          <input type="number" min={1} max={10} className={`${INPUT_CLASS} w-20`} value={count} onChange={(e) => setCount(Math.min(10, Math.max(1, Number(e.target.value) || 1)))} data-testid="examples-count" />
        </Field>
        <Button onClick={() => suggest.mutate()} disabled={suggest.isPending || Object.keys(scores).length === 0} data-testid="examples-suggest">
          <Wand2 className="h-4 w-4" aria-hidden="true" />
          Suggest
        </Button>
      </div>
      {suggest.isError ? <ErrorLine text={errorMessage(suggest.error)} testId="examples-error" /> : null}
      {examples.length === 0 ? <p className="text-sm text-ink-muted">No examples: the judge works zero-shot.</p> : null}
      <ul className="space-y-2" data-testid="examples-list">
        {examples.map((ex, i) => (
          <li key={i} className="rounded-lg border px-3 py-2 text-xs">
            <div className="flex items-start justify-between gap-2">
              <p className="font-medium text-ink">{ex.query}</p>
              <div className="flex items-center gap-2">
                <StatusBadge tone={ex.score === 1 ? 'success' : 'error'} label={ex.score === 1 ? 'Accept' : 'Reject'} />
                <button type="button" aria-label={`Remove example ${i + 1}`} className="text-ink-muted hover:text-error" onClick={() => onChange(examples.filter((_, j) => j !== i))}>
                  <Trash2 className="h-3.5 w-3.5" aria-hidden="true" />
                </button>
              </div>
            </div>
            <p className="mt-1 line-clamp-2 text-ink-secondary">{ex.actual_output}</p>
            <p className="mt-1 text-ink-muted">{ex.reasoning}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
