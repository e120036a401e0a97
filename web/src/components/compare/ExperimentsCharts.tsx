import { useMemo } from 'react';
import { agreementMatrix } from '../../lib/evaluate/compare';
import { formatScore } from '../../lib/evaluate/format';
import { useAgreement, useWinLoss } from '../../lib/evaluate/queries';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { heatmapOption, pieOption } from '../charts/options';
import { useChartColors } from '../charts/useChartColors';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';

interface CardProps {
  datasetId: string;
  /** Every experiment of the dataset, for the heatmap's axes before the server answers. */
  experiments: readonly string[];
  className?: string;
  /** A colour per experiment name (e.g. baseline and challenger); the palette otherwise. */
  colorOf?: (name: string) => string | undefined;
}

/** Cases won by each experiment (best overall score) and ties, over every experiment of the dataset, with a text summary. */
export function WinLossCard({ datasetId, className, colorOf }: CardProps) {
  const colors = useChartColors();
  const winLoss = useWinLoss(datasetId);
  const option = useMemo(() => {
    const slices: Array<{ name: string; value: number; color?: string }> = Object.entries(winLoss.data?.wins ?? {}).map(([name, value]) => ({
      name,
      value: Number(value) || 0,
      color: colorOf?.(name),
    }));
    if (typeof winLoss.data?.ties === 'number') slices.push({ name: 'Tie', value: winLoss.data.ties, color: '#B8C5D3' });
    return pieOption(slices, colorOf ? colors.slice(2) : colors);
  }, [winLoss.data, colors, colorOf]);
  const summary = winLoss.data
    ? [...Object.entries(winLoss.data.wins).map(([name, n]) => `${name} won ${n}`), `${winLoss.data.ties} ties`].join(', ')
    : '';
  return (
    <ChartCard
      title="Win / loss"
      subtitle={winLoss.data ? `Best overall score per case, over ${winLoss.data.cases_compared ?? 0} cases in every experiment` : undefined}
      className={className}
      testId="compare-winloss"
    >
      {winLoss.isPending ? <LoadingBlock /> : null}
      {winLoss.isError ? <ErrorBlock error={winLoss.error} onRetry={() => void winLoss.refetch()} title="Could not load the win/loss counts" /> : null}
      {winLoss.data ? (
        <>
          <EChart option={option} height={300} ariaLabel="Cases won per experiment" />
          <p className="sr-only" data-testid="winloss-summary">
            {summary}
          </p>
        </>
      ) : null}
    </ChartCard>
  );
}

/** Pass/fail agreement rate of each pair of experiments (heatmap), with a text summary. */
export function AgreementCard({ datasetId, experiments, className }: CardProps) {
  const colors = useChartColors();
  const winLoss = useWinLoss(datasetId);
  const agreement = useAgreement(datasetId);
  const chart = useMemo(() => {
    const m = agreementMatrix(agreement.data?.pairs ?? [], winLoss.data?.experiments ?? experiments);
    return m.labels.length > 0 ? { labels: m.labels, option: heatmapOption(m.labels, m.values, { min: 0, max: 1, colors: ['#FFFFFF', colors[0]!], valueLabel: 'Agreement' }) } : null;
  }, [agreement.data, winLoss.data, experiments, colors]);
  const summary = (agreement.data?.pairs ?? []).map((p) => `${p.model1} and ${p.model2} agree on ${formatScore(p.rate)} of ${p.total} cases`).join('; ');
  return (
    <ChartCard title="Pass/fail agreement" subtitle="Share of cases where both experiments pass or both fail (≥ 0.5)." className={className} testId="compare-agreement">
      {agreement.isPending ? <LoadingBlock /> : null}
      {agreement.isError ? <ErrorBlock error={agreement.error} onRetry={() => void agreement.refetch()} title="Could not load the agreement" /> : null}
      {chart && agreement.data ? (
        <>
          <EChart option={chart.option} height={Math.max(300, chart.labels.length * 48 + 120)} ariaLabel="Agreement heatmap" />
          <p className="sr-only" data-testid="agreement-summary">
            {summary}
          </p>
        </>
      ) : null}
    </ChartCard>
  );
}
