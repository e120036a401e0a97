import { Eye } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { sortCases } from '../../lib/signals/cases';
import type { SignalsCase, TableColumn } from '../../lib/signals/types';
import { Pagination } from '../evaluate/Pagination';
import { SelectField } from '../SelectField';
import { SortButton } from '../SortButton';
import { ValueBadge } from './ValueBadge';
import { EmptyTableRow } from '../EmptyTableRow';

interface CasesTableProps {
  cases: readonly SignalsCase[];
  columns: readonly TableColumn[];
  colorMaps: Record<string, Record<string, string>>;
  pageSize: number;
  onPageSize: (size: number) => void;
  onOpen: (c: SignalsCase) => void;
}

const SIZES = ['10', '25', '50', '100'];

/** The configured columns of the cases, sortable by header, paged in the browser; a row opens the case. */
export function CasesTable({ cases, columns: configured, colorMaps, pageSize, onPageSize, onOpen }: CasesTableProps) {
  // signals_metrics.yaml entries are sent as written: a column without a key has nothing to show.
  const columns = configured.filter((c): c is TableColumn & { key: string } => typeof c.key === 'string');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' } | null>(null);
  useEffect(() => setPage(1), [cases, pageSize, sort]);
  const sorted = useMemo(() => (sort ? sortCases(cases, sort.key, sort.dir) : cases), [cases, sort]);
  const rows = sorted.slice((page - 1) * pageSize, page * pageSize);
  const toggle = (key: string) => setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  return (
    <section className="space-y-3" data-testid="signals-cases">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-sm font-semibold text-ink">
          Cases <span className="font-normal text-ink-muted" data-testid="signals-case-count">({cases.length})</span>
        </h2>
        <SelectField label="Rows" value={String(pageSize)} options={SIZES} onChange={(v) => onPageSize(Number(v))} testId="signals-page-size" />
      </div>
      <div className="overflow-x-auto rounded-xl border bg-white shadow-card">
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
      <Pagination page={page} pageSize={pageSize} total={cases.length} onPage={setPage} testId="signals-pagination" />
    </section>
  );
}
