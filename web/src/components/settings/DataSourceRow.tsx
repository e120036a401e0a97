import { Eraser, RefreshCw, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { cn } from '../../lib/cn';
import {
  useResetWatermark,
  useSyncDataset,
  type DatasetSyncStatus,
  type SyncActionResponse,
  type SyncDatasetInfo,
  type SyncState,
} from '../../lib/store-sync';
import { Button } from '../Button';
import { StatusBadge, toneForStatus, type StatusTone } from '../StatusBadge';
import { DataSourceDetails } from './DataSourceDetails';
import { SyncProgress } from './SyncProgress';

interface Notice {
  tone: 'success' | 'warning' | 'error';
  text: string;
}

const NOTICE_CLASS: Record<Notice['tone'], string> = {
  success: 'text-success',
  warning: 'text-warning',
  error: 'text-error',
};

function stateTone(state: SyncState): StatusTone {
  return state === 'ready' ? 'success' : toneForStatus(state);
}

interface DataSourceRowProps {
  info: SyncDatasetInfo;
  status: DatasetSyncStatus;
  /** Set while a card-wide action (Sync all) is in flight. */
  locked?: boolean;
}

export function DataSourceRow({ info, status, locked = false }: DataSourceRowProps) {
  const { name } = info;
  const sync = useSyncDataset();
  const reset = useResetWatermark();
  const [notice, setNotice] = useState<Notice | null>(null);
  const busy = locked || status.state === 'syncing' || sync.isPending || reset.isPending;
  const canReset = name !== 'kpi';

  const callbacks = {
    onSuccess: (r: SyncActionResponse) => setNotice({ tone: r?.success === false ? 'warning' : 'success', text: r?.message ?? 'Done.' }),
    onError: (e: Error) => setNotice({ tone: 'error', text: e.message }),
  };
  const startSync = (full: boolean) => {
    setNotice(null);
    sync.mutate({ dataset: name, full }, callbacks);
  };
  const startReset = () => {
    setNotice(null);
    reset.mutate(name, callbacks);
  };

  return (
    <li className="py-4 first:pt-0 last:pb-0" data-testid={`data-source-row-${name}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-semibold text-ink">{info.label}</h3>
            <StatusBadge tone={stateTone(status.state)} label={status.state.replace(/_/g, ' ')} testId={`data-source-state-${name}`} />
            <span className="font-mono text-xs text-ink-muted">{info.table}</span>
          </div>
          <DataSourceDetails name={name} status={status} />
          {status.state === 'syncing' ? <SyncProgress name={name} status={status} /> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => startSync(false)} disabled={busy} data-testid={`data-source-sync-${name}`}>
            <RefreshCw className={cn('h-4 w-4', status.state === 'syncing' && 'animate-spin')} aria-hidden="true" />
            Sync now
          </Button>
          <Button onClick={() => startSync(true)} disabled={busy} data-testid={`data-source-full-${name}`}>
            <RotateCcw className="h-4 w-4" aria-hidden="true" />
            Full resync
          </Button>
          {canReset ? (
            <Button onClick={startReset} disabled={busy} data-testid={`data-source-reset-${name}`}>
              <Eraser className="h-4 w-4" aria-hidden="true" />
              Reset watermark
            </Button>
          ) : null}
        </div>
      </div>
      {notice ? (
        <p className={cn('mt-2 text-sm', NOTICE_CLASS[notice.tone])} role="status" data-testid={`data-source-message-${name}`}>
          {notice.text}
        </p>
      ) : null}
    </li>
  );
}
