import { Boxes } from 'lucide-react';
import { EmptyState, ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { useBatches } from '../../lib/memory/queries';
import { batchBar, share } from '../../lib/memory/rules';
import type { Batch } from '../../lib/memory/types';

const SEGMENTS = [
  { key: 'ingested', label: 'Ingested', color: 'bg-success' },
  { key: 'pending', label: 'Pending', color: 'bg-warning' },
  { key: 'failed', label: 'Failed', color: 'bg-error' },
  { key: 'other', label: 'Other', color: 'bg-ink-muted' },
] as const;

function BatchCard({ batch }: { batch: Batch }) {
  const bar = batchBar(batch);
  return (
    <article className="rounded-xl border bg-white px-5 py-4 shadow-card" data-testid={`batch-${batch.batch_id}`}>
      <div className="flex items-start justify-between gap-3">
        <h3 className="font-mono text-sm font-semibold text-ink">{batch.batch_id}</h3>
        <span className="text-xs text-ink-muted" data-testid="batch-count">
          {batch.rules_count} {batch.rules_count === 1 ? 'rule' : 'rules'}
        </span>
      </div>
      {batch.created_at ? <p className="mt-0.5 text-xs text-ink-muted">Created {batch.created_at}</p> : null}
      <div className="mt-3 flex h-2.5 overflow-hidden rounded-full bg-canvas" role="img" aria-label={SEGMENTS.map((s) => `${s.label} ${bar[s.key]}`).join(', ')}>
        {SEGMENTS.map((s) =>
          bar[s.key] > 0 ? <div key={s.key} className={s.color} style={{ width: share(bar[s.key], bar.total) }} data-testid={`batch-bar-${s.key}`} /> : null,
        )}
      </div>
      <p className="mt-2 flex flex-wrap gap-x-3 text-xs text-ink-secondary" data-testid="batch-statuses">
        {SEGMENTS.filter((s) => s.key !== 'other' || bar.other > 0).map((s) => (
          <span key={s.key}>
            {s.label} {bar[s.key]}
          </span>
        ))}
      </p>
      {batch.risk_categories.length > 0 ? (
        <div className="mt-3 flex flex-wrap gap-1">
          {batch.risk_categories.map((c) => (
            <span key={c} className="rounded-full bg-primary-pale/40 px-2 py-0.5 text-[11px] text-ink-secondary">
              {c}
            </span>
          ))}
        </div>
      ) : null}
    </article>
  );
}

/** One card per ingestion batch with its status split. */
export function BatchesTab() {
  const batches = useBatches();
  if (batches.isPending) return <LoadingBlock />;
  if (batches.isError) return <ErrorBlock error={batches.error} onRetry={() => void batches.refetch()} />;
  if (batches.data.data.length === 0) return <EmptyState icon={Boxes} title="No batches" testId="batches-empty" />;
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="batches-tab">
      {batches.data.data.map((b) => (
        <BatchCard key={b.batch_id} batch={b} />
      ))}
    </div>
  );
}
