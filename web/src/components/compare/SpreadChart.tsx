import { useMemo, useState } from 'react';
import { formatScore } from '../../lib/evaluate/format';
import type { ExperimentSpread } from '../../lib/evaluate/types';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { boxplotOption } from '../charts/options';
import { useChartColors } from '../charts/useChartColors';
import { Segmented } from '../Segmented';
import { VIEWS } from './chartViews';
import { FigureTable } from './FigureTable';

/** Distribution of the cases' overall scores per experiment (box plot from the server's quartiles), with a table view. */
export function SpreadChart({ spreads, scoreLabel = 'overall' }: { spreads: ExperimentSpread[]; scoreLabel?: string }) {
  const colors = useChartColors();
  const [table, setTable] = useState(false);
  const option = useMemo(
    () => boxplotOption(spreads.map((s) => ({ name: s.experiment, min: s.min, q1: s.q1, median: s.median, q3: s.q3, max: s.max })), colors),
    [spreads, colors],
  );
  const summary = spreads.map((s) => `${s.experiment}: median ${formatScore(s.median)}, quartiles ${formatScore(s.q1)}–${formatScore(s.q3)} over ${s.n} cases`).join('; ');
  return (
    <ChartCard
      title="Distribution"
      subtitle={`${scoreLabel === 'overall' ? 'Overall score' : `Score of ${scoreLabel}`} per case, by experiment (box: quartiles; whiskers: min and max).`}
      actions={<Segmented label="Chart or table view" options={VIEWS} value={table ? 'table' : 'chart'} onChange={(v) => setTable(v === 'table')} testIdPrefix="spread-view" />}
      testId="compare-distribution"
    >
      {spreads.length === 0 ? (
        <p className="py-10 text-center text-sm text-ink-muted">No case matches the filters.</p>
      ) : table ? (
        <FigureTable
          label="Distribution table"
          caption="Overall score distribution per experiment"
          headers={['Experiment', 'Cases', 'Mean', 'Min', 'Q1', 'Median', 'Q3', 'Max']}
          rows={spreads.map((s) => ({ key: s.experiment, name: s.experiment, cells: [s.n, ...[s.mean, s.min, s.q1, s.median, s.q3, s.max].map((v) => formatScore(v))] }))}
          testId="spread-table"
          rowTestId="spread-row"
        />
      ) : (
        <>
          <EChart option={option} height={300} ariaLabel="Box plot of overall scores per experiment" />
          <p className="sr-only" data-testid="spread-summary">
            {summary}
          </p>
        </>
      )}
    </ChartCard>
  );
}
