import { ChevronDown, ChevronUp } from 'lucide-react';
import { Fragment, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { useSearchParam } from '../../lib/useSearchParam';

export interface ChartTab {
  id: string;
  label: string;
  render: () => ReactNode;
}

const HIDDEN = 'hidden';

/**
 * Charts as a tablist (arrow keys, Home and End move between tabs) over one collapsible panel. The open tab is the URL's
 * `chart` parameter (`chart=hidden` when the panel is collapsed), so reload and shared links keep it.
 */
export function ChartTabs({ tabs, label }: { tabs: ChartTab[]; label: string }) {
  const [param, setParam] = useSearchParam('chart');
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const hidden = param === HIDDEN;
  const index = Math.max(0, tabs.findIndex((t) => t.id === param));
  const current = tabs[index]!;
  const choose = (i: number) => setParam(i === 0 ? null : tabs[i]!.id);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = (moves[e.key]! + tabs.length) % tabs.length;
    choose(next);
    refs.current[next]?.focus();
  };

  return (
    <section className="rounded-xl border bg-white shadow-card" aria-label={label} data-testid="chart-tabs">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b px-3 py-2">
        <div role="tablist" aria-label={label} className="flex flex-wrap gap-1">
          {tabs.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`chart-tab-${t.id}`}
              aria-selected={i === index}
              aria-controls="chart-tab-panel"
              tabIndex={i === index ? 0 : -1}
              onClick={() => choose(i)}
              onKeyDown={onKeyDown}
              data-testid={`chart-tab-${t.id}`}
              className={cn('rounded-md px-3 py-1.5 text-xs font-medium', i === index ? 'bg-primary-pale text-primary' : 'text-ink-muted hover:text-ink')}
            >
              {t.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          aria-expanded={!hidden}
          aria-controls="chart-tab-panel"
          onClick={() => setParam(hidden ? (index === 0 ? null : current.id) : HIDDEN)}
          className="flex items-center gap-1 rounded-md px-2 py-1 text-xs text-ink-muted hover:text-ink"
          data-testid="chart-tabs-toggle"
        >
          {hidden ? <ChevronDown className="h-3.5 w-3.5" aria-hidden="true" /> : <ChevronUp className="h-3.5 w-3.5" aria-hidden="true" />}
          {hidden ? 'Show charts' : 'Hide charts'}
        </button>
      </div>
      <div id="chart-tab-panel" role="tabpanel" aria-labelledby={`chart-tab-${current.id}`} hidden={hidden} className="p-3" data-testid="chart-tab-panel">
        {hidden ? null : <Fragment key={current.id}>{current.render()}</Fragment>}
      </div>
    </section>
  );
}
