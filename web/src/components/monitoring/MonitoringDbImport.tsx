import { Database, Loader2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useRememberUpload } from '../../lib/evaluate/queries';
import { importMonitoringFromDb } from '../../lib/monitoring/api';
import { useMonitoringDbConfig } from '../../lib/monitoring/queries';
import type { MonitoringDbConfig } from '../../lib/monitoring/types';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';

/** "db.internal/traces" for the configured connection, or a generic name. */
function sourceName(config: MonitoringDbConfig): string {
  const c = config.connection;
  if (!c) return 'the monitoring database';
  const where = [c.host, c.database].filter(Boolean).join('/');
  return where ? `${where}${c.table ? ` (${c.table})` : ''}` : 'the monitoring database';
}

/** Seconds since `running` became true, ticking once a second while it stays true. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

interface MonitoringDbImportProps {
  /** Called with the new dataset's id once the import is stored. */
  onImported: (datasetId: string) => void;
}

/**
 * The empty Monitoring page's offer of the configured monitoring source (monitoring_db.yaml):
 * with auto_load or auto_connect it starts the import at once, otherwise a button starts it.
 * Progress while it runs (the server answers once the rows are stored), the server's detail and
 * Retry on an error. Nothing shows when no source is configured.
 */
export function MonitoringDbImport({ onImported }: MonitoringDbImportProps) {
  const config = useMonitoringDbConfig();
  const remember = useRememberUpload();
  const run = useMutation({
    mutationFn: importMonitoringFromDb,
    onSuccess: (reply) => {
      remember(reply);
      const id = reply.dataset?.id ?? reply.dataset_id;
      if (id) onImported(id);
    },
  });
  const elapsed = useElapsed(run.isPending);
  const data = config.data;
  const auto = !!data && (data.auto_load || data.auto_connect);
  const started = useRef(false);
  useEffect(() => {
    if (auto && !started.current) {
      started.current = true;
      run.mutate();
    }
  }, [auto, run]);

  if (!data || !(data.configured || auto)) return null;
  const name = sourceName(data);
  return (
    <div className="mt-4 rounded-xl border bg-canvas/60 px-4 py-3 text-left text-sm" data-testid="monitoring-db-import" data-auto={auto ? 'true' : 'false'}>
      <p className="flex items-center gap-2 font-medium text-ink">
        <Database className="h-4 w-4 text-primary" aria-hidden="true" />
        Monitoring source: {name}
      </p>
      {run.isPending ? (
        <div className="mt-2" role="status" data-testid="monitoring-db-import-progress">
          <p className="flex items-center gap-2 text-ink-secondary">
            <Loader2 className="h-4 w-4 animate-spin text-primary" aria-hidden="true" />
            Importing up to {data.row_limit.toLocaleString('en-US')} rows… {elapsed}s (time limit {data.query_timeout}s)
          </p>
          <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-line">
            <div className="h-full animate-pulse rounded-full bg-primary" style={{ width: `${Math.min(95, ((elapsed + 1) / Math.max(1, data.query_timeout)) * 100)}%` }} />
          </div>
        </div>
      ) : run.isError ? (
        <div className="mt-2 flex flex-wrap items-center gap-3" role="alert" data-testid="monitoring-db-import-error">
          <span className="text-error">{errorMessage(run.error)}</span>
          <span className="text-xs text-ink-muted">Check the connection in monitoring_db.yaml and retry, or upload a file below.</span>
          <Button onClick={() => run.mutate()} data-testid="monitoring-db-import-retry">
            Retry
          </Button>
        </div>
      ) : run.isSuccess ? (
        <p className="mt-2 text-success" role="status" data-testid="monitoring-db-import-done">
          {run.data.message ?? 'Imported.'}
        </p>
      ) : (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <span className="text-ink-muted">Import its records (up to {data.row_limit.toLocaleString('en-US')} rows), or upload a file below.</span>
          <Button onClick={() => run.mutate()} data-testid="monitoring-db-import-start">
            Import from the database
          </Button>
        </div>
      )}
    </div>
  );
}
