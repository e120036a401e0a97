import { AlertTriangle } from 'lucide-react';
import { formatDateTime } from '../../lib/evaluate/format';
import type { DatasetSyncStatus, SyncDatasetName } from '../../lib/store-sync';

interface DataSourceDetailsProps {
  name: SyncDatasetName;
  status: DatasetSyncStatus;
}

/** Rows, last sync, sync type, truncation, error text, incremental column and watermarks of one dataset. */
export function DataSourceDetails({ name, status }: DataSourceDetailsProps) {
  const rows = typeof status.rows === 'number' ? status.rows : 0;
  const watermarks = Object.entries(status.watermarks ?? {});
  return (
    <div className="mt-1 space-y-1.5 text-xs text-ink-muted">
      <p>
        <span className="font-semibold text-ink-secondary" data-testid={`data-source-rows-${name}`}>
          {rows.toLocaleString()}
        </span>{' '}
        rows · last sync <span data-testid={`data-source-last-sync-${name}`}>{formatDateTime(status.last_sync)}</span>
        {status.sync_type ? <span data-testid={`data-source-sync-type-${name}`}> · {status.sync_type}</span> : null}
        {status.last_incremental ? (
          <span>
            {' '}
            · last incremental {formatDateTime(status.last_incremental)} (+{(status.incremental_rows ?? 0).toLocaleString()} rows)
          </span>
        ) : null}
        {status.refresh_interval_minutes > 0 ? <span> · every {status.refresh_interval_minutes} min</span> : null}
      </p>
      {status.truncated ? (
        <p className="flex items-center gap-1 text-warning" data-testid={`data-source-truncated-${name}`}>
          <AlertTriangle className="h-3.5 w-3.5" aria-hidden="true" />
          Truncated: the row limit was reached, so not every source row was copied.
        </p>
      ) : null}
      {status.state === 'error' && status.error ? (
        <p className="break-words text-error" data-testid={`data-source-error-${name}`}>
          {status.error}
        </p>
      ) : null}
      {status.incremental_column ? (
        <p>
          Incremental column{' '}
          <span className="font-mono text-ink-secondary" data-testid={`data-source-column-${name}`}>
            {status.incremental_column}
          </span>
        </p>
      ) : null}
      {watermarks.length > 0 ? (
        <dl className="flex flex-wrap gap-x-4 gap-y-1" data-testid={`data-source-watermarks-${name}`}>
          {watermarks.map(([key, value]) => (
            <div key={key} className="flex gap-1">
              <dt className="font-mono">{key}</dt>
              <dd className="font-mono text-ink-secondary" data-testid={`data-source-watermark-${name}-${key}`}>
                {value ?? '—'}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
