import { AlertTriangle, Loader2, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

export function LoadingBlock({ label = 'Loading…', className }: { label?: string; className?: string }) {
  return (
    <div className={cn('flex items-center justify-center gap-2 py-12 text-sm text-ink-muted', className)} role="status" data-testid="loading">
      <Loader2 className="h-4 w-4 animate-spin text-primary" aria-hidden="true" />
      {label}
    </div>
  );
}

interface ErrorBlockProps {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  className?: string;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Something went wrong.';
}

export function ErrorBlock({ title = 'Could not load this data', error, onRetry, className }: ErrorBlockProps) {
  return (
    <div className={cn('flex items-start gap-3 rounded-xl border border-error/30 bg-error/5 px-5 py-4', className)} role="alert" data-testid="error-block">
      <AlertTriangle className="mt-0.5 h-5 w-5 shrink-0 text-error" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold text-ink">{title}</p>
        <p className="mt-1 break-words text-sm text-error">{errorMessage(error)}</p>
      </div>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="rounded-lg border bg-white px-3 py-1.5 text-xs font-medium text-ink-secondary hover:text-primary">
          Retry
        </button>
      ) : null}
    </div>
  );
}

interface EmptyStateProps {
  icon: LucideIcon;
  title: string;
  message?: ReactNode;
  action?: ReactNode;
  testId?: string;
  className?: string;
}

export function EmptyState({ icon: Icon, title, message, action, testId, className }: EmptyStateProps) {
  return (
    <div className={cn('flex flex-col items-center rounded-xl border border-dashed bg-white px-6 py-14 text-center', className)} data-testid={testId}>
      <div className="flex h-14 w-14 items-center justify-center rounded-full bg-primary-pale/50 text-primary">
        <Icon className="h-7 w-7" aria-hidden="true" />
      </div>
      <p className="mt-5 text-base font-semibold text-ink">{title}</p>
      {message ? <div className="mt-2 max-w-lg text-sm text-ink-muted">{message}</div> : null}
      {action ? <div className="mt-6 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
