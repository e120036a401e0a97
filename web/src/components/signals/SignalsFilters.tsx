import { ChevronDown, Filter } from 'lucide-react';
import { useState } from 'react';
import { cn } from '../../lib/cn';
import { filterKey } from '../../lib/signals/cases';
import type { FilterConfig } from '../../lib/signals/types';
import { SelectField } from '../SelectField';

interface SignalsFiltersProps {
  filters: readonly FilterConfig[];
  /** Per filter field, the values it offers (from the server, over every case). */
  options: Record<string, string[]>;
  chosen: Record<string, string[]>;
  onChange: (key: string, values: string[]) => void;
  onClear: () => void;
}

const MAX_CHIPS = 12;

/** Source filters pick one value; signal filters toggle any of their values. Applied by the server. */
export function SignalsFilters({ filters, options: offered, chosen, onChange, onClear }: SignalsFiltersProps) {
  const [open, setOpen] = useState(true);
  const active = Object.values(chosen).filter((v) => v.length > 0).length;
  if (filters.length === 0) return null;
  return (
    <section className="rounded-xl border bg-white shadow-card" data-testid="signals-filters">
      <div className="flex items-center gap-2 px-4 py-3">
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="flex items-center gap-2 text-sm font-semibold text-ink">
          <ChevronDown className={cn('h-4 w-4 text-ink-muted transition', !open && '-rotate-90')} aria-hidden="true" />
          <Filter className="h-4 w-4 text-primary" aria-hidden="true" />
          Filters
        </button>
        {active > 0 ? (
          <>
            <span className="rounded-full bg-primary px-1.5 text-[11px] font-semibold text-white" data-testid="signals-filter-count">
              {active}
            </span>
            <button type="button" onClick={onClear} className="ml-auto text-xs font-medium text-ink-muted hover:text-primary" data-testid="signals-filter-clear">
              Clear
            </button>
          </>
        ) : null}
      </div>
      {open ? (
        <div className="flex flex-wrap gap-x-6 gap-y-4 border-t px-4 py-3">
          {filters.map((f) => {
            const key = filterKey(f);
            const options = offered[key] ?? f.options ?? [];
            const values = chosen[key] ?? [];
            if (f.type === 'source') {
              return <SelectField key={key} label={f.label ?? key} value={values[0] ?? ''} options={options} emptyLabel="All" onChange={(v) => onChange(key, v ? [v] : [])} testId={`signals-filter-${key}`} />;
            }
            return (
              <div key={key} className="space-y-1.5" data-testid={`signals-filter-${key}`}>
                <p className="text-xs font-medium text-ink-muted">{f.label}</p>
                <div className="flex max-w-xl flex-wrap gap-1.5">
                  {options.slice(0, MAX_CHIPS).map((o) => {
                    const on = values.includes(o);
                    return (
                      <button
                        key={o}
                        type="button"
                        aria-pressed={on}
                        onClick={() => onChange(key, on ? values.filter((v) => v !== o) : [...values, o])}
                        className={cn('rounded-full px-2.5 py-0.5 text-xs font-medium transition', on ? 'bg-primary text-white' : 'bg-white text-ink-secondary ring-1 ring-line hover:text-primary')}
                      >
                        {o}
                      </button>
                    );
                  })}
                </div>
              </div>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}
