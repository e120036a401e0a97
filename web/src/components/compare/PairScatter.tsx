import { useMemo, useState } from 'react';
import { formatScore } from '../../lib/evaluate/format';
import { useCompareCases } from '../../lib/evaluate/queries';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { scatterOption } from '../charts/options';
import { useChartColors } from '../charts/useChartColors';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { Segmented } from '../Segmented';
import { SelectField } from '../SelectField';
import { VIEWS } from './chartViews';

/** The most cases one scatter shows (the server's page limit); the subtitle says when there are more. */
export const SCATTER_POINTS = 500;

interface PairScatterProps {
  datasetId: string;
  experiments: string[];
}

/** Overall score per case of one experiment (x) against another (y), from the server's case comparison; with a summary and a table view. */
export function PairScatter({ datasetId, experiments }: PairScatterProps) {
  const colors = useChartColors();
  const [x, setX] = useState(experiments[0] ?? '');
  const [y, setY] = useState(experiments[1] ?? experiments[0] ?? '');
  const [table, setTable] = useState(false);
  const same = x === y;
  const query = same ? null : { datasetId, baseline: x, challenger: y, filter: 'all' as const, page: 1, pageSize: SCATTER_POINTS };
  const { data, isPending, isError, error, refetch } = useCompareCases(query);
  const cases = useMemo(() => data?.cases ?? [], [data]);
  const option = useMemo(
    () => scatterOption(cases.map((c) => c.baseline_score ?? null), cases.map((c) => c.challenger_score ?? null), x, y, [colors[0]!], cases.map((c) => c.dataset_id)),
    [cases, x, y, colors],
  );
  const total = data?.total ?? 0;
  const counts = data?.counts;
  const summary = counts ? `${total} cases scored by both: ${y} higher in ${counts.Challenger}, ${x} higher in ${counts.Baseline}, within 0.01 in ${counts.Tie}.` : '';

  return (
    <ChartCard
      title="Scatter"
      subtitle={data ? (total > cases.length ? `First ${cases.length} of ${total} cases scored by both` : summary) : 'Overall score per case, one experiment against another.'}
      actions={
        <div className="flex flex-wrap items-center gap-2">
          <SelectField label="X" value={x} options={experiments} onChange={setX} testId="scatter-x" />
          <SelectField label="Y" value={y} options={experiments} onChange={setY} testId="scatter-y" />
          <Segmented label="Chart or table view" options={VIEWS} value={table ? 'table' : 'chart'} onChange={(v) => setTable(v === 'table')} testIdPrefix="scatter-view" />
        </div>
      }
      testId="compare-scatter"
    >
      {same ? <p className="py-10 text-center text-sm text-ink-muted">Choose two different experiments for the axes.</p> : null}
      {!same && isPending ? <LoadingBlock label="Loading cases…" /> : null}
      {!same && isError ? <ErrorBlock error={error} onRetry={() => void refetch()} title="Could not load the cases of the scatter" /> : null}
      {!same && data ? (
        cases.length === 0 ? (
          <p className="py-10 text-center text-sm text-ink-muted">No case is scored by both {x} and {y}.</p>
        ) : table ? (
          <div className="max-h-80 overflow-auto rounded-lg border" tabIndex={0} role="region" aria-label="Scatter points table">
            <table className="min-w-full text-left text-sm" data-testid="scatter-table">
              <caption className="sr-only">{summary}</caption>
              <thead className="sticky top-0 bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">ID</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{x}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{y}</th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {cases.map((c) => (
                  <tr key={String(c.dataset_id)} data-testid="scatter-row">
                    <td className="px-3 py-1.5 font-mono text-xs">{c.dataset_id}</td>
                    <td className="px-3 py-1.5 tabular-nums">{formatScore(c.baseline_score)}</td>
                    <td className="px-3 py-1.5 tabular-nums">{formatScore(c.challenger_score)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <>
            <EChart option={option} height={300} ariaLabel={`Scatter of overall scores, ${x} against ${y}`} />
            <p className="sr-only" data-testid="scatter-summary">
              {summary}
            </p>
          </>
        )
      ) : null}
    </ChartCard>
  );
}
