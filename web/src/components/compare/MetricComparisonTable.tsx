import { cn } from '../../lib/cn';
import { sideName, winnerSide } from '../../lib/evaluate/compare';
import { effectLabel, formatPValue, formatPercentChange, formatScore, formatSigned } from '../../lib/evaluate/format';
import type { MetricComparison } from '../../lib/evaluate/types';

interface MetricComparisonTableProps {
  metrics: MetricComparison[];
  baseline: string;
  challenger: string;
}

function MeanCell({ mean, std, n }: { mean?: number | null; std?: number | null; n?: number | null }) {
  return (
    <div>
      <span className="font-semibold tabular-nums text-ink">{formatScore(mean)}</span>
      <span className="ml-1 text-[11px] tabular-nums text-ink-muted">± {formatScore(std, 2)}</span>
      {typeof n === 'number' ? <span className="block text-[10px] text-ink-muted">n = {n}</span> : null}
    </div>
  );
}

/** Per-metric means, difference, effect size and Welch t-test p-value with stars. */
export function MetricComparisonTable({ metrics, baseline, challenger }: MetricComparisonTableProps) {
  return (
    <div className="overflow-x-auto" data-testid="metric-comparison">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
          <tr>
            <th className="px-4 py-2.5 font-semibold">Metric</th>
            <th className="px-3 py-2.5 font-semibold">{baseline}</th>
            <th className="px-3 py-2.5 font-semibold">{challenger}</th>
            <th className="px-3 py-2.5 text-right font-semibold">Δ</th>
            <th className="px-3 py-2.5 text-right font-semibold">% change</th>
            <th className="px-3 py-2.5 font-semibold">Cohen&apos;s d</th>
            <th className="px-3 py-2.5 font-semibold">p-value</th>
            <th className="px-3 py-2.5 font-semibold">Winner</th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {metrics.map((m) => {
            const side = winnerSide(m.winner, baseline, challenger);
            const diff = m.difference;
            const diffTone = typeof diff === 'number' ? (diff > 0 ? 'text-success' : diff < 0 ? 'text-error' : 'text-ink-muted') : 'text-ink-muted';
            const stars = m.stars ?? '';
            return (
              <tr key={m.metric} data-testid={`compare-metric-${m.metric}`} data-significant={m.significant ? 'true' : 'false'}>
                <td className="px-4 py-2.5 font-medium text-ink">{m.metric}</td>
                <td className="px-3 py-2.5">
                  <MeanCell {...(m.baseline ?? {})} />
                </td>
                <td className="px-3 py-2.5">
                  <MeanCell {...(m.challenger ?? {})} />
                </td>
                <td className={cn('px-3 py-2.5 text-right font-semibold tabular-nums', diffTone)}>{formatSigned(diff)}</td>
                <td className={cn('px-3 py-2.5 text-right tabular-nums', diffTone)}>{formatPercentChange(m.percent_change)}</td>
                <td className="px-3 py-2.5">
                  <span className="tabular-nums text-ink">{formatSigned(m.cohens_d, 2)}</span>
                  <span className="ml-1.5 rounded bg-canvas px-1.5 py-0.5 text-[10px] font-medium text-ink-muted ring-1 ring-line">
                    {m.effect_size || effectLabel(m.cohens_d)}
                  </span>
                </td>
                <td className="px-3 py-2.5">
                  <span className="tabular-nums text-ink-secondary">{formatPValue(m.p_value)}</span>
                  {stars ? (
                    <span className="ml-1 font-bold text-accent-gold" data-testid="significance-stars" title="p < 0.05 (*), 0.01 (**), 0.001 (***)">
                      {stars}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2.5">
                  <span
                    className={cn(
                      'inline-flex rounded-full px-2 py-0.5 text-xs font-semibold',
                      side === 'tie' ? 'bg-canvas text-ink-muted ring-1 ring-line' : side === 'challenger' ? 'bg-primary/10 text-primary' : 'bg-accent-gold/15 text-[#7a600c]',
                    )}
                  >
                    {sideName(side, baseline, challenger)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="border-t px-4 py-2 text-[11px] text-ink-muted">
        Welch&apos;s t-test, two-sided: * p &lt; 0.05, ** p &lt; 0.01, *** p &lt; 0.001. A metric is a tie unless its difference is significant.
      </p>
    </div>
  );
}
