import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ControlledXhr, installControlledXhr } from '../../test/controlledXhr';
import { UploadModal } from '../UploadModal';
import { FileUpload } from './FileUpload';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const MB = 1024 * 1024;

function renderUpload(onLoaded = vi.fn()) {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <FileUpload onLoaded={onLoaded} examples={[]} />
    </QueryClientProvider>,
  );
  return onLoaded;
}

function chooseFile(name = 'big.csv') {
  const file = new File(['x'], name, { type: 'text/csv' });
  fireEvent.change(screen.getByTestId('file-upload-input'), { target: { files: [file] } });
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe('FileUpload progress', () => {
  it('shows bytes sent of the total, the speed and the time left, then the server phase, then success', async () => {
    vi.useFakeTimers({ now: 0 });
    const requests = installControlledXhr();
    const onLoaded = renderUpload();
    chooseFile();
    const xhr = requests[0]!;
    expect(screen.getByTestId('file-upload-zone').getAttribute('data-state')).toBe('sending');
    expect(text('file-upload-phase')).toBe('Uploading');

    act(() => xhr.progress(0, 10 * MB));
    act(() => {
      vi.setSystemTime(1000);
      xhr.progress(2 * MB, 10 * MB);
    });
    expect(text('file-upload-bytes')).toBe('2.0 MB of 10.0 MB (20%)');
    expect(text('file-upload-rate')).toBe('2.0 MB/s');
    expect(screen.getByText('about 4 s left')).toBeTruthy();
    expect(screen.getByTestId('file-upload-bar').getAttribute('aria-valuenow')).toBe('20');

    act(() => {
      vi.setSystemTime(5000);
      xhr.progress(10 * MB, 10 * MB);
      xhr.sent();
    });
    expect(screen.getByTestId('file-upload-zone').getAttribute('data-state')).toBe('processing');
    expect(text('file-upload-phase')).toBe('Validating data format');
    expect(screen.queryByTestId('file-upload-cancel')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(text('file-upload-server')).toBe('All 10.0 MB sent. The server is loading the rows, detecting the format and summarising the columns · 3 s');

    await act(async () => {
      xhr.reply(200, { success: true, format: 'tree_format', row_count: 3, dataset: { id: 'ds-1', format: 'tree_format', row_count: 3 } });
    });
    expect(screen.getByTestId('file-upload-zone').getAttribute('data-state')).toBe('success');
    expect(onLoaded).toHaveBeenCalledWith(expect.objectContaining({ row_count: 3 }));
  });

  it('cancels while sending: the request is aborted and the zone says nothing was stored', async () => {
    const requests = installControlledXhr();
    const onLoaded = renderUpload();
    chooseFile();
    act(() => requests[0]!.progress(MB, 10 * MB));
    fireEvent.click(screen.getByTestId('file-upload-cancel'));
    expect(requests[0]!.aborted).toBe(true);
    expect(screen.getByTestId('file-upload-zone').getAttribute('data-state')).toBe('cancelled');
    expect(text('file-upload-cancelled')).toBe('Upload cancelled: nothing was stored');
    expect(onLoaded).not.toHaveBeenCalled();
    // A new file can be chosen straight away.
    chooseFile('again.csv');
    expect(ControlledXhr.requests).toHaveLength(2);
  });

  it("shows the server's detail when it refuses the file", async () => {
    const requests = installControlledXhr();
    renderUpload();
    chooseFile();
    await act(async () => requests[0]!.reply(400, { detail: 'Unrecognised format: no score columns' }));
    expect(text('file-upload-error')).toBe('Unrecognised format: no score columns');
    expect(screen.getByTestId('file-upload-zone').getAttribute('data-state')).toBe('error');
  });
});

describe('UploadModal', () => {
  it('is "Replace data…" with an amber warning naming the current file, and Escape closes it', () => {
    const onClose = vi.fn();
    render(
      <UploadModal open onClose={onClose} currentName="monitoring_march.csv" testId="m">
        <p>upload here</p>
      </UploadModal>,
    );
    expect(screen.getByRole('dialog', { name: 'Replace data…' })).toBeTruthy();
    expect(text('m-current')).toBe('monitoring_march.csv');
    expect(text('m-warning')).toContain('The file you load replaces it here');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('is "Upload Evaluation Data" without a warning when nothing is loaded', () => {
    render(
      <UploadModal open onClose={() => {}} testId="m">
        <p>upload here</p>
      </UploadModal>,
    );
    expect(screen.getByRole('dialog', { name: 'Upload Evaluation Data' })).toBeTruthy();
    expect(screen.queryByTestId('m-warning')).toBeNull();
  });
});
