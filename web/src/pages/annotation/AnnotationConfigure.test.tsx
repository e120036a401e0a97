import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ANNOTATION_CONFIG_KEY, useAnnotationConfigStore } from '../../stores/annotationConfigStore';
import { useAnnotationStore } from '../../stores/annotationStore';
import { renderApp } from '../../test/renderApp';
import { serveApi } from '../evaluate/testServer';

const COLUMNS = ['dataset_id', 'query', 'actual_output', 'retrieved_context'].map((name) => ({ name, type: 'VARCHAR' }));
const DATASET = { id: 'rag', name: 'rag_cases.csv', kind: 'annotation', format: 'fresh_annotation', row_count: 1, columns: COLUMNS, created_at: '2025-05-01T00:00:00Z', source: 'upload' };
const ROW = { dataset_id: 'r1', query: 'What is the refund window?', actual_output: '30 days.', retrieved_context: 'Refunds are accepted within 30 days of purchase.' };

function server() {
  return serveApi(({ path, method }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets: [DATASET] } };
    if (path === '/api/datasets/rag/rows') return { body: { success: true, data: [ROW], total: 1, page: 1, page_size: 50, columns: COLUMNS } };
    if (path === '/api/annotations' && method === 'GET') return { body: { success: true, dataset_id: 'rag', annotations: [], progress: { total: 1, annotated: 0, accepted: 0, rejected: 0, rated: 0, flagged: 0 } } };
    return undefined;
  });
}

describe('annotation studio configure', { timeout: 20_000 }, () => {
  beforeEach(() => {
    useAnnotationStore.setState({ datasetId: null, indexByDataset: {} });
    useAnnotationConfigStore.setState({ byDataset: {} });
  });

  it('changes the columns on the card, the tag set and the rating scale, and keeps them for the dataset', async () => {
    server();
    renderApp('/annotation-studio');
    await screen.findByTestId('annotation-card', {}, { timeout: 5000 });
    expect(screen.getByTestId('annotation-column-query').textContent).toContain('What is the refund window?');
    expect(screen.queryByTestId('annotation-column-retrieved_context')).toBeNull();
    expect(within(screen.getByTestId('rating-scale')).getAllByRole('button').map((b) => b.textContent)).toEqual(['1', '2', '3', '4', '5']);

    fireEvent.click(screen.getByTestId('annotation-configure-open'));
    const dialog = screen.getByRole('dialog', { name: 'Configure the studio' });
    expect(within(dialog).getByText('dataset_id', { selector: 'code' })).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('configure-column-retrieved_context'));
    fireEvent.click(within(dialog).getByTestId('configure-column-query'));
    fireEvent.click(within(dialog).getByTestId('configure-preset-custom'));
    fireEvent.change(within(dialog).getByTestId('configure-custom-tags'), { target: { value: 'grounded, Missing Source' } });
    fireEvent.click(within(dialog).getByTestId('configure-rating-custom'));
    fireEvent.change(within(dialog).getByTestId('configure-rating-min'), { target: { value: '0' } });
    fireEvent.change(within(dialog).getByTestId('configure-rating-max'), { target: { value: '11' } });
    expect(within(dialog).getByText('The server keeps ratings from 0 to 10.')).toBeTruthy();
    expect((within(dialog).getByTestId('configure-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByTestId('configure-rating-max'), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByTestId('configure-save'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByTestId('annotation-column-query')).toBeNull();
    expect(screen.getByTestId('annotation-column-retrieved_context').textContent).toContain('Refunds are accepted within 30 days of purchase.');
    expect(screen.getByTestId('annotation-column-actual_output').textContent).toContain('To Evaluate');
    expect(within(screen.getByTestId('tag-editor')).getAllByRole('button', { pressed: false }).map((b) => b.textContent)).toEqual(['grounded', 'missing-source']);
    expect(within(screen.getByTestId('rating-scale')).getAllByRole('button').map((b) => b.textContent)).toEqual(['0', '1', '2', '3']);

    const stored = JSON.parse(localStorage.getItem(ANNOTATION_CONFIG_KEY) ?? '{}');
    expect(stored.state.byDataset.rag).toEqual({
      displayColumns: ['actual_output', 'retrieved_context'],
      tagPreset: 'custom',
      customTags: ['grounded', 'missing-source'],
      rating: { kind: 'range', min: 0, max: 3 },
    });
  });

  it('hides the rating when the scale is none, and Escape closes the dialog without saving', async () => {
    server();
    renderApp('/annotation-studio');
    await screen.findByTestId('annotation-card', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('annotation-configure-open'));
    fireEvent.click(screen.getByTestId('configure-rating-none'));
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('rating-scale')).toBeTruthy();

    fireEvent.click(screen.getByTestId('annotation-configure-open'));
    fireEvent.click(screen.getByTestId('configure-rating-none'));
    fireEvent.click(screen.getByTestId('configure-save'));
    await waitFor(() => expect(screen.queryByTestId('rating-scale')).toBeNull());
    expect(useAnnotationConfigStore.getState().byDataset.rag?.rating).toEqual({ kind: 'none' });
  });
});
