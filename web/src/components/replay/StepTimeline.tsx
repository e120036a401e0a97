import { cn } from '../../lib/cn';
import { badgeTone, typeBadge } from '../../lib/replay/tree';
import type { StepSummary } from '../../lib/replay/types';

/** The trace's steps in time order; a step opens its generation, else its first observation. */
export function StepTimeline({ steps, selected, onSelect }: { steps: StepSummary[]; selected: string; onSelect: (id: string) => void }) {
  if (steps.length === 0) return null;
  return (
    <ol className="flex gap-2 overflow-x-auto pb-1" data-testid="step-timeline" aria-label="Steps">
      {steps.map((s) => {
        const target = s.generation?.id ?? s.observations[0]?.id ?? null;
        const active = s.observations.some((o) => o.id === selected);
        return (
          <li key={`${s.index}-${s.name}`} className="shrink-0">
            <button
              type="button"
              disabled={target === null}
              onClick={() => target && onSelect(target)}
              className={cn('flex items-center gap-2 rounded-lg border px-3 py-1.5 text-left text-xs transition', active ? 'border-primary bg-primary-pale/40' : 'bg-white hover:border-primary-soft')}
              data-testid={`step-${s.index}`}
            >
              <span className="flex h-5 w-5 items-center justify-center rounded-full bg-primary text-[10px] font-semibold text-white">{s.index + 1}</span>
              <span className="font-medium text-ink">{s.name}</span>
              {s.observation_types.map((t) => (
                <span key={t} className={cn('rounded px-1 font-mono text-[9px] font-semibold', badgeTone(typeBadge(t)))}>
                  {typeBadge(t)}
                </span>
              ))}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
