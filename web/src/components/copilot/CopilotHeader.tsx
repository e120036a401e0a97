import { Bot, SquarePen, X } from 'lucide-react';

interface CopilotHeaderProps {
  model: string | null;
  onNew: () => void;
  onClose: () => void;
}

const ICON_BUTTON = 'rounded-md p-1.5 text-ink-muted transition hover:bg-canvas hover:text-ink';

export function CopilotHeader({ model, onNew, onClose }: CopilotHeaderProps) {
  return (
    <div className="flex h-16 shrink-0 items-center justify-between gap-3 border-b px-5">
      <div className="flex min-w-0 items-center gap-2.5">
        <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-lg bg-accent-gold/15 text-accent-gold">
          <Bot className="h-5 w-5" aria-hidden="true" />
        </span>
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-ink">AI Copilot</h2>
          {model ? (
            <p className="truncate text-[11px] text-ink-muted" data-testid="copilot-model">
              {model}
            </p>
          ) : null}
        </div>
      </div>
      <div className="flex items-center gap-1">
        <button type="button" onClick={onNew} title="New conversation" aria-label="New conversation" className={ICON_BUTTON} data-testid="copilot-new">
          <SquarePen className="h-[18px] w-[18px]" aria-hidden="true" />
        </button>
        <button type="button" onClick={onClose} title="Close copilot" aria-label="Close copilot" className={ICON_BUTTON}>
          <X className="h-5 w-5" aria-hidden="true" />
        </button>
      </div>
    </div>
  );
}
