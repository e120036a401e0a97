import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError, transferRate, type RateSample, type UploadOptions, type UploadPhase } from './xhrUpload';

export interface UploadRunState {
  phase: UploadPhase;
  loaded: number;
  total: number;
  /** Bytes per second while sending; null before it can be measured. */
  rate: number | null;
  /** When the current phase started (Date.now()). */
  phaseStarted: number;
}

export type UploadRun<T> =
  | { status: 'idle' }
  | { status: 'running'; progress: UploadRunState }
  | { status: 'success'; value: T }
  | { status: 'error'; error: unknown }
  | { status: 'cancelled' };

const MAX_SAMPLES = 50;

/**
 * Runs one upload (`start(go)`) at a time and follows it: bytes sent, total and speed while sending, then the
 * server's processing phase until the reply. `cancel()` aborts the request (state `cancelled`).
 */
export function useUploadRun<T>(onDone?: (value: T) => void) {
  const [state, setState] = useState<UploadRun<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const samples = useRef<RateSample[]>([]);
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback((go: (options: UploadOptions) => Promise<T>) => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    samples.current = [];
    const began = Date.now();
    setState({ status: 'running', progress: { phase: 'sending', loaded: 0, total: 0, rate: null, phaseStarted: began } });
    const onProgress: UploadOptions['onProgress'] = ({ phase, loaded, total }) => {
      if (abort.signal.aborted) return;
      const now = Date.now();
      if (phase === 'sending') {
        samples.current = [...samples.current.slice(-MAX_SAMPLES), { at: now, loaded }];
      }
      setState((prev) => {
        const before = prev.status === 'running' ? prev.progress : null;
        const phaseStarted = before && before.phase === phase ? before.phaseStarted : now;
        return { status: 'running', progress: { phase, loaded, total, rate: transferRate(samples.current), phaseStarted } };
      });
    };
    go({ onProgress, signal: abort.signal }).then(
      (value) => {
        controller.current = null;
        if (abort.signal.aborted) return;
        setState({ status: 'success', value });
        doneRef.current?.(value);
      },
      (error: unknown) => {
        controller.current = null;
        setState(abort.signal.aborted || isAbortError(error) ? { status: 'cancelled' } : { status: 'error', error });
      },
    );
  }, []);

  const cancel = useCallback(() => {
    const abort = controller.current;
    if (!abort) return;
    controller.current = null;
    abort.abort();
    setState({ status: 'cancelled' });
  }, []);

  return { state, start, cancel, busy: state.status === 'running' };
}
