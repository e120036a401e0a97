import { Gauge, Hash, Percent, ShieldCheck } from 'lucide-react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { formatCount, formatScore } from '../../lib/evaluate/format';
import { formatLatency, formatRate } from '../../lib/monitoring/format';
import { useBreakdown, useSummary } from '../../lib/monitoring/queries';
import { presetLink } from '../../lib/production/agents';
import { KpiCard, KpiGrid } from '../evaluate/KpiCard';
import { MetricBreakdownTable } from '../monitoring/MetricBreakdownTable';
import { QueryView } from '../QueryView';
import { NoData } from './NoData';
import { ProductionSection } from './ProductionSection';

interface QualityScorecardProps {
  source: string;
  alertCount: number | null;
  passThreshold: number;
}

/** The agent's monitoring summary and per-metric scorecard (newest monitoring dataset), with its alert count. */
export function QualityScorecard({ source, alertCount, passThreshold }: QualityScorecardProps) {
  const params = { source_name: source };
  const summary = useSummary(params);
  const breakdown = useBreakdown(params, '', passThreshold);
  const k = summary.data?.kpis;
  const missing = summary.error instanceof ApiError && summary.error.status === 404;
  const link = presetLink('/monitoring', source);
  return (
    <ProductionSection
      title="AI Quality Monitoring"
      icon={ShieldCheck}
      testId="production-quality"
      actions={
        alertCount !== null ? (
          <Link
            to={`${link}&tab=alerts`}
            className={alertCount > 0 ? 'rounded-full bg-error px-2.5 py-0.5 text-xs font-semibold text-white' : 'rounded-full bg-success/10 px-2.5 py-0.5 text-xs font-semibold text-success'}
            data-testid="production-alert-badge"
          >
            {alertCount} alert{alertCount === 1 ? '' : 's'}
          </Link>
        ) : null
      }
    >
      {missing ? (
        <NoData title="No Monitoring Data" to="/monitoring" linkText="Load monitoring data" testId="production-no-monitoring" />
      ) : (
        <QueryView query={summary} loadingLabel="Loading quality…">
          <KpiGrid testId="production-quality-kpis">
            <KpiCard icon={Hash} label="Scored records" value={formatCount(k?.total_records)} testId="quality-records" />
            <KpiCard icon={Gauge} label="Average score" value={formatScore(k?.avg_score)} testId="quality-avg" />
            <KpiCard icon={Percent} label="Pass rate" value={formatRate(k?.pass_rate)} testId="quality-pass-rate" />
            <KpiCard icon={Gauge} label="P95 latency" value={formatLatency(k?.p95_latency)} testId="quality-p95" />
          </KpiGrid>
          <div className="mt-4">
            <QueryView query={breakdown} loadingLabel="Loading scorecard…" empty={(breakdown.data?.metrics?.length ?? 0) === 0} emptyText="No scored metrics for this agent.">
              <MetricBreakdownTable metrics={breakdown.data?.metrics ?? []} testId="quality-scorecard" />
            </QueryView>
          </div>
          <Link to={link} className="mt-3 inline-block text-sm text-primary hover:underline" data-testid="production-monitoring-link">
            Open in Monitoring →
          </Link>
        </QueryView>
      )}
    </ProductionSection>
  );
}
