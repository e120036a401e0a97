import { useMemo, useState } from 'react';
import { cellText, formatDateTime, formatScore, truncate } from '../../lib/evaluate/format';
import type { Row } from '../../lib/evaluate/types';
import { failingQuery, failingRows, FAIL_THRESHOLDS, parseThreshold, scoreLayout, traceIdOf } from '../../lib/monitoring/failing';
import type { FilterParams } from '../../lib/monitoring/filters';
import { useFailingRows } from '../../lib/monitoring/queries';
import { useSearchParam } from '../../lib/useSearchParam';
import { ChartCard } from '../charts/ChartCard';
import { EmptyTableRow } from '../EmptyTableRow';
import { EyeButton } from '../EyeButton';
import { QueryView } from '../QueryView';
import { SelectField } from '../SelectField';
import { RecordModal } from './RecordModal';

interface FailingOutputsCardProps {
  params: FilterParams;
  /** The table's column names (from the store metadata): they say where scores are kept. */
  columns: readonly string[];
  /** Long format: the metric names to choose from. */
  metrics: readonly string[];
}

const THRESHOLD_OPTIONS = FAIL_THRESHOLDS.map((t) => ({ value: t, label: `< ${t}` }));

/**
 * The 15 lowest scores under the filters that are below the chosen threshold (`?fail_below=`),
 * sorted and filtered by the server's store browsing; the eye opens the whole trace.
 */
export function FailingOutputsCard({ params, columns, metrics }: FailingOutputsCardProps) {
  const [thresholdParam, setThreshold] = useSearchParam('fail_below');
  const threshold = parseThreshold(thresholdParam);
  const [metric, setMetric] = useState('');
  const [open, setOpen] = useState<Row | null>(null);
  const layout = useMemo(() => scoreLayout(columns), [columns]);
  const { column, params: query } = useMemo(() => failingQuery(layout, metric), [layout, metric]);
  const rows = useFailingRows(params, query, column !== '');
  const failing = useMemo(() => failingRows(rows.data?.data ?? [], column, Number(threshold)), [rows.data, column, threshold]);
  const metricOptions = layout.long ? [...metrics] : layout.columns;
  return (
    <ChartCard
      title="Top failing outputs"
      subtitle={`The lowest scores below ${threshold} under the filters, at most 15, lowest first.`}
      actions={
        <div className="flex flex-wrap items-center gap-3">
          {metricOptions.length > 1 ? (
            <SelectField label="Metric" value={metric} options={metricOptions} emptyLabel={layout.long ? 'All metrics' : undefined} onChange={setMetric} testId="failing-metric" />
          ) : null}
          <SelectField label="Threshold" value={threshold} options={THRESHOLD_OPTIONS} onChange={(v) => setThreshold(v === '0.5' ? null : v)} testId="failing-threshold" />
        </div>
      }
      testId="failing-outputs"
    >
      {column === '' ? (
        <p className="py-8 text-center text-sm text-ink-muted" data-testid="failing-no-scores">
          This dataset has no score column (metric_score or *_score).
        </p>
      ) : (
        <QueryView query={rows} loadingLabel="Loading the lowest scores…">
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-xs" data-testid="failing-table">
              <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">Metric</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Trace ID</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Timestamp</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Input</th>
                  <th scope="col" className="px-3 py-2 font-semibold">LLM Output</th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {failing.length === 0 ? (
                  <EmptyTableRow colSpan={6}>No score below {threshold} under these filters.</EmptyTableRow>
                ) : (
                  failing.map(({ row, metric: name, score }, i) => {
                    const trace = traceIdOf(row);
                    return (
                      <tr key={`${trace}-${name}-${i}`} data-testid="failing-row" data-trace={trace} data-score={score}>
                        <td className="whitespace-nowrap px-3 py-2 align-top">
                          <span className="block font-medium text-ink">{name}</span>
                          <span className="rounded bg-error/10 px-1.5 py-0.5 font-semibold tabular-nums text-error" data-testid="failing-score">
                            {formatScore(score)}
                          </span>
                        </td>
                        <td className="whitespace-nowrap px-3 py-2 align-top font-mono text-ink-secondary">{trace || '—'}</td>
                        <td className="whitespace-nowrap px-3 py-2 align-top text-ink-secondary">{formatDateTime(row.timestamp)}</td>
                        <td className="max-w-[16rem] px-3 py-2 align-top text-ink-secondary">{truncate(cellText(row.query), 90) || '—'}</td>
                        <td className="max-w-[20rem] px-3 py-2 align-top text-ink-secondary">{truncate(cellText(row.actual_output), 120) || '—'}</td>
                        <td className="px-3 py-2 align-top">
                          <EyeButton label={`Open trace ${trace || i + 1}`} onOpen={() => setOpen(row)} testId="failing-open" />
                        </td>
                      </tr>
                    );
                  })
                )}
              </tbody>
            </table>
          </div>
        </QueryView>
      )}
      <RecordModal row={open} title={`Trace ${open ? traceIdOf(open) : ''}`} onClose={() => setOpen(null)} />
    </ChartCard>
  );
}
