import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_SUMMARY, memoryServer, UPLOAD } from '../../test/memoryFixtures';
import { renderApp } from '../../test/renderApp';
import type { MemorySummary } from '../../lib/memory/types';
import type { Call } from '../evaluate/testServer';

vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const rowIds = () => screen.getAllByTestId(/^rule-row-/).map((r) => r.getAttribute('data-testid')!.slice('rule-row-'.length));
const last = (calls: Call[], path: string, method = 'GET') => [...calls].reverse().find((c) => c.path === path && c.method === method);

async function openPage(path = '/memory') {
  renderApp(path);
  await screen.findByTestId('rules-table', {}, { timeout: 5000 });
}

describe('memory page', { timeout: 20_000 }, () => {
  it('shows the KPIs, both charts, the conflict banner and the first 15 rules sorted by name', async () => {
    memoryServer();
    await openPage();
    expect(screen.getByTestId('memory-kpi-rules-value').textContent).toBe('17');
    expect(screen.getByTestId('memory-kpi-risk-factors-value').textContent).toBe('5');
    expect(screen.getByTestId('memory-kpi-mitigants-value').textContent).toBe('3');
    expect(screen.getByTestId('memory-kpi-hard-stops-value').textContent).toBe('2');
    expect(screen.getByTestId('memory-by-action').getAttribute('aria-label')).toBe('Rules by action: verify 13, decline 2, refer 1, approve_with_conditions 1');
    expect(screen.getByTestId('memory-by-product').getAttribute('aria-label')).toBe('Rules by product: Auto 14, Mortgage 3');
    expect(screen.getByTestId('memory-product-total').textContent).toBe('17');
    expect(screen.getByTestId('memory-conflicts-title').textContent).toBe('1 conflict between rules');
    expect(screen.getByTestId('memory-conflict').textContent).toContain("Risk factor 'High DTI' has contradictory actions: decline, refer");
    expect(screen.getByTestId('rules-count').textContent).toBe('17 rules');
    expect(rowIds()).toEqual(['r5', 'r4', 'r1', 'f01', 'f02', 'f03', 'f04', 'f05', 'f06', 'f07', 'f08', 'f09', 'f10', 'f11', 'f12']);
    expect(screen.getByTestId('rule-row-r1').getAttribute('data-conflict')).toBe('true');
    expect(screen.getByTestId('rule-row-r4').getAttribute('data-conflict')).toBe('false');
    expect(within(screen.getByTestId('rule-row-r1')).getByTestId('action-chip').textContent).toBe('decline');
    fireEvent.click(screen.getByRole('button', { name: '2' }));
    expect(rowIds()).toEqual(['r2', 'r3']);
    expect(screen.getByTestId('rule-row-r2').getAttribute('data-conflict')).toBe('true');
  });

  it('sorts by a column, filters on the server by a role and on the page by agent', async () => {
    const { calls } = memoryServer();
    await openPage();
    fireEvent.click(screen.getByTestId('rules-sort-name'));
    expect(rowIds().slice(0, 3)).toEqual(['r3', 'r2', 'f12']);
    const action = screen.getByTestId('rules-filter-action');
    expect([...action.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['All', 'approve_with_conditions', 'decline', 'refer', 'verify']);
    fireEvent.change(action, { target: { value: 'decline' } });
    await waitFor(() => expect(rowIds()).toEqual(['r1', 'r4']));
    expect(last(calls, '/api/memory/rules')?.params.get('action')).toBe('decline');
    fireEvent.change(screen.getByTestId('memory-agent'), { target: { value: 'beta' } });
    expect(rowIds()).toEqual(['r4']);
    expect(screen.getByTestId('rules-count').textContent).toBe('1 rule');
  });

  it('reads the agent filter from the address, so a filtered view can be shared', async () => {
    memoryServer();
    await openPage('/memory?agent=beta');
    expect((screen.getByTestId('memory-agent') as HTMLSelectElement).value).toBe('beta');
    // beta's two rules (r4 "Decline fraud flag", r3 "Verify income gap"), sorted by name.
    await waitFor(() => expect(screen.getByTestId('rules-count').textContent).toBe('2 rules'));
    expect(rowIds()).toEqual(['r4', 'r3']);
  });

  it('opens a row to its decision path from /trace', async () => {
    const { calls } = memoryServer();
    await openPage();
    fireEvent.click(screen.getByTestId('rule-expand-r1'));
    await screen.findByTestId('decision-path');
    expect(last(calls, '/api/memory/trace')?.params.get('rule_id')).toBe('r1');
    expect(screen.getByTestId('path-risk-factor').textContent).toBe('High DTI');
    expect(screen.getByTestId('path-rule').textContent).toBe('Decline high DTI');
    expect(screen.getByTestId('path-action').textContent).toBe('decline');
    expect(screen.getByTestId('path-outcome').textContent).toBe('Application declined');
    expect(screen.getByTestId('path-threshold').textContent).toBe('hard · DTI > 50%');
    expect(screen.getByTestId('path-mitigants').textContent).toBe('none');
  });

  it('adds, edits and deletes a rule through the server', async () => {
    const { calls } = memoryServer();
    await openPage();
    fireEvent.click(screen.getByTestId('rule-add'));
    fireEvent.click(screen.getByTestId('rule-form-save'));
    expect(screen.getByTestId('rule-form-missing').textContent).toBe('Required: Name, Action');
    fireEvent.change(screen.getByTestId('rule-field-name'), { target: { value: '  Aardvark check ' } });
    fireEvent.change(screen.getByTestId('rule-field-action'), { target: { value: 'refer' } });
    fireEvent.change(screen.getByTestId('rule-field-group_by'), { target: { value: 'Thin file' } });
    fireEvent.change(screen.getByTestId('rule-field-mitigants'), { target: { value: 'Co-signer\n\n Guarantor ' } });
    fireEvent.click(screen.getByTestId('rule-form-save'));
    await waitFor(() => expect(screen.queryByTestId('rule-form')).toBeNull());
    expect(last(calls, '/api/memory/rules', 'POST')?.body).toEqual({
      name: 'Aardvark check',
      action: 'refer',
      group_by: 'Thin file',
      category: '',
      product: '',
      agent: '',
      threshold_type: '',
      threshold_value: '',
      description: '',
      mitigants: ['Co-signer', 'Guarantor'],
    });
    await waitFor(() => expect(rowIds()[0]).toBe('new-1'));
    expect(screen.getByTestId('rules-count').textContent).toBe('18 rules');

    fireEvent.click(screen.getByTestId('rule-edit-r5'));
    expect((screen.getByTestId('rule-field-name') as HTMLInputElement).value).toBe('Approve stable employment');
    fireEvent.change(screen.getByTestId('rule-field-action'), { target: { value: 'approve' } });
    fireEvent.click(screen.getByTestId('rule-form-save'));
    await waitFor(() => expect(screen.queryByTestId('rule-form')).toBeNull());
    const put = last(calls, '/api/memory/rules/r5', 'PUT');
    expect((put?.body as { action: string; name: string }).action).toBe('approve');
    expect((put?.body as { action: string; name: string }).name).toBe('Approve stable employment');
    await waitFor(() => expect(within(screen.getByTestId('rule-row-r5')).getByTestId('action-chip').textContent).toBe('approve'));

    fireEvent.click(screen.getByTestId('rule-delete-r4'));
    fireEvent.click(screen.getByTestId('rule-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('rule-row-r4')).toBeNull());
    expect(last(calls, '/api/memory/rules/r4', 'DELETE')).toBeTruthy();
    expect(screen.getByTestId('rules-count').textContent).toBe('17 rules');
  });

  it('shows the quality columns with soft thresholds, the hard stops and the batches', async () => {
    memoryServer();
    await openPage();
    fireEvent.click(screen.getByTestId('memory-tab-quality'));
    await screen.findByTestId('quality-tab');
    expect(screen.getByTestId('quality-aligned-count').textContent).toBe('3');
    expect(screen.getByTestId('quality-divergent-count').textContent).toBe('1');
    expect(screen.getByTestId('quality-partial-count').textContent).toBe('13');
    expect(screen.getAllByTestId('soft-threshold-value').map((e) => e.textContent)).toEqual(['High DTI: DTI > 43%', 'Income gap: gap > 6 months']);
    fireEvent.change(screen.getByTestId('memory-agent'), { target: { value: 'alpha' } });
    expect(screen.getByTestId('quality-aligned-count').textContent).toBe('2');
    expect(screen.getByTestId('quality-partial-count').textContent).toBe('0');

    fireEvent.click(screen.getByTestId('memory-tab-hard-stops'));
    await screen.findByTestId('hard-stops-tab');
    expect(screen.getAllByTestId('hard-stop-card').map((c) => c.querySelector('h3')?.textContent)).toEqual(['Decline high DTI']);
    fireEvent.change(screen.getByTestId('memory-agent'), { target: { value: '' } });
    expect(screen.getAllByTestId('hard-stop-card').map((c) => c.querySelector('h3')?.textContent)).toEqual(['Decline high DTI', 'Decline fraud flag']);

    fireEvent.click(screen.getByTestId('memory-tab-batches'));
    const b2 = await screen.findByTestId('batch-b2');
    expect(within(b2).getByTestId('batch-count').textContent).toBe('2 rules');
    expect(within(b2).getByTestId('batch-bar-pending').style.width).toBe('50%');
    expect(within(b2).getByTestId('batch-bar-failed').style.width).toBe('50%');
    expect(within(b2).queryByTestId('batch-bar-ingested')).toBeNull();
    expect(within(b2).getByTestId('batch-statuses').textContent).toBe('Ingested 0Pending 1Failed 1');
    expect(within(screen.getByTestId('batch-b1')).getByTestId('batch-bar-ingested').style.width).toBe('100%');
  });

  it('offers the upload when no rules are held, loads the example and then shows the rules', async () => {
    let summary: MemorySummary = EMPTY_SUMMARY;
    const { calls } = memoryServer({ extra: (c) => (c.path === '/api/memory/summary' ? { body: summary } : undefined) });
    renderApp('/memory');
    await screen.findByTestId('memory-setup', {}, { timeout: 5000 });
    expect(screen.queryByTestId('memory-summary')).toBeNull();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Knowledge Graph']);
    summary = UPLOAD.summary;
    fireEvent.click(screen.getByTestId('example-rules'));
    await screen.findByTestId('rules-table', {}, { timeout: 5000 });
    expect(last(calls, '/api/memory/example')).toBeTruthy();
    expect(screen.getByTestId('memory-kpi-rules-value').textContent).toBe('17');
    fireEvent.click(screen.getByTestId('memory-start-over'));
    expect(screen.getByTestId('memory-setup')).toBeTruthy();
  });

  it('uploads a rules CSV as the multipart field file', async () => {
    let summary: MemorySummary = EMPTY_SUMMARY;
    let sent: FormData | null = null;
    memoryServer({ extra: (c) => (c.path === '/api/memory/summary' ? { body: summary } : undefined) });
    const fetchMock = vi.mocked(fetch);
    const inner = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
      if (url.pathname === '/api/memory/upload') {
        sent = init?.body as FormData;
        summary = UPLOAD.summary;
        return new Response(JSON.stringify(UPLOAD), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return inner(input, init);
    });
    renderApp('/memory');
    const input = await screen.findByTestId('memory-upload-input', {}, { timeout: 5000 });
    const file = new File(['id,rule_name,action,batch_id,ingestion_status\n'], 'rules.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    await screen.findByTestId('rules-table', {}, { timeout: 5000 });
    expect((sent as FormData | null)?.get('file')).toBeInstanceOf(File);
    expect(((sent as FormData | null)?.get('file') as File).name).toBe('rules.csv');
    expect(screen.getByTestId('memory-kpi-rules-value').textContent).toBe('17');
  });

  it('shows the message of an upload the server refused', async () => {
    memoryServer({
      summary: EMPTY_SUMMARY,
      extra: (c) =>
        c.path === '/api/memory/example'
          ? { body: { ...UPLOAD, success: false, data: [], row_count: 0, message: "Missing required columns: 'batch_id' (for role 'batch')" } }
          : undefined,
    });
    renderApp('/memory');
    fireEvent.click(await screen.findByTestId('example-rules', {}, { timeout: 5000 }));
    expect((await screen.findByTestId('memory-upload-error')).textContent).toBe("Missing required columns: 'batch_id' (for role 'batch')");
  });

  it('says so when the memory plugin is turned off', async () => {
    memoryServer({
      extra: (c) =>
        c.path === '/api/config/plugins'
          ? { body: { plugins: [{ name: 'memory', version: '0.1.0', api_version: 1, description: '', nav: [], enabled: false, error: null }] } }
          : undefined,
    });
    renderApp('/memory');
    expect((await screen.findByTestId('plugin-unavailable', {}, { timeout: 5000 })).textContent).toContain('The Memory plugin is turned off on this server');
    expect(screen.getByRole('heading', { level: 1, name: 'Memory' })).toBeTruthy();
  });
});
