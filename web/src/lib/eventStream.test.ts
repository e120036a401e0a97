import { describe, expect, it, vi } from 'vitest';
import { sseStream } from '../test/sseStream';
import { useAuthStore } from '../stores/authStore';
import { ApiError } from './api';
import { getToken, setToken } from './auth/token';
import { isAbortError, postEventStream, type StreamEvent } from './eventStream';

function serve(response: Response) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('postEventStream', () => {
  it('POSTs JSON and hands over parsed events until done, then lets go of the stream', async () => {
    const stream = sseStream();
    const fetchMock = serve(stream.response);
    const events: StreamEvent[] = [];
    stream.raw(': ping\n\nevent: token\ndata: {"text":"a"}\n\n');
    stream.send('done');
    await postEventStream('/api/x', { q: 1 }, (e) => events.push(e));
    expect(events).toEqual([
      { event: 'token', data: { text: 'a' } },
      { event: 'done', data: null },
    ]);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/x');
    expect(init).toMatchObject({ method: 'POST', body: '{"q":1}' });
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(stream.cancelled).toBe(true);
  });

  it('sends the stored API token as a bearer header', async () => {
    setToken('tok-1');
    const stream = sseStream();
    const fetchMock = serve(stream.response);
    stream.send('done');
    await postEventStream('/api/x', {}, () => undefined);
    const headers = fetchMock.mock.calls[0]![1]!.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer tok-1');
    expect(headers.Accept).toBe('text/event-stream');
  });

  it('signs out when the stream is refused with a 401', async () => {
    setToken('expired');
    serve(new Response(JSON.stringify({ detail: 'Invalid token' }), { status: 401 }));
    const error = await postEventStream('/api/x', {}, () => undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, message: 'Invalid token' });
    expect(getToken()).toBeNull();
    expect(useAuthStore.getState().needsSignIn).toBe(true);
  });

  it('rejects with the server detail when the request is refused', async () => {
    serve(new Response(JSON.stringify({ detail: 'dataset_id is required' }), { status: 422 }));
    const error = await postEventStream('/api/x', {}, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, message: 'dataset_id is required' });
  });

  it('rejects with an AbortError and cancels the body when aborted mid-stream', async () => {
    const stream = sseStream();
    serve(stream.response);
    const controller = new AbortController();
    const events: StreamEvent[] = [];
    const pending = postEventStream('/api/x', {}, (e) => events.push(e), controller.signal).catch((e: unknown) => e);
    stream.send('token', { text: 'a' });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    controller.abort();
    expect(isAbortError(await pending)).toBe(true);
    expect(stream.cancelled).toBe(true);
  });
});
