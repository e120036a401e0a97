import type { CountRow } from '../../lib/signals/types';

/** Free-text items (requests, learnings, suggested actions), with how many cases repeat each. */
export function TextList({ rows, testId }: { rows: readonly CountRow[]; testId?: string }) {
  return (
    <ul className="max-h-72 space-y-1.5 overflow-y-auto pr-1" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.name} className="flex items-start gap-2 rounded-lg bg-canvas px-3 py-2 text-xs text-ink-secondary">
          <span className="min-w-0 flex-1 whitespace-pre-wrap break-words">{r.name}</span>
          {r.count > 1 ? <span className="shrink-0 rounded-full bg-white px-1.5 text-[11px] text-ink-muted ring-1 ring-line">×{r.count}</span> : null}
        </li>
      ))}
    </ul>
  );
}
