import { ApiError, apiUrl, parseBody, signOutOnRejectedToken, statusError } from '../api';
import { bearerHeader, getToken } from '../auth/token';

/** Where an upload is: the browser sending the file, or the server reading and summarising it. */
export type UploadPhase = 'sending' | 'processing';

export interface UploadProgress {
  phase: UploadPhase;
  /** Bytes of the request body sent so far, and its size (the file plus the multipart framing). */
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  /** Aborting it stops the request; the server drops a body it has not fully received. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The error an aborted upload rejects with (name "AbortError", like fetch's). */
export function abortError(): DOMException {
  return new DOMException('The upload was cancelled', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : error instanceof Error && error.name === 'AbortError';
}

/**
 * POSTs a file as multipart `file` with XMLHttpRequest, which (unlike fetch) reports how much of
 * the body has been sent. Reports `sending` progress while the body goes out, then `processing`
 * once the server has it all, until the reply. Rejects with ApiError (the server's `detail`) on a
 * non-2xx status, on a network failure or timeout, and with an AbortError when `signal` aborts.
 */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  const { onProgress, signal, timeoutMs } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const token = getToken();
    xhr.open('POST', apiUrl(path));
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(bearerHeader(token))) xhr.setRequestHeader(name, value);
    if (timeoutMs) xhr.timeout = timeoutMs;

    let total = file.size;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) total = e.total;
      onProgress?.({ phase: 'sending', loaded: e.loaded, total });
    };
    xhr.upload.onload = () => onProgress?.({ phase: 'processing', loaded: total, total });

    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort);
    const done = () => signal?.removeEventListener('abort', onAbort);

    xhr.onload = () => {
      done();
      signOutOnRejectedToken(path, xhr.status, token);
      const parsed = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(statusError(xhr.status, parsed));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, 'Network error: the upload did not reach the server', null));
    };
    xhr.ontimeout = () => {
      done();
      reject(new ApiError(0, `No answer within ${Math.round((timeoutMs ?? 0) / 1000)} s`, null));
    };
    xhr.onabort = () => {
      done();
      reject(abortError());
    };

    const form = new FormData();
    form.append('file', file, file.name);
    onProgress?.({ phase: 'sending', loaded: 0, total });
    xhr.send(form);
  });
}

export interface RateSample {
  /** Milliseconds (any clock) and bytes sent by then. */
  at: number;
  loaded: number;
}

/** Bytes per second over the samples of the last `windowMs`; null until two samples span some time. */
export function transferRate(samples: RateSample[], windowMs = 3000): number | null {
  if (samples.length < 2) return null;
  const last = samples[samples.length - 1]!;
  const first = samples.find((s) => last.at - s.at <= windowMs) ?? samples[0]!;
  const elapsed = last.at - first.at;
  if (elapsed <= 0) return null;
  return ((last.loaded - first.loaded) * 1000) / elapsed;
}

/** Seconds left at a rate; null when unknown. */
export function secondsLeft(loaded: number, total: number, rate: number | null): number | null {
  if (rate === null || rate <= 0 || total <= loaded) return null;
  return (total - loaded) / rate;
}
