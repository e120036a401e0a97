import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useReducer, useRef } from 'react';
import { useStreamRunner } from '../useStreamRunner';
import { resumeStreamPath, RUN_STREAM_PATH } from './api';
import { runnerKeys } from './queries';
import { IDLE_RUN, runStreamReducer } from './runStream';
import type { RunRequest, RunSummary } from './types';

/**
 * Runs an evaluation (or resumes a stored one) over the event stream. stop() closes the stream,
 * which cancels the run on the server. The list of past runs is refreshed when a stream ends.
 */
export function useRunStream() {
  const [state, dispatch] = useReducer(runStreamReducer, IDLE_RUN);
  const { run, stop } = useStreamRunner();
  const client = useQueryClient();
  const count = useRef(0);

  const stream = useCallback(
    async (path: string, body: unknown, runId: string | null) => {
      count.current += 1;
      const id = `run-${count.current}`;
      dispatch({ type: 'start', id, runId });
      let listed = false;
      const end = await run(path, body, (event) => {
        dispatch({ type: 'event', id, event });
        // The run is stored once it reports progress: list it as running.
        if (event.event === 'progress' && !listed) {
          listed = true;
          void client.invalidateQueries({ queryKey: runnerKeys.runs });
        }
      });
      dispatch({ type: 'end', id, ...end });
      void client.invalidateQueries({ queryKey: runnerKeys.runs });
    },
    [run, client],
  );

  const start = useCallback((request: RunRequest) => stream(RUN_STREAM_PATH, request, null), [stream]);
  const resume = useCallback((runId: string) => stream(resumeStreamPath(runId), {}, runId), [stream]);
  const show = useCallback((summary: RunSummary) => dispatch({ type: 'show', summary }), []);

  return { state, start, resume, stop, show };
}
