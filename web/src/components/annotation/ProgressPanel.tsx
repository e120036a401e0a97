import { Check, Flag, Star, X } from 'lucide-react';
import type { ReactNode } from 'react';
import type { AnnotationProgress } from '../../lib/annotation/types';

function Counter({ icon, label, value, tone, testId }: { icon: ReactNode; label: string; value: number; tone: string; testId: string }) {
  return (
    <div className="rounded-lg bg-canvas px-3 py-2">
      <p className={`flex items-center gap-1.5 text-lg font-bold tabular-nums ${tone}`} data-testid={testId}>
        {icon}
        {value}
      </p>
      <p className="text-[11px] font-medium text-ink-muted">{label}</p>
    </div>
  );
}

/** Percent complete and the server's counters. */
export function ProgressPanel({ progress, total }: { progress: AnnotationProgress | null; total: number }) {
  const t = progress?.total || total;
  const done = progress?.annotated ?? 0;
  const pct = t > 0 ? Math.round((done / t) * 1000) / 10 : 0;
  return (
    <section className="rounded-xl border bg-white p-5 shadow-card" data-testid="annotation-progress">
      <div className="flex items-baseline justify-between">
        <h2 className="text-sm font-semibold text-ink">Progress</h2>
        <p className="text-xs text-ink-muted">
          <span className="font-semibold text-ink" data-testid="progress-annotated">
            {done}
          </span>{' '}
          of <span data-testid="progress-total">{t}</span> done
        </p>
      </div>
      <div className="mt-3 h-2.5 overflow-hidden rounded-full bg-canvas ring-1 ring-line/60" role="progressbar" aria-label="Annotation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="h-full rounded-full bg-gradient-to-r from-primary to-primary-light transition-all" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-right text-[11px] font-medium text-ink-muted" data-testid="progress-percent">
        {pct.toFixed(1)}% complete
      </p>
      <div className="mt-3 grid grid-cols-2 gap-2">
        <Counter icon={<Check className="h-4 w-4" aria-hidden="true" />} label="Accepted" value={progress?.accepted ?? 0} tone="text-success" testId="progress-accepted" />
        <Counter icon={<X className="h-4 w-4" aria-hidden="true" />} label="Rejected" value={progress?.rejected ?? 0} tone="text-error" testId="progress-rejected" />
        <Counter icon={<Star className="h-4 w-4" aria-hidden="true" />} label="Rated" value={progress?.rated ?? 0} tone="text-accent-gold" testId="progress-rated" />
        <Counter icon={<Flag className="h-4 w-4" aria-hidden="true" />} label="Flagged" value={progress?.flagged ?? 0} tone="text-warning" testId="progress-flagged" />
      </div>
      <p className="mt-3 text-[11px] text-ink-muted">
        Pending: {Math.max(0, t - done)} · Total: {t}
      </p>
    </section>
  );
}
