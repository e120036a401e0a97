import { MessageSquareHeart } from 'lucide-react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { presetLink } from '../../lib/production/agents';
import { useMetricSchema } from '../../lib/signals/queries';
import { QueryView } from '../QueryView';
import { SignalsKpiStrip } from '../signals/SignalsKpiStrip';
import { NoData } from './NoData';
import { ProductionSection } from './ProductionSection';

const MAX_KPIS = 5;

/**
 * Up to five human-signals KPIs of this agent: the server computes them over the agent's cases
 * (source_name) in the newest signals dataset; the link opens those cases.
 */
export function HumanFeedback({ source }: { source: string }) {
  const schema = useMetricSchema(null, source);
  const missing = schema.error instanceof ApiError && schema.error.status === 404;
  const kpis = (schema.data?.kpis ?? []).slice(0, MAX_KPIS);
  const link = presetLink('/human-signals', source);
  return (
    <ProductionSection title="Human Signals" icon={MessageSquareHeart} testId="production-signals">
      {missing ? (
        <NoData title="No Human Signals Data" to="/human-signals" linkText="Load human signals" testId="production-no-signals" />
      ) : (
        <QueryView query={schema} loadingLabel="Loading human signals…" empty={kpis.length === 0} emptyText="No human-signals KPIs for this agent.">
          <p className="mb-3 text-xs text-ink-muted" data-testid="production-signals-scope">
            This agent&apos;s cases in the newest human-signals dataset.
          </p>
          <SignalsKpiStrip kpis={kpis} config={schema.data?.display_config?.kpi_strip} testId="production-signals-kpis" />
          <Link to={link} className="mt-3 inline-block text-sm text-primary hover:underline" data-testid="production-signals-link">
            Open in Human Signals →
          </Link>
        </QueryView>
      )}
    </ProductionSection>
  );
}
