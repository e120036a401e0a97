import { useCallback, useReducer, useRef } from 'react';
import { useStreamRunner } from '../useStreamRunner';
import { REPORT_STREAM_PATH } from './api';
import { IDLE_REPORT, reportRunReducer } from './reportRun';
import type { ReportRequest } from './types';

/** Generates a report over the event stream; a new generate() or stop() aborts the one in flight. */
export function useReportStream() {
  const [state, dispatch] = useReducer(reportRunReducer, IDLE_REPORT);
  const { run, stop } = useStreamRunner();
  const runs = useRef(0);

  const generate = useCallback(
    async (request: ReportRequest) => {
      runs.current += 1;
      const id = `report-${runs.current}`;
      dispatch({ type: 'start', id });
      const end = await run(REPORT_STREAM_PATH, request, (event) => dispatch({ type: 'event', id, event }));
      dispatch({ type: 'end', id, ...end });
    },
    [run],
  );

  return { run: state, generate, stop };
}
