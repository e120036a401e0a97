import { Search } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { cn } from '../../lib/cn';
import { cellText, truncate } from '../../lib/evaluate/format';
import type { Row } from '../../lib/evaluate/types';
import { useDebounced } from '../../lib/evaluate/useDebounced';
import type { FilterParams } from '../../lib/monitoring/filters';
import { useRecords } from '../../lib/monitoring/queries';
import { recordColumns, recordId } from '../../lib/monitoring/records';
import { Pagination } from '../evaluate/Pagination';
import { QueryView } from '../QueryView';
import { SortButton } from '../SortButton';
import { RecordModal } from './RecordModal';

const PAGE_SIZE = 20;

/** Stored monitoring records for the filters: search (query, output, trace id), sort by any column, 20 a page. */
export function RecordsTable({ params }: { params: FilterParams }) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ by: string; dir: 'asc' | 'desc' }>({ by: 'timestamp', dir: 'desc' });
  const [open, setOpen] = useState<{ row: Row; id: string } | null>(null);
  const settled = useDebounced(search, 300);
  const paramsKey = JSON.stringify(params);
  useEffect(() => setPage(1), [settled, paramsKey, sort]);

  const records = useRecords(params, { page, pageSize: PAGE_SIZE, sortBy: sort.by, sortDir: sort.dir, search: settled });
  const rows = useMemo(() => records.data?.data ?? [], [records.data]);
  const columns = useMemo(() => recordColumns(rows), [rows]);
  const toggle = (by: string) => setSort((s) => ({ by, dir: s.by === by && s.dir === 'desc' ? 'asc' : 'desc' }));

  return (
    <div className="space-y-3" data-testid="records">
      <label className="flex max-w-md items-center gap-2 rounded-lg border bg-white px-3 py-2 shadow-card">
        <Search className="h-4 w-4 text-ink-muted" aria-hidden="true" />
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Search query, output or trace id"
          className="w-full bg-transparent text-sm outline-none"
          data-testid="records-search"
        />
      </label>
      <QueryView query={records} loadingLabel="Loading records…" empty={rows.length === 0} emptyText="No records match.">
        <div className="overflow-x-auto rounded-xl border bg-white shadow-card">
          <table className="min-w-full text-left text-xs">
            <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
              <tr>
                {columns.map((c) => (
                  <th key={c} className="whitespace-nowrap px-3 py-2 font-semibold">
                    <SortButton label={c} dir={sort.by === c ? sort.dir : null} onClick={() => toggle(c)} testId={`records-sort-${c}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y">
              {rows.map((row, i) => {
                const id = recordId(row, i);
                return (
                  <tr key={`${id}-${i}`} onClick={() => setOpen({ row, id })} className="cursor-pointer hover:bg-canvas/60" data-testid="records-row">
                    {columns.map((c) => (
                      <td key={c} className={cn('max-w-[20rem] px-3 py-2 align-top text-ink-secondary', typeof row[c] === 'number' && 'tabular-nums')}>
                        {truncate(cellText(row[c]), 80) || <span className="text-ink-muted">—</span>}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Pagination page={page} pageSize={PAGE_SIZE} total={records.data?.total ?? 0} onPage={setPage} testId="records-pagination" />
      </QueryView>
      <RecordModal row={open?.row ?? null} title={`Record ${open?.id ?? ''}`} onClose={() => setOpen(null)} />
    </div>
  );
}
