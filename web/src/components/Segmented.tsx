import { cn } from '../lib/cn';

interface SegmentedProps<T extends string> {
  /** A disabled option is shown greyed, with `title` saying why. */
  options: Array<{ value: T; label: string; disabled?: boolean; title?: string }>;
  value: T;
  onChange: (value: T) => void;
  label: string;
  testIdPrefix?: string;
}

/** A row of toggle buttons, one pressed. */
export function Segmented<T extends string>({ options, value, onChange, label, testIdPrefix }: SegmentedProps<T>) {
  return (
    <div className="flex rounded-lg bg-canvas p-0.5 ring-1 ring-line" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          disabled={o.disabled}
          title={o.title}
          onClick={() => onChange(o.value)}
          data-testid={testIdPrefix ? `${testIdPrefix}-${o.value}` : undefined}
          className={cn('rounded-md px-3 py-1 text-xs font-medium', value === o.value ? 'bg-white text-primary shadow-card' : 'text-ink-muted hover:text-ink', 'disabled:cursor-not-allowed disabled:opacity-50')}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
