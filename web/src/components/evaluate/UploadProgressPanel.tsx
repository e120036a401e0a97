import { Loader2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { formatBytes } from '../../lib/format';
import type { UploadRunState } from '../../lib/upload/useUploadRun';
import { secondsLeft } from '../../lib/upload/xhrUpload';

interface UploadProgressPanelProps {
  progress: UploadRunState;
  /** The file name or example label. */
  what: string;
  /** Offered while the browser is still sending: the server then keeps nothing. */
  onCancel?: () => void;
  testId: string;
}

/** Seconds since `since`, ticking every half second. */
function useElapsed(since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - since) / 1000));
}

export function formatRate(rate: number | null): string {
  return rate === null ? 'measuring speed…' : `${formatBytes(rate)}/s`;
}

/** Sending: a bar with bytes sent of the total, speed, time left and Cancel. Then the server's phase, with the time it has taken so far. */
export function UploadProgressPanel({ progress, what, onCancel, testId }: UploadProgressPanelProps) {
  const elapsed = useElapsed(progress.phaseStarted);
  const { phase, loaded, total, rate } = progress;
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
  const left = secondsLeft(loaded, total, rate);
  const sending = phase === 'sending';
  return (
    <div className="w-full max-w-xl text-left" data-testid={`${testId}-progress`} data-phase={phase}>
      <div className="flex items-center gap-2">
        <Loader2 className="h-5 w-5 shrink-0 animate-spin text-primary" aria-hidden="true" />
        <p className="text-sm font-semibold text-ink" data-testid={`${testId}-phase`}>
          {sending ? 'Uploading' : 'Validating data format'}
        </p>
        <p className="min-w-0 truncate text-xs text-ink-muted">{what}</p>
      </div>
      {sending ? (
        <>
          <div
            className="mt-3 h-2.5 w-full overflow-hidden rounded-full bg-line"
            role="progressbar"
            aria-label={`Uploading ${what}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid={`${testId}-bar`}
          >
            <div className="h-full rounded-full bg-primary transition-[width] duration-200" style={{ width: `${percent}%` }} />
          </div>
          <p className="mt-2 flex flex-wrap gap-x-3 text-xs text-ink-secondary" aria-live="polite">
            <span data-testid={`${testId}-bytes`} data-loaded={loaded} data-total={total}>
              {formatBytes(loaded)} of {formatBytes(total)} ({percent}%)
            </span>
            <span data-testid={`${testId}-rate`}>{formatRate(rate)}</span>
            {left !== null ? <span>about {Math.ceil(left)} s left</span> : null}
          </p>
        </>
      ) : (
        <>
          <div className="relative mt-3 h-2.5 w-full overflow-hidden rounded-full bg-line" role="progressbar" aria-label={`The server is loading ${what}`} data-testid={`${testId}-bar`}>
            <div className="absolute inset-y-0 w-1/3 animate-[upload-slide_1.2s_ease-in-out_infinite] rounded-full bg-primary-soft" />
          </div>
          <p className="mt-2 text-xs text-ink-secondary" aria-live="polite" data-testid={`${testId}-server`}>
            {total > 0 ? `All ${formatBytes(total)} sent. ` : ''}The server is loading the rows, detecting the format and summarising the columns · {elapsed} s
          </p>
        </>
      )}
      {sending && onCancel ? (
        <button
          type="button"
          onClick={onCancel}
          data-testid={`${testId}-cancel`}
          className="mt-3 inline-flex items-center gap-1.5 rounded-lg border bg-white px-3 py-1.5 text-xs font-medium text-ink-secondary transition hover:border-error/40 hover:text-error focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
        >
          <X className="h-3.5 w-3.5" aria-hidden="true" />
          Cancel upload
        </button>
      ) : null}
    </div>
  );
}
