import { formatValue } from '../../lib/format';

export interface KeyValueRow {
  key: string;
  label?: string;
  value: unknown;
  mono?: boolean;
  testId?: string;
}

interface KeyValueListProps {
  rows: KeyValueRow[];
}

export function KeyValueList({ rows }: KeyValueListProps) {
  if (rows.length === 0) return <p className="text-sm text-ink-muted">No values.</p>;
  return (
    <dl className="divide-y divide-line text-sm">
      {rows.map((row) => (
        <div key={row.key} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-4 py-2">
          <dt className="truncate font-mono text-xs leading-5 text-ink-muted" title={row.key}>
            {row.label ?? row.key}
          </dt>
          <dd
            data-testid={row.testId}
            className={row.mono === false ? 'break-words text-ink' : 'break-all font-mono text-xs leading-5 text-ink'}
          >
            {formatValue(row.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
