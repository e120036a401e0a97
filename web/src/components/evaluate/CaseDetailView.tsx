import { ArrowLeft } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatWeight, cellText } from '../../lib/evaluate/format';
import { useCase } from '../../lib/evaluate/queries';
import type { EvalScope } from '../../lib/evaluate/api';
import { ScorePill } from './Score';
import { ErrorBlock, LoadingBlock } from './StateViews';

function TextBlock({ label, children, tone }: { label: string; children: ReactNode; tone?: 'output' | 'expected' }) {
  const border = tone === 'output' ? 'border-l-primary' : tone === 'expected' ? 'border-l-success' : 'border-l-line';
  return (
    <div>
      <h4 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">{label}</h4>
      <div className={`max-h-60 overflow-y-auto whitespace-pre-wrap break-words rounded-lg border border-l-4 ${border} bg-canvas/60 px-3 py-2 text-sm leading-relaxed text-ink`}>
        {children}
      </div>
    </div>
  );
}

function metadataText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed && typeof parsed === 'object' && Object.keys(parsed).length === 0) return null;
      return JSON.stringify(parsed, null, 2);
    } catch {
      return value;
    }
  }
  if (typeof value === 'object' && Object.keys(value as object).length === 0) return null;
  return JSON.stringify(value, null, 2);
}

interface CaseDetailViewProps {
  scope: EvalScope;
  caseId: string;
  onBack?: () => void;
  backLabel?: string;
}

/** One test case: query, output, expected output and every metric's score and explanation. */
export function CaseDetailView({ scope, caseId, onBack, backLabel = 'Back' }: CaseDetailViewProps) {
  const { data, isPending, isError, error, refetch } = useCase(scope, caseId);
  const detail = data?.case;
  const evalMeta = metadataText(detail?.evaluation_metadata);
  const dataMeta = metadataText(detail?.data_metadata);

  return (
    <div data-testid="case-detail">
      {onBack ? (
        <button type="button" onClick={onBack} className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-primary hover:text-primary-dark" data-testid="case-back">
          <ArrowLeft className="h-4 w-4" aria-hidden="true" />
          {backLabel}
        </button>
      ) : null}
      {isPending ? <LoadingBlock label="Loading the case…" /> : null}
      {isError ? <ErrorBlock error={error} onRetry={() => void refetch()} title="Could not load this case" /> : null}
      {detail ? (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <span className="rounded-md bg-canvas px-2 py-1 font-mono text-xs text-ink-secondary ring-1 ring-line">{detail.dataset_id}</span>
            {detail.evaluation_name ? <span className="text-xs text-ink-muted">Experiment: {detail.evaluation_name}</span> : null}
            <span className="ml-auto flex items-center gap-2 text-xs text-ink-muted">
              Overall <ScorePill value={detail.overall_score} testId="case-overall" />
            </span>
          </div>
          <TextBlock label="Query">{cellText(detail.query) || '—'}</TextBlock>
          <div className="grid gap-4 md:grid-cols-2">
            <TextBlock label="Actual output" tone="output">
              {cellText(detail.actual_output) || '—'}
            </TextBlock>
            <TextBlock label="Expected output" tone="expected">
              {cellText(detail.expected_output) || '—'}
            </TextBlock>
          </div>
          <div>
            <h4 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Metrics ({detail.metrics?.length ?? 0})</h4>
            <ul className="divide-y rounded-lg border">
              {(detail.metrics ?? []).map((m) => (
                <li key={`${m.parent ?? ''}/${m.metric_name}`} className="flex items-start gap-3 px-3 py-2.5" data-testid="case-metric">
                  <ScorePill value={m.score} />
                  <div className="min-w-0 flex-1">
                    <p className="text-sm font-medium text-ink">
                      {m.metric_name}
                      {m.parent ? <span className="ml-2 text-xs font-normal text-ink-muted">in {m.parent}</span> : null}
                      {typeof m.weight === 'number' ? <span className="ml-2 text-xs font-normal text-ink-muted">weight {formatWeight(m.weight)}</span> : null}
                    </p>
                    {m.explanation ? <p className="mt-0.5 whitespace-pre-wrap text-xs leading-relaxed text-ink-secondary">{m.explanation}</p> : null}
                  </div>
                </li>
              ))}
            </ul>
          </div>
          {evalMeta || dataMeta ? (
            <div className="grid gap-4 md:grid-cols-2">
              {evalMeta ? (
                <div>
                  <h4 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Evaluation metadata</h4>
                  <pre className="max-h-40 overflow-auto rounded-lg bg-canvas p-3 text-xs text-ink-secondary">{evalMeta}</pre>
                </div>
              ) : null}
              {dataMeta ? (
                <div>
                  <h4 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Data metadata</h4>
                  <pre className="max-h-40 overflow-auto rounded-lg bg-canvas p-3 text-xs text-ink-secondary">{dataMeta}</pre>
                </div>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
