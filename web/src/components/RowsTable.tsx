import { cellText, truncate } from '../lib/evaluate/format';
import type { Row } from '../lib/evaluate/types';
import { EmptyTableRow } from './EmptyTableRow';

interface RowsTableProps {
  columns: string[];
  rows: Row[];
  emptyText: string;
  /** Longer cell text is cut and shown whole on hover. */
  maxChars: number;
  testId?: string;
}

/** Rows of stored or imported data as a plain table: one column per name, empty cells as a dash. */
export function RowsTable({ columns, rows, emptyText, maxChars, testId }: RowsTableProps) {
  return (
    <table className="min-w-full text-left text-xs" data-testid={testId}>
      <thead className="sticky top-0 bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
        <tr>
          {columns.map((c) => (
            <th key={c} className="whitespace-nowrap px-3 py-2 font-semibold">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y">
        {rows.length === 0 ? (
          <EmptyTableRow colSpan={columns.length}>{emptyText}</EmptyTableRow>
        ) : (
          rows.map((row, i) => (
            <tr key={i} className="hover:bg-canvas/60">
              {columns.map((c) => {
                const text = cellText(row[c]);
                return (
                  <td key={c} className="max-w-[22rem] px-3 py-2 align-top text-ink-secondary" title={text.length > maxChars ? text : undefined}>
                    {text === '' ? <span className="text-ink-muted">—</span> : truncate(text, maxChars)}
                  </td>
                );
              })}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
