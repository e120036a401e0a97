import { useEffect, useMemo, useState } from 'react';
import { useColumnChoice } from '../../lib/signals/columns';
import type { TimeWindow } from '../../lib/signals/timeRange';
import { cn } from '../../lib/cn';
import { useCasesPage } from '../../lib/signals/queries';
import type { CaseFilters, CaseSort, SignalsCase, TableColumn } from '../../lib/signals/types';
import { Pagination } from '../evaluate/Pagination';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { SelectField } from '../SelectField';
import { SortButton } from '../SortButton';
import { ColumnPicker } from './ColumnPicker';
import { ValueBadge } from './ValueBadge';
import { EmptyTableRow } from '../EmptyTableRow';
import { EyeButton } from '../EyeButton';

interface CasesTableProps {
  datasetId: string;
  filters: CaseFilters;
  /** The time range's window (empty: every case). */
  timeWindow: TimeWindow;
  columns: readonly TableColumn[];
  colorMaps: Record<string, Record<string, string>>;
  pageSize: number;
  onPageSize: (size: number) => void;
  onOpen: (c: SignalsCase) => void;
}

const SIZES = ['10', '25', '50', '100'];

/**
 * The cases matching the filters and window, sortable by header; the server filters, sorts and
 * pages. The column picker chooses among the configured columns (the first seven by default; the
 * choice is kept per dataset in localStorage). A row or its eye opens the case.
 */
export function CasesTable({ datasetId, filters, timeWindow, columns: configured, colorMaps, pageSize, onPageSize, onOpen }: CasesTableProps) {
  // signals_metrics.yaml entries are sent as written: a column without a key has nothing to show.
  const all = useMemo(() => configured.filter((c): c is TableColumn & { key: string } => typeof c.key === 'string'), [configured]);
  const keys = useMemo(() => all.map((c) => c.key), [all]);
  const [visible, setVisible] = useColumnChoice(datasetId, keys);
  const columns = all.filter((c) => visible.includes(c.key));
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<CaseSort | null>(null);
  useEffect(() => setPage(1), [filters, pageSize, timeWindow]);
  const query = useCasesPage({ datasetId, filters, sort, page, pageSize, window: timeWindow });
  const rows = query.data?.data ?? [];
  const total = query.data?.total ?? query.data?.row_count ?? 0;
  const toggle = (key: string) => {
    setPage(1);
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  };

  return (
    <section className="space-y-3" data-testid="signals-cases">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-sm font-semibold text-ink">
          Cases <span className="font-normal text-ink-muted" data-testid="signals-case-count">({total})</span>
        </h2>
        <div className="flex items-center gap-3">
          {all.length > 0 ? <ColumnPicker columns={all} visible={visible} onChange={setVisible} /> : null}
          <SelectField label="Rows" value={String(pageSize)} options={SIZES} onChange={(v) => onPageSize(Number(v))} testId="signals-page-size" />
        </div>
      </div>
      {query.isPending ? <LoadingBlock label="Loading cases…" /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      <div className={cn('overflow-x-auto rounded-xl border bg-white shadow-card transition-opacity', query.isFetching && 'opacity-70', !query.data && 'hidden')}>
        <table className="min-w-full text-left text-xs">
          <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
            <tr>
              {columns.map((c) => (
                <th key={c.key} className="whitespace-nowrap px-3 py-2 font-semibold">
                  {c.sortable === false ? (
                    (c.label ?? c.key)
                  ) : (
                    <SortButton label={c.label ?? c.key} dir={sort?.key === c.key ? sort.dir : null} onClick={() => toggle(c.key)} testId={`signals-sort-${c.key}`} />
                  )}
                </th>
              ))}
              <th className="px-3 py-2">
                <span className="sr-only">Open</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {rows.length === 0 ? (
              <EmptyTableRow colSpan={columns.length + 1}>No cases match the filters.</EmptyTableRow>
            ) : (
              rows.map((c, i) => (
                <tr key={`${String(c.Case_ID)}-${i}`} onClick={() => onOpen(c)} className="cursor-pointer hover:bg-canvas/60" data-testid="signals-case-row">
                  {columns.map((col) => (
                    <td key={col.key} className="max-w-[18rem] px-3 py-2 align-top text-ink-secondary">
                      <ValueBadge value={c[col.key]} color={colorMaps[col.key]?.[String(c[col.key])]} />
                    </td>
                  ))}
                  <td className="px-3 py-2 text-ink-muted">
                    <EyeButton label={`Open case ${String(c.Case_ID)}`} onOpen={() => onOpen(c)} testId="signals-case-open" />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={pageSize} total={total} onPage={setPage} testId="signals-pagination" />
    </section>
  );
}
