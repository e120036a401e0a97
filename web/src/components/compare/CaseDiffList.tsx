import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { cn } from '../../lib/cn';
import { exportCompareCases, type CaseFilter } from '../../lib/evaluate/api';
import { sideName, winnerSide } from '../../lib/evaluate/compare';
import { formatSigned, truncate } from '../../lib/evaluate/format';
import { useCompareCases } from '../../lib/evaluate/queries';
import type { CaseWinner } from '../../lib/evaluate/types';
import { useDebounced } from '../../lib/evaluate/useDebounced';
import { Pagination } from '../evaluate/Pagination';
import { ScorePill } from '../evaluate/Score';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { EmptyTableRow } from '../EmptyTableRow';
import { ExportButtons } from './ExportButtons';

const FILTERS: Array<{ id: CaseFilter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'top', label: 'Top 20%' },
  { id: 'bottom', label: 'Bottom 20%' },
  { id: 'high_variance', label: 'High Variance' },
  { id: 'show_diff', label: 'Show Diff' },
];

const PAGE_SIZE = 15;

/** The query of the list as it opens (every case, first page), for starting it early. */
export function firstCasesPage(pair: { datasetId: string; baseline: string; challenger: string }) {
  return { ...pair, filter: 'all' as CaseFilter, winner: null, search: '', page: 1, pageSize: PAGE_SIZE };
}

interface CaseDiffListProps {
  datasetId: string;
  baseline: string;
  challenger: string;
  onOpenCase: (caseId: string) => void;
}

