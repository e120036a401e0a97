import { describe, expect, it } from 'vitest';
import { parseEventData, SseParser } from './sse';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SseParser', () => {
  it('parses named events with JSON data and defaults the name to "message"', () => {
    const parser = new SseParser();
    const events = parser.feed('event: token\ndata: {"text":"Hi"}\n\ndata: plain\n\n');
    expect(events).toEqual([
      { event: 'token', data: '{"text":"Hi"}' },
      { event: 'message', data: 'plain' },
    ]);
  });

  it('keeps an event split across chunks until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.feed('event: thou')).toEqual([]);
    expect(parser.feed('ght\ndata: {"a"')).toEqual([]);
    expect(parser.feed(':1}\n')).toEqual([]);
    expect(parser.feed('\nevent: done\ndata:\n')).toEqual([{ event: 'thought', data: '{"a":1}' }]);
    expect(parser.feed('\n')).toEqual([{ event: 'done', data: '' }]);
  });

  it('accepts CRLF and lone CR line endings, even with \\r\\n split between chunks', () => {
    const parser = new SseParser();
    expect(parser.feed('event: a\r\ndata: 1\r')).toEqual([]);
    expect(parser.feed('\n\r\nevent: b\rdata: 2\r\r')).toEqual([{ event: 'a', data: '1' }]);
    expect(parser.feed('\n')).toEqual([{ event: 'b', data: '2' }]);
  });

  it('ignores comment lines (pings) and unknown fields', () => {
    const parser = new SseParser();
    const events = parser.feed(': ping\n\n:keep-alive\nid: 7\nretry: 100\nevent: token\ndata: x\n\n');
    expect(events).toEqual([{ event: 'token', data: 'x' }]);
  });

  it('joins several data lines with a newline and strips only one leading space', () => {
    const parser = new SseParser();
    expect(parser.feed('data: line one\ndata:  two\ndata:three\n\n')).toEqual([{ event: 'message', data: 'line one\n two\nthree' }]);
  });

  it('decodes a multi-byte character split across byte chunks', () => {
    const parser = new SseParser();
    const all = bytes('event: token\ndata: {"text":"naïve → 日本"}\n\n');
    const cut = all.indexOf(0xe6) + 1;
    const split = all.indexOf(0xc3) + 1;
    expect(parser.feed(all.slice(0, split))).toEqual([]);
    expect(parser.feed(all.slice(split, cut))).toEqual([]);
    const events = parser.feed(all.slice(cut));
    expect(events).toEqual([{ event: 'token', data: '{"text":"naïve → 日本"}' }]);
  });

  it('returns the last event on flush when the stream ends without a blank line', () => {
    const parser = new SseParser();
    expect(parser.feed('event: response\ndata: {"ok":true}')).toEqual([]);
    expect(parser.flush()).toEqual([{ event: 'response', data: '{"ok":true}' }]);
    expect(parser.flush()).toEqual([]);
  });
});

describe('parseEventData', () => {
  it('parses JSON, keeps other text and maps empty data to null', () => {
    expect(parseEventData('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseEventData('not json')).toBe('not json');
    expect(parseEventData('  ')).toBeNull();
  });
});
