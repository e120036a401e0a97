import { Database } from 'lucide-react';
import { formatBytes, formatValue } from '../../lib/format';
import { useHealth, useRuntimeConfig } from '../../lib/queries';
import { Card } from '../Card';
import { StatusBadge, toneForStatus } from '../StatusBadge';
import { KeyValueList } from './KeyValueList';

function tableLabel(table: unknown): string {
  if (typeof table === 'string') return table;
  if (table && typeof table === 'object') {
    const t = table as Record<string, unknown>;
    const name = typeof t.name === 'string' ? t.name : formatValue(table);
    const rows = t.rows ?? t.row_count;
    return typeof rows === 'number' ? `${name} (${rows.toLocaleString()} rows)` : name;
  }
  return formatValue(table);
}

export function StoreCard() {
  const { data: health } = useHealth();
  const { data: runtime, isPending, isError } = useRuntimeConfig();
  const store = runtime?.store;
  const status = health?.components?.store;
  const tables = Array.isArray(store?.tables) ? store.tables : [];

  return (
    <Card
      title="Analytics store"
      icon={<Database className="h-4 w-4 text-primary" aria-hidden="true" />}
      testId="store-card"
      actions={status ? <StatusBadge tone={toneForStatus(status)} label={status} testId="store-status" /> : null}
    >
      {isPending ? <p className="text-sm text-ink-muted">Loading store details…</p> : null}
      {isError ? <p className="text-sm text-ink-muted">Store details could not be loaded.</p> : null}
      {store ? (
        <>
          <KeyValueList
            rows={[
              { key: 'path', label: 'Path', value: store.path, testId: 'store-path' },
              { key: 'enabled', label: 'Enabled', value: store.enabled },
              { key: 'open', label: 'Open', value: store.open },
              { key: 'writable', label: 'Writable', value: store.writable },
              { key: 'size', label: 'Size', value: formatBytes(store.size_bytes) },
              { key: 'duckdb', label: 'DuckDB version', value: store.duckdb_version },
            ]}
          />
          <div className="mt-4">
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">
              Tables ({tables.length})
            </h3>
            {tables.length === 0 ? (
              <p className="text-sm text-ink-muted">The store holds no tables yet.</p>
            ) : (
              <div className="flex flex-wrap gap-1.5">
                {tables.map((table, i) => (
                  <span key={i} className="rounded bg-canvas px-2 py-0.5 font-mono text-xs text-ink-secondary ring-1 ring-line">
                    {tableLabel(table)}
                  </span>
                ))}
              </div>
            )}
          </div>
        </>
      ) : null}
      {runtime && !store ? <p className="text-sm text-ink-muted">The server reported no store details.</p> : null}
    </Card>
  );
}
