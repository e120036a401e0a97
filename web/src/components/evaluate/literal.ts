/**
 * Reads a JSON value, or a Python literal as `str(dict)` writes it: single- or double-quoted
 * strings, True/False/None, numbers, lists, tuples and dicts. Anything else gives undefined.
 */
export function parseLiteral(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    // not JSON: try the Python form below
  }
  try {
    const reader = new LiteralReader(trimmed);
    const value = reader.value();
    reader.skipSpace();
    return reader.atEnd() ? value : undefined;
  } catch {
    return undefined;
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
const WORDS: Record<string, unknown> = { True: true, False: false, None: null, true: true, false: false, null: null };
const MAX_DEPTH = 64;

class LiteralReader {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  atEnd() {
    return this.pos >= this.text.length;
  }

  skipSpace() {
    while (!this.atEnd() && /\s/.test(this.text[this.pos]!)) this.pos += 1;
  }

  private fail(): never {
    throw new Error(`unexpected input at ${this.pos}`);
  }

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.nested(() => this.dict());
    if (c === '[') return this.nested(() => this.list(']'));
    if (c === '(') return this.nested(() => this.list(')'));
    if (c === '"' || c === "'") return this.string();
    const word = /^[A-Za-z_]+/.exec(this.text.slice(this.pos))?.[0];
    if (word !== undefined) {
      if (!(word in WORDS)) this.fail();
      this.pos += word.length;
      return WORDS[word];
    }
    const num = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(this.text.slice(this.pos))?.[0];
    if (num === undefined) this.fail();
    this.pos += num.length;
    return Number(num);
  }

  private nested<T>(read: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) this.fail();
    const out = read();
    this.depth -= 1;
    return out;
  }

  private expect(c: string) {
    this.skipSpace();
    if (this.text[this.pos] !== c) this.fail();
    this.pos += 1;
  }

  /** Reads items up to `close`, allowing a trailing comma. */
  private items(close: string, readItem: () => void) {
    this.pos += 1;
    this.skipSpace();
    while (this.text[this.pos] !== close) {
      readItem();
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos += 1;
        this.skipSpace();
      } else if (this.text[this.pos] !== close) {
        this.fail();
      }
    }
    this.pos += 1;
  }

  private list(close: string): unknown[] {
    const out: unknown[] = [];
    this.items(close, () => out.push(this.value()));
    return out;
  }

  private dict(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.items('}', () => {
      const key = this.value();
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') this.fail();
      this.expect(':');
      out[String(key)] = this.value();
    });
    return out;
  }

  private string(): string {
    const quote = this.text[this.pos]!;
    this.pos += 1;
    let out = '';
    while (!this.atEnd()) {
      const c = this.text[this.pos]!;
      this.pos += 1;
      if (c === quote) return out;
      if (c === '\\') {
        const next = this.text[this.pos];
        if (next === undefined) this.fail();
        this.pos += 1;
        out += ESCAPES[next] ?? `\\${next}`;
      } else {
        out += c;
      }
    }
    return this.fail();
  }
}
