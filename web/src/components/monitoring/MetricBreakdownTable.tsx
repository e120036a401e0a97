import { formatCount, formatScore, scoreTone, TONE_TEXT } from '../../lib/evaluate/format';
import { formatRate, HEALTH_LABEL, HEALTH_TONE, type Health } from '../../lib/monitoring/format';
import type { MetricBreakdown } from '../../lib/monitoring/types';
import { StatusBadge } from '../StatusBadge';

const HEALTH_BY_TONE: Record<string, Health> = { success: 'healthy', warning: 'warning', error: 'critical' };

/** Average, pass rate, records and health (≥0.7 healthy, ≥0.5 warning, else critical) per metric. */
export function MetricBreakdownTable({ metrics, testId = 'breakdown-table' }: { metrics: readonly MetricBreakdown[]; testId?: string }) {
  return (
    <table className="mt-2 w-full text-left text-sm" data-testid={testId}>
      <thead className="text-[11px] uppercase tracking-wide text-ink-muted">
        <tr>
          <th className="py-1.5 font-semibold">Metric</th>
          <th className="py-1.5 text-right font-semibold">Average</th>
          <th className="py-1.5 text-right font-semibold">Pass rate</th>
          <th className="py-1.5 text-right font-semibold">Records</th>
          <th className="py-1.5 pl-4 font-semibold">Health</th>
        </tr>
      </thead>
      <tbody className="divide-y">
        {metrics.map((m) => {
          const tone = scoreTone(m.avg);
          const health = HEALTH_BY_TONE[tone];
          return (
            <tr key={m.name} data-testid={`${testId}-row-${m.name}`}>
              <td className="py-1.5 font-medium text-ink">{m.name}</td>
              <td className={`py-1.5 text-right tabular-nums ${TONE_TEXT[tone]}`}>{formatScore(m.avg)}</td>
              <td className="py-1.5 text-right tabular-nums">{formatRate(m.pass_rate)}</td>
              <td className="py-1.5 text-right tabular-nums text-ink-muted">{formatCount(m.count)}</td>
              <td className="py-1.5 pl-4">{health ? <StatusBadge tone={HEALTH_TONE[health]} label={HEALTH_LABEL[health]} /> : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
