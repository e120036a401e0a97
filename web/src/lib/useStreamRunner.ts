import { useCallback, useEffect, useRef } from 'react';
import { isAbortError, postEventStream, type StreamEnd, type StreamEvent } from './eventStream';

/**
 * Runs one event-stream request at a time: starting another, calling stop() or unmounting aborts
 * the one in flight. run() never rejects; it resolves with how the stream ended.
 */
export function useStreamRunner() {
  const active = useRef<AbortController | null>(null);

  useEffect(() => () => active.current?.abort(), []);

  const run = useCallback(async (path: string, body: unknown, onEvent: (event: StreamEvent) => void): Promise<StreamEnd> => {
    active.current?.abort();
    const controller = new AbortController();
    active.current = controller;
    try {
      await postEventStream(path, body, onEvent, controller.signal);
      return { outcome: 'complete' };
    } catch (error) {
      if (isAbortError(error)) return { outcome: 'stopped' };
      return { outcome: 'failed', error: error instanceof Error ? error.message : 'The request failed.' };
    } finally {
      if (active.current === controller) active.current = null;
    }
  }, []);

  const stop = useCallback(() => active.current?.abort(), []);

  return { run, stop };
}
