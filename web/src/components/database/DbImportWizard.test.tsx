import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS } from '../../lib/monitoring/filters';
import { useEvalStore } from '../../stores/evalStore';
import { useMonitoringStore } from '../../stores/monitoringStore';
import { EVAL_DATASET, MON_DATASET, monitoringServer } from '../../test/monitoringFixtures';
import { renderApp } from '../../test/renderApp';
import { serveApi, TREE_DATASET, type Call, type Handler } from '../../pages/evaluate/testServer';

vi.mock('../charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const DEFAULTS = {
  url: null,
  host: 'db.internal',
  port: 5432,
  database: 'traces',
  username: 'axis',
  has_password: true,
  ssl_mode: 'prefer',
  table: 'records',
  has_defaults: true,
  tables: ['public.records'],
  filters: [{ column: 'environment', label: 'Environment' }],
  column_rename_map: { trace_id: 'dataset_id' },
  query: null,
  query_timeout: 30,
  row_limit: 10000,
};

const TABLES = [
  { schema_name: 'public', name: 'records', row_count_estimate: 1200 },
  { schema_name: 'audit', name: 'events', row_count_estimate: 5 },
];

const SCHEMA = {
  success: true,
  columns: [
    { name: 'trace_id', data_type: 'text', nullable: false },
    { name: 'environment', data_type: 'text', nullable: true },
    { name: 'score', data_type: 'double precision', nullable: true },
    { name: 'secret', data_type: 'text', nullable: true },
  ],
  sample_values: { trace_id: ['t-1', 't-2'], environment: ['prod'], score: [0.9, 0.4] },
};

const RECORDS = { schema_name: 'public', name: 'records' };
const MAPPINGS = [
  { source: 'trace_id', target: 'dataset_id' },
  { source: 'environment', target: 'environment' },
  { source: 'score', target: 'accuracy_score' },
];

const find = (calls: Call[], method: string, path: string) => calls.filter((c) => c.method === method && c.path === path);

/** The database routes; `connect` decides the answer to each connect body. */
function databaseRoutes(connect: (body: Record<string, unknown>) => { status?: number; body: unknown }, extra: Handler = () => undefined): Handler {
  return (call) => {
    const { method, path, body } = call;
    const hit = extra(call);
    if (hit) return hit;
    if (path === '/api/database/defaults') return { body: DEFAULTS };
    if (path === '/api/database/connect' && method === 'POST') return connect(body as Record<string, unknown>);
    if (path === '/api/database/h-1' && method === 'DELETE') return { body: { success: true, message: 'Disconnected' } };
    if (path === '/api/database/h-1/tables') return { body: { success: true, tables: TABLES } };
    if (path === '/api/database/h-1/schema') return { body: SCHEMA };
    if (path === '/api/database/h-1/distinct-values') return { body: { success: true, values: ['prod', 'staging', null] } };
    if (path === '/api/database/h-1/preview') return { body: { success: true, data: [{ dataset_id: 't-1', environment: 'prod', accuracy_score: 0.9 }], row_count: 1 } };
    return undefined;
  };
}

const connected = () => ({ body: { success: true, handle: 'h-1', message: 'Connected to PostgreSQL 16.2', version: '16.2' } });

async function openWizard() {
  fireEvent.click(await screen.findByTestId('db-import-button', {}, { timeout: 5000 }));
  const modal = await screen.findByTestId('db-import-modal');
  await within(modal).findByTestId('db-connect-host');
  return modal;
}

