import { Bot, X } from 'lucide-react';
import { useEffect } from 'react';
import { useFeatures } from '../lib/queries';
import { useUiStore } from '../stores/uiStore';

export function CopilotPanel() {
  const open = useUiStore((s) => s.copilotOpen);
  const setOpen = useUiStore((s) => s.setCopilotOpen);
  const { copilot_enabled: enabled } = useFeatures();

  useEffect(() => {
    if (!enabled && open) setOpen(false);
  }, [enabled, open, setOpen]);

  if (!open || !enabled) return null;

  return (
    <aside
      data-testid="copilot-panel"
      aria-label="AI Copilot"
      className="sticky top-0 flex h-screen w-copilot shrink-0 flex-col border-l bg-white"
    >
      <div className="flex h-16 items-center justify-between border-b px-5">
        <div className="flex items-center gap-2.5">
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-accent-gold/15 text-accent-gold">
            <Bot className="h-5 w-5" aria-hidden="true" />
          </span>
          <h2 className="text-sm font-semibold text-ink">AI Copilot</h2>
        </div>
        <button
          type="button"
          aria-label="Close copilot"
          onClick={() => setOpen(false)}
          className="rounded-md p-1 text-ink-muted transition hover:bg-canvas hover:text-ink"
        >
          <X className="h-5 w-5" aria-hidden="true" />
        </button>
      </div>
      <div className="flex flex-1 flex-col items-center justify-center px-8 text-center">
        <p className="text-sm font-medium text-ink">The AI Copilot is not built yet.</p>
        <p className="mt-2 text-sm text-ink-muted">
          When it is, it will answer questions about your evaluation and monitoring data here, showing its
          reasoning step by step.
        </p>
      </div>
    </aside>
  );
}
