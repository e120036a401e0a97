import { cellText, truncate } from '../../lib/evaluate/format';
import type { Row } from '../../lib/evaluate/types';
import { EmptyTableRow } from '../EmptyTableRow';

/** The first rows of an import as the server would store them. */
export function PreviewTable({ rows }: { rows: Row[] }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="max-h-80 overflow-auto rounded-lg border">
      <table className="min-w-full text-left text-xs" data-testid="db-preview-table">
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
            <EmptyTableRow colSpan={columns.length}>No rows match.</EmptyTableRow>
          ) : (
            rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => {
                  const text = cellText(row[c]);
                  return (
                    <td key={c} className="max-w-[18rem] px-3 py-1.5 align-top text-ink-secondary" title={text.length > 60 ? text : undefined}>
                      {text === '' ? <span className="text-ink-muted/60">—</span> : truncate(text, 60)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
