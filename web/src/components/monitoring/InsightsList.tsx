import { ChevronDown } from 'lucide-react';
import { useEffect, useState } from 'react';
import { cn } from '../../lib/cn';
import { formatDateTime } from '../../lib/evaluate/format';
import type { FilterParams } from '../../lib/monitoring/filters';
import { useInsights } from '../../lib/monitoring/queries';
import type { InsightRecord } from '../../lib/monitoring/types';
import { Pagination } from '../evaluate/Pagination';
import { QueryView } from '../QueryView';
import { SelectField } from '../SelectField';
import { SignalBadges } from './SignalBadges';

const PAGE_SIZE = 10;

function InsightCard({ record, open, onToggle }: { record: InsightRecord; open: boolean; onToggle: () => void }) {
  const source = [record.source_info?.source_name, record.source_info?.environment].filter(Boolean).join(' · ');
  return (
    <li className="rounded-xl border bg-white shadow-card" data-testid="insight-card">
      <button type="button" onClick={onToggle} aria-expanded={open} className="flex w-full items-center gap-3 px-4 py-3 text-left">
        <ChevronDown className={cn('h-4 w-4 shrink-0 text-ink-muted transition', !open && '-rotate-90')} aria-hidden="true" />
        <span className="rounded bg-primary-pale/60 px-1.5 py-0.5 text-[11px] font-semibold text-primary-dark">{record.metric_name}</span>
        <span className="min-w-0 flex-1 truncate text-sm text-ink">{record.query || record.dataset_id}</span>
        <span className="shrink-0 text-[11px] text-ink-muted">{formatDateTime(record.timestamp)}</span>
      </button>
      {open ? (
        <div className="space-y-3 border-t px-4 py-3 text-sm">
          {source ? <p className="text-xs text-ink-muted">{source}</p> : null}
          {record.query ? <p><span className="font-semibold text-ink">Query: </span>{record.query}</p> : null}
          {record.explanation ? <p className="text-ink-secondary">{record.explanation}</p> : null}
          <SignalBadges signals={record.signals} />
        </div>
      ) : null}
    </li>
  );
}

/** ANALYSIS records, ten per page, newest first; the first card starts open. */
export function InsightsList({ params }: { params: FilterParams }) {
  const [page, setPage] = useState(1);
  const [metric, setMetric] = useState('');
  const [open, setOpen] = useState<number | null>(0);
  const insights = useInsights(params, page, PAGE_SIZE, metric);
  const records = insights.data?.records ?? [];
  const paramsKey = JSON.stringify(params);

  useEffect(() => {
    setPage(1);
  }, [paramsKey, metric]);
  useEffect(() => {
    setOpen(0);
  }, [page, paramsKey, metric]);

  return (
    <div className="space-y-4" data-testid="insights">
      {(insights.data?.metric_names?.length ?? 0) > 1 ? (
        <SelectField label="Metric" value={metric} options={insights.data?.metric_names ?? []} emptyLabel="All" onChange={setMetric} testId="insights-metric" />
      ) : null}
      <QueryView query={insights} loadingLabel="Loading insights…" empty={records.length === 0} emptyText="No analysis records for these filters.">
        <ul className="space-y-2">
          {records.map((r, i) => (
            <InsightCard key={`${r.dataset_id}-${r.metric_name}-${i}`} record={r} open={open === i} onToggle={() => setOpen(open === i ? null : i)} />
          ))}
        </ul>
        <Pagination page={page} pageSize={PAGE_SIZE} total={insights.data?.total_count ?? 0} onPage={setPage} testId="insights-pagination" />
      </QueryView>
    </div>
  );
}
