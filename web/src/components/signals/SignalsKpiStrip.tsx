import { useMemo, useState } from 'react';
import { formatSignalsKpi } from '../../lib/signals/cases';
import { kpiIcon } from '../../lib/signals/icons';
import { seriesOf } from '../../lib/signals/trends';
import type { KpiStripEntry, SignalsKpi, SignalsTrendsResponse } from '../../lib/signals/types';
import { Sparkline } from '../charts/Sparkline';
import { KpiCard, KpiGrid } from '../evaluate/KpiCard';
import { RateTrend } from './RateTrend';

interface SignalsKpiStripProps {
  kpis: readonly SignalsKpi[];
  config?: readonly KpiStripEntry[];
  /** The weekly figures: with them, a rate card shows a sparkline and opens its weekly trend. */
  trends?: SignalsTrendsResponse;
  testId?: string;
}

/** The KPIs the server computed, with the icon and highlight of the matching kpi_strip entry; rate cards expand their weekly trend. */
export function SignalsKpiStrip({ kpis, config = [], trends, testId = 'signals-kpis' }: SignalsKpiStripProps) {
  const [open, setOpen] = useState<string | null>(null);
  const expanded = useMemo(() => (open ? seriesOf(trends?.series, open) : undefined), [open, trends]);
  if (kpis.length === 0) return null;
  return (
    <div className="space-y-3">
      <KpiGrid testId={testId}>
        {kpis.map((k, i) => {
          const entry = config.find((c) => c.label === k.label) ?? (config.length === kpis.length ? config[i] : undefined);
          const weekly = k.aggregation === 'rate' ? seriesOf(trends?.series, k.key) : undefined;
          const card = (
            <KpiCard
              icon={kpiIcon(entry?.icon)}
              label={k.label}
              value={formatSignalsKpi(k.value, k.format, k.key)}
              hint={[k.aggregation && k.aggregation !== 'rate' ? k.aggregation : null, k.missing ? `${k.missing} missing` : null].filter(Boolean).join(' · ') || undefined}
              testId={`signals-kpi-${k.key}`}
            />
          );
          return (
            <div key={k.key} className={entry?.highlight ? 'rounded-xl ring-2 ring-accent-gold/60' : undefined}>
              {weekly ? (
                <button
                  type="button"
                  onClick={() => setOpen(open === k.key ? null : k.key)}
                  aria-expanded={open === k.key}
                  className="relative block w-full rounded-xl text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
                  data-testid={`signals-kpi-${k.key}-toggle`}
                >
                  {card}
                  <span className="sr-only">{open === k.key ? 'Hide' : 'Show'} its weekly trend</span>
                  <span className="pointer-events-none absolute bottom-2 right-3 text-primary">
                    <Sparkline values={weekly.values} color="currentColor" width={64} height={20} testId={`signals-kpi-${k.key}-spark`} />
                  </span>
                </button>
              ) : (
                card
              )}
            </div>
          );
        })}
      </KpiGrid>
      {expanded && trends ? <RateTrend series={expanded} weeks={trends.weeks} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
