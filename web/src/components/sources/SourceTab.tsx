import { Layers } from 'lucide-react';
import type { KeyboardEvent, Ref } from 'react';
import { cn } from '../../lib/cn';
import type { SourceEntry } from '../../lib/sources/types';
import { AgentAvatar } from '../home/AgentAvatar';

interface SourceTabProps {
  /** null for the "All sources" tab. */
  entry: SourceEntry | null;
  selected: boolean;
  onSelect: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  buttonRef: Ref<HTMLButtonElement>;
  testId: string;
}

/** One tab: avatar (a bot icon when unregistered or without a picture), label and, below it, the role or "Unregistered". */
export function SourceTab({ entry, selected, onSelect, onKeyDown, buttonRef, testId }: SourceTabProps) {
  const inactive = entry !== null && !entry.active;
  const secondary = entry === null ? 'Every source' : entry.registered ? entry.role : 'Unregistered';
  return (
    <button
      ref={buttonRef}
      type="button"
      role="tab"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      title={entry && !entry.registered ? `source_name ${entry.id}` : undefined}
      data-testid={testId}
      data-registered={entry ? String(entry.registered) : undefined}
      data-active={entry ? String(entry.active) : undefined}
      className={cn(
        'flex items-center gap-2.5 rounded-lg px-3 py-1.5 text-left text-sm transition focus:outline-none focus-visible:ring-2 focus-visible:ring-primary focus-visible:ring-offset-2',
        selected ? 'bg-primary text-white' : 'text-ink hover:bg-canvas',
        inactive && 'opacity-60',
      )}
    >
      {entry === null ? (
        <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-primary-pale text-primary-dark" aria-hidden="true">
          <Layers className="h-4 w-4" />
        </span>
      ) : (
        <AgentAvatar avatar={entry.registered ? entry.avatar : null} label={entry.label} size="sm" />
      )}
      <span className="min-w-0">
        <span className="block truncate font-medium" data-testid={`${testId}-label`}>
          {entry === null ? 'All sources' : entry.label}
        </span>
        {secondary ? (
          <span className={cn('block truncate text-[11px]', selected ? 'text-white/80' : 'text-ink-muted')} data-testid={`${testId}-secondary`}>
            {secondary}
          </span>
        ) : null}
        {inactive ? <span className="sr-only"> (inactive)</span> : null}
      </span>
    </button>
  );
}
