import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

interface CardProps {
  title?: ReactNode;
  icon?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  bodyClassName?: string;
  testId?: string;
}

export function Card({ title, icon, actions, children, className, bodyClassName, testId }: CardProps) {
  return (
    <section className={cn('rounded-xl border bg-white shadow-card', className)} data-testid={testId}>
      {title ? (
        <div className="flex items-center justify-between gap-3 border-b px-5 py-3.5">
          <h2 className="flex items-center gap-2 text-sm font-semibold text-ink">
            {icon}
            {title}
          </h2>
          {actions}
        </div>
      ) : null}
      <div className={cn('p-5', bodyClassName)}>{children}</div>
    </section>
  );
}
