import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { promptData, suggestedPrompts } from '../../lib/copilot/prompts';
import { useDatasets } from '../../lib/evaluate/queries';
import { currentSession, startSession } from '../../lib/copilot/session';
import { useAiStatus } from '../../lib/copilot/queries';
import { useCopilotStream } from '../../lib/copilot/useCopilotStream';
import { useFeatures } from '../../lib/queries';
import { useUiStore } from '../../stores/uiStore';
import { CopilotContextChip } from './CopilotContextChip';
import { CopilotHeader } from './CopilotHeader';
import { CopilotInput } from './CopilotInput';
import { CopilotMessages } from './CopilotMessages';
import { CopilotStatusNotice } from './CopilotStatusNotice';
import { SuggestedPrompts } from './SuggestedPrompts';

function CopilotConversation({ onClose }: { onClose: () => void }) {
  const [sessionId, setSessionId] = useState(() => currentSession());
  const [includeDataset, setIncludeDataset] = useState(true);
  const context = useUiStore((s) => s.copilotContext);
  const status = useAiStatus();
  const { messages, streaming, send, stop } = useCopilotStream(sessionId);
  const ready = status.data?.configured === true;
  const datasetId = includeDataset && context ? context.dataset_id : null;
  const { pathname } = useLocation();
  const datasets = useDatasets();
  const data = useMemo(() => promptData(datasetId ? datasets.data?.find((d) => d.id === datasetId) : null), [datasetId, datasets.data]);
  const prompts = useMemo(() => suggestedPrompts(pathname, data), [pathname, data]);
  const ask = (text: string) => void send(text, datasetId);

  return (
    <>
      <CopilotHeader model={ready ? status.data?.copilot_model || status.data?.model || null : null} onNew={() => setSessionId(startSession())} onClose={onClose} />
      <CopilotContextChip context={context} include={includeDataset} onInclude={setIncludeDataset} />
      <CopilotStatusNotice status={status.data} error={status.error} onRetry={() => void status.refetch()} />
      <CopilotMessages messages={messages} empty={<SuggestedPrompts prompts={prompts} data={data} disabled={!ready || streaming} onPick={ask} />} />
      <CopilotInput disabled={!ready} streaming={streaming} onSend={ask} onStop={stop} />
    </>
  );
}

/** The AI Copilot side panel: open from the sidebar on any page while the feature is enabled. */
export function CopilotPanel() {
  const open = useUiStore((s) => s.copilotOpen);
  const setOpen = useUiStore((s) => s.setCopilotOpen);
  const { copilot_enabled: enabled } = useFeatures();

  useEffect(() => {
    if (!enabled && open) setOpen(false);
  }, [enabled, open, setOpen]);

  if (!open || !enabled) return null;

  return (
    <aside data-testid="copilot-panel" aria-label="AI Copilot" className="sticky top-0 flex h-screen w-copilot shrink-0 flex-col border-l bg-white">
      <CopilotConversation onClose={() => setOpen(false)} />
    </aside>
  );
}
