import { ChevronDown } from 'lucide-react';
import { useState } from 'react';
import { cn } from '../../lib/cn';
import { chartFigures } from '../../lib/signals/figures';
import type { CaseFigures, ChartSection } from '../../lib/signals/types';
import { SignalChart } from './SignalChart';

const LAYOUT: Record<string, string> = { full: 'grid-cols-1', grid_2: 'md:grid-cols-2', grid_3: 'md:grid-cols-3' };

/** A collapsible titled group of charts laid out full width, in two or in three columns. */
export function ChartSectionBlock({ section, figures, colorMaps }: { section: ChartSection; figures: CaseFigures | undefined; colorMaps: Record<string, Record<string, string>> }) {
  const [open, setOpen] = useState(true);
  const charts = section.charts ?? [];
  if (charts.length === 0) return null;
  return (
    <section data-testid="signals-chart-section">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="mb-3 flex w-full items-center gap-2 text-left">
        <ChevronDown className={cn('h-4 w-4 text-ink-muted transition', !open && '-rotate-90')} aria-hidden="true" />
        <h2 className="text-sm font-semibold text-ink">{section.title}</h2>
        <span className="ml-1 h-px flex-1 bg-line" />
      </button>
      {open ? (
        <div className={cn('grid gap-4', LAYOUT[section.layout ?? 'grid_2'] ?? LAYOUT.grid_2)}>
          {charts.map((c) => (
            <SignalChart key={`${c.metric}__${c.signal}__${c.type}`} chart={c} {...chartFigures(figures, c)} colorMap={colorMaps[`${c.metric}__${c.signal}`]} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
