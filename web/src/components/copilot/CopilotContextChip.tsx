import { Database } from 'lucide-react';
import { cn } from '../../lib/cn';
import type { CopilotContext } from '../../stores/uiStore';

interface CopilotContextChipProps {
  context: CopilotContext | null;
  include: boolean;
  onInclude: (include: boolean) => void;
}

/** The dataset of the current page, and whether questions are asked about it. */
export function CopilotContextChip({ context, include, onInclude }: CopilotContextChipProps) {
  if (!context) return null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-b bg-canvas/60 px-5 py-2.5" data-testid="copilot-context">
      <p className={cn('flex min-w-0 items-center gap-1.5 text-xs text-ink-muted', !include && 'opacity-60')}>
        <Database className="h-3.5 w-3.5 shrink-0 text-primary" aria-hidden="true" />
        <span className="shrink-0">Asking about:</span>
        <span className="truncate font-medium text-ink">{context.label}</span>
        <code className="truncate rounded bg-white px-1 font-mono text-[11px] text-ink-secondary ring-1 ring-line">{context.dataset_id}</code>
      </p>
      <label className="flex shrink-0 items-center gap-1.5 text-xs text-ink-secondary">
        <input type="checkbox" checked={include} onChange={(e) => onInclude(e.target.checked)} className="accent-primary" data-testid="copilot-include-dataset" />
        Include this dataset
      </label>
    </div>
  );
}
