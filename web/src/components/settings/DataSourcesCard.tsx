import { DatabaseZap, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { cn } from '../../lib/cn';
import { anySyncing, SYNC_DATASETS, useStoreStatus, useSyncAll } from '../../lib/store-sync';
import { Button } from '../Button';
import { Card } from '../Card';
import { DataSourceRow } from './DataSourceRow';

/** The PostgreSQL sync engine: one row per synced dataset with its state and sync controls. */
export function DataSourcesCard() {
  const { data, isPending, isError, error } = useStoreStatus();
  const syncAll = useSyncAll();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const enabled = data?.enabled === true;
  const datasets = data?.datasets ?? {};
  const present = SYNC_DATASETS.filter((d) => datasets[d.table]);
  const syncing = anySyncing(data);

  const startAll = () => {
    setNotice(null);
    syncAll.mutate(false, {
      onSuccess: (r) => setNotice({ ok: r?.success !== false, text: r?.message ?? 'Sync started.' }),
      onError: (e) => setNotice({ ok: false, text: e.message }),
    });
  };

  return (
    <Card
      title="Data sources"
      icon={<DatabaseZap className="h-4 w-4 text-primary" aria-hidden="true" />}
      testId="data-sources-card"
      actions={
        enabled ? (
          <Button
            onClick={startAll}
            disabled={syncing || syncAll.isPending || present.length === 0}
            data-testid="data-sources-sync-all"
          >
            <RefreshCw className={cn('h-4 w-4', syncing && 'animate-spin')} aria-hidden="true" />
            Sync all
          </Button>
        ) : null
      }
    >
      {isPending ? <p className="text-sm text-ink-muted">Loading sync status…</p> : null}
      {isError ? (
        <p className="text-sm text-ink-muted" data-testid="data-sources-load-error">
          Sync status could not be loaded: {error.message}
        </p>
      ) : null}
      {data && !enabled ? (
        <p className="text-sm text-ink-muted" data-testid="data-sources-disabled">
          The store is disabled, so no data sources are synced.
        </p>
      ) : null}
      {enabled && present.length === 0 ? (
        <p className="text-sm text-ink-muted">No data sources are configured for syncing.</p>
      ) : null}
      {notice ? (
        <p className={cn('mb-4 text-sm', notice.ok ? 'text-success' : 'text-error')} role="status" data-testid="data-sources-message">
          {notice.text}
        </p>
      ) : null}
      {enabled && present.length > 0 ? (
        <ul className="divide-y divide-line">
          {present.map((info) => (
            <DataSourceRow key={info.name} info={info} status={datasets[info.table]!} locked={syncAll.isPending} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
