import { afterEach, describe, expect, it, vi } from 'vitest';
import { blobText, captureDownloads } from '../test/downloads';
import { downloadBlob, downloadText, safeFilename } from './download';

describe('download helpers', () => {
  let capture: ReturnType<typeof captureDownloads>;
  afterEach(() => {
    capture.restore();
    vi.useRealTimers();
  });

  it('saves a blob through a clicked, then removed, link and revokes its URL a second later', () => {
    vi.useFakeTimers();
    capture = captureDownloads();
    const blob = new Blob(['x'], { type: 'application/octet-stream' });
    downloadBlob('data.bin', blob);
    expect(capture.downloads).toHaveLength(1);
    const [saved] = capture.downloads;
    expect(saved).toMatchObject({ filename: 'data.bin', href: 'blob:test/1', attached: true });
    expect(saved!.blob).toBe(blob);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(capture.revoked).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(capture.revoked).toEqual(['blob:test/1']);
  });

  it('saves text with the given MIME type', async () => {
    capture = captureDownloads();
    downloadText('notes.json', '{"a":1}\n', 'application/json');
    const [saved] = capture.downloads;
    expect(saved!.filename).toBe('notes.json');
    expect(saved!.blob.type).toBe('application/json');
    expect(await blobText(saved!.blob)).toBe('{"a":1}\n');
  });

  it('builds a dated, filesystem-safe file name', () => {
    capture = captureDownloads();
    const date = new Date('2025-03-04T12:00:00Z');
    expect(safeFilename(['comparison', 'gpt 4o/mini', 'vs', 'claude:v2'], 'csv', date)).toBe('comparison-gpt-4o-mini-vs-claude-v2-2025-03-04.csv');
    expect(safeFilename(['   '], 'csv', date)).toBe('export-2025-03-04.csv');
  });
});
