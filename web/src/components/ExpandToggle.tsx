import { ChevronDown, ChevronRight } from 'lucide-react';

interface ExpandToggleProps {
  expanded: boolean;
  /** What the button shows or hides, e.g. "reasons for item 3". */
  what: string;
  onToggle: () => void;
  testId?: string;
}

/** The chevron that opens and closes a table row's details. */
export function ExpandToggle({ expanded, what, onToggle, testId }: ExpandToggleProps) {
  return (
    <button
      type="button"
      aria-expanded={expanded}
      aria-label={`${expanded ? 'Hide' : 'Show'} ${what}`}
      onClick={onToggle}
      data-testid={testId}
      className="rounded p-0.5 text-ink-muted hover:text-primary"
    >
      {expanded ? <ChevronDown className="h-4 w-4" aria-hidden="true" /> : <ChevronRight className="h-4 w-4" aria-hidden="true" />}
    </button>
  );
}
