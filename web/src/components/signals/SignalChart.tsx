import { useMemo } from 'react';
import { chartKey } from '../../lib/signals/figures';
import type { ChartConfig, CountRow, TruthyRate } from '../../lib/signals/types';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { pieOption } from '../charts/options';
import { countBarsOption, stackedBarsOption } from '../charts/seriesOptions';
import { useChartColors } from '../charts/useChartColors';
import { RankedList } from './RankedList';
import { TextList } from './TextList';

interface SignalChartProps {
  chart: ChartConfig;
  /** The field's values over the matching cases, as the server counted them. */
  rows: readonly CountRow[];
  /** The field's truthy rate (single_stat charts). */
  stat: TruthyRate;
  colorMap?: Record<string, string>;
}

/** One configured chart of the server's figures; the kind of chart comes from chart.type. */
export function SignalChart({ chart, rows, stat, colorMap }: SignalChartProps) {
  const colors = useChartColors();
  const key = chartKey(chart);
  const option = useMemo(() => {
    const items = rows.map((r) => ({ name: r.name, value: r.count, color: colorMap?.[r.name] }));
    if (chart.type === 'donut') return pieOption(items, colors);
    if (chart.type === 'stacked_bar') {
      return stackedBarsOption([''], rows.map((r) => ({ name: r.name, values: [r.rate], color: colorMap?.[r.name] })), colors, { horizontal: true, percent: true });
    }
    return countBarsOption(items, colors, 'Cases');
  }, [rows, chart.type, colors, colorMap]);
  const testId = `signal-chart-${key}`;

  let body;
  if (rows.length === 0 && chart.type !== 'single_stat') body = <p className="py-8 text-center text-sm text-ink-muted">No values in these cases.</p>;
  else if (chart.type === 'ranked_list') body = <RankedList rows={rows} testId={`${testId}-list`} />;
  else if (chart.type === 'text_list') body = <TextList rows={rows} testId={`${testId}-list`} />;
  else if (chart.type === 'single_stat') {
    body = (
      <p className="py-6 text-center" data-testid={`${testId}-stat`}>
        <span className="text-3xl font-bold tabular-nums text-ink">{stat.rate.toFixed(1)}%</span>
        <span className="mt-1 block text-xs text-ink-muted">
          {stat.count} of {stat.total} cases
        </span>
      </p>
    );
  } else {
    const height = chart.type === 'stacked_bar' ? 120 : chart.type === 'donut' ? 260 : Math.max(180, rows.length * 28 + 30);
    body = <EChart option={option} height={height} ariaLabel={chart.title ?? `${chart.metric} ${chart.signal}`} />;
  }
  return (
    <ChartCard title={chart.title} subtitle={chart.type === 'stacked_bar' ? '% of cases' : undefined} testId={testId}>
      <div data-type={chart.type}>{body}</div>
    </ChartCard>
  );
}
