import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

export const INPUT_CLASS = 'w-full rounded-lg border bg-white px-2.5 py-1.5 text-sm text-ink focus:border-primary-soft focus:outline-none';

/** A label stacked over its control. */
export function Field({ label, children, className, hint }: { label: string; children: ReactNode; className?: string; hint?: ReactNode }) {
  return (
    <label className={cn('block text-xs font-medium text-ink-muted', className)}>
      <span className="mb-1 block">{label}</span>
      {children}
      {hint ? <span className="mt-1 block font-normal text-ink-muted">{hint}</span> : null}
    </label>
  );
}

/** A red line for a failed call, e.g. the server's detail. */
export function ErrorLine({ text, testId }: { text: string; testId: string }) {
  return (
    <p className="break-words rounded-lg border border-error/30 bg-error/5 px-3 py-2 text-sm text-error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
