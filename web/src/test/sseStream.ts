const encoder = new TextEncoder();

/** One Server-Sent Event as the server writes it. */
export function sseEvent(event: string, data?: unknown): string {
  return `event: ${event}\ndata: ${data === undefined ? '' : JSON.stringify(data)}\n\n`;
}

/**
 * An event-stream response the test writes to step by step: send() one event, raw() any text,
 * close() to end it. `cancelled` tells whether the reader gave up on the stream.
 */
export function sseStream() {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  const write = (text: string) => controller?.enqueue(encoder.encode(text));
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    send: (event: string, data?: unknown) => write(sseEvent(event, data)),
    raw: write,
    close: () => controller?.close(),
    get cancelled() {
      return cancelled;
    },
  };
}
