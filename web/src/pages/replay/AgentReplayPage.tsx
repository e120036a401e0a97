import { Bot, MousePointerClick } from 'lucide-react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { PluginGate } from '../../components/PluginGate';
import { TabBar } from '../../components/TabBar';
import { EmptyState, ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { ReplayDisabled, ReplayUnconfigured } from '../../components/replay/ReplayNotice';
import { TraceFinder } from '../../components/replay/TraceFinder';
import { TraceView } from '../../components/replay/TraceView';
import { useAgentLabels } from '../../lib/agentLabels';
import { PAGES } from '../../lib/pages';
import { reviewsQuery, useReplayStatus } from '../../lib/replay/queries';
import { usePrefetch } from '../../lib/usePrefetch';
import { useSearchWriter } from '../../lib/useSearchParam';

function ReplayWorkspace() {
  const status = useReplayStatus();
  const [params] = useSearchParams();
  const write = useSearchWriter();
  const agentParam = params.get('agent');
  const traceParam = params.get('trace');
  /** A new agent drops the open trace (it belongs to the other agent's credentials). */
  const setAgent = (a: string) =>
    write((next) => {
      next.set('agent', a);
      next.delete('trace');
      next.delete('node');
    });
  /** Another trace starts on its workflow (the selected step, ?node=, belongs to the old one). */
  const openTrace = (id: string | null) =>
    write((next) => {
      if (id === null) next.delete('trace');
      else next.set('trace', id);
      next.delete('node');
    });
  const label = useAgentLabels();
  const openAgent = status.data ? (status.data.agents.find((a) => a === agentParam) ?? status.data.agents[0] ?? '') : null;
  // The trace view asks for the reviews once the trace is in: they go out with it.
  usePrefetch(openAgent !== null && traceParam ? reviewsQuery(openAgent, traceParam) : null);
  if (status.isPending) return <LoadingBlock />;
  if (status.isError) return <ErrorBlock error={status.error} title="The replay status could not be loaded" onRetry={() => void status.refetch()} />;
  const s = status.data;
  if (!s.enabled) return <ReplayDisabled />;
  if (!s.configured) return <ReplayUnconfigured host={s.langfuse_host} />;
  const agent = s.agents.find((a) => a === agentParam) ?? s.agents[0] ?? '';
  const fields = (agent && s.agent_search_fields[agent]) || s.search_fields;
  return (
    <div className="space-y-4">
      {s.agents.length > 0 ? (
        <TabBar
          tabs={s.agents.map((a) => ({ id: a, label: label(a), icon: Bot }))}
          current={agent}
          onSelect={setAgent}
          testIdPrefix="replay-agent"
        />
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[300px,1fr]">
        <TraceFinder key={agent} agent={agent} fields={fields} limit={s.default_limit} daysBack={s.default_days_back} selected={traceParam} onSelect={openTrace} />
        <div className="min-w-0">
          {traceParam ? (
            <TraceView agent={agent} agentLabel={agent ? label(agent) : ''} traceId={traceParam} />
          ) : (
            <EmptyState icon={MousePointerClick} title="Pick a trace" message="Choose a recent trace or search by trace id or business key to replay it step by step." testId="replay-pick" />
          )}
        </div>
      </div>
    </div>
  );
}

export default function AgentReplayPage() {
  return (
    <PluginGate plugin="agent_replay" page={PAGES.agentReplay}>
      <div>
        <PageHeader icon={PAGES.agentReplay.icon} title={PAGES.agentReplay.title} subtitle={PAGES.agentReplay.subtitle} />
        <ReplayWorkspace />
      </div>
    </PluginGate>
  );
}
