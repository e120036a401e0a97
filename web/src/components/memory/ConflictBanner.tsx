import { AlertTriangle } from 'lucide-react';
import type { Conflict } from '../../lib/memory/types';

/** A warning listing each risk factor whose rules ask for contradictory actions. */
export function ConflictBanner({ conflicts }: { conflicts: Conflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <div className="flex items-start gap-3 rounded-xl border border-warning/40 bg-warning/10 px-5 py-4" role="alert" data-testid="memory-conflicts">
      <AlertTriangle className="mt-0.5 h-5 w-5 shrink-0 text-warning" aria-hidden="true" />
      <div className="min-w-0">
        <p className="text-sm font-semibold text-ink" data-testid="memory-conflicts-title">
          {conflicts.length === 1 ? '1 conflict' : `${conflicts.length} conflicts`} between rules
        </p>
        <ul className="mt-1 space-y-1 text-sm text-ink-secondary">
          {conflicts.map((c, i) => (
            <li key={`${c.risk_factor}-${i}`} data-testid="memory-conflict">
              {c.description}{' '}
              <span className="text-xs text-ink-muted">({c.conflicting_rules.map((r) => `${r.rule_name}: ${r.action}`).join('; ')})</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
