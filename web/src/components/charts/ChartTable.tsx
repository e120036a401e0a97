import type { ReactNode } from 'react';

interface ChartTableProps {
  /** What the table holds, read out as its caption. */
  caption: string;
  headers: string[];
  rows: ReactNode[][];
  testId?: string;
}

/** A chart's text alternative: its figures as a small table behind a "Table view" disclosure. */
export function ChartTable({ caption, headers, rows, testId }: ChartTableProps) {
  return (
    <details className="mt-2 text-xs" data-testid={testId}>
      <summary className="cursor-pointer select-none text-primary hover:underline">Table view</summary>
      {/* Focusable so the keyboard can scroll a long table. */}
      <div className="mt-2 max-h-72 overflow-auto rounded-lg border" tabIndex={0} role="region" aria-label={caption}>
        <table className="min-w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col" className="whitespace-nowrap px-3 py-1.5 font-semibold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y tabular-nums text-ink-secondary">
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className="whitespace-nowrap px-3 py-1">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
