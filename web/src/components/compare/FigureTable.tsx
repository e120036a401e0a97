import type { ReactNode } from 'react';

interface FigureTableProps {
  /** Read out as the region's label and the table's caption. */
  label: string;
  caption: string;
  headers: string[];
  /** One row per item: its name (a row header) and its figures. */
  rows: Array<{ key: string; name: ReactNode; cells: ReactNode[] }>;
  testId: string;
  rowTestId: string;
}

/** A chart card's table view: the figures behind the chart, one row per item. */
export function FigureTable({ label, caption, headers, rows, testId, rowTestId }: FigureTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border" tabIndex={0} role="region" aria-label={label}>
      <table className="min-w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">
          {rows.map((r) => (
            <tr key={r.key} data-testid={rowTestId}>
              <th scope="row" className="px-3 py-2 font-medium text-ink">
                {r.name}
              </th>
              {r.cells.map((c, i) => (
                <td key={i} className="px-3 py-2 tabular-nums">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
