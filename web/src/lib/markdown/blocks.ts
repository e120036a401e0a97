export type Align = 'left' | 'center' | 'right' | null;

export interface ListItem {
  text: string;
  children: List | null;
}

export interface List {
  ordered: boolean;
  start: number;
  items: ListItem[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'code'; lang: string; text: string }
  | { type: 'list'; list: List }
  | { type: 'table'; align: Align[]; header: string[]; rows: string[][] }
  | { type: 'quote'; text: string }
  | { type: 'rule' };

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';

function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function isTableStart(lines: string[], i: number): boolean {
  const header = lines[i] ?? '';
  const separator = lines[i + 1] ?? '';
  return header.includes('|') && separator.includes('-') && TABLE_SEPARATOR.test(separator) && (separator.includes('|') || splitRow(header).length === 1);
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  if (left && right) return 'center';
  if (right) return 'right';
  return left ? 'left' : null;
}

function startsBlock(lines: string[], i: number): boolean {
  const line = lines[i] ?? '';
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || LIST_ITEM.test(line) || QUOTE.test(line) || isTableStart(lines, i);
}

interface Parsed<T> {
  value: T;
  next: number;
}

function parseFence(lines: string[], i: number): Parsed<Block> {
  const [, fence = '```', lang = ''] = FENCE.exec(lines[i] ?? '') ?? [];
  const closer = new RegExp(`^\\s{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
  const body: string[] = [];
  let j = i + 1;
  while (j < lines.length && !closer.test(lines[j] ?? '')) body.push(lines[j++] ?? '');
  return { value: { type: 'code', lang, text: body.join('\n') }, next: j + 1 };
}

function parseTable(lines: string[], i: number): Parsed<Block> {
  const header = splitRow(lines[i] ?? '');
  const align = splitRow(lines[i + 1] ?? '').map(alignOf);
  const rows: string[][] = [];
  let j = i + 2;
  while (j < lines.length && !isBlank(lines[j]) && (lines[j] ?? '').includes('|')) {
    const cells = splitRow(lines[j++] ?? '');
    rows.push(header.map((_, k) => cells[k] ?? ''));
  }
  return { value: { type: 'table', align: header.map((_, k) => align[k] ?? null), header, rows }, next: j };
}

function indentOf(spaces: string): number {
  return spaces.replace(/\t/g, '    ').length;
}

function parseList(lines: string[], i: number): Parsed<List> {
  const first = LIST_ITEM.exec(lines[i] ?? '')!;
  const base = indentOf(first[1] ?? '');
  const ordered = /\d/.test(first[2] ?? '');
  const list: List = { ordered, start: ordered ? parseInt(first[2] ?? '1', 10) : 1, items: [] };
  let j = i;
  while (j < lines.length) {
    const line = lines[j] ?? '';
    if (isBlank(line)) {
      let k = j + 1;
      while (isBlank(lines[k]) && k < lines.length) k += 1;
      const ahead = LIST_ITEM.exec(lines[k] ?? '');
      if (!ahead || indentOf(ahead[1] ?? '') < base) break;
      j = k;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    const last = list.items[list.items.length - 1];
    if (item) {
      const indent = indentOf(item[1] ?? '');
      if (indent < base) break;
      if (indent >= base + 2 && last) {
        const sub = parseList(lines, j);
        if (last.children) last.children.items.push(...sub.value.items);
        else last.children = sub.value;
        j = sub.next;
        continue;
      }
      if (/\d/.test(item[2] ?? '') !== ordered) break;
      list.items.push({ text: item[3] ?? '', children: null });
      j += 1;
      continue;
    }
    if (!last || indentOf(/^\s*/.exec(line)?.[0] ?? '') <= base || startsBlock(lines, j)) break;
    last.text += `\n${line.trim()}`;
    j += 1;
  }
  return { value: list, next: j };
}

function parseQuote(lines: string[], i: number): Parsed<Block> {
  const body: string[] = [];
  let j = i;
  let m: RegExpExecArray | null;
  while (j < lines.length && (m = QUOTE.exec(lines[j] ?? '')) !== null) {
    body.push(m[1] ?? '');
    j += 1;
  }
  return { value: { type: 'quote', text: body.join('\n') }, next: j };
}

function parseParagraph(lines: string[], i: number): Parsed<Block> {
  const body = [(lines[i] ?? '').trim()];
  let j = i + 1;
  while (j < lines.length && !isBlank(lines[j]) && !startsBlock(lines, j)) body.push((lines[j++] ?? '').trim());
  return { value: { type: 'paragraph', text: body.join('\n') }, next: j };
}

function parseBlock(lines: string[], i: number): Parsed<Block> {
  const line = lines[i] ?? '';
  if (FENCE.test(line)) return parseFence(lines, i);
  const heading = HEADING.exec(line);
  if (heading) {
    const level = Math.min((heading[1] ?? '#').length, 3) as 1 | 2 | 3;
    return { value: { type: 'heading', level, text: heading[2] ?? '' }, next: i + 1 };
  }
  if (RULE.test(line)) return { value: { type: 'rule' }, next: i + 1 };
  if (isTableStart(lines, i)) return parseTable(lines, i);
  if (LIST_ITEM.test(line)) {
    const { value, next } = parseList(lines, i);
    return { value: { type: 'list', list: value }, next };
  }
  if (QUOTE.test(line)) return parseQuote(lines, i);
  return parseParagraph(lines, i);
}

/** Splits Markdown into blocks: headings, paragraphs, fenced code, lists, pipe tables, quotes and rules. */
export function parseBlocks(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i += 1;
      continue;
    }
    const { value, next } = parseBlock(lines, i);
    blocks.push(value);
    i = next;
  }
  return blocks;
}
