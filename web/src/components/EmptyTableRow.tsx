import type { ReactNode } from 'react';

/** The only row of a table body that has nothing to list: a centred, muted message across every column. */
export function EmptyTableRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={Math.max(1, colSpan)} className="px-3 py-8 text-center text-sm text-ink-muted">
        {children}
      </td>
    </tr>
  );
}
