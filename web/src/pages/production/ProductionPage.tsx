import { Bot, Gauge } from 'lucide-react';
import { Link } from 'react-router-dom';
import { LoadingBlock, EmptyState } from '../../components/evaluate/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { AgentOverview } from '../../components/production/AgentOverview';
import { TabBar } from '../../components/TabBar';
import { useKpiFilters } from '../../lib/kpi/queries';
import { useStoreMetadata } from '../../lib/monitoring/queries';
import { PAGES } from '../../lib/pages';
import { agentFor, agentSources } from '../../lib/production/agents';
import { useAgents } from '../../lib/queries';
import { useSearchParam } from '../../lib/useSearchParam';

export default function ProductionPage() {
  const page = PAGES.production;
  const [wanted, select] = useSearchParam('agent');
  const monitoring = useStoreMetadata('monitoring', null);
  const kpi = useKpiFilters();
  const agents = useAgents().data?.agents;
  const monitoringSources = monitoring.data?.metadata?.filter_values?.source_name;
  const kpiSources = kpi.data?.source_names;
  const sources = agentSources(monitoringSources, kpiSources);
  const current = wanted && sources.includes(wanted) ? wanted : sources[0];

  let body;
  if (monitoring.isPending || kpi.isPending) body = <LoadingBlock label="Looking for agents…" />;
  else if (!current) {
    body = (
      <EmptyState
        icon={Gauge}
        title="No agents yet"
        testId="production-empty"
        message="Agents appear here once monitoring records or KPIs name a source_name."
        action={
          <Link to="/monitoring" className="rounded-lg bg-primary px-3.5 py-2 text-sm font-medium text-white hover:bg-primary-dark">
            Load monitoring data
          </Link>
        }
      />
    );
  } else {
    body = (
      <div className="space-y-6">
        <TabBar tabs={sources.map((s) => ({ id: s, label: agentFor(s, agents)?.label || s, icon: Bot }))} current={current} onSelect={select} testIdPrefix="agent-tab" />
        <AgentOverview
          key={current}
          source={current}
          agent={agentFor(current, agents)}
          hasMonitoring={(monitoringSources?.length ?? 0) > 0}
          hasKpiData={(kpiSources?.length ?? 0) > 0}
        />
      </div>
    );
  }
  return (
    <div>
      <PageHeader icon={page.icon} title={page.title} subtitle={page.subtitle} />
      {body}
    </div>
  );
}
