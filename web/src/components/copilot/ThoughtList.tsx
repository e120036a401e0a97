import { Brain, ChevronRight, Loader2 } from 'lucide-react';
import { useState } from 'react';
import { cn } from '../../lib/cn';
import type { Thought } from '../../lib/thoughts';
import { ThoughtRow } from '../ThoughtRow';

interface ThoughtListProps {
  thoughts: Thought[];
  streaming: boolean;
}

/** The copilot's reasoning for one answer: open while it streams, folded afterwards unless opened. */
export function ThoughtList({ thoughts, streaming }: ThoughtListProps) {
  const [open, setOpen] = useState<boolean | null>(null);
  if (thoughts.length === 0) return null;
  const expanded = open ?? streaming;
  const Icon = streaming ? Loader2 : Brain;
  return (
    <div className="rounded-xl border bg-canvas/60">
      <button
        type="button"
        aria-expanded={expanded}
        onClick={() => setOpen(!expanded)}
        className="flex w-full items-center gap-2 px-3 py-2 text-xs font-medium text-ink-muted hover:text-ink"
        data-testid="copilot-thinking-toggle"
      >
        <ChevronRight className={cn('h-3.5 w-3.5 transition-transform', expanded && 'rotate-90')} aria-hidden="true" />
        <Icon className={cn('h-3.5 w-3.5 text-primary', streaming && 'animate-spin')} aria-hidden="true" />
        Thinking
        <span className="rounded-full bg-white px-1.5 text-[10px] ring-1 ring-line">{thoughts.length}</span>
      </button>
      {expanded ? (
        <ol className="space-y-2 px-3 pb-3">
          {thoughts.map((t, i) => (
            <ThoughtRow key={i} thought={t} testId="copilot-thought" />
          ))}
        </ol>
      ) : null}
    </div>
  );
}
