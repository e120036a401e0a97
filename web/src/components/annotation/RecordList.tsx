import { Flag } from 'lucide-react';
import { cn } from '../../lib/cn';
import { caseIdOf } from '../../lib/annotation/studio';
import type { Annotation } from '../../lib/annotation/types';
import { truncate } from '../../lib/evaluate/format';

interface RecordListProps {
  rows: Array<Record<string, unknown>>;
  offset: number;
  total: number;
  current: number;
  annotations: Record<string, Annotation>;
  onJump: (index: number) => void;
}

function dot(a: Annotation | undefined) {
  if (a?.judgment === 'accept') return 'bg-success';
  if (a?.judgment === 'reject') return 'bg-error';
  if (a?.rating != null) return 'bg-accent-gold';
  return 'bg-line';
}

/** The records of the loaded page with their status; click one to jump to it. */
export function RecordList({ rows, offset, total, current, annotations, onJump }: RecordListProps) {
  return (
    <section className="rounded-xl border bg-white shadow-card" data-testid="record-list">
      <div className="flex items-center justify-between border-b px-5 py-3">
        <h2 className="text-sm font-semibold text-ink">Records</h2>
        <span className="text-[11px] text-ink-muted">
          {rows.length > 0 ? `${offset + 1}–${offset + rows.length} of ${total}` : '—'}
        </span>
      </div>
      <ul className="max-h-96 overflow-y-auto py-1">
        {rows.map((row, i) => {
          const index = offset + i;
          const id = caseIdOf(row) ?? String(index + 1);
          const a = annotations[id];
          return (
            <li key={`${id}-${index}`}>
              <button
                type="button"
                onClick={() => onJump(index)}
                aria-current={index === current ? 'true' : undefined}
                className={cn('flex w-full items-center gap-2.5 px-4 py-1.5 text-left text-xs transition hover:bg-canvas', index === current && 'bg-primary-pale/30')}
              >
                <span className={cn('h-2 w-2 shrink-0 rounded-full', dot(a))} aria-hidden="true" />
                <span className="w-16 shrink-0 truncate font-mono text-[11px] text-ink-muted">{id}</span>
                <span className={cn('min-w-0 flex-1 truncate', index === current ? 'font-medium text-ink' : 'text-ink-secondary')}>
                  {truncate(row.query, 60) || '—'}
                </span>
                {a?.flagged ? <Flag className="h-3 w-3 shrink-0 text-warning" aria-label="Flagged" /> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
