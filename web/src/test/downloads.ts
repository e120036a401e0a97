import { vi } from 'vitest';

export interface CapturedDownload {
  filename: string;
  href: string;
  blob: Blob;
  /** Whether the link was still in the document when it was clicked. */
  attached: boolean;
}

/** Reads a Blob as text (jsdom's Blob has no text()). */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/**
 * Records the files saved through lib/download: jsdom has no object URLs and does not navigate
 * on a link click, so both are stubbed. Returns the downloads and the revoked URLs; call
 * `restore()` at the end of the test.
 */
export function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const downloads: CapturedDownload[] = [];
  const revoked: string[] = [];
  let next = 0;
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = `blob:test/${(next += 1)}`;
    blobs.set(url, obj as Blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
  };
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ filename: this.download, href: this.href, blob: blobs.get(this.href)!, attached: this.isConnected });
  });
  const restore = () => {
    URL.createObjectURL = original.create;
    // lib/download revokes a second after the click, which may be after restore(); jsdom has no
    // revokeObjectURL of its own, so a late revoke must still find one.
    URL.revokeObjectURL = original.revoke ?? (() => undefined);
  };
  return { downloads, revoked, restore };
}
