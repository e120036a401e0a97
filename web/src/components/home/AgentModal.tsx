import type { Agent } from '../../lib/types';
import { Modal } from '../Modal';
import { AgentAvatar } from './AgentAvatar';

interface AgentModalProps {
  agent: Agent | null;
  onClose: () => void;
}

export function AgentModal({ agent, onClose }: AgentModalProps) {
  const label = agent ? agent.label || agent.name : '';
  const traces = agent?.trace_names ?? [];
  return (
    <Modal open={agent !== null} title={label} onClose={onClose} testId="agent-modal">
      {agent ? (
        <div className="space-y-4">
          <div className="flex items-center gap-4">
            <AgentAvatar avatar={agent.avatar} label={label} size="lg" />
            <div>
              <p className="text-base font-semibold text-ink">{label}</p>
              {agent.role ? <p className="text-sm text-primary">{agent.role}</p> : null}
              <p className="font-mono text-xs text-ink-muted">{agent.name}</p>
            </div>
          </div>
          {agent.description ? <p className="text-sm text-ink-secondary">{agent.description}</p> : null}
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Biography</h3>
            <p className="mt-1 whitespace-pre-line text-sm leading-relaxed text-ink-secondary">
              {agent.biography || 'No biography has been written for this agent.'}
            </p>
          </div>
          {traces.length > 0 ? (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Trace names</h3>
              <div className="mt-1.5 flex flex-wrap gap-1.5">
                {traces.map((name) => (
                  <span key={name} className="rounded bg-canvas px-2 py-0.5 font-mono text-xs text-ink-secondary">
                    {name}
                  </span>
                ))}
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
