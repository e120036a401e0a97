export interface SseEvent {
  /** The `event:` field; "message" when the event named none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
}

const DEFAULT_EVENT = 'message';

/**
 * An incremental Server-Sent Events parser: feed it the body's chunks as they arrive and it returns
 * the events each chunk completed. Lines may end in \n, \r\n or \r; lines starting with ':' are
 * comments; an event ends at a blank line. Bytes are decoded as a UTF-8 stream, so a character split
 * across chunks is kept whole.
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private eventName = '';
  private dataLines: string[] = [];
  private hasFields = false;

  feed(chunk: Uint8Array | string): SseEvent[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.drain(false);
  }

  /** Ends the stream: parses what is left and returns the last event even without its blank line. */
  flush(): SseEvent[] {
    this.buffer += this.decoder.decode();
    const events = this.drain(true);
    const last = this.dispatch();
    return last ? [...events, last] : events;
  }

  private drain(final: boolean): SseEvent[] {
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i += 1) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      // A trailing \r may be the first half of \r\n: wait for the next chunk.
      if (c === '\r' && i + 1 === this.buffer.length && !final) break;
      const event = this.line(this.buffer.slice(start, i));
      if (event) events.push(event);
      if (c === '\r' && this.buffer[i + 1] === '\n') i += 1;
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    if (final && this.buffer !== '') {
      const event = this.line(this.buffer);
      if (event) events.push(event);
      this.buffer = '';
    }
    return events;
  }

  private line(text: string): SseEvent | null {
    if (text === '') return this.dispatch();
    if (text.startsWith(':')) return null;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') {
      this.eventName = value;
      this.hasFields = true;
    } else if (field === 'data') {
      this.dataLines.push(value);
      this.hasFields = true;
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    if (!this.hasFields) return null;
    const event = { event: this.eventName || DEFAULT_EVENT, data: this.dataLines.join('\n') };
    this.eventName = '';
    this.dataLines = [];
    this.hasFields = false;
    return event;
  }
}

/** The event's data as JSON, or the raw text when it is not JSON; null for empty data. */
export function parseEventData(data: string): unknown {
  if (data.trim() === '') return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}
