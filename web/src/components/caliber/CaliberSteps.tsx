import { FlaskConical, PenLine, Upload, type LucideIcon } from 'lucide-react';
import { cn } from '../../lib/cn';

export type CaliberStep = 'upload' | 'label' | 'build';

const STEPS: Array<{ id: CaliberStep; label: string; icon: LucideIcon }> = [
  { id: 'upload', label: 'Upload', icon: Upload },
  { id: 'label', label: 'Review & Label', icon: PenLine },
  { id: 'build', label: 'Build Eval', icon: FlaskConical },
];

/** Step pills: Upload → Review & Label → Build Eval (open once a record is labelled). */
export function CaliberSteps({ current, labelled, onSelect }: { current: CaliberStep; labelled: number; onSelect: (step: CaliberStep) => void }) {
  const at = STEPS.findIndex((s) => s.id === current);
  return (
    <nav className="flex flex-wrap items-center gap-2" aria-label="CaliberHQ steps" data-testid="caliber-steps">
      {STEPS.map(({ id, label, icon: Icon }, i) => (
        <button
          key={id}
          type="button"
          disabled={id === 'build' && labelled === 0}
          title={id === 'build' && labelled === 0 ? 'Label at least one record first' : undefined}
          aria-current={i === at ? 'step' : undefined}
          onClick={() => onSelect(id)}
          data-testid={`caliber-step-${id}`}
          className={cn(
            'flex items-center gap-2 rounded-full border px-3.5 py-1.5 text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-50',
            i === at ? 'border-primary bg-primary text-white' : i < at ? 'border-primary-pale bg-primary-pale/40 text-primary-dark' : 'bg-white text-ink-muted hover:text-ink',
          )}
        >
          <Icon className="h-4 w-4" aria-hidden="true" />
          {label}
        </button>
      ))}
    </nav>
  );
}
