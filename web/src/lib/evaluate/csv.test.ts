import { describe, expect, it } from 'vitest';
import { blobText, captureDownloads } from '../../test/downloads';
import { csvField, downloadCsv, safeFilename, toCsv } from './csv';

describe('CSV export', () => {
  it('quotes only fields that need it and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(null)).toBe('');
  });

  it('writes a header and one CRLF-terminated line per row', () => {
    const rows = [
      { id: 'c1', q: 'What, exactly?', s: 0.25 },
      { id: 'c2', q: 'Plain', s: null },
    ];
    const text = toCsv(rows, [
      { header: 'dataset_id', value: (r) => r.id },
      { header: 'query', value: (r) => r.q },
      { header: 'score', value: (r) => r.s },
    ]);
    expect(text).toBe('dataset_id,query,score\r\nc1,"What, exactly?",0.25\r\nc2,Plain,\r\n');
  });

  it('builds a dated, filesystem-safe file name', () => {
    const date = new Date('2025-03-04T12:00:00Z');
    expect(safeFilename(['comparison', 'gpt 4o/mini', 'vs', 'claude:v2'], 'csv', date)).toBe('comparison-gpt-4o-mini-vs-claude-v2-2025-03-04.csv');
    expect(safeFilename(['   '], 'csv', date)).toBe('export-2025-03-04.csv');
  });

  it('saves CSV text as a UTF-8 text/csv file', async () => {
    const capture = captureDownloads();
    try {
      downloadCsv('cases.csv', 'dataset_id\r\nc1\r\n');
      const [saved] = capture.downloads;
      expect(saved!.filename).toBe('cases.csv');
      expect(saved!.blob.type).toBe('text/csv;charset=utf-8');
      expect(await blobText(saved!.blob)).toBe('dataset_id\r\nc1\r\n');
    } finally {
      capture.restore();
    }
  });
});
