import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { locationPath, locationSearch, renderApp } from '../../test/renderApp';
import { ALERTS, monitoringServer, SUMMARY } from '../../test/monitoringFixtures';
import { KPIS } from '../../test/signalsFixtures';
import { CIRRUS, sourceEntry, sourcesReply } from '../../test/sourcesFixtures';
import type { Call } from '../evaluate/testServer';

vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const CATEGORIES = {
  success: true,
  date_range: { min_date: '2026-01-01', max_date: '2026-01-30' },
  categories: [
    {
      category: 'operational_efficiency',
      display_name: 'Operational Efficiency',
      kpis: [
        { kpi_name: 'resolution_rate', display_name: 'Resolution Rate', current_value: 0.874, trend_direction: 'up', polarity: 'higher_better', unit: 'percent', record_count: 30, sparkline: [{ date: '2026-01-28', value: 0.8 }, { date: '2026-01-29', value: 0.85 }, { date: '2026-01-30', value: 0.874 }] },
        { kpi_name: 'handle_time', display_name: 'Handle Time', current_value: 42.5, trend_direction: 'up', polarity: 'lower_better', unit: 'seconds', record_count: 30, sparkline: [] },
      ],
    },
  ],
};

function server() {
  return monitoringServer(undefined, ({ path, params }) => {
    const source = params.get('source_name');
    if (path === '/api/kpi/filters') return { body: { success: true, source_names: ['Beacon', 'Cirrus'], segments: source === 'Beacon' ? ['business', 'retail'] : [], composition_charts: [] } };
    if (path === '/api/kpi/trends') return { body: { success: true, kpi_names: ['resolution_rate'], trend_lines: ['daily', 'avg_7d'], data: [{ date: '2026-01-30', kpi_name: 'resolution_rate', value: 0.874, avg_7d: 0.85, avg_30d: 0.8, count: 4 }] } };
    if (path === '/api/kpi/categories') return { body: source === 'Beacon' ? CATEGORIES : { success: true, categories: [] } };
    if (path === '/api/monitoring/analytics/summary') {
      return { body: source === 'Beacon' ? { success: true, kpis: { ...SUMMARY.kpis, total_records: 12, avg_score: 0.5 } } : SUMMARY };
    }
    if (path === '/api/monitoring/analytics/alerts') {
      const alerts = source === 'Atlas' ? ALERTS.alerts : source === 'Beacon' ? [ALERTS.alerts[0]] : [];
      return { body: { success: true, alerts } };
    }
    if (path === '/api/human-signals/metric-schema') return { body: { success: true, metric_schema: {}, display_config: {}, kpis: KPIS } };
    return undefined;
  });
}

const last = (calls: Call[], path: string) => [...calls].reverse().find((c) => c.path === path);

