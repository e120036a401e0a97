import { Gauge } from 'lucide-react';
import { Link } from 'react-router-dom';
import { ErrorBlock, EmptyState, LoadingBlock } from '../../components/evaluate/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { AgentOverview } from '../../components/production/AgentOverview';
import { ReplaceKpiData } from '../../components/production/ReplaceKpiData';
import { SourceSelector } from '../../components/sources/SourceSelector';
import { PAGES } from '../../lib/pages';
import { useSourceSelection } from '../../lib/sources/useSourceSelection';

export default function ProductionPage() {
  const page = PAGES.production;
  const { sources, selected, select, pending, error, refetch } = useSourceSelection({ allowAll: false });

  let body;
  if (pending) body = <LoadingBlock label="Looking for agents…" />;
  else if (error) body = <ErrorBlock title="The agents could not be listed" error={error} onRetry={() => void refetch()} />;
  else if (!selected) {
    body = (
      <EmptyState
        icon={Gauge}
        title="No agents yet"
        testId="production-empty"
        message="Agents appear here once monitoring records, human signals or KPIs name a source_name."
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
        <SourceSelector sources={sources} selected={selected.id} onSelect={select} />
        <AgentOverview
          key={selected.id}
          entry={selected}
          hasMonitoring={sources.some((s) => s.rows.monitoring > 0)}
          hasKpiData={sources.some((s) => s.rows.kpi > 0)}
        />
      </div>
    );
  }
  return (
    <div>
      <PageHeader icon={page.icon} title={page.title} subtitle={page.subtitle} actions={<ReplaceKpiData />} />
      {body}
    </div>
  );
}
