import { useCallback } from 'react';
import { useAgents } from '../../lib/queries';
import { useSearchParam } from '../../lib/useSearchParam';
import type { Agent } from '../../lib/types';
import { AgentCard } from './AgentCard';
import { AgentModal } from './AgentModal';

export function AgentsSection() {
  const { data, isPending, isError } = useAgents();
  // The open biography is in the address (?agent=<name>), so it can be shared and survives a reload.
  const [agentParam, setAgentParam] = useSearchParam('agent');
  const close = useCallback(() => setAgentParam(null), [setAgentParam]);
  const open = useCallback((agent: Agent) => setAgentParam(agent.name), [setAgentParam]);
  const agents = (data?.agents ?? []).filter((a) => a && typeof a.name === 'string');
  const selected = agents.find((a) => a.name === agentParam) ?? null;

  return (
    <section data-testid="agents-section">
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-ink-muted">Agents</h2>
      {isPending ? <p className="text-sm text-ink-muted">Loading agents…</p> : null}
      {isError ? <p className="text-sm text-ink-muted">The agent registry could not be loaded.</p> : null}
      {!isPending && !isError && agents.length === 0 ? (
        <p className="rounded-xl border border-dashed bg-white px-5 py-6 text-sm text-ink-muted">
          No agents are configured. Add them to <span className="font-mono">agents.yaml</span> in the server&apos;s
          custom configuration folder.
        </p>
      ) : null}
      {agents.length > 0 ? (
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {agents.map((agent) => (
            <AgentCard key={agent.name} agent={agent} onOpen={open} />
          ))}
        </div>
      ) : null}
      <AgentModal agent={selected} onClose={close} />
    </section>
  );
}
