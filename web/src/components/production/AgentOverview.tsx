import { Link } from 'react-router-dom';
import { HEALTH_LABEL, HEALTH_TONE, healthOf, thresholdsFor } from '../../lib/monitoring/format';
import { useAlerts, useMonitoringDbConfig } from '../../lib/monitoring/queries';
import { presetLink } from '../../lib/production/agents';
import { sourceKeys } from '../../lib/sources/sources';
import type { SourceEntry } from '../../lib/sources/types';
import { AgentAvatar } from '../home/AgentAvatar';
import { StatusBadge } from '../StatusBadge';
import { AgentKpis } from './AgentKpis';
import { HumanFeedback } from './HumanFeedback';
import { QualityScorecard } from './QualityScorecard';

interface AgentOverviewProps {
  /** The agent (or raw source_name) chosen in the SourceSelector; its id is the source_name every call sends. */
  entry: SourceEntry;
  hasMonitoring: boolean;
  hasKpiData: boolean;
}

/** One agent on one screen: health from its alerts, business KPIs, quality scorecard and human feedback. */
export function AgentOverview({ entry, hasMonitoring, hasKpiData }: AgentOverviewProps) {
  const source = entry.id;
  const alerts = useAlerts({ source_name: source }, 'daily', hasMonitoring);
  const config = useMonitoringDbConfig();
  const list = alerts.data?.alerts;
  const health = healthOf(list);
  const label = entry.label || source;
  return (
    <div className="space-y-6" data-testid={`agent-overview-${source}`}>
      <div className="flex flex-wrap items-center gap-4 rounded-xl border bg-white px-5 py-4 shadow-card">
        <AgentAvatar avatar={entry.registered ? entry.avatar : null} label={label} />
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-ink" data-testid="agent-name">{label}</h2>
          <p className="text-xs text-ink-muted">{entry.registered ? entry.role : `source_name ${source}`}</p>
        </div>
        {hasMonitoring && list ? (
          <span data-testid="agent-health" data-health={health}>
            <StatusBadge tone={HEALTH_TONE[health]} label={HEALTH_LABEL[health]} />
          </span>
        ) : null}
        <div className="ml-auto flex gap-3 text-sm">
          <Link to={presetLink('/monitoring', source)} className="text-primary hover:underline" data-testid="agent-link-monitoring">
            Monitoring
          </Link>
          <Link to={presetLink('/human-signals', source)} className="text-primary hover:underline" data-testid="agent-link-signals">
            Human Signals
          </Link>
        </div>
      </div>
      <AgentKpis source={source} hasKpiData={hasKpiData} />
      <QualityScorecard source={source} alertCount={hasMonitoring ? (list?.length ?? null) : null} passThreshold={thresholdsFor(config.data, sourceKeys(entry)).pass} />
      <HumanFeedback source={source} />
    </div>
  );
}
