import { ArrowDown, ArrowUp } from 'lucide-react';

interface SortButtonProps {
  label: string;
  /** The direction when this column is the sort key, else null. */
  dir: 'asc' | 'desc' | null;
  onClick: () => void;
  testId?: string;
}

/** A table header that sorts by its column, with an arrow on the active one. */
export function SortButton({ label, dir, onClick, testId }: SortButtonProps) {
  return (
    <button type="button" onClick={onClick} className="flex items-center gap-1 uppercase hover:text-primary" data-testid={testId}>
      {label}
      {dir === 'desc' ? <ArrowDown className="h-3 w-3" aria-label="descending" /> : null}
      {dir === 'asc' ? <ArrowUp className="h-3 w-3" aria-label="ascending" /> : null}
    </button>
  );
}
