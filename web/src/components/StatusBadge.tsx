import { cn } from '../lib/cn';

export type StatusTone = 'success' | 'warning' | 'error' | 'neutral';

interface StatusBadgeProps {
  tone: StatusTone;
  label: string;
  testId?: string;
}

const TONES: Record<StatusTone, string> = {
  success: 'bg-success/10 text-success ring-success/30',
  warning: 'bg-warning/10 text-warning ring-warning/30',
  error: 'bg-error/10 text-error ring-error/30',
  neutral: 'bg-canvas text-ink-muted ring-line',
};

const DOTS: Record<StatusTone, string> = {
  success: 'bg-success',
  warning: 'bg-warning',
  error: 'bg-error',
  neutral: 'bg-ink-muted',
};

export function StatusBadge({ tone, label, testId }: StatusBadgeProps) {
  return (
    <span
      data-testid={testId}
      className={cn('inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1', TONES[tone])}
    >
      <span className={cn('h-1.5 w-1.5 rounded-full', DOTS[tone])} aria-hidden="true" />
      {label}
    </span>
  );
}

export function toneForStatus(status: unknown): StatusTone {
  if (typeof status !== 'string') return 'neutral';
  const s = status.toLowerCase();
  if (['up', 'healthy', 'ok', 'connected', 'true'].includes(s)) return 'success';
  if (['down', 'unhealthy', 'error', 'failed', 'false'].includes(s)) return 'error';
  if (['degraded', 'syncing', 'warning', 'disabled'].includes(s)) return 'warning';
  return 'neutral';
}
