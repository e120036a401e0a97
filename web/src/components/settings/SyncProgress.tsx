import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../../lib/format';
import type { DatasetSyncStatus } from '../../lib/store-sync';

type Progress = NonNullable<DatasetSyncStatus['progress']>;

/** What the phase of a running sync says, with the rows read so far where it has read some. */
export function progressText(progress: Progress | undefined): string {
  if (!progress || progress.phase === 'waiting') return progress ? 'Waiting for another dataset’s sync to finish' : 'Starting';
  const read = `${progress.rows_read.toLocaleString()} rows (${formatBytes(progress.bytes_read)})`;
  return progress.phase === 'reading' ? `Copying from PostgreSQL · ${read} so far` : `Loading ${read} into the store`;
}

/**
 * What a running sync shows: a moving bar, its phase and the rows read so far (from the status,
 * polled every 2 s), how long it has been running since this page saw it start, and that the
 * previous rows are served until it ends.
 */
export function SyncProgress({ name, status }: { name: string; status: DatasetSyncStatus }) {
  const since = useRef(Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since.current) / 1000));
  return (
    <div className="mt-2 max-w-md" data-testid={`data-source-progress-${name}`}>
      <div className="relative h-2 w-full overflow-hidden rounded-full bg-line" role="progressbar" aria-label={`Syncing ${name}`} aria-valuetext={progressText(status.progress)}>
        <div className="absolute inset-y-0 w-1/3 animate-[upload-slide_1.2s_ease-in-out_infinite] rounded-full bg-primary-soft" />
      </div>
      <p className="mt-1 text-xs text-ink-muted" aria-live="polite">
        <span data-testid={`data-source-phase-${name}`}>{progressText(status.progress)}</span> · running for{' '}
        <span data-testid={`data-source-elapsed-${name}`}>{seconds}</span> s
        {status.rows > 0 ? ` · the previous ${status.rows.toLocaleString()} rows are served until it ends` : ''}
      </p>
    </div>
  );
}
