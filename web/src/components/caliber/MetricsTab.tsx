import { AlertTriangle } from 'lucide-react';
import { confusion, isWide, kappaBand, kappaText, leaning } from '../../lib/align/stats';
import type { AlignmentMetrics } from '../../lib/align/types';
import { formatPercent } from '../../lib/evaluate/format';
import { cn } from '../../lib/cn';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border bg-white px-4 py-3">
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 text-xl font-bold tabular-nums text-ink" data-testid={testId}>{value}</dd>
    </div>
  );
}

function Cell({ count, title, hint, good, testId }: { count: number; title: string; hint: string; good: boolean; testId: string }) {
  return (
    <td className={cn('border px-4 py-3 text-center', good ? 'bg-success/10' : count > 0 ? 'bg-error/10' : 'bg-white')} data-testid={testId}>
      <span className="block text-2xl font-bold tabular-nums text-ink">{count}</span>
      <span className="block text-xs font-semibold text-ink-secondary">{title}</span>
      <span className="block text-[11px] text-ink-muted">{hint}</span>
    </td>
  );
}

/** Agreement statistics of a judge run: κ with its band and interval, F1 and friends, the confusion matrix. */
export function MetricsTab({ metrics }: { metrics: AlignmentMetrics }) {
  const ci = metrics.confidence_intervals;
  const c = confusion(metrics);
  const lean = leaning(c);
  return (
    <div className="space-y-5">
      <section className="rounded-xl border bg-white px-5 py-4" data-testid="kappa">
        <p className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Cohen's kappa</p>
        <p className="mt-1 text-2xl font-bold text-ink" data-testid="kappa-text">{kappaText(metrics.cohens_kappa, ci?.cohens_kappa ?? null, ci?.level ?? null)}</p>
        <p className="text-sm text-ink-secondary" data-testid="kappa-band">
          {kappaBand(metrics.cohens_kappa)} agreement
        </p>
        {ci && isWide(ci.cohens_kappa) ? (
          <p className="mt-2 flex items-center gap-1.5 text-xs text-warning" data-testid="kappa-wide">
            <AlertTriangle className="h-3.5 w-3.5" aria-hidden="true" />
            The interval is wide: label more records before trusting this κ.
          </p>
        ) : null}
        {ci ? <p className="mt-1 text-[11px] text-ink-muted">Bootstrap: {ci.resamples} resamples, seed {ci.seed}.</p> : null}
      </section>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Figure label="F1" value={metrics.f1_score.toFixed(2)} testId="metric-f1" />
        <Figure label="Alignment" value={formatPercent(metrics.accuracy)} testId="metric-alignment" />
        <Figure label="Precision" value={metrics.precision.toFixed(2)} testId="metric-precision" />
        <Figure label="Recall" value={metrics.recall.toFixed(2)} testId="metric-recall" />
        <Figure label="Specificity" value={metrics.specificity.toFixed(2)} testId="metric-specificity" />
      </dl>
      <section className="rounded-xl border bg-white px-5 py-4">
        <h3 className="text-sm font-semibold text-ink">Confusion matrix</h3>
        <p className="mt-1 text-sm text-ink-secondary" data-testid="confusion-verdict">
          {lean === 'too lenient'
            ? `The judge is too lenient: it accepted ${c.fp} response${c.fp === 1 ? '' : 's'} humans rejected, and rejected ${c.fn} humans accepted.`
            : lean === 'too strict'
              ? `The judge is too strict: it rejected ${c.fn} response${c.fn === 1 ? '' : 's'} humans accepted, and accepted ${c.fp} humans rejected.`
              : `The judge is neither too lenient nor too strict: ${c.fp} false accepts and ${c.fn} false rejects.`}
        </p>
        <table className="mt-3 border-collapse text-sm" data-testid="confusion-matrix">
          <caption className="sr-only">Human labels (rows) against judge labels (columns)</caption>
          <thead>
            <tr>
              <th className="px-3 py-2" />
              <th className="px-3 py-2 text-xs font-semibold text-ink-muted" scope="col">LLM rejects</th>
              <th className="px-3 py-2 text-xs font-semibold text-ink-muted" scope="col">LLM accepts</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th className="px-3 py-2 text-right text-xs font-semibold text-ink-muted" scope="row">Human rejects</th>
              <Cell count={c.tn} title="Agree: reject" hint="true negative" good testId="cm-tn" />
              <Cell count={c.fp} title="Too lenient" hint="false positive" good={false} testId="cm-fp" />
            </tr>
            <tr>
              <th className="px-3 py-2 text-right text-xs font-semibold text-ink-muted" scope="row">Human accepts</th>
              <Cell count={c.fn} title="Too strict" hint="false negative" good={false} testId="cm-fn" />
              <Cell count={c.tp} title="Agree: accept" hint="true positive" good testId="cm-tp" />
            </tr>
          </tbody>
        </table>
        <p className="mt-2 text-[11px] text-ink-muted">
          {metrics.agreement_count} of {metrics.total_samples} records agree.
        </p>
      </section>
    </div>
  );
}
