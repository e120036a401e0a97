/** Saves a blob as a file: a temporary object URL behind a link that is clicked and removed. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked a little later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves text as a file with the given MIME type (e.g. `text/csv;charset=utf-8`). */
export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
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
