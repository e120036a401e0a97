import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_BASE, ApiError, apiUrl, assetUrl, fetchJson, resolveApiBase } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('resolveApiBase', () => {
  it('defaults to the same origin', () => {
    expect(resolveApiBase({})).toBe('');
    expect(resolveApiBase({ VITE_API_URL: '   ' })).toBe('');
  });

  it('prefers VITE_API_URL, then NEXT_PUBLIC_API_URL, and strips trailing slashes', () => {
    expect(resolveApiBase({ VITE_API_URL: 'http://api.local:8500/' })).toBe('http://api.local:8500');
    expect(resolveApiBase({ NEXT_PUBLIC_API_URL: 'https://axis.example.org//' })).toBe('https://axis.example.org');
    expect(resolveApiBase({ VITE_API_URL: 'http://a:1', NEXT_PUBLIC_API_URL: 'http://b:2' })).toBe('http://a:1');
  });

  it('is empty in the test build', () => {
    expect(API_BASE).toBe('');
  });
});

describe('apiUrl and assetUrl', () => {
  it('joins paths onto the base', () => {
    expect(apiUrl('/api/config/theme', 'http://h:8500')).toBe('http://h:8500/api/config/theme');
    expect(apiUrl('health', 'http://h:8500')).toBe('http://h:8500/health');
    expect(apiUrl('/health', '')).toBe('/health');
  });

  it('prefixes server-relative assets and passes absolute URLs through', () => {
    expect(assetUrl('/api/config/assets/agents/x.png', 'http://h:8500')).toBe('http://h:8500/api/config/assets/agents/x.png');
    expect(assetUrl('https://cdn.example.org/a.png', 'http://h:8500')).toBe('https://cdn.example.org/a.png');
    expect(assetUrl('data:image/png;base64,AAAA', 'http://h:8500')).toBe('data:image/png;base64,AAAA');
    expect(assetUrl('', 'http://h:8500')).toBeNull();
    expect(assetUrl(null)).toBeNull();
  });
});

describe('fetchJson', () => {
  it('returns the body of a 503 when told to accept it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"status":"unhealthy"}', { status: 503 })));
    await expect(fetchJson('/health', { acceptStatus: [503] })).resolves.toEqual({ status: 'unhealthy' });
  });

  it('raises the server detail on an error status', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"detail":"Nope"}', { status: 404 })));
    const error = await fetchJson('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).message).toBe('Nope');
  });

  it('names the field of each validation issue of a 422', async () => {
    const detail = [
      { type: 'missing', loc: ['body', 'password'], msg: 'Field required', input: {} },
      { type: 'int_type', loc: ['body', 'mappings', 0, 'port'], msg: 'Input should be a valid integer', input: 'x' },
      { type: 'value_error', loc: ['body'], msg: 'Whole body wrong', input: null },
    ];
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ detail }), { status: 422 })));
    const error = (await fetchJson('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(422);
    expect(error.message).toBe('password: Field required; mappings.0.port: Input should be a valid integer; Whole body wrong');
  });

  it('gives up after the timeout', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      ),
    );
    const error = await fetchJson('/health', { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).message).toMatch(/No answer within/);
  });
});
