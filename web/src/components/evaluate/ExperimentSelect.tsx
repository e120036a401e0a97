import { FlaskConical } from 'lucide-react';

interface ExperimentSelectProps {
  experiments: string[];
  value: string | null;
  onChange: (value: string | null) => void;
}

/** Narrows a view to one experiment (evaluation_name), or all of them. */
export function ExperimentSelect({ experiments, value, onChange }: ExperimentSelectProps) {
  if (experiments.length <= 1) {
    return experiments.length === 1 ? (
      <span className="flex items-center gap-1.5 rounded-lg border bg-white px-3 py-1.5 text-xs text-ink-secondary">
        <FlaskConical className="h-3.5 w-3.5 text-primary" aria-hidden="true" />
        {experiments[0]}
      </span>
    ) : null;
  }
  return (
    <label className="flex items-center gap-2 text-xs font-medium text-ink-muted">
      <FlaskConical className="h-3.5 w-3.5 text-primary" aria-hidden="true" />
      Experiment
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        className="rounded-lg border bg-white px-2.5 py-1.5 text-sm text-ink focus:border-primary-soft focus:outline-none"
        data-testid="experiment-select"
      >
        <option value="">All experiments</option>
        {experiments.map((e) => (
          <option key={e} value={e}>
            {e}
          </option>
        ))}
      </select>
    </label>
  );
}
