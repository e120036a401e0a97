import { ApiError, apiFetch, networkError, responseError } from './api';
import { parseEventData, SseParser } from './sse';

export interface StreamEvent {
  event: string;
  /** The data parsed as JSON (raw text when it is not JSON, null when empty). */
  data: unknown;
}

/** The event after which the server sends nothing more for this request. */
export const END_EVENT = 'done';

function abortError(): DOMException {
  return new DOMException('The request was stopped.', 'AbortError');
}

/**
 * POSTs JSON to an API path that answers with Server-Sent Events and hands each event to onEvent
 * as it arrives. Resolves when the stream ends or sends `done`; rejects with an ApiError when the
 * server refuses the request, and with an AbortError once the signal aborts.
 */
export async function postEventStream(
  path: string,
  body: unknown,
  onEvent: (event: StreamEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  let response: Response;
  try {
    response = await apiFetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw abortError();
    throw networkError(error);
  }
  if (!response.ok) throw await responseError(response);
  if (!response.body) throw new ApiError(response.status, 'The server sent no event stream.', null);

  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel);
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw abortError();
      const events = done ? parser.flush() : parser.feed(value);
      for (const e of events) {
        onEvent({ event: e.event, data: parseEventData(e.data) });
        if (e.event === END_EVENT) {
          cancel();
          return;
        }
      }
      if (done) return;
    }
  } catch (error) {
    if (signal?.aborted) throw abortError();
    throw error instanceof ApiError ? error : networkError(error, 'The stream broke off.');
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** How a stream ended: it finished, the user stopped it, or it failed with a message. */
export interface StreamEnd {
  outcome: 'complete' | 'stopped' | 'failed';
  error?: string;
}
