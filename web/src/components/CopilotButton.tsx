import { Bot, Lock } from 'lucide-react';
import { cn } from '../lib/cn';
import { useFeatures } from '../lib/queries';
import { useUiStore } from '../stores/uiStore';

interface CopilotButtonProps {
  collapsed: boolean;
}

export function CopilotButton({ collapsed }: CopilotButtonProps) {
  const { copilot_enabled: enabled } = useFeatures();
  const open = useUiStore((s) => s.copilotOpen);
  const setOpen = useUiStore((s) => s.setCopilotOpen);
  const label = 'AI Copilot';
  return (
    <button
      type="button"
      data-testid="nav-copilot"
      data-locked={enabled ? 'false' : 'true'}
      disabled={!enabled}
      aria-pressed={enabled ? open : undefined}
      aria-label={collapsed ? (enabled ? label : `${label} (Disabled by Admin)`) : undefined}
      title={enabled ? label : 'Disabled by Admin'}
      onClick={() => setOpen(!open)}
      className={cn(
        'flex w-full items-center gap-3 rounded-lg border px-3 py-2 text-left text-sm font-medium transition',
        collapsed && 'justify-center px-0',
        enabled
          ? 'border-accent-gold/40 bg-accent-gold/10 text-ink hover:bg-accent-gold/20'
          : 'cursor-not-allowed border-line bg-canvas text-ink-muted',
        enabled && open && 'bg-accent-gold/25',
      )}
    >
      {enabled ? (
        <Bot className="h-[18px] w-[18px] shrink-0 text-accent-gold" aria-hidden="true" />
      ) : (
        <Lock className="h-[18px] w-[18px] shrink-0" aria-hidden="true" />
      )}
      {collapsed ? null : (
        <span className="flex min-w-0 flex-col">
          <span className="truncate" data-testid="nav-label">
            {label}
          </span>
          {enabled ? null : (
            <span className="text-[11px] font-normal text-ink-muted" data-testid="copilot-locked">
              Disabled by Admin
            </span>
          )}
        </span>
      )}
    </button>
  );
}
