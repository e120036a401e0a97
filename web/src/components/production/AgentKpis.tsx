import { BarChart3 } from 'lucide-react';
import { useMemo } from 'react';
import type { KpiScope } from '../../lib/kpi/api';
import { useKpiCategories, useKpiFilters, useLoadKpiExample } from '../../lib/kpi/queries';
import { useSearchParam } from '../../lib/useSearchParam';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';
import { QueryView } from '../QueryView';
import { SelectField } from '../SelectField';
import { KpiComposition } from './KpiComposition';
import { KpiTile } from './KpiTile';
import { KpiTrendPanel } from './KpiTrendPanel';
import { ProductionSection } from './ProductionSection';

const PER_STRIP = 5;

/**
 * The agent's business KPIs by category, up to five cards a strip; a card opens its daily trend
 * (`?kpi=`), the segment select (`?segment=`) narrows every figure, and the configured
 * composition charts follow. Offers the KPI sample when no KPI data is stored.
 */
export function AgentKpis({ source, hasKpiData }: { source: string; hasKpiData: boolean }) {
  const [segmentParam, setSegment] = useSearchParam('segment');
  const [kpiParam, setKpi] = useSearchParam('kpi');
  const filters = useKpiFilters(useMemo(() => ({ source }), [source]));
  const segments = filters.data?.segments ?? [];
  // A segment this agent does not have (kept in the URL from another agent) is ignored.
  const segment = segmentParam && segments.includes(segmentParam) ? segmentParam : '';
  const scope: KpiScope = useMemo(() => ({ source, segment: segment || undefined }), [source, segment]);
  const categories = useKpiCategories(scope);
  const sample = useLoadKpiExample();
  const panels = (categories.data?.categories ?? []).filter((p) => (p.kpis?.length ?? 0) > 0);
  const range = categories.data?.date_range;
  const chosen = panels.flatMap((p) => (p.kpis ?? []).slice(0, PER_STRIP)).find((k) => k.kpi_name === kpiParam) ?? null;
  const compositions = filters.data?.composition_charts ?? [];
  return (
    <ProductionSection
      title="Agent KPIs"
      icon={BarChart3}
      testId="production-kpis"
      actions={
        <>
          {segments.length > 0 ? <SelectField label="Segment" value={segment} options={segments} emptyLabel="All segments" onChange={(v) => setSegment(v || null)} testId="kpi-segment" /> : null}
          {range?.min_date && range.max_date ? (
            <span className="text-[11px] text-ink-muted" data-testid="kpi-date-range">
              {range.min_date} – {range.max_date}
            </span>
          ) : null}
        </>
      }
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
          {panels.map((p) => {
            const cards = (p.kpis ?? []).slice(0, PER_STRIP);
            return (
              <div key={p.category} data-testid={`kpi-panel-${p.category}`}>
                <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">{p.display_name ?? p.category}</h3>
                <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
                  {cards.map((k) => (
                    <KpiTile key={k.kpi_name} kpi={k} selected={chosen?.kpi_name === k.kpi_name} onSelect={() => setKpi(chosen?.kpi_name === k.kpi_name ? null : k.kpi_name, { push: true })} />
                  ))}
                </div>
                {chosen && cards.some((k) => k.kpi_name === chosen.kpi_name) ? (
                  <div className="mt-3">
                    <KpiTrendPanel scope={scope} kpi={chosen} onClose={() => setKpi(null)} />
                  </div>
                ) : null}
              </div>
            );
          })}
          {compositions.length > 0 ? (
            <div className="grid gap-4 lg:grid-cols-2" data-testid="kpi-compositions">
              {compositions.map((c, i) => (
                <KpiComposition key={`${c.title}-${i}`} scope={scope} chart={c} index={i} />
              ))}
            </div>
          ) : null}
        </div>
      </QueryView>
    </ProductionSection>
  );
}
