import type { Agent } from '../../lib/types';
import { AgentAvatar } from './AgentAvatar';

interface AgentCardProps {
  agent: Agent;
  onOpen: (agent: Agent) => void;
}

export function AgentCard({ agent, onOpen }: AgentCardProps) {
  const label = agent.label || agent.name;
  return (
    <button
      type="button"
      data-testid={`agent-card-${agent.name}`}
      onClick={() => onOpen(agent)}
      className="flex w-full items-start gap-4 rounded-xl border bg-white p-4 text-left shadow-card transition hover:-translate-y-0.5 hover:border-primary-soft hover:shadow-lift"
    >
      <AgentAvatar avatar={agent.avatar} label={label} />
      <span className="min-w-0">
        <span className="flex items-center gap-2">
          <span className="truncate text-sm font-semibold text-ink">{label}</span>
          {agent.active === false ? (
            <span className="rounded bg-canvas px-1.5 py-0.5 text-[10px] font-semibold uppercase text-ink-muted">
              Inactive
            </span>
          ) : null}
        </span>
        {agent.role ? <span className="block text-xs font-medium text-primary">{agent.role}</span> : null}
        {agent.description ? (
          <span className="mt-1.5 line-clamp-2 block text-xs leading-relaxed text-ink-muted">{agent.description}</span>
        ) : null}
      </span>
    </button>
  );
}
