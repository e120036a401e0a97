import { OctagonX } from 'lucide-react';
import { useState } from 'react';
import { Pagination } from '../evaluate/Pagination';
import { EmptyState, ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { useHardStops } from '../../lib/memory/queries';
import { HARD_STOPS_PAGE_SIZE, pageOf, rulesOfAgent, thresholdText } from '../../lib/memory/rules';

/** Declines with no mitigant, as red-bordered cards, ten per page. */
export function HardStopsTab({ agent }: { agent: string }) {
  const stops = useHardStops();
  const [page, setPage] = useState(1);
  if (stops.isPending) return <LoadingBlock />;
  if (stops.isError) return <ErrorBlock error={stops.error} onRetry={() => void stops.refetch()} />;
  const rules = rulesOfAgent(stops.data.data, agent);
  if (rules.length === 0) return <EmptyState icon={OctagonX} title="No hard stops" message="No rule declines without a mitigant." testId="hard-stops-empty" />;
  const current = Math.min(page, Math.ceil(rules.length / HARD_STOPS_PAGE_SIZE));
  return (
    <div className="space-y-4" data-testid="hard-stops-tab">
      <div className="grid gap-4 md:grid-cols-2">
        {pageOf(rules, current, HARD_STOPS_PAGE_SIZE).map((r) => (
          <article key={r.id} className="rounded-xl border border-l-4 border-l-error bg-white px-5 py-4 shadow-card" data-testid="hard-stop-card">
            <div className="flex items-start justify-between gap-3">
              <h3 className="text-sm font-semibold text-ink">{r.name}</h3>
              <span className="rounded-full bg-error/10 px-2 py-0.5 text-xs font-semibold uppercase text-error">{r.action}</span>
            </div>
            <dl className="mt-2 grid grid-cols-[auto,1fr] gap-x-3 gap-y-1 text-xs">
              <dt className="text-ink-muted">Risk factor</dt>
              <dd className="text-ink-secondary">{r.group_by || '—'}</dd>
              <dt className="text-ink-muted">Product</dt>
              <dd className="text-ink-secondary">{r.product || '—'}</dd>
              <dt className="text-ink-muted">Threshold</dt>
              <dd className="text-ink-secondary">{thresholdText(r) || '—'}</dd>
            </dl>
            {r.description ? <p className="mt-2 text-sm text-ink-secondary">{r.description}</p> : null}
          </article>
        ))}
      </div>
      <Pagination page={current} pageSize={HARD_STOPS_PAGE_SIZE} total={rules.length} onPage={setPage} testId="hard-stops-pagination" />
    </div>
  );
}
