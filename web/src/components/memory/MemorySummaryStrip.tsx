import { AlertOctagon, BookOpen, Layers, ShieldCheck } from 'lucide-react';
import { useMemo } from 'react';
import { countBarsOption } from '../charts/seriesOptions';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { pieOption } from '../charts/options';
import { useChartColors } from '../charts/useChartColors';
import { KpiCard, KpiGrid } from '../evaluate/KpiCard';
import type { MemorySummary } from '../../lib/memory/types';

/** The four rule KPIs, rules by action (server colours) and rules by product (donut, total in the centre). */
export function MemorySummaryStrip({ summary }: { summary: MemorySummary }) {
  const colors = useChartColors();
  const byAction = useMemo(
    () => countBarsOption(summary.rules_by_action.map((a) => ({ name: a.action, value: a.count, color: a.color })), colors, 'Rules'),
    [summary.rules_by_action, colors],
  );
  const byProduct = useMemo(
    () => pieOption(summary.rules_by_product.map((p) => ({ name: p.product, value: p.count })), colors),
    [summary.rules_by_product, colors],
  );
  const productTotal = summary.rules_by_product.reduce((sum, p) => sum + p.count, 0);
  const barHeight = Math.max(160, summary.rules_by_action.length * 34 + 24);
  return (
    <div className="space-y-6" data-testid="memory-summary">
      <KpiGrid>
        <KpiCard icon={BookOpen} label="Rules" value={summary.rules_count.toLocaleString('en-US')} testId="memory-kpi-rules" />
        <KpiCard icon={Layers} label="Risk Factors" value={summary.risk_factors_count.toLocaleString('en-US')} testId="memory-kpi-risk-factors" />
        <KpiCard icon={ShieldCheck} label="Mitigants" value={summary.mitigants_count.toLocaleString('en-US')} testId="memory-kpi-mitigants" />
        <KpiCard icon={AlertOctagon} label="Hard Stops" value={summary.hard_stops_count.toLocaleString('en-US')} tone="text-error" testId="memory-kpi-hard-stops" />
      </KpiGrid>
      <div className="grid gap-6 xl:grid-cols-2">
        <ChartCard title="Rules by action" subtitle="Most frequent first">
          <EChart
            option={byAction}
            height={barHeight}
            testId="memory-by-action"
            ariaLabel={`Rules by action: ${summary.rules_by_action.map((a) => `${a.action} ${a.count}`).join(', ')}`}
          />
        </ChartCard>
        <ChartCard title="Rules by product">
          <div className="relative">
            <EChart
              option={byProduct}
              height={barHeight}
              testId="memory-by-product"
              ariaLabel={`Rules by product: ${summary.rules_by_product.map((p) => `${p.product} ${p.count}`).join(', ')}`}
            />
            <div className="pointer-events-none absolute inset-x-0 top-[45%] -translate-y-1/2 text-center">
              <p className="text-2xl font-bold tabular-nums text-ink" data-testid="memory-product-total">
                {productTotal.toLocaleString('en-US')}
              </p>
              <p className="text-[11px] uppercase tracking-wide text-ink-muted">rules</p>
            </div>
          </div>
        </ChartCard>
      </div>
    </div>
  );
}
