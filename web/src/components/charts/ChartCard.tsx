import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

interface ChartCardProps {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** A bordered card with a title bar, for one chart. */
export function ChartCard({ title, subtitle, actions, children, className, testId }: ChartCardProps) {
  return (
    <section className={cn('flex flex-col rounded-xl border bg-white shadow-card', className)} data-testid={testId}>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b px-5 py-3">
        <div>
          <h3 className="text-sm font-semibold text-ink">{title}</h3>
          {subtitle ? <p className="mt-0.5 text-xs text-ink-muted">{subtitle}</p> : null}
        </div>
        {actions}
      </div>
      <div className="flex-1 p-4">{children}</div>
    </section>
  );
}
