import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serveApi, type Call } from '../../pages/evaluate/testServer';
import { renderApp } from '../../test/renderApp';
import { progressText } from './SyncProgress';

const dataset = (over: Record<string, unknown> = {}) => ({
  state: 'ready',
  rows: 12345,
  last_sync: '2026-01-28T18:00:00Z',
  error: null,
  truncated: false,
  sync_type: 'incremental',
  last_incremental: null,
  incremental_rows: 0,
  refresh_interval_minutes: 15,
  incremental_column: 'updated_at',
  ...over,
});

const STATUS = {
  success: true,
  enabled: true,
  datasets: {
    monitoring_data: dataset({ watermarks: { monitoring_dataset: '2026-01-28T17:59:00Z', monitoring_results: null } }),
    human_signals_raw: dataset({ state: 'error', rows: 0, error: 'relation "signals" does not exist', watermarks: {} }),
    eval_data: dataset({ state: 'syncing', truncated: true, watermarks: { eval_dataset: null, eval_results: null },
      progress: { phase: 'reading', rows_read: 48213, bytes_read: 5_242_880 } }),
    kpi_data: dataset({ rows: 42, sync_type: 'full', incremental_column: null }),
  },
};

type Reply = { status?: number; body: unknown } | undefined;

function server(actions: (call: Call) => Reply = () => undefined, status: unknown = STATUS) {
  return serveApi((call) => {
    if (call.path === '/api/store/status') return { body: status };
    if (call.method === 'POST') return actions(call) ?? { body: { success: true, message: 'Sync started' } };
    return undefined;
  });
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST').map((c) => `${c.path}${c.params.size ? `?${c.params}` : ''}`);

describe('data sources card', { timeout: 20_000 }, () => {
  it('shows one row per dataset with its state, rows, error, truncation and watermarks', async () => {
    server();
    renderApp('/settings');
    const card = await screen.findByTestId('data-sources-card');
    await waitFor(() => expect(screen.getByTestId('data-source-rows-monitoring').textContent).toBe((12345).toLocaleString()));
    expect([...card.querySelectorAll('li')].map((li) => li.getAttribute('data-testid'))).toEqual([
      'data-source-row-monitoring',
      'data-source-row-human_signals',
      'data-source-row-eval',
      'data-source-row-kpi',
    ]);
    expect(within(screen.getByTestId('data-source-row-human_signals')).getByText('Human Signals')).toBeTruthy();
    expect(screen.getByTestId('data-source-state-monitoring').textContent).toBe('ready');
    expect(screen.getByTestId('data-source-state-human_signals').textContent).toBe('error');
    expect(screen.getByTestId('data-source-state-eval').textContent).toBe('syncing');
    expect(screen.getByTestId('data-source-rows-kpi').textContent).toBe('42');
    expect(screen.getByTestId('data-source-error-human_signals').textContent).toBe('relation "signals" does not exist');
    expect(screen.queryByTestId('data-source-error-monitoring')).toBeNull();
    expect(screen.getByTestId('data-source-truncated-eval')).toBeTruthy();
    expect(screen.queryByTestId('data-source-truncated-monitoring')).toBeNull();
    expect(screen.getByTestId('data-source-column-monitoring').textContent).toBe('updated_at');
    expect(screen.getByTestId('data-source-watermark-monitoring-monitoring_dataset').textContent).toBe('2026-01-28T17:59:00Z');
    expect(screen.getByTestId('data-source-watermark-monitoring-monitoring_results').textContent).toBe('—');
    expect(screen.getByTestId('data-source-sync-type-kpi').textContent).toContain('full');
    expect(screen.queryByTestId('data-source-watermarks-kpi')).toBeNull();
  });

  it('disables a syncing row and hides Reset watermark for kpi', async () => {
    server();
    renderApp('/settings');
    await screen.findByTestId('data-source-row-kpi');
    expect((screen.getByTestId('data-source-sync-eval') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('data-source-full-eval') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('data-source-reset-eval') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('data-source-sync-monitoring') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByTestId('data-source-full-kpi')).toBeTruthy();
    expect(screen.queryByTestId('data-source-reset-kpi')).toBeNull();
    expect((screen.getByTestId('data-sources-sync-all') as HTMLButtonElement).disabled).toBe(true);
    // The syncing row shows its phase and the rows read so far; the others no progress.
    const progress = screen.getByTestId('data-source-progress-eval');
    expect(within(progress).getByRole('progressbar', { name: 'Syncing eval' })).toBeTruthy();
    expect(progress.textContent).toBe(`Copying from PostgreSQL · ${(48213).toLocaleString()} rows (5.0 MB) so far · running for 0 s · the previous ${(12345).toLocaleString()} rows are served until it ends`);
    expect(screen.queryByTestId('data-source-progress-monitoring')).toBeNull();
  });

  it('POSTs full=true for Full resync and full=false for Sync now, then refreshes the status', async () => {
    const { calls } = server();
    renderApp('/settings');
    fireEvent.click(await screen.findByTestId('data-source-full-monitoring'));
    await waitFor(() => expect(posts(calls)).toEqual(['/api/store/sync/monitoring?full=true']));
    expect((await screen.findByTestId('data-source-message-monitoring')).textContent).toBe('Sync started');
    const before = calls.filter((c) => c.path === '/api/store/status').length;
    fireEvent.click(screen.getByTestId('data-source-sync-kpi'));
    await waitFor(() => expect(posts(calls)).toEqual(['/api/store/sync/monitoring?full=true', '/api/store/sync/kpi?full=false']));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/store/status').length).toBeGreaterThan(before));
  });

  it('POSTs the reset URL and shows the returned message', async () => {
    const message = 'Watermarks of monitoring cleared. Next sync will do a full rebuild.';
    const { calls } = server((call) =>
      call.path === '/api/store/sync/monitoring/reset-watermark' ? { body: { success: true, message } } : undefined,
    );
    renderApp('/settings');
    fireEvent.click(await screen.findByTestId('data-source-reset-monitoring'));
    await waitFor(() => expect(screen.getByTestId('data-source-message-monitoring').textContent).toBe(message));
    expect(posts(calls)).toEqual(['/api/store/sync/monitoring/reset-watermark']);
  });

  it('shows a reset that found no split tables as a warning', async () => {
    server((call) =>
      call.path === '/api/store/sync/eval/reset-watermark' ? { body: { success: false, message: 'No split tables found for eval' } } : undefined,
      { ...STATUS, datasets: { ...STATUS.datasets, eval_data: dataset({ watermarks: {} }) } },
    );
    renderApp('/settings');
    fireEvent.click(await screen.findByTestId('data-source-reset-eval'));
    const msg = await screen.findByTestId('data-source-message-eval');
    expect(msg.textContent).toBe('No split tables found for eval');
    expect(msg.className).toContain('text-warning');
  });

  it('polls the status every 2 s while a dataset is syncing', async () => {
    let polls = 0;
    const { calls } = serveApi((call) => {
      if (call.path !== '/api/store/status') return undefined;
      polls += 1;
      const state = polls === 1 ? 'syncing' : 'ready';
      return { body: { ...STATUS, datasets: { kpi_data: dataset({ state, rows: polls === 1 ? 0 : 900 }) } } };
    });
    renderApp('/settings');
    await waitFor(() => expect(screen.getByTestId('data-source-state-kpi').textContent).toBe('syncing'));
    await waitFor(() => expect(screen.getByTestId('data-source-state-kpi').textContent).toBe('ready'), { timeout: 4000 });
    expect(screen.getByTestId('data-source-rows-kpi').textContent).toBe('900');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('shows a 409 detail inline in that row only', async () => {
    server((call) =>
      call.path === '/api/store/sync/monitoring' ? { status: 409, body: { detail: 'monitoring is already syncing' } } : undefined,
    );
    renderApp('/settings');
    fireEvent.click(await screen.findByTestId('data-source-sync-monitoring'));
    const msg = await screen.findByTestId('data-source-message-monitoring');
    expect(msg.textContent).toBe('monitoring is already syncing');
    expect(msg.className).toContain('text-error');
    expect(screen.queryByTestId('data-source-message-kpi')).toBeNull();
  });

  it('starts every dataset with Sync all', async () => {
    const idle = { ...STATUS, datasets: { ...STATUS.datasets, eval_data: dataset({ watermarks: {} }) } };
    const { calls } = server(undefined, idle);
    renderApp('/settings');
    const button = await screen.findByTestId('data-sources-sync-all');
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(posts(calls)).toEqual(['/api/store/sync?full=false']));
    expect((await screen.findByTestId('data-sources-message')).textContent).toBe('Sync started');
  });

  it('says the store is disabled when enabled is false', async () => {
    server(undefined, { success: true, enabled: false, datasets: {} });
    renderApp('/settings');
    expect((await screen.findByTestId('data-sources-disabled')).textContent).toMatch(/The store is disabled/);
    expect(screen.queryByTestId('data-sources-sync-all')).toBeNull();
    expect(screen.queryByTestId('data-source-row-monitoring')).toBeNull();
  });
});

describe('progressText', () => {
  it('names each phase of a running sync with the rows read so far', () => {
    expect(progressText(undefined)).toBe('Starting');
    expect(progressText({ phase: 'waiting', rows_read: 0, bytes_read: 0 })).toBe('Waiting for another dataset’s sync to finish');
    expect(progressText({ phase: 'reading', rows_read: 1500, bytes_read: 512 })).toBe(`Copying from PostgreSQL · ${(1500).toLocaleString()} rows (512 B) so far`);
    expect(progressText({ phase: 'loading', rows_read: 1500, bytes_read: 5_242_880 })).toBe(`Loading ${(1500).toLocaleString()} rows (5.0 MB) into the store`);
  });
});
