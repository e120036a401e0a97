/** Readers for the loosely typed JSON of stream events: wrong types become null or empty. */
export function asRecord(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

export function asText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function asCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The message of an `error` event: its `error` field, or the data itself when it is text. */
export function errorText(data: unknown, fallback: string): string {
  return asText(asRecord(data).error) ?? asText(data) ?? fallback;
}
