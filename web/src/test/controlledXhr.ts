import { vi } from 'vitest';

/**
 * An XMLHttpRequest the test drives by hand: `progress(loaded, total)`, `sent()` (the whole body
 * is out), `reply(status, body)`. Installed with installControlledXhr(); the requests made are in
 * `ControlledXhr.requests`.
 */
export class ControlledXhr {
  static requests: ControlledXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  aborted = false;
  status = 0;
  responseText = '';
  timeout = 0;
  upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: ((e: ProgressEvent) => void) | null } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  ontimeout: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    ControlledXhr.requests.push(this);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  sent() {
    this.upload.onload?.({} as ProgressEvent);
  }
  reply(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
  fail() {
    this.onerror?.();
  }
}

export function installControlledXhr() {
  ControlledXhr.requests = [];
  vi.stubGlobal('XMLHttpRequest', ControlledXhr);
  return ControlledXhr.requests;
}
