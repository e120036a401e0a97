import { Lightbulb, MessagesSquare } from 'lucide-react';
import type { PromptData } from '../../lib/copilot/prompts';

interface SuggestedPromptsProps {
  prompts: string[];
  data: PromptData | null;
  disabled: boolean;
  onPick: (prompt: string) => void;
}

/** The empty chat: what the copilot can see of the page's data, and four questions to start with. */
export function SuggestedPrompts({ prompts, data, disabled, onPick }: SuggestedPromptsProps) {
  return (
    <div className="flex h-full flex-col justify-center px-1 text-ink-muted" data-testid="copilot-empty">
      <div className="text-center">
        <MessagesSquare className="mx-auto h-8 w-8 text-primary-soft" aria-hidden="true" />
        <p className="mt-3 text-sm font-medium text-ink">Ask about your data</p>
      </div>
      {data ? (
        <p className="mt-3 rounded-lg border bg-canvas/60 px-3 py-2 text-center text-xs text-ink-secondary" data-testid="copilot-data-card">
          {data.name} · {data.rows.toLocaleString('en-US')} records | {data.columns.length} columns
        </p>
      ) : (
        <p className="mt-2 text-center text-xs">No dataset on this page: questions are answered in general terms.</p>
      )}
      <p className="mb-2 mt-4 flex items-center gap-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">
        <Lightbulb className="h-3.5 w-3.5 text-accent-gold" aria-hidden="true" />
        Suggested questions
      </p>
      <ul className="space-y-2" data-testid="copilot-prompts">
        {prompts.map((p) => (
          <li key={p}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onPick(p)}
              data-testid="copilot-prompt"
              className="w-full rounded-lg border bg-white px-3 py-2 text-left text-xs text-ink-secondary transition hover:border-primary-soft hover:bg-primary-pale/10 hover:text-primary focus:outline-none focus-visible:ring-2 focus-visible:ring-primary disabled:cursor-not-allowed disabled:opacity-50"
            >
              {p}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
