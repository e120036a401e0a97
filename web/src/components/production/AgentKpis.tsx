import { BarChart3 } from 'lucide-react';
import { useKpiCategories, useLoadKpiExample } from '../../lib/kpi/queries';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';
import { QueryView } from '../QueryView';
import { KpiTile } from './KpiTile';
import { ProductionSection } from './ProductionSection';

const PER_STRIP = 5;

/** The agent's business KPIs by category, up to five cards a strip; offers the KPI sample when no KPI data is stored. */
export function AgentKpis({ source, hasKpiData }: { source: string; hasKpiData: boolean }) {
  const categories = useKpiCategories(source);
  const sample = useLoadKpiExample();
  const panels = (categories.data?.categories ?? []).filter((p) => (p.kpis?.length ?? 0) > 0);
  const range = categories.data?.date_range;
  return (
    <ProductionSection
      title="Agent KPIs"
      icon={BarChart3}
      testId="production-kpis"
      actions={range?.min_date && range.max_date ? <span className="text-[11px] text-ink-muted">{range.min_date} – {range.max_date}</span> : null}
    >
      <QueryView
        query={categories}
        loadingLabel="Loading KPIs…"
        empty={panels.length === 0}
        emptyText={
          hasKpiData ? (
            'No KPIs recorded for this agent.'
          ) : (
            <span className="flex flex-col items-center gap-2">
              No KPI data yet.
              <Button onClick={() => sample.mutate()} disabled={sample.isPending} data-testid="load-kpi-sample">
                {sample.isPending ? 'Loading…' : 'Load the KPI sample'}
              </Button>
              {sample.isError ? <span className="text-error">{errorMessage(sample.error)}</span> : null}
            </span>
          )
        }
      >
        <div className="space-y-5">
          {panels.map((p) => (
            <div key={p.category} data-testid={`kpi-panel-${p.category}`}>
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">{p.display_name ?? p.category}</h3>
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
                {(p.kpis ?? []).slice(0, PER_STRIP).map((k) => (
                  <KpiTile key={k.kpi_name} kpi={k} />
                ))}
              </div>
            </div>
          ))}
        </div>
      </QueryView>
    </ProductionSection>
  );
}
