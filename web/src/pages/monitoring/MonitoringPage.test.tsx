import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS } from '../../lib/monitoring/filters';
import { useMonitoringStore } from '../../stores/monitoringStore';
import { useSourceStore } from '../../stores/sourceStore';
import { DB_CONFIG, EVAL_DATASET, METADATA, MON_DATASET, monitoringServer as server, SUMMARY } from '../../test/monitoringFixtures';
import { renderApp } from '../../test/renderApp';
import { serveApi, type Call } from '../evaluate/testServer';

vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const last = (calls: Call[], path: string) => [...calls].reverse().find((c) => c.path === path);

describe('monitoring page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    useMonitoringStore.setState({ datasetId: null, filters: EMPTY_FILTERS, granularity: 'daily' });
  });

  it('shows the server KPIs, trends with thresholds from db-config, latency and the breakdown for the newest monitoring dataset', async () => {
    const { calls } = server();
    renderApp('/monitoring');
    await waitFor(() => expect(screen.getByTestId('kpi-records-value').textContent).toBe('360'), { timeout: 5000 });
    expect(screen.getByTestId('kpi-avg-score-value').textContent).toBe('0.812');
    expect(screen.getByTestId('kpi-pass-rate-value').textContent).toBe('91.3%');
    expect(screen.getByTestId('kpi-p50-value').textContent).toBe('240 ms');
    expect(screen.getByTestId('kpi-p95-value').textContent).toBe('1.25 s');
    expect(screen.getByTestId('kpi-p99-value').textContent).toBe('2.40 s');
    expect(screen.getByTestId('dataset-picker-current').textContent).toBe('Monitoring Sample');
    expect(last(calls, '/api/monitoring/analytics/summary')?.params.get('dataset_id')).toBe('mon1');
    const chart = await screen.findByTestId('score-trends-chart');
    expect(chart.getAttribute('data-buckets')).toBe('2');
    expect(screen.getByText(/good ≥ 0.75/)).toBeTruthy();
    expect((await screen.findByTestId('latency-percentiles')).textContent).toBe('P50 240 ms · P95 900 ms · P99 990 ms');
    expect(within(await screen.findByTestId('breakdown-table-row-relevance_score')).getByText('62.5%')).toBeTruthy();
    expect(last(calls, '/api/monitoring/analytics/metric-breakdown')?.params.get('threshold')).toBe('0.55');
    expect(screen.getByTestId('monitoring-tab-alerts-badge').textContent).toBe('3');
    expect(screen.getByTestId('db-import-button')).toBeTruthy();
  });

  it('asks the server for hourly trends and alerts when Hourly is chosen', async () => {
    const { calls } = server();
    renderApp('/monitoring');
    await screen.findByTestId('score-trends-chart', {}, { timeout: 5000 });
    expect(last(calls, '/api/monitoring/analytics/trends')?.params.get('granularity')).toBe('daily');
    fireEvent.click(screen.getByTestId('granularity-hourly'));
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/trends')?.params.get('granularity')).toBe('hourly'));
    expect(last(calls, '/api/monitoring/analytics/alerts')?.params.get('granularity')).toBe('hourly');
    await waitFor(() => expect(screen.getByTestId('score-trends-chart').getAttribute('data-granularity')).toBe('hourly'));
    expect(screen.getByTestId('granularity-hourly').getAttribute('aria-pressed')).toBe('true');
    expect(useMonitoringStore.getState().granularity).toBe('hourly');
  });

  it('offers All sources (the default) then the sources with monitoring rows, and sends the chosen id with the time window to every call', async () => {
    const { calls } = server(undefined, ({ path, params }) =>
      path === '/api/monitoring/analytics/summary' && params.get('source_name') === 'Beacon' ? { body: { success: true, kpis: { ...SUMMARY.kpis, total_records: 12 } } } : undefined,
    );
    renderApp('/monitoring');
    const selector = await screen.findByTestId('source-selector', {}, { timeout: 5000 });
    const tabs = within(selector).getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('data-testid'))).toEqual(['source-tab-all', 'source-tab-Atlas', 'source-tab-Beacon']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    await waitFor(() => expect(screen.getByTestId('kpi-records-value').textContent).toBe('360'));
    expect(calls.filter((c) => c.path.startsWith('/api/monitoring/analytics/')).every((c) => !c.params.has('source_name'))).toBe(true);
    fireEvent.click(screen.getByTestId('source-tab-Beacon'));
    fireEvent.change(screen.getByTestId('monitoring-filter-time'), { target: { value: '24h' } });
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/summary')?.params.get('time_start')).toBe('2026-01-28T18:00:00Z'));
    const summary = last(calls, '/api/monitoring/analytics/summary')!;
    expect(summary.params.get('source_name')).toBe('Beacon');
    expect(summary.params.get('time_end')).toBe('2026-01-29T18:00:00Z');
    expect(last(calls, '/api/monitoring/analytics/alerts')?.params.get('source_name')).toBe('Beacon');
    expect(screen.getByTestId('source-tab-Beacon').getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('kpi-records-value').textContent).toBe('12'));
    expect(screen.getByTestId('monitoring-filter-count').textContent).toBe('1');
    expect(screen.getByText(/good ≥ 0.8\b/)).toBeTruthy();
    expect(screen.queryByTestId('monitoring-filter-source_name')).toBeNull();
    fireEvent.click(screen.getByTestId('monitoring-filter-reset'));
    expect(screen.queryByTestId('monitoring-filter-count')).toBeNull();
    // Reset clears the filters of the bar; the source stays as chosen in the selector.
    expect(screen.getByTestId('source-tab-Beacon').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByTestId('source-tab-all'));
    await waitFor(() => expect(screen.getByTestId('kpi-records-value').textContent).toBe('360'));
    expect(useSourceStore.getState().chosen).toBe('');
  });

  it('takes a source from the URL, by id or by one of its stored names', async () => {
    const { calls } = server();
    renderApp('/monitoring?source_name=Atlas&tab=alerts');
    await screen.findByTestId('alerts-panel', {}, { timeout: 5000 });
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/alerts')?.params.get('source_name')).toBe('Atlas'));
    expect(calls.filter((c) => c.path === '/api/monitoring/analytics/alerts').map((c) => c.params.get('source_name'))).toEqual(['Atlas']);
    expect(screen.getByTestId('source-tab-Atlas').getAttribute('aria-selected')).toBe('true');
  });

  it('a link naming a trace alias selects its agent', async () => {
    const { calls } = server();
    renderApp('/monitoring?source_name=atlas-prod');
    await waitFor(() => expect(screen.getByTestId('source-tab-Atlas').getAttribute('aria-selected')).toBe('true'), { timeout: 5000 });
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/summary')?.params.get('source_name')).toBe('Atlas'));
  });

  it('shows all sources when the remembered source is not in this data, and keeps a known environment', async () => {
    useSourceStore.setState({ chosen: 'Gone' });
    useMonitoringStore.setState({ filters: { ...EMPTY_FILTERS, environment: 'prod' } });
    const { calls } = server();
    renderApp('/monitoring');
    await waitFor(() => expect(screen.getByTestId('source-tab-all').getAttribute('aria-selected')).toBe('true'), { timeout: 5000 });
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/summary')).toBeTruthy());
    expect(last(calls, '/api/monitoring/analytics/summary')?.params.has('source_name')).toBe(false);
    expect(useMonitoringStore.getState().filters.environment).toBe('prod');
    expect(useSourceStore.getState().chosen).toBe('Gone');
  });

  it('drops a remembered environment the chosen dataset does not have', async () => {
    useMonitoringStore.setState({ filters: { ...EMPTY_FILTERS, environment: 'qa' } });
    server();
    renderApp('/monitoring');
    await screen.findByTestId('monitoring-filters', {}, { timeout: 5000 });
    await waitFor(() => expect(useMonitoringStore.getState().filters.environment).toBe(''));
  });

  it('has no selector when the sources cannot be listed, and shows every source', async () => {
    const { calls } = server(undefined, ({ path }) => (path === '/api/config/sources' ? { status: 404, body: { detail: 'Not Found' } } : undefined));
    renderApp('/monitoring');
    await waitFor(() => expect(screen.getByTestId('kpi-records-value').textContent).toBe('360'), { timeout: 5000 });
    expect(screen.queryByTestId('source-selector')).toBeNull();
    expect(last(calls, '/api/monitoring/analytics/summary')?.params.has('source_name')).toBe(false);
  });

  it('lists alerts by group with their severities', async () => {
    server();
    renderApp('/monitoring?tab=alerts');
    const panel = await screen.findByTestId('alerts-panel', {}, { timeout: 5000 });
    await within(panel).findAllByTestId('alert-card');
    const threshold = within(screen.getByTestId('alerts-threshold')).getAllByTestId('alert-card');
    expect(threshold.map((c) => c.getAttribute('data-severity'))).toEqual(['error', 'warning']);
    expect(within(threshold[0]!).getByTestId('alert-severity').textContent).toBe('ERROR');
    expect(within(threshold[1]!).getByTestId('alert-severity').textContent).toBe('WARNING');
    expect(within(threshold[1]!).getByTestId('alert-message').textContent).toBe('Average relevance_score 0.62 is below 0.7');
    const anomaly = within(screen.getByTestId('alerts-anomaly')).getAllByTestId('alert-card');
    expect(anomaly).toHaveLength(1);
    expect(within(anomaly[0]!).getByTestId('alert-value').textContent).toBe('-0.35');
  });

  it('searches, sorts and pages the stored records, and opens one', async () => {
    const { calls } = server();
    renderApp('/monitoring?tab=records');
    expect((await screen.findAllByTestId('records-row', {}, { timeout: 5000 })).length).toBe(2);
    expect(last(calls, '/api/store/data/monitoring')?.params.get('sort_by')).toBe('timestamp');
    expect(last(calls, '/api/store/data/monitoring')?.params.get('sort_dir')).toBe('desc');
    fireEvent.change(screen.getByTestId('records-search'), { target: { value: 'password' } });
    await waitFor(() => expect(last(calls, '/api/store/data/monitoring')?.params.get('search')).toBe('password'), { timeout: 3000 });
    fireEvent.click(screen.getByTestId('records-sort-latency'));
    await waitFor(() => expect(last(calls, '/api/store/data/monitoring')?.params.get('sort_by')).toBe('latency'));
    fireEvent.click(screen.getByText('2'));
    await waitFor(() => expect(last(calls, '/api/store/data/monitoring')?.params.get('page')).toBe('2'));
    fireEvent.click(screen.getAllByTestId('records-row')[1]!);
    const modal = await screen.findByTestId('record-modal');
    expect(within(modal).getByText('Reset my password')).toBeTruthy();
  });

  it('offers the upload and the Monitoring Sample when nothing is stored, then shows the loaded dataset', async () => {
    let datasets: unknown[] = [EVAL_DATASET];
    const { calls } = serveApi(({ path }) => {
      if (path === '/api/datasets') return { body: { success: true, datasets } };
      if (path === '/api/monitoring/example/monitoring') {
        datasets = [EVAL_DATASET, MON_DATASET];
        return { body: { success: true, format: 'monitoring', row_count: 120, dataset_id: 'mon1', dataset: MON_DATASET } };
      }
      if (path === '/api/monitoring/analytics/summary') return { body: SUMMARY };
      return undefined;
    });
    renderApp('/monitoring');
    expect(await screen.findByTestId('monitoring-empty', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('db-import-button').textContent).toBe('Import from database');
    fireEvent.click(screen.getByTestId('example-monitoring'));
    await waitFor(() => expect(screen.getByTestId('kpi-records-value').textContent).toBe('360'), { timeout: 5000 });
    expect(calls.some((c) => c.path === '/api/monitoring/example/monitoring')).toBe(true);
    expect(useMonitoringStore.getState().datasetId).toBe('mon1');
  });

  it('imports the configured monitoring source by itself when the page is empty, then shows the imported dataset', async () => {
    let datasets: unknown[] = [EVAL_DATASET];
    const { calls } = serveApi(({ path }) => {
      if (path === '/api/datasets') return { body: { success: true, datasets } };
      if (path === '/api/monitoring/db-config') return { body: { ...DB_CONFIG, configured: true, auto_connect: true, auto_load: true, has_query: true, connection: null } };
      if (path === '/api/monitoring/db-import') {
        datasets = [EVAL_DATASET, MON_DATASET];
        return { body: { success: true, format: 'monitoring', row_count: 120, dataset_id: 'mon1', dataset: MON_DATASET } };
      }
      if (path === '/api/store/metadata/monitoring') return { body: METADATA };
      if (path === '/api/monitoring/analytics/summary') return { body: SUMMARY };
      return undefined;
    });
    renderApp('/monitoring');
    await waitFor(() => expect(screen.getByTestId('kpi-records-value').textContent).toBe('360'), { timeout: 5000 });
    expect(calls.filter((c) => c.path === '/api/monitoring/db-import').map((c) => c.method)).toEqual(['POST']);
    expect(useMonitoringStore.getState().datasetId).toBe('mon1');
  });
});
