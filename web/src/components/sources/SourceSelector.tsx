import { useRef, type KeyboardEvent } from 'react';
import type { SourceEntry } from '../../lib/sources/types';
import { SourceTab } from './SourceTab';

interface SourceSelectorProps {
  sources: readonly SourceEntry[];
  /** The chosen id; null for all sources. */
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** Puts an "All sources" tab first. */
  allowAll?: boolean;
  testId?: string;
}

const STEP: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * One tab per agent or raw source_name (registered agents first, as the server orders them), with
 * an optional "All sources" tab first. Arrow keys, Home and End move between tabs and select;
 * only the chosen tab is in the Tab order. Hidden when there is no source.
 */
export function SourceSelector({ sources, selected, onSelect, allowAll = false, testId = 'source-selector' }: SourceSelectorProps) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  if (sources.length === 0) return null;
  const ids: Array<string | null> = [...(allowAll ? [null] : []), ...sources.map((s) => s.id)];
  const current = Math.max(0, ids.indexOf(selected));

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = STEP[e.key];
    if (!step) return;
    e.preventDefault();
    const next = step(current, ids.length);
    onSelect(ids[next] ?? null);
    refs.current[next]?.focus();
  };

  return (
    <div className="flex flex-wrap gap-1 rounded-xl border bg-white p-1 shadow-card" role="tablist" aria-label="Source" data-testid={testId}>
      {ids.map((id, i) => (
        <SourceTab
          key={id ?? '\u0000all'}
          entry={id === null ? null : (sources.find((s) => s.id === id) ?? null)}
          selected={i === current}
          onSelect={() => onSelect(id)}
          onKeyDown={onKeyDown}
          buttonRef={(el) => {
            refs.current[i] = el;
          }}
          testId={id === null ? 'source-tab-all' : `source-tab-${id}`}
        />
      ))}
    </div>
  );
}
