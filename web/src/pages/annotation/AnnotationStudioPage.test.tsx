import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAnnotationStore } from '../../stores/annotationStore';
import { captureDownloads } from '../../test/downloads';
import { renderApp } from '../../test/renderApp';
import { serveApi } from '../evaluate/testServer';

const DATASET = { id: 'ann', name: 'Annotation Sample', kind: 'annotation', format: 'fresh_annotation', row_count: 3, created_at: '2025-05-01T00:00:00Z' };
const ROWS = [
  { dataset_id: 'ann_001', query: 'How do I set ticket priorities?', actual_output: 'Agents set priority from the ticket sidebar.' },
  { dataset_id: 'ann_002', query: 'How do I change the time zone?', actual_output: 'Each user sets their time zone under Profile > Preferences.' },
  { dataset_id: 'ann_003', query: 'How do I create a shared inbox view?', actual_output: 'Go to Views > New view and choose "Share with team".' },
];

function server(options: { failPut?: boolean } = {}) {
  const saved: Record<string, { judgment: string | null; rating: number | null; flagged: boolean }> = {};
  const progress = () => {
    const list = Object.values(saved);
    return {
      total: 3,
      annotated: list.filter((a) => a.judgment || a.rating !== null).length,
      accepted: list.filter((a) => a.judgment === 'accept').length,
      rejected: list.filter((a) => a.judgment === 'reject').length,
      rated: list.filter((a) => a.rating !== null).length,
      flagged: list.filter((a) => a.flagged).length,
    };
  };
  const api = serveApi(({ method, path, body }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets: [DATASET] } };
    if (path === '/api/datasets/ann/rows') return { body: { success: true, data: ROWS, total: 3, page: 1, page_size: 50, columns: ['dataset_id', 'query', 'actual_output'] } };
    if (path === '/api/annotations') return { body: { success: true, dataset_id: 'ann', annotations: [], progress: progress() } };
    if (path === '/api/annotations/export') return new Response('dataset_id,judgment\nann_001,accept\n', { headers: { 'content-type': 'text/csv' } });
    const m = path.match(/^\/api\/annotations\/(.+)$/);
    if (m && method === 'PUT') {
      if (options.failPut) return { status: 500, body: { detail: 'disk full' } };
      saved[m[1]!] = body as never;
      return { body: { success: true, annotation: { case_id: m[1], ...(body as object) }, progress: progress() } };
    }
    if (m && method === 'DELETE') {
      delete saved[m[1]!];
      return { body: { success: true, progress: progress() } };
    }
    return undefined;
  });
  return { ...api, saved };
}

describe('annotation studio', () => {
  it('labels with the keyboard, saves each change, and undoes with Ctrl+Z', async () => {
    useAnnotationStore.setState({ datasetId: null, indexByDataset: {} });
    const { calls, saved } = server();
    renderApp('/annotation-studio');
    expect((await screen.findByTestId('annotation-case-id', {}, { timeout: 5000 })).textContent).toBe('ann_001');
    expect(screen.getByTestId('annotation-position').textContent).toBe('Record 1 of 3');

    fireEvent.keyDown(window, { key: 'a' });
    expect(screen.getByTestId('judge-accept').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('progress-accepted').textContent).toBe('1'));
    expect(calls.find((c) => c.method === 'PUT')?.path).toBe('/api/annotations/ann_001');
    expect(calls.find((c) => c.method === 'PUT')?.params.get('dataset_id')).toBe('ann');

    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(screen.getByTestId('annotation-case-id').textContent).toBe('ann_002');
    fireEvent.keyDown(window, { key: 'r' });
    fireEvent.keyDown(window, { key: '4' });
    fireEvent.keyDown(window, { key: 'f' });
    await waitFor(() => expect(screen.getByTestId('progress-flagged').textContent).toBe('1'));
    expect(saved.ann_002).toMatchObject({ judgment: 'reject', rating: 4, flagged: true });
    expect(screen.getByTestId('progress-rejected').textContent).toBe('1');
    expect(screen.getByTestId('progress-annotated').textContent).toBe('2');

    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('progress-flagged').textContent).toBe('0'));
    expect(saved.ann_002).toMatchObject({ judgment: 'reject', rating: 4, flagged: false });

    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(screen.getByTestId('annotation-case-id').textContent).toBe('ann_001');
    fireEvent.keyDown(window, { key: 's' });
    expect(screen.getByTestId('annotation-case-id').textContent).toBe('ann_003');
  });

  it('exports the annotated CSV through fetch, so the API token goes with it', async () => {
    const { calls } = server();
    const capture = captureDownloads();
    try {
      renderApp('/annotation-studio?dataset=ann');
      fireEvent.click(await screen.findByTestId('annotation-export', {}, { timeout: 5000 }));
      await waitFor(() => expect(capture.downloads).toHaveLength(1));
      const [saved] = capture.downloads;
      expect(saved!.filename).toMatch(/^annotated-data-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(await saved!.blob.text()).toBe('dataset_id,judgment\nann_001,accept\n');
      const exported = calls.find((c) => c.path === '/api/annotations/export');
      expect(exported?.params.get('dataset_id')).toBe('ann');
    } finally {
      capture.restore();
    }
  });

  it('ignores keys while typing in the critique', async () => {
    const { calls } = server();
    renderApp('/annotation-studio?dataset=ann');
    const critique = await screen.findByTestId('critique', {}, { timeout: 5000 });
    critique.focus();
    fireEvent.keyDown(critique, { key: 'a' });
    expect(screen.getByTestId('judge-accept').getAttribute('aria-pressed')).toBe('false');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('rolls a change back when the server refuses it', async () => {
    server({ failPut: true });
    renderApp('/annotation-studio?dataset=ann');
    await screen.findByTestId('annotation-card', {}, { timeout: 5000 });
    fireEvent.keyDown(window, { key: 'a' });
    expect(screen.getByTestId('judge-accept').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('save-status').getAttribute('data-state')).toBe('error'));
    expect(screen.getByTestId('save-status').textContent).toContain('disk full');
    expect(screen.getByTestId('judge-accept').getAttribute('aria-pressed')).toBe('false');
  });
});
