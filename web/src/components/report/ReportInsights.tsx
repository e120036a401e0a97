import { Lightbulb } from 'lucide-react';
import type { InsightPattern } from '../../lib/reports/types';
import { Card } from '../Card';

/** The issue patterns the generator found, with how many issues each covers. */
export function ReportInsights({ patterns }: { patterns: InsightPattern[] }) {
  if (patterns.length === 0) return null;
  return (
    <Card title="Patterns" icon={<Lightbulb className="h-4 w-4 text-primary" aria-hidden="true" />} testId="report-insights">
      <ul className="grid gap-3 md:grid-cols-2">
        {patterns.map((p, i) => (
          <li key={i} className="rounded-lg border bg-canvas/60 px-4 py-3" data-testid="report-pattern">
            <p className="flex items-center justify-between gap-2 text-sm font-semibold text-ink">
              {p.category || 'Pattern'}
              {p.count !== null ? <span className="rounded-full bg-primary-pale/60 px-2 text-xs font-medium text-primary-dark">{p.count}</span> : null}
            </p>
            {p.description ? <p className="mt-1 text-xs text-ink-secondary">{p.description}</p> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
