import { Eye } from 'lucide-react';
import type { MouseEvent } from 'react';

interface EyeButtonProps {
  /** What it opens, read out as its name ("Open trace mon-1"). */
  label: string;
  onOpen: () => void;
  testId?: string;
}

/** The eye of a table row that opens its detail; the click does not also reach the row. */
export function EyeButton({ label, onOpen, testId }: EyeButtonProps) {
  const click = (event: MouseEvent) => {
    event.stopPropagation();
    onOpen();
  };
  return (
    <button type="button" onClick={click} className="rounded p-1 text-ink-muted hover:text-primary" aria-label={label} data-testid={testId}>
      <Eye className="h-4 w-4" aria-hidden="true" />
    </button>
  );
}
