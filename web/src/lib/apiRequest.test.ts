import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, requestJson, withQuery } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('withQuery', () => {
  it('adds only the values that are set, encoded', () => {
    expect(withQuery('/api/x', { a: 1, b: '', c: null, d: undefined, e: 'x y&z', f: false })).toBe('/api/x?a=1&e=x+y%26z&f=false');
    expect(withQuery('/api/x?k=1', { a: 2 })).toBe('/api/x?k=1&a=2');
    expect(withQuery('/api/x', {})).toBe('/api/x');
  });
});

describe('requestJson', () => {
  it('sends JSON bodies with a content type and the given method', async () => {
    const fetchMock = vi.fn(async () => new Response('{"success":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(requestJson('/api/annotations/c1?dataset_id=d', { method: 'PUT', body: { judgment: 'accept' } })).resolves.toEqual({ success: true });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/annotations/c1?dataset_id=d');
    expect(init.method).toBe('PUT');
    expect(init.body).toBe('{"judgment":"accept"}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('sends FormData as multipart without forcing a content type', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const form = new FormData();
    form.append('file', new Blob(['a,b\n1,2\n']), 'x.csv');
    await requestJson('/api/data/upload', { method: 'POST', body: form });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.body).toBe(form);
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('turns a 413 and a 422 list into readable errors', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"detail":"File too large"}', { status: 413 })));
    const tooBig = await requestJson('/api/data/upload', { method: 'POST', body: new FormData() }).catch((e: unknown) => e);
    expect(tooBig).toBeInstanceOf(ApiError);
    expect((tooBig as ApiError).status).toBe(413);
    expect((tooBig as ApiError).message).toBe('File too large');

    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"detail":[{"msg":"field required"},{"msg":"bad value"}]}', { status: 422 })));
    const invalid = await requestJson('/api/x', { method: 'PUT', body: {} }).catch((e: unknown) => e);
    expect((invalid as ApiError).message).toBe('field required; bad value');
  });
});
