import { useEffect, useRef, useState } from 'react';

/**
 * What a running sync shows: a moving bar and how long it has been running since this page saw it
 * start. The status route reports the state of a sync, not how many rows it has copied so far, so
 * the previous row count is named as such until the sync ends.
 */
export function SyncProgress({ name, previousRows }: { name: string; previousRows: number }) {
  const since = useRef(Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since.current) / 1000));
  return (
    <div className="mt-2 max-w-md" data-testid={`data-source-progress-${name}`}>
      <div className="relative h-2 w-full overflow-hidden rounded-full bg-line" role="progressbar" aria-label={`Syncing ${name}`}>
        <div className="absolute inset-y-0 w-1/3 animate-[upload-slide_1.2s_ease-in-out_infinite] rounded-full bg-primary-soft" />
      </div>
      <p className="mt-1 text-xs text-ink-muted" aria-live="polite">
        Copying from PostgreSQL · running for <span data-testid={`data-source-elapsed-${name}`}>{seconds}</span> s · checked every 2 s
        {previousRows > 0 ? ` · the previous ${previousRows.toLocaleString()} rows are served until it ends` : ''}
      </p>
    </div>
  );
}
