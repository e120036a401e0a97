/**
 * A stand-in for XMLHttpRequest in jsdom that sends through `fetch`, so the tests' fetch stubs
 * answer uploads too. It reports the whole body as sent at once (one upload progress event, then
 * upload load), then the reply. Only what lib/upload/xhrUpload uses is implemented.
 */
type Listener = ((event: ProgressEvent) => void) | null;

function progressEvent(loaded: number, total: number): ProgressEvent {
  return { lengthComputable: true, loaded, total } as ProgressEvent;
}

function bodySize(body: unknown): number {
  if (body instanceof FormData) {
    let size = 0;
    body.forEach((value) => {
      size += typeof value === 'string' ? value.length : value.size;
    });
    return size;
  }
  return typeof body === 'string' ? body.length : 0;
}

export class FetchBackedXhr {
  status = 0;
  responseText = '';
  timeout = 0;
  upload: { onprogress: Listener; onload: Listener } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  private method = 'GET';
  private url = '';
  private headers: Record<string, string> = {};
  private controller = new AbortController();

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  abort() {
    this.controller.abort();
  }

  send(body?: Document | XMLHttpRequestBodyInit | null) {
    const size = bodySize(body);
    this.upload.onprogress?.(progressEvent(size, size));
    this.upload.onload?.(progressEvent(size, size));
    fetch(this.url, { method: this.method, headers: this.headers, body: body as BodyInit, signal: this.controller.signal }).then(
      async (response) => {
        this.status = response.status;
        this.responseText = await response.text();
        this.onload?.();
      },
      () => (this.controller.signal.aborted ? this.onabort?.() : this.onerror?.()),
    );
  }
}
