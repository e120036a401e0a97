import { Eye } from 'lucide-react';
import { useEffect, useState } from 'react';
import { cn } from '../../lib/cn';
import { useCasesPage } from '../../lib/signals/queries';
import type { CaseFilters, CaseSort, SignalsCase, TableColumn } from '../../lib/signals/types';
import { Pagination } from '../evaluate/Pagination';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { SelectField } from '../SelectField';
import { SortButton } from '../SortButton';
import { ValueBadge } from './ValueBadge';
import { EmptyTableRow } from '../EmptyTableRow';

interface CasesTableProps {
  datasetId: string;
  filters: CaseFilters;
  columns: readonly TableColumn[];
  colorMaps: Record<string, Record<string, string>>;
  pageSize: number;
  onPageSize: (size: number) => void;
  onOpen: (c: SignalsCase) => void;
}

const SIZES = ['10', '25', '50', '100'];

/** The configured columns of the cases matching the filters, sortable by header; the server filters, sorts and pages. A row opens the case. */
export function CasesTable({ datasetId, filters, columns: configured, colorMaps, pageSize, onPageSize, onOpen }: CasesTableProps) {
  // signals_metrics.yaml entries are sent as written: a column without a key has nothing to show.
  const columns = configured.filter((c): c is TableColumn & { key: string } => typeof c.key === 'string');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<CaseSort | null>(null);
  useEffect(() => setPage(1), [filters, pageSize]);
  const query = useCasesPage({ datasetId, filters, sort, page, pageSize });
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
        <SelectField label="Rows" value={String(pageSize)} options={SIZES} onChange={(v) => onPageSize(Number(v))} testId="signals-page-size" />
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
                    <Eye className="h-4 w-4" aria-label={`Open case ${String(c.Case_ID)}`} />
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
