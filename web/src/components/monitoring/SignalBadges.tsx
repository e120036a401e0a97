import { Check, X } from 'lucide-react';
import { cellText, truncate } from '../../lib/evaluate/format';
import { signalEntries } from '../../lib/monitoring/signals';

/** One badge per signal: ✓/✗ for booleans, the value otherwise. */
export function SignalBadges({ signals }: { signals: unknown }) {
  const entries = signalEntries(signals);
  if (entries.length === 0) return <p className="text-xs text-ink-muted">No signals.</p>;
  return (
    <ul className="flex flex-wrap gap-1.5" data-testid="signal-badges">
      {entries.map((e, i) => (
        <li key={`${e.name}-${i}`} className="flex items-center gap-1 rounded-full bg-canvas px-2.5 py-0.5 text-[11px] text-ink-secondary ring-1 ring-line">
          {typeof e.value === 'boolean' ? (
            e.value ? <Check className="h-3 w-3 text-success" aria-label="yes" /> : <X className="h-3 w-3 text-error" aria-label="no" />
          ) : null}
          <span className="font-medium">{e.name}</span>
          {typeof e.value === 'boolean' ? null : <span className="text-ink-muted">{truncate(cellText(e.value), 60)}</span>}
        </li>
      ))}
    </ul>
  );
}
