import type { CountRow } from '../../lib/signals/types';

/** Items with a proportional bar, most common first. */
export function RankedList({ rows, testId }: { rows: readonly CountRow[]; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ol className="space-y-2" data-testid={testId}>
      {rows.map((r, i) => (
        <li key={r.name} className="text-xs">
          <div className="flex justify-between gap-3">
            <span className="truncate text-ink">
              <span className="mr-1.5 text-ink-muted">{i + 1}.</span>
              {r.name}
            </span>
            <span className="shrink-0 tabular-nums text-ink-muted">{r.count}</span>
          </div>
          <div className="mt-1 h-1.5 rounded-full bg-canvas">
            <div className="h-1.5 rounded-full bg-primary" style={{ width: `${(100 * r.count) / max}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
