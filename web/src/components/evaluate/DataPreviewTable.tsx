import { Columns3 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { columnNames } from '../../lib/evaluate/datasets';
import { useRows } from '../../lib/evaluate/queries';
import { Pagination } from './Pagination';
import { ErrorBlock, LoadingBlock } from './StateViews';
import { RowsTable } from '../RowsTable';

interface DataPreviewTableProps {
  datasetId: string;
  pageSize?: number;
  initialColumns?: number;
}

/** Stored rows of a dataset, a page at a time, with a column picker (first columns shown by default). */
export function DataPreviewTable({ datasetId, pageSize = 10, initialColumns = 6 }: DataPreviewTableProps) {
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const pickerRef = useRef<HTMLDivElement>(null);
  const { data, isPending, isError, error, refetch, isFetching } = useRows(datasetId, page, pageSize);

  useEffect(() => {
    setPage(1);
    setPicked(null);
  }, [datasetId]);

  useEffect(() => {
    if (!pickerOpen) return undefined;
    const onDown = (e: MouseEvent) => {
      if (pickerRef.current && !pickerRef.current.contains(e.target as Node)) setPickerOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [pickerOpen]);

  const all = useMemo(() => {
    const fromServer = columnNames(data?.columns);
    if (fromServer.length > 0) return fromServer;
    const first = data?.data?.[0];
    return first ? Object.keys(first) : [];
  }, [data]);
  const shown = picked ?? all.slice(0, initialColumns);

  if (isPending) return <LoadingBlock label="Loading rows…" />;
  if (isError) return <ErrorBlock error={error} onRetry={() => void refetch()} title="Could not load the rows" />;

  const rows = data?.data ?? [];
  const total = data?.total ?? rows.length;

  return (
    <div data-testid="preview-table">
      <div className="mb-3 flex items-center justify-between gap-3">
        <p className="text-xs text-ink-muted">
          Showing {shown.length} of {all.length} columns
        </p>
        <div className="relative" ref={pickerRef}>
          <button
            type="button"
            onClick={() => setPickerOpen((o) => !o)}
            className="flex items-center gap-1.5 rounded-lg border bg-white px-2.5 py-1.5 text-xs font-medium text-ink-secondary hover:border-primary-soft hover:text-primary"
            data-testid="column-picker"
          >
            <Columns3 className="h-3.5 w-3.5" aria-hidden="true" />
            Columns
          </button>
          {pickerOpen ? (
            <div className="absolute right-0 z-30 mt-1 max-h-72 w-60 overflow-y-auto rounded-xl border bg-white p-2 shadow-lift">
              {all.map((c) => (
                <label key={c} className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1 text-xs text-ink-secondary hover:bg-canvas">
                  <input
                    type="checkbox"
                    className="accent-[rgb(var(--primary-rgb))]"
                    checked={shown.includes(c)}
                    onChange={(e) => {
                      const next = e.target.checked ? all.filter((x) => x === c || shown.includes(x)) : shown.filter((x) => x !== c);
                      setPicked(next);
                    }}
                  />
                  <span className="truncate font-mono">{c}</span>
                </label>
              ))}
            </div>
          ) : null}
        </div>
      </div>
      <div className={cn('overflow-x-auto rounded-lg border transition-opacity', isFetching && 'opacity-70')}>
        <RowsTable columns={shown} rows={rows} emptyText="The dataset has no rows." maxChars={80} />
      </div>
      <div className="mt-3">
        <Pagination page={page} pageSize={pageSize} total={total} onPage={setPage} testId="preview-pagination" />
      </div>
    </div>
  );
}
