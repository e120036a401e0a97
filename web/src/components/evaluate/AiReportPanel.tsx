import { Sparkles } from 'lucide-react';
import { formatCount } from '../../lib/evaluate/format';
import type { ScorecardNode } from '../../lib/evaluate/types';
import { Button } from '../Button';
import { PASS_MARK } from './caseStats';

interface AiReportPanelProps {
  nodes: ScorecardNode[];
  leafMetrics: string[];
  totalCases: number | null | undefined;
  onGenerate: () => void;
}

/** What a report over the whole scorecard would cover, and the button that opens its settings. */
export function AiReportPanel({ nodes, leafMetrics, totalCases, onGenerate }: AiReportPanelProps) {
  const leaves = nodes.filter((n) => leafMetrics.includes(n.metric_name));
  const scored = leaves.reduce((sum, n) => sum + (typeof n.count === 'number' ? n.count : 0), 0);
  const below = leaves.filter((n) => typeof n.mean === 'number' && n.mean < PASS_MARK).length;
  const counts = [
    { label: 'Test cases', value: formatCount(totalCases), testId: 'ai-report-cases' },
    { label: 'Metrics', value: formatCount(leaves.length), testId: 'ai-report-metrics' },
    { label: 'Scored results', value: formatCount(scored), testId: 'ai-report-scored' },
    { label: 'Metrics below 0.5', value: formatCount(below), testId: 'ai-report-below' },
  ];
  return (
    <section className="flex flex-wrap items-center gap-x-8 gap-y-3 rounded-xl border bg-gradient-to-r from-primary-pale/30 to-white px-5 py-4 shadow-card" data-testid="ai-report-panel" aria-labelledby="ai-report-title">
      <div className="flex items-center gap-3">
        <div className="flex h-10 w-10 items-center justify-center rounded-lg bg-primary text-white">
          <Sparkles className="h-5 w-5" aria-hidden="true" />
        </div>
        <div>
          <h2 id="ai-report-title" className="text-sm font-semibold text-ink">
            AI Report
          </h2>
          <p className="text-xs text-ink-muted">A written analysis of the weak (or strong) cases, by the configured LLM.</p>
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-2">
        {counts.map((c) => (
          <div key={c.label}>
            <dt className="text-[11px] uppercase tracking-wide text-ink-muted">{c.label}</dt>
            <dd className="text-base font-semibold tabular-nums text-ink" data-testid={c.testId}>
              {c.value}
            </dd>
          </div>
        ))}
      </dl>
      <Button variant="primary" className="ml-auto" onClick={onGenerate} disabled={leaves.length === 0} data-testid="ai-report-open">
        <Sparkles className="h-4 w-4" aria-hidden="true" />
        Generate Report
      </Button>
    </section>
  );
}
