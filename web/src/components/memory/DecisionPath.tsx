import { ArrowRight } from 'lucide-react';
import { errorMessage } from '../evaluate/StateViews';
import { useTrace } from '../../lib/memory/queries';
import { thresholdText } from '../../lib/memory/rules';

function Step({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="min-w-[8rem] rounded-lg border bg-white px-3 py-2">
      <p className="text-[11px] font-medium uppercase tracking-wide text-ink-muted">{label}</p>
      <p className="text-sm font-medium text-ink" data-testid={testId}>
        {value === '' ? '—' : value}
      </p>
    </div>
  );
}

/** A rule's decision path from the server: risk factor → rule → action → outcome, with its threshold and mitigants. */
export function DecisionPath({ ruleId }: { ruleId: string }) {
  const trace = useTrace(ruleId);
  if (trace.isPending) return <p className="text-sm text-ink-muted">Loading the decision path…</p>;
  if (trace.isError) return <p className="text-sm text-error">{errorMessage(trace.error)}</p>;
  const t = trace.data;
  const threshold = thresholdText(t);
  return (
    <div className="space-y-3" data-testid="decision-path">
      <div className="flex flex-wrap items-center gap-2">
        <Step label="Risk factor" value={t.group_by} testId="path-risk-factor" />
        <ArrowRight className="h-4 w-4 text-ink-muted" aria-hidden="true" />
        <Step label="Rule" value={t.name} testId="path-rule" />
        <ArrowRight className="h-4 w-4 text-ink-muted" aria-hidden="true" />
        <Step label="Action" value={t.action} testId="path-action" />
        <ArrowRight className="h-4 w-4 text-ink-muted" aria-hidden="true" />
        <Step label="Outcome" value={t.description} testId="path-outcome" />
      </div>
      <p className="text-xs text-ink-secondary">
        <span className="font-medium">Threshold:</span> <span data-testid="path-threshold">{threshold === '' ? 'none' : threshold}</span>
        <span className="mx-2 text-ink-muted">|</span>
        <span className="font-medium">Mitigants:</span>{' '}
        <span data-testid="path-mitigants">{t.mitigants.length === 0 ? 'none' : t.mitigants.join(', ')}</span>
      </p>
    </div>
  );
}
