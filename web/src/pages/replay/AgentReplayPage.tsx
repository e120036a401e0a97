import { PluginGate } from '../../components/PluginGate';
import { PAGES } from '../../lib/pages';

export default function AgentReplayPage() {
  return (
    <PluginGate plugin="agent_replay" page={PAGES.agentReplay}>
      <div />
    </PluginGate>
  );
}
