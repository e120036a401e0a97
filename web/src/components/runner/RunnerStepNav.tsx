import { Bot, Check, Database, ListChecks, Play, type LucideIcon } from 'lucide-react';
import { cn } from '../../lib/cn';

export type RunnerStep = 'data' | 'agent' | 'metrics' | 'run';

const STEPS: Array<{ id: RunnerStep; label: string; hint: string; icon: LucideIcon }> = [
  { id: 'data', label: 'Data', hint: 'CSV and column mapping', icon: Database },
  { id: 'agent', label: 'Agent', hint: 'Where outputs come from', icon: Bot },
  { id: 'metrics', label: 'Metrics', hint: 'What to score', icon: ListChecks },
  { id: 'run', label: 'Run', hint: 'Progress and results', icon: Play },
];

interface RunnerStepNavProps {
  current: RunnerStep;
  /** The steps that can be opened now (earlier steps are complete). */
  reachable: (step: RunnerStep) => boolean;
  onSelect: (step: RunnerStep) => void;
}

/** The runner's four steps: the current one filled, earlier ones pale with a check, later ones grey. */
export function RunnerStepNav({ current, reachable, onSelect }: RunnerStepNavProps) {
  const index = STEPS.findIndex((s) => s.id === current);
  return (
    <nav className="grid grid-cols-2 gap-2 md:grid-cols-4" aria-label="Runner steps" data-testid="runner-steps">
      {STEPS.map((step, i) => {
        const Icon = i < index ? Check : step.icon;
        const active = i === index;
        return (
          <button
            key={step.id}
            type="button"
            disabled={!reachable(step.id)}
            aria-current={active ? 'step' : undefined}
            onClick={() => onSelect(step.id)}
            data-testid={`runner-step-${step.id}`}
            className={cn(
              'flex items-center gap-3 rounded-xl border px-3 py-2.5 text-left transition disabled:cursor-not-allowed disabled:opacity-50',
              active && 'border-primary bg-primary text-white shadow-card',
              !active && i < index && 'border-primary-pale bg-primary-pale/40 text-primary-dark hover:border-primary-soft',
              !active && i > index && 'bg-white text-ink-muted hover:border-primary-soft hover:text-ink',
            )}
          >
            <span className={cn('flex h-8 w-8 shrink-0 items-center justify-center rounded-lg', active ? 'bg-white/20' : 'bg-canvas')}>
              <Icon className="h-4 w-4" aria-hidden="true" />
            </span>
            <span className="min-w-0">
              <span className="block text-sm font-semibold leading-tight">
                {i + 1}. {step.label}
              </span>
              <span className={cn('block truncate text-[11px] leading-tight', active ? 'text-white/80' : 'text-ink-muted')}>{step.hint}</span>
            </span>
          </button>
        );
      })}
    </nav>
  );
}
