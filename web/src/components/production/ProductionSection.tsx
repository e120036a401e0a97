import { ChevronDown, type LucideIcon } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

interface ProductionSectionProps {
  title: string;
  icon: LucideIcon;
  actions?: ReactNode;
  testId: string;
  children: ReactNode;
}

/** A collapsible section of an agent's overview, open at first. */
export function ProductionSection({ title, icon: Icon, actions, testId, children }: ProductionSectionProps) {
  const [open, setOpen] = useState(true);
  return (
    <section className="rounded-xl border bg-white shadow-card" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-3 border-b px-5 py-3">
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="flex items-center gap-2 text-sm font-semibold text-ink">
          <ChevronDown className={cn('h-4 w-4 text-ink-muted transition', !open && '-rotate-90')} aria-hidden="true" />
          <Icon className="h-4 w-4 text-primary" aria-hidden="true" />
          {title}
        </button>
        <div className="ml-auto flex items-center gap-3">{actions}</div>
      </div>
      {open ? <div className="p-5">{children}</div> : null}
    </section>
  );
}
