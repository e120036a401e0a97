import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { setToken } from '../auth/token';
import { installControlledXhr } from '../../test/controlledXhr';
import { isAbortError, secondsLeft, transferRate, uploadFile, type UploadProgress } from './xhrUpload';

afterEach(() => vi.unstubAllGlobals());

describe('transferRate', () => {
  it('is the bytes per second over the samples of the window', () => {
    expect(transferRate([])).toBeNull();
    expect(transferRate([{ at: 0, loaded: 0 }])).toBeNull();
    // 2 MB in 2 s → 1 MB/s.
    expect(transferRate([{ at: 0, loaded: 0 }, { at: 1000, loaded: 1_000_000 }, { at: 2000, loaded: 2_000_000 }])).toBe(1_000_000);
    // Only the last 3 s count: samples at 3000 → 6000 carry 600 kB.
    const samples = [{ at: 0, loaded: 0 }, { at: 1000, loaded: 900_000 }, { at: 3000, loaded: 1_000_000 }, { at: 6000, loaded: 1_600_000 }];
    expect(transferRate(samples)).toBe(200_000);
    expect(transferRate([{ at: 5, loaded: 0 }, { at: 5, loaded: 10 }])).toBeNull();
  });

  it('gives the seconds left, or null when unknown or done', () => {
    expect(secondsLeft(2_000_000, 10_000_000, 1_000_000)).toBe(8);
    expect(secondsLeft(10, 10, 5)).toBeNull();
    expect(secondsLeft(0, 10, null)).toBeNull();
    expect(secondsLeft(0, 10, 0)).toBeNull();
  });
});

describe('uploadFile', () => {
  const file = new File(['a,b\n1,2\n'], 'small.csv', { type: 'text/csv' });

  it('posts the file as multipart field "file" with the token, reports sending then processing, and resolves with the reply', async () => {
    const requests = installControlledXhr();
    setToken('tok-1');
    const seen: UploadProgress[] = [];
    const reply = uploadFile<{ row_count: number }>('/api/data/upload', file, { onProgress: (p) => seen.push(p) });
    const xhr = requests[0]!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/data/upload');
    expect(xhr.headers.Authorization).toBe('Bearer tok-1');
    expect((xhr.body as FormData).get('file')).toBeInstanceOf(File);
    expect(((xhr.body as FormData).get('file') as File).name).toBe('small.csv');
    xhr.progress(100, 400);
    xhr.progress(400, 400);
    xhr.sent();
    xhr.reply(200, { row_count: 1 });
    await expect(reply).resolves.toEqual({ row_count: 1 });
    expect(seen).toEqual([
      { phase: 'sending', loaded: 0, total: file.size },
      { phase: 'sending', loaded: 100, total: 400 },
      { phase: 'sending', loaded: 400, total: 400 },
      { phase: 'processing', loaded: 400, total: 400 },
    ]);
  });

  it("rejects with the server's detail on a refusal, and with a network error when nothing answers", async () => {
    const requests = installControlledXhr();
    const refused = uploadFile('/api/data/upload', file);
    requests[0]!.reply(400, { detail: 'Only CSV files are supported' });
    const error = await refused.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('Only CSV files are supported');

    const lost = uploadFile('/api/data/upload', file);
    requests[1]!.fail();
    expect(((await lost.catch((e: unknown) => e)) as ApiError).message).toBe('Network error: the upload did not reach the server');
  });

  it('aborts the request when the signal fires, and rejects with an AbortError', async () => {
    const requests = installControlledXhr();
    const controller = new AbortController();
    const pending = uploadFile('/api/data/upload', file, { signal: controller.signal });
    requests[0]!.progress(10, 400);
    controller.abort();
    expect(requests[0]!.aborted).toBe(true);
    expect(isAbortError(await pending.catch((e: unknown) => e))).toBe(true);
    // Already aborted: nothing is sent.
    const never = uploadFile('/api/data/upload', file, { signal: controller.signal });
    expect(isAbortError(await never.catch((e: unknown) => e))).toBe(true);
    expect(requests).toHaveLength(1);
  });
});
