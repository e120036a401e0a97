import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { serveApi } from '../../pages/evaluate/testServer';
import { renderPanel } from '../../test/renderPanel';
import { CasesTable } from './CasesTable';

const COLUMNS = ['Case_ID', 'source_name', 'Business', 'outcome', 'reason', 'action', 'sentiment', 'Message_Count', 'Timestamp'].map((key) => ({ key, label: key.toUpperCase() }));
const ROW = { Case_ID: 'c-1', source_name: 'Atlas', Business: 'Acme', outcome: 'resolved', reason: 'none', action: 'none', sentiment: 'positive', Message_Count: 4, Timestamp: '2025-03-30T10:00:00Z' };
const WINDOW = { time_start: '2025-03-01T19:51:00Z', time_end: '2025-03-31T19:51:00Z' };

const headers = () => within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent);

function table(datasetId = 'hs1') {
  return <CasesTable datasetId={datasetId} filters={{}} timeWindow={WINDOW} columns={COLUMNS} colorMaps={{}} pageSize={10} onPageSize={() => undefined} onOpen={() => undefined} />;
}

describe('case table', () => {
  beforeEach(() => localStorage.clear());

  it('shows the first seven columns, sends the window, and keeps a picked set per dataset in localStorage', async () => {
    const { calls } = serveApi(({ path }) => (path === '/api/human-signals/cases' ? { body: { success: true, format: 'hitl_feedback', row_count: 1, total: 1, data: [ROW] } } : undefined));
    const first = renderPanel(table());
    await screen.findByTestId('signals-case-row');
    expect(headers()).toEqual(['CASE_ID', 'SOURCE_NAME', 'BUSINESS', 'OUTCOME', 'REASON', 'ACTION', 'SENTIMENT', 'Open']);
    const call = calls.find((c) => c.path === '/api/human-signals/cases')!;
    expect([call.params.get('time_start'), call.params.get('time_end')]).toEqual([WINDOW.time_start, WINDOW.time_end]);
    expect(screen.getByTestId('signals-column-picker').textContent).toContain('Columns (7/9)');
    fireEvent.click(screen.getByTestId('signals-column-Timestamp'));
    fireEvent.click(screen.getByTestId('signals-column-reason'));
    expect(headers()).toEqual(['CASE_ID', 'SOURCE_NAME', 'BUSINESS', 'OUTCOME', 'ACTION', 'SENTIMENT', 'TIMESTAMP', 'Open']);
    expect(JSON.parse(localStorage.getItem('axis-signals-columns:hs1')!)).toEqual(['Case_ID', 'source_name', 'Business', 'outcome', 'action', 'sentiment', 'Timestamp']);
    first.unmount();

    renderPanel(table());
    await screen.findByTestId('signals-case-row');
    expect(headers()).toContain('TIMESTAMP');
    expect(headers()).not.toContain('REASON');
    fireEvent.click(screen.getByTestId('signals-columns-reset'));
    expect(headers()).toHaveLength(8);
    expect(localStorage.getItem('axis-signals-columns:hs1')).toBeNull();
  });

  it('another dataset starts from the default, and the last column cannot be hidden', async () => {
    localStorage.setItem('axis-signals-columns:hs1', JSON.stringify(['Case_ID']));
    serveApi(({ path }) => (path === '/api/human-signals/cases' ? { body: { success: true, format: 'hitl_feedback', row_count: 1, total: 1, data: [ROW] } } : undefined));
    const first = renderPanel(table('hs2'));
    await screen.findByTestId('signals-case-row');
    expect(headers()).toHaveLength(8);
    first.unmount();
    renderPanel(table('hs1'));
    await screen.findByTestId('signals-case-row');
    expect(headers()).toEqual(['CASE_ID', 'Open']);
    expect((screen.getByTestId('signals-column-Case_ID') as HTMLInputElement).disabled).toBe(true);
  });

  it('shows the loading, empty and error states', async () => {
    let answer: { status?: number; body: unknown } = { body: { success: true, format: 'hitl_feedback', row_count: 0, total: 0, data: [] } };
    serveApi(({ path }) => (path === '/api/human-signals/cases' ? answer : undefined));
    const first = renderPanel(table());
    expect(screen.getByText('Loading cases…')).toBeTruthy();
    expect(await screen.findByText('No cases match the filters.')).toBeTruthy();
    first.unmount();
    answer = { status: 422, body: { detail: 'time_start: unreadable' } };
    renderPanel(table());
    await waitFor(() => expect(screen.getByTestId('error-block').textContent).toContain('time_start: unreadable'));
  });
});
