import { useMemo } from 'react';
import { TONE_HEX } from '../../lib/evaluate/format';
import type { FilterParams } from '../../lib/monitoring/filters';
import { bucketLabel, type Thresholds } from '../../lib/monitoring/format';
import { useTrends } from '../../lib/monitoring/queries';
import { trendSeries } from '../../lib/monitoring/series';
import type { Granularity } from '../../lib/monitoring/types';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { linesOption } from '../charts/seriesOptions';
import { useChartColors } from '../charts/useChartColors';
import { QueryView } from '../QueryView';
import { GranularitySwitch } from './GranularitySwitch';

interface ScoreTrendsCardProps {
  params: FilterParams;
  granularity: Granularity;
  onGranularity: (g: Granularity) => void;
  thresholds: Thresholds;
}

export function ScoreTrendsCard({ params, granularity, onGranularity, thresholds }: ScoreTrendsCardProps) {
  const colors = useChartColors();
  const trends = useTrends(params, granularity);
  const { buckets, series } = useMemo(() => trendSeries(trends.data?.data ?? [], trends.data?.metrics ?? []), [trends.data]);
  const option = useMemo(
    () =>
      linesOption(
        buckets.map((b) => bucketLabel(b, granularity)),
        series,
        colors,
        {
          yName: 'Average score',
          yMax: 1,
          references: [
            { value: thresholds.good, label: 'good', color: TONE_HEX.success },
            { value: thresholds.pass, label: 'pass', color: TONE_HEX.warning },
          ],
        },
      ),
    [buckets, series, colors, granularity, thresholds],
  );
  return (
    <ChartCard
      title="Score trends"
      subtitle={`Average score per ${granularity === 'hourly' ? 'hour' : granularity === 'weekly' ? 'week (from Monday)' : 'day'}, UTC; dashed lines at good and pass.`}
      actions={<GranularitySwitch value={granularity} onChange={onGranularity} />}
      testId="score-trends"
    >
      <QueryView query={trends} loadingLabel="Loading trends…" empty={buckets.length === 0} emptyText="No scores in this window.">
        <div data-testid="score-trends-chart" data-buckets={buckets.length} data-granularity={trends.data?.granularity ?? granularity}>
          <EChart option={option} height={320} ariaLabel="Score trends per metric" />
        </div>
      </QueryView>
    </ChartCard>
  );
}
