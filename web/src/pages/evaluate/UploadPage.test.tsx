import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useEvalStore } from '../../stores/evalStore';
import { renderApp } from '../../test/renderApp';
import { serveApi, TREE_DATASET } from './testServer';

vi.mock('../../components/charts/EChart', () => ({ EChart: () => <div /> }));

function server() {
  const datasets: Array<typeof TREE_DATASET> = [];
  const api = serveApi(({ method, path, params }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets } };
    if (path === '/api/data/upload' && method === 'POST') {
      return { status: 400, body: { detail: 'Unrecognised data format: no metric_score or judgment column' } };
    }
    if (path === '/api/data/example/model') {
      datasets.unshift(TREE_DATASET);
      return {
        body: {
          success: true,
          dataset_id: 'ds-tree',
          format: 'tree_format',
          row_count: 280,
          total_rows: 280,
          columns: ['dataset_id', 'metric_name'],
          preview: [],
          message: 'Loaded 280 rows',
          dataset: TREE_DATASET,
        },
      };
    }
    if (path === '/api/datasets/ds-tree/rows') {
      const page = Number(params.get('page'));
      return {
        body: {
          success: true,
          data: Array.from({ length: 10 }, (_, i) => ({ dataset_id: `case_${page}_${i}`, metric_name: 'faithfulness' })),
          total: 280,
          page,
          page_size: 10,
          columns: [{ name: 'dataset_id' }, { name: 'metric_name' }],
        },
      };
    }
    return undefined;
  });
  return api;
}

describe('upload page', () => {
  it('shows the server detail in red when a file is refused', async () => {
    useEvalStore.setState({ datasetId: null });
    server();
    renderApp('/evaluate/upload');
    const input = (await screen.findByTestId('file-upload-input', {}, { timeout: 5000 })) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['a,b\n1,2\n'], 'odd.csv', { type: 'text/csv' })] } });
    const error = await screen.findByTestId('file-upload-error');
    expect(error.textContent).toBe('Unrecognised data format: no metric_score or judgment column');
    expect(error.className).toContain('text-error');
    expect(screen.getByTestId('file-upload-zone').getAttribute('data-state')).toBe('error');
  });

  it('loads an example, reports the format and rows, pages the preview and links to the scorecard', async () => {
    const { calls } = server();
    renderApp('/evaluate/upload');
    fireEvent.click(await screen.findByTestId('example-model', {}, { timeout: 5000 }));
    expect(screen.getByTestId('db-import-button').textContent).toBe('Import from database');
    const panel = await screen.findByTestId('upload-success');
    expect(within(panel).getByText('Data Loaded Successfully')).toBeTruthy();
    expect(within(panel).getByTestId('upload-format').textContent).toBe('tree_format');
    expect(within(panel).getByTestId('upload-rows').textContent).toBe('280');
    expect(within(panel).getByTestId('continue-scorecard').getAttribute('href')).toBe('/evaluate/scorecard?dataset=ds-tree');
    expect(await screen.findByText('case_1_0')).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('preview-pagination')).getByText('2'));
    expect(await screen.findByText('case_2_0')).toBeTruthy();
    await waitFor(() => expect(useEvalStore.getState().datasetId).toBe('ds-tree'));
    expect(calls.filter((c) => c.path === '/api/datasets/ds-tree/rows').map((c) => c.params.get('page'))).toEqual(['1', '2']);
  });
});
