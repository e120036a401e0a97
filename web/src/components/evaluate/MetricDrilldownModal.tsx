import { ArrowDownUp, Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { cn } from '../../lib/cn';
import type { EvalScope, ScoreBand } from '../../lib/evaluate/api';
import { formatCount, truncate } from '../../lib/evaluate/format';
import { useMetricCases } from '../../lib/evaluate/queries';
import { useDebounced } from '../../lib/evaluate/useDebounced';
import { Modal } from '../Modal';
import { CaseDetailView } from './CaseDetailView';
import { Pagination } from './Pagination';
import { ScorePill } from './Score';
import { ErrorBlock, LoadingBlock } from './StateViews';
import { EmptyTableRow } from '../EmptyTableRow';

const BANDS: Array<{ value: ScoreBand | null; label: string }> = [
  { value: null, label: 'All' },
  { value: 'fail', label: 'Fail < 0.5' },
  { value: 'pass', label: 'Pass ≥ 0.5' },
  { value: 'low', label: 'Low < 0.3' },
  { value: 'mid', label: 'Mid 0.3–0.7' },
  { value: 'high', label: 'High ≥ 0.7' },
];

const SORTS = [
  { value: 'score:asc', label: 'Lowest score first' },
  { value: 'score:desc', label: 'Highest score first' },
  { value: 'dataset_id:asc', label: 'Case ID' },
] as const;

export const DRILLDOWN_PAGE_SIZE = 10;

interface MetricDrilldownModalProps {
  scope: EvalScope;
  metric: string | null;
  onClose: () => void;
}

/** The cases behind one metric: 10 a page, band filter, search and sort; a case opens its full view. */
export function MetricDrilldownModal({ scope, metric, onClose }: MetricDrilldownModalProps) {
  const [page, setPage] = useState(1);
  const [band, setBand] = useState<ScoreBand | null>(null);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<(typeof SORTS)[number]['value']>('score:asc');
  const [caseId, setCaseId] = useState<string | null>(null);
  const query = useDebounced(search, 300);

  useEffect(() => {
    setPage(1);
    setBand(null);
    setSearch('');
    setCaseId(null);
  }, [metric]);
  useEffect(() => setPage(1), [band, query, sort]);

  const [sortBy, sortDir] = sort.split(':') as ['score' | 'dataset_id', 'asc' | 'desc'];
  const { data, isPending, isError, error, refetch, isFetching } = useMetricCases(
    metric
      ? { ...scope, metric, page, pageSize: DRILLDOWN_PAGE_SIZE, band, search: query, sortBy, sortDir }
      : null,
  );
  const cases = data?.cases ?? [];
  const total = data?.total ?? 0;

  return (
    <Modal
      open={metric !== null}
      onClose={onClose}
      title={caseId ? `Case ${caseId}` : `${metric ?? ''} · cases`}
      className="max-h-[92vh] max-w-5xl overflow-y-auto"
      testId="drilldown-modal"
    >
      {caseId ? (
        <CaseDetailView scope={scope} caseId={caseId} onBack={() => setCaseId(null)} backLabel={`Back to ${metric} cases`} />
      ) : (
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <div className="flex flex-wrap gap-1" role="group" aria-label="Score band">
              {BANDS.map((b) => (
                <button
                  key={b.label}
                  type="button"
                  onClick={() => setBand(b.value)}
                  aria-pressed={band === b.value}
                  className={cn(
                    'rounded-full px-2.5 py-1 text-xs font-medium transition',
                    band === b.value ? 'bg-primary text-white' : 'bg-canvas text-ink-secondary ring-1 ring-line hover:text-primary',
                  )}
                >
                  {b.label}
                </button>
              ))}
            </div>
            <div className="ml-auto flex items-center gap-2">
              <label className="relative">
                <span className="sr-only">Search cases</span>
                <Search className="pointer-events-none absolute left-2.5 top-1/2 h-3.5 w-3.5 -translate-y-1/2 text-ink-muted" aria-hidden="true" />
                <input
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  placeholder="Search query or ID"
                  className="w-52 rounded-lg border bg-white py-1.5 pl-8 pr-2 text-xs text-ink placeholder:text-ink-muted focus:border-primary-soft focus:outline-none"
                  data-testid="drilldown-search"
                />
              </label>
              <label className="flex items-center gap-1.5 text-xs text-ink-muted">
                <ArrowDownUp className="h-3.5 w-3.5" aria-hidden="true" />
                <span className="sr-only">Sort</span>
                <select
                  value={sort}
                  onChange={(e) => setSort(e.target.value as typeof sort)}
                  className="rounded-lg border bg-white px-2 py-1.5 text-xs text-ink focus:border-primary-soft focus:outline-none"
                >
                  {SORTS.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </div>
          <div className="mt-4">
            {isPending ? <LoadingBlock label="Loading cases…" /> : null}
            {isError ? <ErrorBlock error={error} onRetry={() => void refetch()} title="Could not load the cases" /> : null}
            {data ? (
              <>
                <p className="mb-2 text-xs text-ink-muted">{formatCount(total)} matching cases</p>
                <div className={cn('overflow-hidden rounded-lg border transition-opacity', isFetching && 'opacity-70')}>
                  <table className="w-full table-fixed text-left text-sm">
                    <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
                      <tr>
                        <th className="w-32 px-3 py-2 font-semibold">ID</th>
                        <th className="px-3 py-2 font-semibold">Query</th>
                        <th className="w-24 px-3 py-2 font-semibold">Score</th>
                        <th className="px-3 py-2 font-semibold">Explanation</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y">
                      {cases.length === 0 ? (
                        <EmptyTableRow colSpan={4}>No cases match these filters.</EmptyTableRow>
                      ) : (
                        cases.map((c, i) => (
                          <tr
                            key={`${c.dataset_id}-${c.evaluation_name ?? ''}-${i}`}
                            className="cursor-pointer align-top hover:bg-primary-pale/20"
                            onClick={() => setCaseId(String(c.dataset_id))}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') setCaseId(String(c.dataset_id));
                            }}
                            tabIndex={0}
                            data-testid="drilldown-row"
                          >
                            <td className="truncate px-3 py-2.5 font-mono text-xs text-ink-secondary" title={String(c.dataset_id)}>
                              {c.dataset_id}
                            </td>
                            <td className="px-3 py-2.5 text-ink">{truncate(c.query, 110) || '—'}</td>
                            <td className="px-3 py-2.5">
                              <ScorePill value={c.score} />
                            </td>
                            <td className="px-3 py-2.5 text-xs leading-relaxed text-ink-secondary">{truncate(c.explanation, 160) || '—'}</td>
                          </tr>
                        ))
                      )}
                    </tbody>
                  </table>
                </div>
                <div className="mt-3">
                  <Pagination page={page} pageSize={DRILLDOWN_PAGE_SIZE} total={total} onPage={setPage} testId="drilldown-pagination" />
                </div>
              </>
            ) : null}
          </div>
        </div>
      )}
    </Modal>
  );
}
