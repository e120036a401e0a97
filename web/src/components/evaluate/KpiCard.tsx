import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

interface KpiCardProps {
  icon: LucideIcon;
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: string;
  testId?: string;
}

export function KpiCard({ icon: Icon, label, value, hint, tone, testId }: KpiCardProps) {
  return (
    <div className="flex items-center gap-4 rounded-xl border bg-white p-4 shadow-card" data-testid={testId}>
      <div className="flex h-11 w-11 shrink-0 items-center justify-center rounded-lg bg-primary-pale/60 text-primary-dark">
        <Icon className="h-5 w-5" aria-hidden="true" />
      </div>
      <div className="min-w-0">
        <p className={cn('whitespace-nowrap text-2xl font-bold tabular-nums leading-tight text-ink', tone)} data-testid={testId ? `${testId}-value` : undefined}>
          {value}
        </p>
        <p className="text-xs font-medium leading-snug text-ink-muted">{label}</p>
        {hint ? <p className="truncate text-[11px] text-ink-muted">{hint}</p> : null}
      </div>
    </div>
  );
}

export function KpiGrid({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <div className={cn('grid grid-cols-2 gap-4 lg:grid-cols-4', className)} data-testid={testId}>
      {children}
    </div>
  );
}
