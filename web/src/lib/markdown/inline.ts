export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

interface Match {
  node: Inline;
  end: number;
}

const ESCAPABLE = '\\`*_{}[]()#+-.!|>~<';
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:'];

/** Only absolute http(s) and mailto URLs become links; anything else stays text. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (href === '' || /[\s\u0000-\u001f]/.test(href)) return null;
  try {
    return SAFE_PROTOCOLS.includes(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

function codeSpan(src: string, i: number): Match | null {
  let n = 0;
  while (src[i + n] === '`') n += 1;
  const fence = '`'.repeat(n);
  let close = src.indexOf(fence, i + n);
  while (close >= 0 && src[close + n] === '`') close = src.indexOf(fence, close + n + 1);
  if (close < 0) return null;
  let text = src.slice(i + n, close).replace(/\n/g, ' ');
  if (text.length > 1 && text.startsWith(' ') && text.endsWith(' ')) text = text.slice(1, -1);
  return { node: { type: 'code', text }, end: close + n };
}

function validDelimited(src: string, open: number, close: number, width: number, marker: string): boolean {
  const content = src.slice(open + width, close);
  if (content.trim() === '' || isSpace(content[0]) || isSpace(content[content.length - 1])) return false;
  // Underscores inside words (snake_case names) are not emphasis.
  return marker !== '_' || (!isWordChar(src[open - 1]) && !isWordChar(src[close + width]));
}

function strong(src: string, i: number, marker: string): Match | null {
  const delim = marker + marker;
  let close = src.indexOf(delim, i + 2);
  if (close < 0) return null;
  if (src[close + 2] === marker) close += 1;
  if (!validDelimited(src, i, close, 2, marker)) return null;
  return { node: { type: 'strong', children: parseInline(src.slice(i + 2, close)) }, end: close + 2 };
}

function emphasis(src: string, i: number, marker: string): Match | null {
  for (let j = i + 1; j < src.length; j += 1) {
    if (src[j] !== marker) continue;
    if (src[j + 1] === marker) {
      j += 1;
      continue;
    }
    if (!validDelimited(src, i, j, 1, marker)) return null;
    return { node: { type: 'em', children: parseInline(src.slice(i + 1, j)) }, end: j + 1 };
  }
  return null;
}

function closing(src: string, from: number, open: string, close: string): number {
  let depth = 0;
  for (let j = from; j < src.length; j += 1) {
    const c = src[j];
    if (c === '\\') j += 1;
    else if (c === open) depth += 1;
    else if (c === close) {
      if (depth === 0) return j;
      depth -= 1;
    }
  }
  return -1;
}

function link(src: string, i: number): Match | null {
  const textEnd = closing(src, i + 1, '[', ']');
  if (textEnd < 0 || src[textEnd + 1] !== '(') return null;
  const urlEnd = closing(src, textEnd + 2, '(', ')');
  if (urlEnd < 0) return null;
  const target = src.slice(textEnd + 2, urlEnd).trim().split(/\s+/)[0] ?? '';
  const href = safeHref(target.replace(/^<(.*)>$/, '$1'));
  if (!href) return null;
  return { node: { type: 'link', href, children: parseInline(src.slice(i + 1, textEnd)) }, end: urlEnd + 1 };
}

function special(src: string, i: number): Match | null {
  const c = src[i];
  if (c === '`') return codeSpan(src, i);
  if (c === '[') return link(src, i);
  if (c === '*' || c === '_') return src[i + 1] === c ? strong(src, i, c) : emphasis(src, i, c);
  return null;
}

/** Parses inline Markdown: code spans, bold, italics, links, backslash escapes and line breaks. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '\\' && next !== undefined && ESCAPABLE.includes(next)) {
      text += next;
      i += 2;
      continue;
    }
    if (c === '\n') {
      flush();
      out.push({ type: 'break' });
      i += 1;
      continue;
    }
    const match = special(src, i);
    if (match) {
      flush();
      out.push(match.node);
      i = match.end;
      continue;
    }
    // An unmatched run of markers stays text as a whole, so its tail does not pair up later.
    let run = 1;
    if (c === '`' || c === '*' || c === '_') while (src[i + run] === c) run += 1;
    text += src.slice(i, i + run);
    i += run;
  }
  flush();
  return out;
}
