import { formatSignalsKpi } from '../../lib/signals/cases';
import type { KpiStripEntry, SignalsKpi } from '../../lib/signals/types';
import { kpiIcon } from '../../lib/signals/icons';
import { KpiCard, KpiGrid } from '../evaluate/KpiCard';

interface SignalsKpiStripProps {
  kpis: readonly SignalsKpi[];
  config?: readonly KpiStripEntry[];
  testId?: string;
}

/** The KPIs the server computed over all cases, with the icon and highlight of the matching kpi_strip entry. */
export function SignalsKpiStrip({ kpis, config = [], testId = 'signals-kpis' }: SignalsKpiStripProps) {
  if (kpis.length === 0) return null;
  return (
    <KpiGrid testId={testId}>
      {kpis.map((k, i) => {
        const entry = config.find((c) => c.label === k.label) ?? (config.length === kpis.length ? config[i] : undefined);
        return (
          <div key={k.key} className={entry?.highlight ? 'rounded-xl ring-2 ring-accent-gold/60' : undefined}>
            <KpiCard
              icon={kpiIcon(entry?.icon)}
              label={k.label}
              value={formatSignalsKpi(k.value, k.format, k.key)}
              hint={[k.aggregation && k.aggregation !== 'rate' ? k.aggregation : null, k.missing ? `${k.missing} missing` : null].filter(Boolean).join(' · ') || undefined}
              testId={`signals-kpi-${k.key}`}
            />
          </div>
        );
      })}
    </KpiGrid>
  );
}
