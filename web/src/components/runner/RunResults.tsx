import { useQueryClient } from '@tanstack/react-query';
import { ArrowRight, CheckCircle2, Gauge, ListChecks, Percent, Rows3, XCircle } from 'lucide-react';
import { Fragment, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { RunSummary } from '../../lib/evalrun/types';
import { formatCount, formatPercent, formatScore } from '../../lib/evaluate/format';
import { evalKeys } from '../../lib/evaluate/queries';
import { cn } from '../../lib/cn';
import { Button } from '../Button';
import { Card } from '../Card';
import { KpiCard, KpiGrid } from '../evaluate/KpiCard';
import { ExpandToggle } from '../ExpandToggle';
import { StatusBadge } from '../StatusBadge';
import { RunExports } from './RunExports';

interface RunResultsProps {
  summary: RunSummary;
  /** Makes the run's stored dataset the current one of Evaluate. */
  onSelectDataset: (id: string) => void;
}

function PassBadge({ passed, testId }: { passed: boolean; testId?: string }) {
  return <StatusBadge tone={passed ? 'success' : 'error'} label={passed ? 'Passed' : 'Failed'} testId={testId} />;
}

function ItemsTable({ summary }: { summary: RunSummary }) {
  const [open, setOpen] = useState<string | null>(null);
  const keys = summary.metric_results.map((m) => m.metric_key);
  return (
    <div className="overflow-auto">
      <table className="min-w-full text-left text-xs" data-testid="runner-items">
        <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
          <tr>
            <th className="px-3 py-2 font-semibold">
              <span className="sr-only">Details</span>
            </th>
            <th className="px-3 py-2 font-semibold">Item</th>
            <th className="px-3 py-2 font-semibold">Query</th>
            {keys.map((k) => (
              <th key={k} className="px-3 py-2 text-right font-semibold">
                {k}
              </th>
            ))}
            <th className="px-3 py-2 font-semibold">Result</th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {summary.item_results.map((item) => {
            const expanded = open === item.item_id;
            return (
              <Fragment key={item.item_id}>
                <tr className="hover:bg-canvas/60" data-testid={`item-${item.item_id}`}>
                  <td className="px-3 py-2">
                    <ExpandToggle
                      expanded={expanded}
                      what={`reasons for item ${item.item_id}`}
                      onToggle={() => setOpen(expanded ? null : item.item_id)}
                      testId={`item-toggle-${item.item_id}`}
                    />
                  </td>
                  <td className="px-3 py-2 font-mono text-ink-muted">{item.item_id}</td>
                  <td className="max-w-[24rem] truncate px-3 py-2 text-ink-secondary" title={item.query}>
                    {item.query}
                  </td>
                  {keys.map((k) => (
                    <td key={k} className="px-3 py-2 text-right font-semibold tabular-nums">
                      {formatScore(item.metric_scores[k])}
                    </td>
                  ))}
                  <td className="px-3 py-2">
                    <PassBadge passed={item.passed} />
                  </td>
                </tr>
                {expanded ? (
                  <tr data-testid={`item-detail-${item.item_id}`}>
                    <td colSpan={keys.length + 4} className="bg-canvas/50 px-6 py-3">
                      <dl className="grid gap-3 text-xs md:grid-cols-2">
                        <div>
                          <dt className="font-semibold text-ink-muted">Actual output</dt>
                          <dd className="mt-0.5 whitespace-pre-wrap text-ink">{item.actual_output || '—'}</dd>
                        </div>
                        <div>
                          <dt className="font-semibold text-ink-muted">Expected output</dt>
                          <dd className="mt-0.5 whitespace-pre-wrap text-ink">{item.expected_output || '—'}</dd>
                        </div>
                        {keys.map((k) => (
                          <div key={k} className="md:col-span-2">
                            <dt className="font-semibold text-ink-muted">
                              {k} · {formatScore(item.metric_scores[k])}
                            </dt>
                            <dd className="mt-0.5 text-ink-secondary">{item.metric_reasons[k] || 'No reason given.'}</dd>
                          </div>
                        ))}
                      </dl>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A finished run: summary cards, a card per metric, the items with their scores and reasons. */
export function RunResults({ summary, onSelectDataset }: RunResultsProps) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [opening, setOpening] = useState(false);
  const openScorecard = async (datasetId: string) => {
    setOpening(true);
    // The run stored a new dataset: list it before it is chosen, so the picker knows it.
    await client.refetchQueries({ queryKey: evalKeys.datasets });
    onSelectDataset(datasetId);
    navigate(`/evaluate/scorecard?dataset=${encodeURIComponent(datasetId)}`);
  };
  const datasetId = summary.dataset_id;
  return (
    <div className="space-y-6" data-testid="runner-results">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold text-ink">
          Results: {summary.evaluation_name} <code className="ml-1 text-xs font-normal text-ink-muted">{summary.run_id}</code>
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <RunExports runId={summary.run_id} />
          {datasetId ? (
            <Button variant="primary" disabled={opening} onClick={() => void openScorecard(datasetId)} data-testid="runner-open-scorecard">
              Open in Scorecard
              <ArrowRight className="h-4 w-4" aria-hidden="true" />
            </Button>
          ) : null}
        </div>
      </div>
      <KpiGrid>
        <KpiCard icon={Rows3} label="Items" value={formatCount(summary.total_items)} testId="runner-kpi-items" />
        <KpiCard icon={ListChecks} label="Metrics" value={formatCount(summary.metrics_count)} testId="runner-kpi-metrics" />
        <KpiCard icon={Gauge} label="Average score" value={formatScore(summary.average_score)} testId="runner-kpi-average" />
        <KpiCard icon={Percent} label="Pass rate" value={formatPercent(summary.overall_pass_rate)} testId="runner-kpi-pass-rate" />
      </KpiGrid>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {summary.metric_results.map((m) => (
          <section key={m.metric_key} className={cn('rounded-xl border border-l-4 bg-white p-4 shadow-card', m.passed ? 'border-l-success' : 'border-l-error')} data-testid={`metric-result-${m.metric_key}`}>
            <div className="flex items-start justify-between gap-2">
              <h3 className="text-sm font-semibold text-ink">{m.metric_name}</h3>
              {m.passed ? <CheckCircle2 className="h-4 w-4 text-success" role="img" aria-label="Passed" /> : <XCircle className="h-4 w-4 text-error" role="img" aria-label="Failed" />}
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-xs">
              <div>
                <dt className="text-ink-muted">Average</dt>
                <dd className="text-lg font-bold tabular-nums text-ink" data-testid={`metric-result-${m.metric_key}-average`}>{formatScore(m.average_score)}</dd>
              </div>
              <div>
                <dt className="text-ink-muted">Pass rate</dt>
                <dd className="text-lg font-bold tabular-nums text-ink" data-testid={`metric-result-${m.metric_key}-pass-rate`}>{formatPercent(m.pass_rate)}</dd>
              </div>
              <div>
                <dt className="text-ink-muted">Threshold</dt>
                <dd className="tabular-nums" data-testid={`metric-result-${m.metric_key}-threshold`}>{formatScore(m.threshold, 2)}</dd>
              </div>
              <div>
                <dt className="text-ink-muted">Failed calls</dt>
                <dd className={cn('tabular-nums', m.failed_calls > 0 && 'font-semibold text-error')} data-testid={`metric-result-${m.metric_key}-failed-calls`}>{m.failed_calls}</dd>
              </div>
              <div className="col-span-2 text-ink-muted">
                median {formatScore(m.median_score)} · min {formatScore(m.min_score)} · max {formatScore(m.max_score)}
              </div>
            </dl>
          </section>
        ))}
      </div>
      <Card title="Items" bodyClassName="p-0">
        <ItemsTable summary={summary} />
      </Card>
    </div>
  );
}
