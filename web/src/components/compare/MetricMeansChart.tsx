import { useMemo, useState } from 'react';
import { formatScore } from '../../lib/evaluate/format';
import type { TestCasesResponse } from '../../lib/evaluate/types';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { groupedBarOption, radarOption } from '../charts/options';
import { useChartColors } from '../charts/useChartColors';
import { Segmented } from '../Segmented';
import { VIEWS } from './chartViews';
import { FigureTable } from './FigureTable';

interface MetricMeansChartProps {
  kind: 'radar' | 'bar';
  experiments: string[];
  metricMeans: TestCasesResponse['metric_means'];
}

/** Mean score per metric per experiment over the listed cases (computed by the server), as a radar or grouped bars, with a table view. */
export function MetricMeansChart({ kind, experiments, metricMeans }: MetricMeansChartProps) {
  const colors = useChartColors();
  const [table, setTable] = useState(false);
  const metrics = metricMeans.map((m) => m.metric);
  const option = useMemo(() => {
    const names = metricMeans.map((m) => m.metric);
    const traces = experiments.map((name, i) => ({ name, values: metricMeans.map((m) => m.means[i] ?? null) }));
    return kind === 'radar' ? radarOption(names, traces, colors) : groupedBarOption(names, traces, colors);
  }, [kind, experiments, metricMeans, colors]);
  const hasValues = metricMeans.some((m) => m.means.some((v) => typeof v === 'number'));
  const radarTooFew = kind === 'radar' && metrics.length < 3;
  return (
    <ChartCard
      title={kind === 'radar' ? 'Metric profile' : 'Mean per metric'}
      subtitle="Mean score of each metric per experiment, over the cases listed below."
      actions={<Segmented label="Chart or table view" options={VIEWS} value={table ? 'table' : 'chart'} onChange={(v) => setTable(v === 'table')} testIdPrefix={`${kind}-view`} />}
      testId={`compare-${kind}`}
    >
      {!hasValues ? (
        <p className="py-10 text-center text-sm text-ink-muted">No metric scores for the listed cases.</p>
      ) : table || radarTooFew ? (
        <>
          {radarTooFew && !table ? <p className="mb-2 text-xs text-ink-muted">A radar needs three metrics or more; the means are shown as a table.</p> : null}
          <FigureTable
            label="Metric means table"
            caption="Mean score per metric and experiment"
            headers={['Metric', ...experiments]}
            rows={metricMeans.map((m) => ({ key: m.metric, name: m.metric, cells: experiments.map((_, i) => formatScore(m.means[i])) }))}
            testId={`${kind}-table`}
            rowTestId="metric-means-row"
          />
        </>
      ) : (
        <EChart option={option} height={340} ariaLabel={kind === 'radar' ? 'Radar of mean score per metric for each experiment' : 'Grouped bars of mean score per metric for each experiment'} />
      )}
    </ChartCard>
  );
}
