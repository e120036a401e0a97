import type { LucideIcon } from 'lucide-react';
import { cn } from '../lib/cn';

export interface TabItem<T extends string> {
  id: T;
  label: string;
  icon: LucideIcon;
  badge?: number | null;
}

interface TabBarProps<T extends string> {
  tabs: Array<TabItem<T>>;
  current: T;
  onSelect: (id: T) => void;
  testIdPrefix: string;
}

/** Page tabs: the current one filled with the primary colour, an optional count badge on each. */
export function TabBar<T extends string>({ tabs, current, onSelect, testIdPrefix }: TabBarProps<T>) {
  return (
    <div className="flex flex-wrap gap-1 rounded-xl border bg-white p-1 shadow-card" role="tablist">
      {tabs.map(({ id, label, icon: Icon, badge }) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={current === id}
          data-testid={`${testIdPrefix}-${id}`}
          onClick={() => onSelect(id)}
          className={cn(
            'flex items-center gap-2 rounded-lg px-4 py-2 text-sm font-medium transition',
            current === id ? 'bg-primary text-white' : 'text-ink-muted hover:bg-canvas hover:text-ink',
          )}
        >
          <Icon className="h-4 w-4" aria-hidden="true" />
          {label}
          {typeof badge === 'number' && badge > 0 ? (
            <span
              className={cn('rounded-full px-1.5 text-[11px] font-semibold', current === id ? 'bg-white text-primary-dark' : 'bg-error/10 text-error')}
              data-testid={`${testIdPrefix}-${id}-badge`}
            >
              {badge}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
