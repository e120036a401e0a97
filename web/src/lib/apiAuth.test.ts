import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../stores/authStore';
import { ApiError, fetchBlob, fetchJson, requestJson } from './api';
import { getToken, setToken } from './auth/token';

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve(status = 200, body: unknown = { ok: true }) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sentHeaders(fetchMock: ReturnType<typeof serve>, call = 0): Record<string, string> {
  return (fetchMock.mock.calls[call]![1]!.headers ?? {}) as Record<string, string>;
}

describe('the API token on requests', () => {
  it('sends no Authorization header while no token is stored', async () => {
    const fetchMock = serve();
    await fetchJson('/api/config/features');
    expect(sentHeaders(fetchMock).Authorization).toBeUndefined();
    expect(sentHeaders(fetchMock).Accept).toBe('application/json');
  });

  it('sends the stored token as a bearer header with GETs, JSON bodies and file downloads', async () => {
    setToken('tok-1');
    const fetchMock = serve();
    await fetchJson('/api/datasets');
    await requestJson('/api/annotations/c1', { method: 'PUT', body: { judgment: 'accept' } });
    await fetchBlob('/api/annotations/export?dataset_id=d');
    expect([0, 1, 2].map((i) => sentHeaders(fetchMock, i).Authorization)).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-1']);
    expect(sentHeaders(fetchMock, 1)['Content-Type']).toBe('application/json');
  });

  it('sends a token given for one request instead of the stored one', async () => {
    setToken('stored');
    const fetchMock = serve();
    await fetchJson('/api/auth/status', { token: 'candidate' });
    expect(sentHeaders(fetchMock).Authorization).toBe('Bearer candidate');
  });

  it('never sends the token to another origin', async () => {
    setToken('tok-1');
    const fetchMock = serve();
    await fetchJson('https://elsewhere.example.org/data.json');
    expect(sentHeaders(fetchMock).Authorization).toBeUndefined();
  });
});

describe('a 401 from the API', () => {
  it('clears the stored token and raises the sign-in gate', async () => {
    setToken('expired');
    serve(401, { detail: 'Invalid token' });
    const error = await fetchJson('/api/datasets').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: 'Invalid token' });
    expect(getToken()).toBeNull();
    expect(useAuthStore.getState().needsSignIn).toBe(true);
  });

  it('raises the gate when no token was sent either', async () => {
    serve(401, { detail: 'Not authenticated' });
    await fetchBlob('/api/annotations/export').catch(() => undefined);
    expect(useAuthStore.getState().needsSignIn).toBe(true);
  });

  it('is ignored when it answers a token that has since been replaced', async () => {
    let answer: (r: Response) => void = () => undefined;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    const pending = fetchJson('/api/datasets').catch(() => undefined);
    setToken('fresh');
    answer(new Response('{"detail":"Not authenticated"}', { status: 401 }));
    await pending;
    expect(getToken()).toBe('fresh');
    expect(useAuthStore.getState().needsSignIn).toBe(false);
  });

  it('is not about the API when it comes from outside /api', async () => {
    setToken('tok-1');
    serve(401, {});
    await fetchJson('/health').catch(() => undefined);
    expect(getToken()).toBe('tok-1');
    expect(useAuthStore.getState().needsSignIn).toBe(false);
  });
});