describe('production page', { timeout: 20_000 }, () => {
  it('shows one agent at a time: health from its alerts, quality scorecard, human feedback and links with the source preset', async () => {
    const { calls } = server();
    renderApp('/production');
    const tabs = await screen.findAllByRole('tab', {}, { timeout: 5000 });
    expect(tabs.map((t) => t.getAttribute('data-testid'))).toEqual(['source-tab-Atlas', 'source-tab-Beacon', 'source-tab-Cirrus']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    const overview = await screen.findByTestId('agent-overview-Atlas');
    expect(within(overview).getByTestId('agent-name').textContent).toBe('Atlas');
    expect(within(overview).getByText('Claims triage')).toBeTruthy();
    expect(within(overview).getByRole('img', { name: 'Atlas avatar' }).getAttribute('src')).toBe('atlas.png');
    await waitFor(() => expect(within(overview).getByTestId('agent-health').getAttribute('data-health')).toBe('critical'));
    expect(within(overview).getByTestId('agent-health').textContent).toBe('Critical');
    expect(within(overview).getByTestId('production-alert-badge').textContent).toBe('3 alerts');
    expect(within(overview).getByTestId('production-alert-badge').getAttribute('href')).toBe('/monitoring?source_name=Atlas&tab=alerts');
    await waitFor(() => expect(within(overview).getByTestId('quality-records-value').textContent).toBe('360'));
    expect(within(overview).getByTestId('quality-pass-rate-value').textContent).toBe('91.3%');
    expect(await within(overview).findByTestId('quality-scorecard-row-relevance_score')).toBeTruthy();
    expect(within(within(overview).getByTestId('quality-scorecard-row-relevance_score')).getByText('Warning')).toBeTruthy();
    expect(last(calls, '/api/monitoring/analytics/metric-breakdown')?.params.get('source_name')).toBe('Atlas');
    expect((await within(overview).findByTestId('signals-kpi-outcome__is_escalated-value')).textContent).toBe('33.3%');
    expect(within(overview).getAllByTestId(/^signals-kpi-[a-z_]+$/)).toHaveLength(4);
    expect(within(overview).getByTestId('production-signals-scope').textContent).toContain("This agent's cases");
    expect(last(calls, '/api/human-signals/metric-schema')?.params.get('source_name')).toBe('Atlas');
    expect(within(overview).getByTestId('agent-link-monitoring').getAttribute('href')).toBe('/monitoring?source_name=Atlas');
    expect(within(overview).getByTestId('agent-link-signals').getAttribute('href')).toBe('/human-signals?source_name=Atlas');
    expect(within(overview).getByTestId('production-kpis').textContent).toContain('No KPIs recorded for this agent.');
  });

  it('switching agents changes the numbers: KPI tiles with trend arrows and sparklines, warning health', async () => {
    const { calls } = server();
    renderApp('/production');
    fireEvent.click(await screen.findByTestId('source-tab-Beacon', {}, { timeout: 5000 }));
    expect(locationPath()).toBe('/production');
    expect(screen.getByTestId('source-tab-Beacon').getAttribute('aria-selected')).toBe('true');
    const overview = await screen.findByTestId('agent-overview-Beacon');
    expect((await within(overview).findByTestId('kpi-tile-resolution_rate-value')).textContent).toBe('87.4%');
    expect(within(overview).getByTestId('kpi-tile-resolution_rate-trend').getAttribute('data-tone')).toBe('good');
    expect(within(overview).getByTestId('kpi-tile-handle_time-value').textContent).toBe('42.5s');
    expect(within(overview).getByTestId('kpi-tile-handle_time-trend').getAttribute('data-tone')).toBe('bad');
    expect(within(overview).getByTestId('kpi-tile-resolution_rate-spark').getAttribute('data-points')).toBe('3');
    expect(within(overview).queryByTestId('kpi-tile-handle_time-spark')).toBeNull();
    await waitFor(() => expect(within(overview).getByTestId('quality-records-value').textContent).toBe('12'));
    await waitFor(() => expect(within(overview).getByTestId('agent-health').getAttribute('data-health')).toBe('warning'));
    expect(last(calls, '/api/kpi/categories')?.params.get('source_name')).toBe('Beacon');
  });

  it('a KPI card opens its daily trend (kept in the URL) and the segment narrows every KPI call', async () => {
    const { calls } = server();
    renderApp('/production?source_name=Beacon');
    const overview = await screen.findByTestId('agent-overview-Beacon', {}, { timeout: 5000 });
    const tile = await within(overview).findByTestId('kpi-tile-resolution_rate');
    expect(tile.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(tile);
    expect(locationSearch()).toContain('kpi=resolution_rate');
    expect(tile.getAttribute('aria-pressed')).toBe('true');
    const panel = await within(overview).findByTestId('kpi-trend');
    expect((await within(panel).findByTestId('kpi-trend-chart')).getAttribute('data-points')).toBe('1');
    expect(within(within(panel).getByTestId('kpi-trend-table')).getAllByRole('row')[1]?.textContent).toBe('2026-01-3087.4%85.0%');
    fireEvent.change(within(overview).getByTestId('kpi-segment'), { target: { value: 'retail' } });
    expect(locationSearch()).toContain('segment=retail');
    await waitFor(() => expect(last(calls, '/api/kpi/categories')?.params.get('segment')).toBe('retail'));
    await waitFor(() => expect(last(calls, '/api/kpi/trends')?.params.get('segment')).toBe('retail'));
    fireEvent.click(within(panel).getByTestId('kpi-trend-close'));
    await waitFor(() => expect(within(overview).queryByTestId('kpi-trend')).toBeNull());
    expect(locationSearch()).not.toContain('kpi=');
  });

  it('an agent known only from KPIs says where monitoring and human signals can be loaded', async () => {
    const { calls } = monitoringServer(undefined, ({ path }) => {
      const missing = { status: 404, body: { detail: 'No data yet' } };
      if (path === '/api/store/metadata/monitoring' || path === '/api/human-signals/metric-schema' || path.startsWith('/api/monitoring/analytics/')) return missing;
      if (path === '/api/config/sources') return { body: sourcesReply([CIRRUS]) };
      if (path === '/api/kpi/categories') return { body: CATEGORIES };
      return undefined;
    });
    renderApp('/production');
    const overview = await screen.findByTestId('agent-overview-Cirrus', {}, { timeout: 5000 });
    expect(await within(overview).findByTestId('production-no-monitoring')).toBeTruthy();
    expect(await within(overview).findByTestId('production-no-signals')).toBeTruthy();
    expect(within(overview).queryByTestId('agent-health')).toBeNull();
    expect(within(overview).getByText('source_name Cirrus')).toBeTruthy();
    expect(screen.getByTestId('source-tab-Cirrus').getAttribute('data-registered')).toBe('false');
    expect(await within(overview).findByTestId('kpi-tile-resolution_rate')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/monitoring/analytics/alerts')).toBe(false);
  });

  it('says when there are no agents yet', async () => {
    monitoringServer(undefined, ({ path }) => {
      if (path === '/api/store/metadata/monitoring') return { status: 404, body: { detail: 'No monitoring data yet: upload a monitoring CSV or load the example' } };
      if (path === '/api/config/sources') return { body: sourcesReply([]) };
      return undefined;
    });
    renderApp('/production');
    expect(await screen.findByTestId('production-empty', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('sends the agent id as source_name to every section, whatever stored name the link used', async () => {
    const atlas = sourceEntry({ id: 'atlas', label: 'Atlas', source_names: ['atlas', 'atlas-prod'], rows: { monitoring: 5, human_signals: 1, kpi: 2 } });
    const { calls } = monitoringServer(undefined, ({ path }) => {
      if (path === '/api/config/sources') return { body: sourcesReply([atlas]) };
      if (path === '/api/kpi/categories') return { body: CATEGORIES };
      if (path === '/api/human-signals/metric-schema') return { body: { success: true, metric_schema: {}, display_config: {}, kpis: KPIS } };
      return undefined;
    });
    renderApp('/production?source_name=atlas-prod');
    const overview = await screen.findByTestId('agent-overview-atlas', {}, { timeout: 5000 });
    expect(within(overview).getByTestId('agent-link-monitoring').getAttribute('href')).toBe('/monitoring?source_name=atlas');
    await within(overview).findByTestId('kpi-tile-resolution_rate');
    await within(overview).findByTestId('signals-kpi-outcome__is_escalated-value');
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/metric-breakdown')).toBeTruthy());
    for (const path of ['/api/kpi/categories', '/api/human-signals/metric-schema', '/api/monitoring/analytics/summary', '/api/monitoring/analytics/alerts', '/api/monitoring/analytics/metric-breakdown']) {
      const sent = calls.filter((c) => c.path === path).map((c) => c.params.get('source_name'));
      expect([path, ...new Set(sent)]).toEqual([path, 'atlas']);
    }
  });

  it('replaces the KPI data from the header: the dialog names the shown dataset, the upload goes to the KPI store, the tiles show the new figures', async () => {
    const OLD_KPI = { id: 'kpi1', name: 'kpi_january.csv', kind: 'kpi', format: 'kpi', row_count: 60, columns: [], created_at: '2026-02-01T10:00:00Z', source: 'upload' };
    const NEW_KPI = { ...OLD_KPI, id: 'kpi2', name: 'kpi_february.csv', row_count: 56, created_at: '2026-03-01T10:00:00Z' };
    let datasets: unknown[] = [OLD_KPI];
    let rate = 0.874;
    const { calls } = monitoringServer(undefined, ({ path, method }) => {
      if (path === '/api/datasets') return { body: { success: true, datasets } };
      if (path === '/api/kpi/upload' && method === 'POST') {
        datasets = [NEW_KPI, OLD_KPI];
        rate = 0.912;
        return { body: { success: true, format: 'kpi', row_count: 56, dataset_id: 'kpi2', dataset: NEW_KPI } };
      }
      if (path === '/api/kpi/categories') {
        const kpis = CATEGORIES.categories[0]!.kpis.map((k) => (k.kpi_name === 'resolution_rate' ? { ...k, current_value: rate } : k));
        return { body: { ...CATEGORIES, categories: [{ ...CATEGORIES.categories[0]!, kpis }] } };
      }
      return undefined;
    });
    renderApp('/production?source_name=Beacon');
    const overview = await screen.findByTestId('agent-overview-Beacon', {}, { timeout: 5000 });
    expect((await within(overview).findByTestId('kpi-tile-resolution_rate-value')).textContent).toBe('87.4%');
    fireEvent.click(within(screen.getByTestId('page-header')).getByTestId('production-add-data'));
    const modal = await screen.findByTestId('production-add-modal');
    expect(within(modal).getByRole('heading', { name: 'Replace data…' })).toBeTruthy();
    expect(within(modal).getByTestId('production-add-modal-current').textContent).toBe('kpi_january.csv');
    const input = within(modal).getByTestId('production-replace-upload-input') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['date,source_name,kpi_name,value\n'], 'kpi_february.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect(screen.queryByTestId('production-add-modal')).toBeNull(), { timeout: 5000 });
    await waitFor(() => expect(within(overview).getByTestId('kpi-tile-resolution_rate-value').textContent).toBe('91.2%'), { timeout: 5000 });
    expect(calls.filter((c) => c.path === '/api/kpi/upload').map((c) => c.method)).toEqual(['POST']);
    fireEvent.click(within(screen.getByTestId('page-header')).getByTestId('production-add-data'));
    expect(within(await screen.findByTestId('production-add-modal')).getByTestId('production-add-modal-current').textContent).toBe('kpi_february.csv');
  });
});
