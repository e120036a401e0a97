import { Columns3 } from 'lucide-react';

interface ColumnPickerProps {
  columns: ReadonlyArray<{ key: string; label?: string }>;
  visible: readonly string[];
  /** The new choice; null restores the default. */
  onChange: (keys: string[] | null) => void;
}

/** A "Columns (n/m)" disclosure with one checkbox per configured column; at least one stays shown. */
export function ColumnPicker({ columns, visible, onChange }: ColumnPickerProps) {
  const toggle = (key: string, on: boolean) => {
    const next = on ? [...visible, key] : visible.filter((k) => k !== key);
    if (next.length > 0) onChange(next);
  };
  return (
    <details className="relative" data-testid="signals-column-picker">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-lg border bg-white px-2.5 py-1.5 text-xs font-medium text-ink-secondary hover:text-primary">
        <Columns3 className="h-3.5 w-3.5" aria-hidden="true" />
        Columns ({visible.length}/{columns.length})
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-60 space-y-1 rounded-lg border bg-white p-3 shadow-card">
        <legend className="sr-only">Columns shown in the case table</legend>
        {columns.map((c) => (
          <label key={c.key} className="flex items-center gap-2 text-xs text-ink">
            <input
              type="checkbox"
              checked={visible.includes(c.key)}
              disabled={visible.length === 1 && visible.includes(c.key)}
              onChange={(e) => toggle(c.key, e.target.checked)}
              data-testid={`signals-column-${c.key}`}
            />
            {c.label ?? c.key}
          </label>
        ))}
        <button type="button" onClick={() => onChange(null)} className="mt-1 text-xs text-primary hover:underline" data-testid="signals-columns-reset">
          Default columns
        </button>
      </fieldset>
    </details>
  );
}