describe('import from database', { timeout: 20_000 }, () => {
  beforeEach(() => {
    useMonitoringStore.setState({ datasetId: null, filters: EMPTY_FILTERS, granularity: 'daily' });
    useEvalStore.setState({ datasetId: null });
  });

  it('prefills the connection, shows the server detail on failure and sends the masked password when one is configured', async () => {
    const { calls } = monitoringServer(
      [EVAL_DATASET],
      databaseRoutes((body) => {
        if (body.host === '') return { status: 422, body: { detail: [{ loc: ['body', 'host'], msg: 'String should have at least 1 character', type: 'string_too_short' }] } };
        if (body.password !== '********') return { status: 400, body: { detail: 'Authentication failed: check the username and password' } };
        return connected();
      }),
    );
    renderApp('/monitoring');
    await openWizard();
    expect(find(calls, 'GET', '/api/database/defaults')[0]?.params.get('store')).toBe('monitoring');
    const host = screen.getByTestId('db-connect-host') as HTMLInputElement;
    expect(host.value).toBe('db.internal');
    expect((screen.getByTestId('db-connect-ssl') as HTMLSelectElement).value).toBe('prefer');
    expect((screen.getByTestId('db-connect-password') as HTMLInputElement).value).toBe('');

    fireEvent.change(host, { target: { value: '' } });
    fireEvent.click(screen.getByTestId('db-connect-submit'));
    expect((await screen.findByTestId('db-connect-error')).textContent).toBe('host: String should have at least 1 character');

    fireEvent.change(host, { target: { value: 'db.other' } });
    fireEvent.change(screen.getByTestId('db-connect-password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByTestId('db-connect-submit'));
    await waitFor(() => expect(screen.getByTestId('db-connect-error').textContent).toBe('Authentication failed: check the username and password'));

    fireEvent.change(screen.getByTestId('db-connect-password'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('db-connect-submit'));
    expect(await screen.findByTestId('db-table-public.records')).toBeTruthy();
    const sent = find(calls, 'POST', '/api/database/connect');
    expect(sent).toHaveLength(3);
    expect(sent[2]!.params.get('store')).toBe('monitoring');
    expect(sent[2]!.body).toEqual({ host: 'db.other', port: 5432, database: 'traces', username: 'axis', password: '********', ssl_mode: 'prefer', db_type: 'postgres' });
    expect(sent[1]!.body).toMatchObject({ password: 'wrong' });
  });

  it('maps and filters a table, previews and imports it, then selects the new monitoring dataset and closes the handle', async () => {
    const datasets: unknown[] = [EVAL_DATASET];
    const { calls } = monitoringServer(
      datasets,
      databaseRoutes(connected, ({ method, path }) => {
        if (path === '/api/database/h-1/import' && method === 'POST') {
          datasets.push(MON_DATASET);
          return { body: { success: true, dataset_id: 'mon1', dataset: MON_DATASET, format: 'monitoring', row_count: 120, message: 'Imported 120 rows from public.records' } };
        }
        return undefined;
      }),
    );
    renderApp('/monitoring');
    expect(await screen.findByTestId('monitoring-empty', {}, { timeout: 5000 })).toBeTruthy();
    await openWizard();
    fireEvent.click(screen.getByTestId('db-connect-submit'));
    expect(await screen.findByText('configured')).toBeTruthy();
    fireEvent.change(screen.getByTestId('db-table-search'), { target: { value: 'aud' } });
    expect(screen.queryByTestId('db-table-public.records')).toBeNull();
    expect(screen.getByTestId('db-table-audit.events')).toBeTruthy();
    fireEvent.change(screen.getByTestId('db-table-search'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('db-table-public.records'));

    const target = (await screen.findByTestId('db-column-target-trace_id')) as HTMLInputElement;
    const schemaCall = find(calls, 'GET', '/api/database/h-1/schema')[0]!;
    expect([schemaCall.params.get('schema'), schemaCall.params.get('table')]).toEqual(['public', 'records']);
    expect(target.value).toBe('dataset_id');
    expect((screen.getByTestId('db-column-target-score') as HTMLInputElement).value).toBe('score');
    expect(screen.getByTestId('db-mapping').textContent).toContain('0.9, 0.4');
    fireEvent.click(screen.getByTestId('db-column-include-secret'));
    fireEvent.change(screen.getByTestId('db-column-target-score'), { target: { value: 'accuracy_score' } });

    fireEvent.click(screen.getByTestId('db-filter-add'));
    expect((screen.getByTestId('db-filter-column-0') as HTMLSelectElement).value).toBe('environment');
    await waitFor(() => expect([...screen.getByTestId('db-filter-values-0').querySelectorAll('option')].map((o) => o.value)).toEqual(['prod', 'staging']));
    expect(find(calls, 'POST', '/api/database/h-1/distinct-values')[0]!.body).toEqual({ table: RECORDS, column: 'environment', limit: 100 });
    fireEvent.change(screen.getByTestId('db-filter-value-0'), { target: { value: 'prod' } });
    fireEvent.click(screen.getByTestId('db-filter-add'));

    fireEvent.click(screen.getByTestId('db-preview-button'));
    const table = await screen.findByTestId('db-preview-table');
    expect(within(table).getByText('t-1')).toBeTruthy();
    expect(find(calls, 'POST', '/api/database/h-1/preview')[0]!.body).toEqual({ table: RECORDS, mappings: MAPPINGS, filters: [{ column: 'environment', value: 'prod' }], limit: 10 });

    const limit = screen.getByTestId('db-import-limit') as HTMLInputElement;
    expect(limit.value).toBe('10000');
    fireEvent.change(limit, { target: { value: '20000' } });
    expect((screen.getByTestId('db-import-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(limit, { target: { value: '5000' } });
    const listedBefore = find(calls, 'GET', '/api/datasets').length;
    fireEvent.click(screen.getByTestId('db-import-submit'));

    expect((await screen.findByTestId('db-import-message')).textContent).toBe('Imported 120 rows from public.records');
    expect(find(calls, 'POST', '/api/database/h-1/import')[0]!.body).toEqual({
      handle: 'h-1',
      table: RECORDS,
      mappings: MAPPINGS,
      filters: [{ column: 'environment', value: 'prod' }],
      limit: 5000,
      dedupe_on_id: true,
    });
    expect(screen.queryByTestId('db-import-modal')).toBeNull();
    await waitFor(() => expect(useMonitoringStore.getState().datasetId).toBe('mon1'));
    await waitFor(() => expect(screen.getByTestId('kpi-records-value').textContent).toBe('360'), { timeout: 5000 });
    expect(find(calls, 'GET', '/api/datasets').length).toBeGreaterThan(listedBefore);
    await waitFor(() => expect(find(calls, 'DELETE', '/api/database/h-1')).toHaveLength(1));
    expect(screen.getByTestId('db-import-message')).toBeTruthy();
  });

  it('shows a refused SQL query, then imports a SELECT into the evaluation data and selects it', async () => {
    const datasets: unknown[] = [];
    const { calls } = serveApi(
      databaseRoutes(connected, ({ method, path, body }) => {
        if (path === '/api/datasets') return { body: { success: true, datasets } };
        if (path === '/api/database/defaults') return { body: { ...DEFAULTS, has_password: false, ssl_mode: null, query: 'SELECT * FROM eval_results' } };
        if (path === '/api/database/h-1/query') {
          const sql = (body as { query: string }).query;
          if (sql.startsWith('DELETE')) return { status: 422, body: { detail: 'Only one read-only SELECT is allowed' } };
          return { body: { success: true, data: [{ dataset_id: 'c1', metric_name: 'faithfulness', metric_score: 0.8 }], row_count: 1 } };
        }
        if (path === '/api/database/h-1/query-import' && method === 'POST') {
          datasets.push(TREE_DATASET);
          return { body: { success: true, dataset_id: 'ds-tree', dataset: TREE_DATASET, format: 'tree_format', row_count: 280, message: 'Imported 280 rows' } };
        }
        if (path === '/api/datasets/ds-tree/rows') return { body: { success: true, data: [], total: 0, page: 1, page_size: 10 } };
        return undefined;
      }),
    );
    renderApp('/evaluate/upload');
    await openWizard();
    expect(find(calls, 'GET', '/api/database/defaults')[0]?.params.get('store')).toBe('data');
    expect((screen.getByTestId('db-connect-ssl') as HTMLSelectElement).value).toBe('require');
    fireEvent.change(screen.getByTestId('db-connect-password'), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByTestId('db-connect-submit'));
    fireEvent.click(await screen.findByTestId('db-mode-sql'));
    const input = screen.getByTestId('db-sql-input') as HTMLTextAreaElement;
    expect(input.value).toBe('SELECT * FROM eval_results');
    expect(find(calls, 'POST', '/api/database/connect')[0]!.body).toMatchObject({ password: 's3cret', ssl_mode: 'require', db_type: 'postgres' });

    fireEvent.change(input, { target: { value: 'DELETE FROM eval_results' } });
    fireEvent.click(screen.getByTestId('db-preview-button'));
    const refused = await screen.findByTestId('db-preview-error');
    expect(refused.textContent).toContain('The server refused this SQL');
    expect(refused.textContent).toContain('Only one read-only SELECT is allowed');
    expect(find(calls, 'POST', '/api/database/h-1/query')[0]!.body).toEqual({ query: 'DELETE FROM eval_results', limit: 10 });

    fireEvent.click(screen.getByTestId('db-back'));
    fireEvent.change(screen.getByTestId('db-sql-input'), { target: { value: 'SELECT * FROM eval_results LIMIT 5' } });
    fireEvent.click(screen.getByTestId('db-preview-button'));
    expect(within(await screen.findByTestId('db-preview-table')).getByText('faithfulness')).toBeTruthy();
    expect(screen.queryByTestId('db-preview-error')).toBeNull();
    fireEvent.change(screen.getByTestId('db-import-limit'), { target: { value: '50000' } });
    fireEvent.click(screen.getByTestId('db-import-submit'));

    expect((await screen.findByTestId('db-import-message')).textContent).toBe('Imported 280 rows');
    expect(find(calls, 'POST', '/api/database/h-1/query-import')[0]!.body).toEqual({ handle: 'h-1', query: 'SELECT * FROM eval_results LIMIT 5', limit: 50000, dedupe_on_id: false });
    expect(await screen.findByTestId('upload-success')).toBeTruthy();
    await waitFor(() => expect(useEvalStore.getState().datasetId).toBe('ds-tree'));
  });

  it('drops the connection handle when the dialog is closed', async () => {
    const { calls } = monitoringServer([EVAL_DATASET], databaseRoutes(connected));
    renderApp('/monitoring');
    const modal = await openWizard();
    fireEvent.click(screen.getByTestId('db-connect-submit'));
    await screen.findByTestId('db-table-public.records');
    expect(find(calls, 'DELETE', '/api/database/h-1')).toHaveLength(0);
    fireEvent.click(within(modal).getByLabelText('Close'));
    expect(screen.queryByTestId('db-import-modal')).toBeNull();
    await waitFor(() => expect(find(calls, 'DELETE', '/api/database/h-1')).toHaveLength(1));
  });
});
