import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { blobText, captureDownloads } from '../../test/downloads';
import { ExportButtons } from './ExportButtons';

describe('ExportButtons', () => {
  it('saves the file the server wrote for each format, named with its extension', async () => {
    const capture = captureDownloads();
    try {
      const fetchFile = vi.fn(async (format: string) => new Blob([`file as ${format}`]));
      render(<ExportButtons nameParts={['comparison', 'a', 'vs', 'b']} fetchFile={fetchFile} />);
      fireEvent.click(screen.getByTestId('export-cases-json'));
      await waitFor(() => expect(capture.downloads).toHaveLength(1));
      fireEvent.click(screen.getByTestId('export-cases-md'));
      await waitFor(() => expect(capture.downloads).toHaveLength(2));
      expect(fetchFile.mock.calls.map((c) => c[0])).toEqual(['json', 'md']);
      expect(capture.downloads[0]!.filename).toMatch(/^comparison-a-vs-b-\d{4}-\d{2}-\d{2}\.json$/);
      expect(capture.downloads[1]!.filename).toMatch(/\.md$/);
      expect(await blobText(capture.downloads[1]!.blob)).toBe('file as md');
    } finally {
      capture.restore();
    }
  });

  it('names the failed format and the server’s reason, and is disabled without data', async () => {
    const fetchFile = vi.fn(async () => {
      throw new Error('Experiment not found');
    });
    const { rerender } = render(<ExportButtons nameParts={['x']} fetchFile={fetchFile} />);
    fireEvent.click(screen.getByTestId('export-cases-md'));
    expect((await screen.findByTestId('export-error')).textContent).toBe('Export Markdown failed: Experiment not found');
    rerender(<ExportButtons nameParts={['x']} fetchFile={fetchFile} disabled />);
    expect((screen.getByTestId('export-cases-csv') as HTMLButtonElement).disabled).toBe(true);
  });
});
