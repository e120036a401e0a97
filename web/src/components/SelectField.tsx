export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: Array<SelectOption | string>;
  onChange: (value: string) => void;
  /** Text of a leading empty-value option ("All"); none when absent. */
  emptyLabel?: string;
  testId?: string;
}

/** A small labelled select; plain strings are both value and label. */
export function SelectField({ label, value, options, onChange, emptyLabel, testId }: SelectFieldProps) {
  return (
    <label className="flex items-center gap-2 text-xs font-medium text-ink-muted">
      {label}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="max-w-[14rem] rounded-lg border bg-white px-2.5 py-1.5 text-sm text-ink focus:border-primary-soft focus:outline-none"
        data-testid={testId}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => {
          const opt = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={opt.value} value={opt.value}>
              {opt.label}
            </option>
          );
        })}
      </select>
    </label>
  );
}
