import type { Row } from '../../lib/evaluate/types';
import { RowsTable } from '../RowsTable';

/** The first rows of an import as the server would store them. */
export function PreviewTable({ rows }: { rows: Row[] }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="max-h-80 overflow-auto rounded-lg border">
      <RowsTable columns={columns} rows={rows} emptyText="No rows match." maxChars={60} testId="db-preview-table" />
    </div>
  );
}
