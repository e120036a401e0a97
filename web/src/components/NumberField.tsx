import { useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  disabled?: boolean;
  testId?: string;
}

/** A small labelled number input: the typed text stays as it is, and each value it parses to is reported. */
export function NumberField({ label, value, onChange, min, max, step, disabled, testId }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  return (
    <label className="flex items-center gap-2 text-xs font-medium text-ink-muted">
      {label}
      <input
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          const n = parseFloat(e.target.value);
          if (Number.isFinite(n)) onChange(n);
        }}
        className="w-24 rounded-lg border bg-white px-2.5 py-1.5 text-sm text-ink focus:border-primary-soft focus:outline-none disabled:bg-canvas"
        data-testid={testId}
      />
    </label>
  );
}
