import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useStreamRunner } from '../useStreamRunner';
import { COPILOT_STREAM_PATH, getCopilotHistory } from './api';
import { conversationReducer, EMPTY_CONVERSATION } from './conversation';
import type { CopilotRequest } from './types';

/**
 * One copilot conversation: loads the session's history, then streams each question's answer
 * (thoughts, tokens, the final response) into the message list. stop() aborts the turn in flight.
 */
export function useCopilotStream(sessionId: string) {
  const [state, dispatch] = useReducer(conversationReducer, EMPTY_CONVERSATION);
  const { run, stop } = useStreamRunner();
  const turns = useRef(0);

  useEffect(() => {
    stop();
    dispatch({ type: 'reset' });
    const controller = new AbortController();
    getCopilotHistory(sessionId, controller.signal)
      .then((history) => dispatch({ type: 'history', messages: Array.isArray(history?.messages) ? history.messages : [] }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [sessionId, stop]);

  const send = useCallback(
    async (message: string, datasetId: string | null) => {
      turns.current += 1;
      const id = `turn-${turns.current}`;
      dispatch({ type: 'start', id, message });
      const body: CopilotRequest = { message, session_id: sessionId, ...(datasetId ? { dataset_id: datasetId } : {}) };
      const end = await run(COPILOT_STREAM_PATH, body, (event) => dispatch({ type: 'event', id, event }));
      dispatch({ type: 'end', id, ...end });
    },
    [run, sessionId],
  );

  return { messages: state.messages, streaming: state.activeId !== null, send, stop };
}