/** Cases scored by both experiments with their difference, filtered server-side; the server exports every matching case as CSV, JSON or Markdown. */
export function CaseDiffList({ datasetId, baseline, challenger, onOpenCase }: CaseDiffListProps) {
  const [filter, setFilter] = useState<CaseFilter>('all');
  const [winner, setWinner] = useState<CaseWinner | null>(null);
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText, 300);
  const [page, setPage] = useState(1);

  useEffect(() => setPage(1), [filter, winner, search, baseline, challenger]);

  const base = { datasetId, baseline, challenger, filter, winner, search };
  const { data, isPending, isError, error, refetch, isFetching } = useCompareCases({ ...base, page, pageSize: PAGE_SIZE });
  const cases = data?.cases ?? [];
  const counts = data?.counts ?? { Baseline: 0, Challenger: 0, Tie: 0 };
  const countTotal = (counts.Baseline ?? 0) + (counts.Challenger ?? 0) + (counts.Tie ?? 0);

  const winnerChips: Array<{ id: CaseWinner | null; label: string; count: number | null }> = [
    { id: null, label: 'Any winner', count: countTotal || null },
    { id: 'Baseline', label: baseline, count: counts.Baseline ?? 0 },
    { id: 'Challenger', label: challenger, count: counts.Challenger ?? 0 },
    { id: 'Tie', label: 'Tie', count: counts.Tie ?? 0 },
  ];

  return (
    <section className="rounded-xl border bg-white shadow-card" data-testid="case-diff">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b px-5 py-3">
        <h3 className="text-sm font-semibold text-ink">Per-case differences</h3>
        <ExportButtons nameParts={['comparison', baseline, 'vs', challenger]} disabled={!data} fetchFile={(format) => exportCompareCases(base, format)} />
      </div>
      <div className="flex flex-wrap items-center gap-3 border-b px-5 py-3">
        <div className="flex rounded-lg bg-canvas p-0.5 ring-1 ring-line" role="group" aria-label="Quick filter">
          {FILTERS.map((f) => (
            <button
              key={f.id}
              type="button"
              aria-pressed={filter === f.id}
              onClick={() => setFilter(f.id)}
              data-testid={`case-filter-${f.id}`}
              className={cn('rounded-md px-2.5 py-1 text-xs font-medium', filter === f.id ? 'bg-white text-primary shadow-card' : 'text-ink-muted hover:text-ink')}
            >
              {f.label}
            </button>
          ))}
        </div>
        <label className="relative ml-auto">
          <span className="sr-only">Search cases</span>
          <Search className="pointer-events-none absolute left-2.5 top-1/2 h-3.5 w-3.5 -translate-y-1/2 text-ink-muted" aria-hidden="true" />
          <input
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder="Search query or ID"
            className="w-56 rounded-lg border bg-white py-1.5 pl-8 pr-2 text-xs focus:border-primary-soft focus:outline-none"
          />
        </label>
      </div>
      <div className="flex flex-wrap gap-1.5 px-5 pt-3" role="group" aria-label="Winner">
        {winnerChips.map((c) => (
          <button
            key={c.label}
            type="button"
            aria-pressed={winner === c.id}
            onClick={() => setWinner(c.id)}
            data-testid={`winner-filter-${c.id ?? 'any'}`}
            className={cn(
              'flex items-center gap-1.5 rounded-full px-3 py-1 text-xs font-medium transition',
              winner === c.id ? 'bg-primary text-white' : 'bg-white text-ink-secondary ring-1 ring-line hover:text-primary',
            )}
          >
            {c.label}
            {c.count !== null ? <span className={cn('rounded-full px-1.5 text-[10px]', winner === c.id ? 'bg-white text-primary-dark' : 'bg-canvas')}>{c.count}</span> : null}
          </button>
        ))}
      </div>
      <div className="p-5 pt-3">
        {isPending ? <LoadingBlock label="Loading cases…" /> : null}
        {isError ? <ErrorBlock error={error} onRetry={() => void refetch()} /> : null}
        {data ? (
          <>
            <div className={cn('overflow-x-auto rounded-lg border transition-opacity', isFetching && 'opacity-70')}>
              <table className="min-w-full table-fixed text-left text-sm">
                <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
                  <tr>
                    <th className="w-32 px-3 py-2 font-semibold">ID</th>
                    <th className="px-3 py-2 font-semibold">Query</th>
                    <th className="w-28 px-3 py-2 font-semibold">{truncate(baseline, 14)}</th>
                    <th className="w-28 px-3 py-2 font-semibold">{truncate(challenger, 14)}</th>
                    <th className="w-20 px-3 py-2 text-right font-semibold">Diff</th>
                    <th className="w-32 px-3 py-2 font-semibold">Winner</th>
                  </tr>
                </thead>
                <tbody className="divide-y">
                  {cases.length === 0 ? (
                    <EmptyTableRow colSpan={6}>No cases match these filters.</EmptyTableRow>
                  ) : (
                    cases.map((c) => {
                      const side = winnerSide(c.winner, 'Baseline', 'Challenger');
                      const diff = c.diff;
                      return (
                        <tr key={c.dataset_id} className="cursor-pointer hover:bg-primary-pale/15" onClick={() => onOpenCase(String(c.dataset_id))}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') onOpenCase(String(c.dataset_id));
                          }}
                          tabIndex={0}
                          data-testid="case-diff-row"
                        >
                          <td className="truncate px-3 py-2.5 font-mono text-xs text-ink-secondary">{c.dataset_id}</td>
                          <td className="truncate px-3 py-2.5 text-ink" title={c.query ?? undefined}>
                            {c.query || '—'}
                          </td>
                          <td className="px-3 py-2.5">
                            <ScorePill value={c.baseline_score} />
                          </td>
                          <td className="px-3 py-2.5">
                            <ScorePill value={c.challenger_score} />
                          </td>
                          <td className={cn('px-3 py-2.5 text-right font-semibold tabular-nums', typeof diff === 'number' && diff > 0 ? 'text-success' : typeof diff === 'number' && diff < 0 ? 'text-error' : 'text-ink-muted')}>
                            {formatSigned(diff)}
                          </td>
                          <td className="truncate px-3 py-2.5 text-xs font-medium text-ink-secondary">{sideName(side, baseline, challenger)}</td>
                        </tr>
                      );
                    })
                  )}
                </tbody>
              </table>
            </div>
            <div className="mt-3">
              <Pagination page={page} pageSize={PAGE_SIZE} total={data.total ?? 0} onPage={setPage} testId="case-diff-pagination" />
            </div>
          </>
        ) : null}
      </div>
    </section>
  );
}
