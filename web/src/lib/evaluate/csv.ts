import { downloadText } from '../download';
import { cellText } from './format';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** Quotes a field when it holds a comma, quote, CR or LF (RFC 4180), doubling inner quotes. */
export function csvField(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with a header line; lines end with CRLF. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves CSV text (from toCsv) as a file. */
export function downloadCsv(filename: string, text: string): void {
  downloadText(filename, text, 'text/csv;charset=utf-8');
}

/** "comparison-base-vs-chal-2025-01-31.csv" with anything unsafe in the names replaced. */
export function safeFilename(parts: readonly string[], ext: string, date: Date = new Date()): string {
  const stamp = date.toISOString().slice(0, 10);
  const body = parts
    .map((p) => p.trim().replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('-');
  return `${body || 'export'}-${stamp}.${ext}`;
}
