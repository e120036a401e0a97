import { ChevronLeft, ChevronRight } from 'lucide-react';
import { cn } from '../../lib/cn';
import { pageCount, pageWindow } from '../../lib/evaluate/paging';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  testId?: string;
}

/** At most five page pills around the current page; hidden when everything fits on one page. */
export function Pagination({ page, pageSize, total, onPage, testId }: PaginationProps) {
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  const pills = pageWindow(page, pages, 5);
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const btn = 'flex h-8 min-w-8 items-center justify-center rounded-lg px-2 text-sm transition disabled:cursor-not-allowed disabled:opacity-40';
  return (
    <nav className="flex flex-wrap items-center justify-between gap-3" aria-label="Pagination" data-testid={testId}>
      <p className="text-xs text-ink-muted">
        {first.toLocaleString('en-US')}–{last.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
      </p>
      <div className="flex items-center gap-1">
        <button type="button" className={cn(btn, 'text-ink-muted hover:bg-canvas')} disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          <ChevronLeft className="h-4 w-4" aria-hidden="true" />
        </button>
        {pills.map((p) => (
          <button
            key={p}
            type="button"
            onClick={() => onPage(p)}
            aria-current={p === page ? 'page' : undefined}
            className={cn(btn, p === page ? 'bg-primary font-semibold text-white' : 'text-ink-secondary hover:bg-canvas')}
          >
            {p}
          </button>
        ))}
        <button type="button" className={cn(btn, 'text-ink-muted hover:bg-canvas')} disabled={page >= pages} onClick={() => onPage(page + 1)} aria-label="Next page">
          <ChevronRight className="h-4 w-4" aria-hidden="true" />
        </button>
      </div>
    </nav>
  );
}
