import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { serveApi } from '../../pages/evaluate/testServer';
import { DB_CONFIG, MON_DATASET } from '../../test/monitoringFixtures';
import { renderPanel } from '../../test/renderPanel';
import { MonitoringDbImport } from './MonitoringDbImport';

const CONNECTION = { host: 'db.internal', port: 5432, database: 'traces', username: 'axis', ssl_mode: 'prefer', schema: 'public', table: 'records', has_url: false };
const IMPORTED = { body: { success: true, format: 'monitoring', row_count: 120, dataset_id: 'mon1', dataset: MON_DATASET, message: 'Imported 120 rows' } };

describe('monitoring database import', () => {
  it('shows nothing when no source is configured', async () => {
    const { calls } = serveApi(({ path }) => (path === '/api/monitoring/db-config' ? { body: DB_CONFIG } : undefined));
    const { container } = renderPanel(<MonitoringDbImport onImported={() => undefined} />);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/monitoring/db-config')).toBe(true));
    expect(container.textContent).toBe('');
  });

  it('offers the import of a configured source, shows progress, then hands over the new dataset', async () => {
    let finish: (v: { body: unknown }) => void = () => undefined;
    const pending = new Promise<{ body: unknown }>((r) => (finish = r));
    const onImported = vi.fn();
    const { calls } = serveApi(({ path }) => (path === '/api/monitoring/db-config' ? { body: { ...DB_CONFIG, configured: true, has_query: true, connection: CONNECTION } } : undefined));
    // The import answers once the test releases it, so the progress can be seen first.
    const fetchMock = globalThis.fetch as unknown as ReturnType<typeof vi.fn>;
    const inner = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/api/monitoring/db-import')) {
        calls.push({ method: init?.method ?? 'GET', path: '/api/monitoring/db-import', params: new URLSearchParams(), body: undefined, signal: null });
        const answer = await pending;
        return new Response(JSON.stringify(answer.body), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return inner(input, init);
    });
    renderPanel(<MonitoringDbImport onImported={onImported} />);
    const box = await screen.findByTestId('monitoring-db-import');
    expect(box.getAttribute('data-auto')).toBe('false');
    expect(box.textContent).toContain('db.internal/traces (records)');
    fireEvent.click(screen.getByTestId('monitoring-db-import-start'));
    expect((await screen.findByTestId('monitoring-db-import-progress')).textContent).toContain('Importing up to 10,000 rows');
    expect(calls.filter((c) => c.path === '/api/monitoring/db-import').map((c) => c.method)).toEqual(['POST']);
    finish(IMPORTED);
    expect((await screen.findByTestId('monitoring-db-import-done')).textContent).toBe('Imported 120 rows');
    expect(onImported).toHaveBeenCalledWith('mon1');
  });

  it('starts by itself with auto_load, names the failure and retries', async () => {
    let answer: { status?: number; body: unknown } = { status: 500, body: { detail: 'Import failed: connection refused' } };
    const onImported = vi.fn();
    const { calls } = serveApi(({ path }) => {
      if (path === '/api/monitoring/db-config') return { body: { ...DB_CONFIG, configured: true, auto_load: true, has_query: true, connection: CONNECTION } };
      if (path === '/api/monitoring/db-import') return answer;
      return undefined;
    });
    renderPanel(<MonitoringDbImport onImported={onImported} />);
    expect((await screen.findByTestId('monitoring-db-import-error')).textContent).toContain('Import failed: connection refused');
    expect(screen.getByTestId('monitoring-db-import').getAttribute('data-auto')).toBe('true');
    expect(calls.filter((c) => c.path === '/api/monitoring/db-import')).toHaveLength(1);
    answer = IMPORTED;
    fireEvent.click(screen.getByTestId('monitoring-db-import-retry'));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith('mon1'));
    expect(calls.filter((c) => c.path === '/api/monitoring/db-import')).toHaveLength(2);
  });
});
