import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSignalsStore } from '../../stores/signalsStore';
import { locationSearch, renderApp } from '../../test/renderApp';
import { DISPLAY_CONFIG, HS_DATASET, KPIS, METRIC_SCHEMA, signalsServer, WEEKLY_TRENDS } from '../../test/signalsFixtures';

vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const caseIds = () => screen.getAllByTestId('signals-case-row').map((r) => r.querySelector('td')?.textContent);

describe('human signals page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    useSignalsStore.setState({ datasetId: null, pageSize: 10, filters: {} });
  });

  it('renders the KPI strip as the server sent it, the configured charts and the case table', async () => {
    const { calls } = signalsServer();
    renderApp('/human-signals');
    expect((await screen.findByTestId('signals-kpi-outcome__is_escalated-value', {}, { timeout: 5000 })).textContent).toBe('33.3%');
    expect(screen.getByTestId('signals-kpi-avg_message_count-value').textContent).toBe('3.33');
    expect(screen.getByTestId('signals-kpi-total_cases-value').textContent).toBe('3');
    expect(screen.getByTestId('signals-kpi-resolution__time_to_resolve-value').textContent).toBe('1.5h');
    expect(screen.getByTestId('signals-kpi-resolution__time_to_resolve').textContent).toContain('1 missing');
    expect(await screen.findAllByTestId('signals-case-row')).toHaveLength(3);
    expect(caseIds()).toEqual(['cs-001', 'cs-002', 'cs-003']);
    expect(screen.getByTestId('db-import-button')).toBeTruthy();
    const cases = calls.find((c) => c.path === '/api/human-signals/cases');
    expect(cases?.params.get('dataset_id')).toBe('hs1');
    expect(cases?.params.get('page')).toBe('1');
    expect(cases?.params.get('page_size')).toBe('10');
    expect(calls.find((c) => c.path === '/api/human-signals/figures')?.params.toString()).toBe('dataset_id=hs1');
    const requests = screen.getByTestId('signal-chart-insights__requests-list');
    expect([...requests.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['status page×2', 'faster refunds']);
    const categories = screen.getByTestId('signal-chart-insights__categories-list');
    expect(within(categories).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1.billing2', '2.refunds1', '3.shipping1']);
    expect(screen.getByTestId('signal-chart-outcome__status').querySelector('[data-type="stacked_bar"]')).toBeTruthy();
    expect(screen.getByTestId('signals-scope').textContent).toContain('cover all 3 cases');
    expect(screen.getByTestId('signals-scope').textContent).toContain('over every case');
    const badge = within(screen.getAllByTestId('signals-case-row')[0]!).getByText('resolved');
    // The configured colour tints the pill and draws its ring; the text stays dark for contrast.
    expect(badge.getAttribute('style')).toMatch(/box-shadow: inset 0 0 0 1px (#27AE60|rgb\(39, 174, 96\))/i);
  });

  it('asks the server for the cases and figures of the chosen filters, counts the active filters and clears them', async () => {
    const { calls } = signalsServer();
    renderApp('/human-signals');
    await screen.findAllByTestId('signals-case-row', {}, { timeout: 5000 });
    fireEvent.click(within(screen.getByTestId('signals-filter-outcome__status')).getByText('escalated'));
    await waitFor(() => expect(caseIds()).toEqual(['cs-002']));
    expect(screen.getByTestId('signals-filter-count').textContent).toBe('1');
    expect(screen.getByTestId('signals-case-count').textContent).toBe('(1)');
    await waitFor(() => expect(screen.getByTestId('signals-scope').textContent).toContain('over the 1 of them matching the filters'));
    const figures = calls.filter((c) => c.path === '/api/human-signals/figures').at(-1);
    expect(figures?.params.getAll('filter.outcome__status')).toEqual(['escalated']);
    fireEvent.click(screen.getByTestId('signals-filter-clear'));
    await waitFor(() => expect(caseIds()).toHaveLength(3));
  });

  it('filters the cases, the figures and the KPI strip by the source chosen in the selector', async () => {
    // Atlas has cs-001 (escalated, 3 messages) and cs-003 (not escalated, 2 messages): 2 cases, 50% escalated.
    const atlasKpis = KPIS.map((k) => (k.key === 'total_cases' ? { ...k, value: 2 } : k.key === 'outcome__is_escalated' ? { ...k, value: 50 } : k));
    const { calls } = signalsServer(undefined, ({ path, params }) =>
      path === '/api/human-signals/metric-schema' && params.get('source_name') === 'Atlas'
        ? { body: { success: true, metric_schema: METRIC_SCHEMA, display_config: DISPLAY_CONFIG, kpis: atlasKpis } }
        : undefined,
    );
    renderApp('/human-signals');
    await screen.findAllByTestId('signals-case-row', {}, { timeout: 5000 });
    const tabs = within(screen.getByTestId('source-selector')).getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('data-testid'))).toEqual(['source-tab-all', 'source-tab-Atlas', 'source-tab-Beacon']);
    expect(screen.getByTestId('source-tab-all').getAttribute('aria-selected')).toBe('true');
    // The selector is the only source control: the layout's Source filter is not offered twice.
    expect(screen.queryByTestId('signals-filter-source_name')).toBeNull();
    expect(screen.getByTestId('signals-kpi-total_cases-value').textContent).toBe('3');
    fireEvent.click(screen.getByTestId('source-tab-Atlas'));
    await waitFor(() => expect(caseIds()).toEqual(['cs-001', 'cs-003']));
    await waitFor(() => expect(screen.getByTestId('signals-kpi-total_cases-value').textContent).toBe('2'));
    expect(screen.getByTestId('signals-kpi-outcome__is_escalated-value').textContent).toBe('50.0%');
    expect(calls.filter((c) => c.path === '/api/human-signals/cases').at(-1)?.params.getAll('filter.source_name')).toEqual(['Atlas']);
    expect(calls.filter((c) => c.path === '/api/human-signals/figures').at(-1)?.params.getAll('filter.source_name')).toEqual(['Atlas']);
    expect(calls.filter((c) => c.path === '/api/human-signals/metric-schema').at(-1)?.params.get('source_name')).toBe('Atlas');
    expect(screen.getByTestId('signals-scope').textContent).toContain('cover the cases of Atlas');
    expect(screen.queryByTestId('signals-filter-count')).toBeNull();
    fireEvent.click(screen.getByTestId('source-tab-all'));
    await waitFor(() => expect(caseIds()).toHaveLength(3));
    expect(screen.getByTestId('signals-kpi-total_cases-value').textContent).toBe('3');
  });

  it('takes a source from the URL and ignores a source filter remembered from before the selector', async () => {
    useSignalsStore.setState({ filters: { source_name: ['Atlas'] } });
    const { calls } = signalsServer();
    renderApp('/human-signals?source_name=Beacon');
    await screen.findAllByTestId('signals-case-row', {}, { timeout: 5000 });
    await waitFor(() => expect(caseIds()).toEqual(['cs-002']));
    expect(screen.getByTestId('source-tab-Beacon').getAttribute('aria-selected')).toBe('true');
    expect(calls.filter((c) => c.path === '/api/human-signals/cases').map((c) => c.params.getAll('filter.source_name'))).toEqual([['Beacon']]);
  });

  it('sorts by a header on the server and changes the page size', async () => {
    const { calls } = signalsServer();
    renderApp('/human-signals');
    await screen.findAllByTestId('signals-case-row', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('signals-sort-Message_Count'));
    await waitFor(() => expect(caseIds()).toEqual(['cs-003', 'cs-001', 'cs-002']));
    fireEvent.click(screen.getByTestId('signals-sort-Message_Count'));
    await waitFor(() => expect(caseIds()).toEqual(['cs-002', 'cs-001', 'cs-003']));
    const sorted = calls.filter((c) => c.path === '/api/human-signals/cases').at(-1);
    expect([sorted?.params.get('sort_by'), sorted?.params.get('sort_dir')]).toEqual(['Message_Count', 'desc']);
    fireEvent.change(screen.getByTestId('signals-page-size'), { target: { value: '25' } });
    expect(useSignalsStore.getState().pageSize).toBe(25);
  });

  it('opens a case with its metadata, signals per metric and the conversation as chat bubbles', async () => {
    signalsServer();
    renderApp('/human-signals');
    fireEvent.click((await screen.findAllByTestId('signals-case-row', {}, { timeout: 5000 }))[0]!);
    const detail = await screen.findByTestId('case-detail');
    expect(within(detail).getByRole('heading', { name: 'Case cs-001' })).toBeTruthy();
    const messages = within(detail).getAllByTestId('chat-message');
    expect(messages.map((m) => m.getAttribute('data-role'))).toEqual(['assistant', 'user', 'assistant']);
    expect(messages[1]!.textContent).toContain('Please escalate this.');
    expect(within(detail).getByText('Acme Corp')).toBeTruthy();
    const outcome = within(detail).getByTestId('case-signals-outcome');
    expect(within(outcome).getByText('resolved')).toBeTruthy();
    expect(within(outcome).getByText('true')).toBeTruthy();
    expect(within(within(detail).getByTestId('case-signals-insights')).getByText('faster refunds')).toBeTruthy();
    expect(within(detail).getByText(/Open thread/).closest('a')?.getAttribute('href')).toBe('https://chat.example.com/t/1');
    fireEvent.click(within(detail).getByLabelText('Close'));
    await waitFor(() => expect(screen.queryByTestId('case-detail')).toBeNull());
  });

  it('loads the Human Signals Sample from the empty state', async () => {
    let datasets: unknown[] = [];
    const { calls } = signalsServer(undefined, ({ path }) => {
      if (path === '/api/datasets') return { body: { success: true, datasets } };
      if (path === '/api/human-signals/example/hitl') datasets = [HS_DATASET];
      return undefined;
    });
    renderApp('/human-signals');
    expect(await screen.findByTestId('signals-empty', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('example-hitl').textContent).toBe('Human Signals Sample');
    expect(screen.getByTestId('db-import-button').textContent).toBe('Import from database');
    fireEvent.click(screen.getByTestId('example-hitl'));
    expect(await screen.findAllByTestId('signals-case-row', {}, { timeout: 5000 })).toHaveLength(3);
    expect(calls.some((c) => c.path === '/api/human-signals/example/hitl')).toBe(true);
    expect(useSignalsStore.getState().datasetId).toBe('hs1');
  });

  it('counts the time range back from the newest case (30 days by default) and sends it to every view; 7d narrows it and stays in the URL', async () => {
    const metadata = { success: true, dataset: 'human_signals', dataset_id: 'hs1', metadata: { row_count: 3, columns: [], filter_values: {}, time_range: { min: '2026-02-10T09:00:00Z', max: '2026-02-12T11:00:00Z' } } };
    const { calls } = signalsServer(undefined, ({ path }) => {
      if (path === '/api/store/metadata/human_signals') return { body: metadata };
      if (path === '/api/human-signals/trends') return { body: WEEKLY_TRENDS };
      return undefined;
    });
    renderApp('/human-signals');
    await screen.findAllByTestId('signals-case-row', {}, { timeout: 5000 });
    expect(screen.getByTestId('signals-range-30d').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('signals-range-window').textContent).toBe('13 Jan 2026 – 12 Feb 2026 (UTC)');
    for (const path of ['/api/human-signals/metric-schema', '/api/human-signals/figures', '/api/human-signals/trends', '/api/human-signals/cases']) {
      const call = calls.filter((c) => c.path === path).at(-1);
      expect([path, call?.params.get('time_start'), call?.params.get('time_end')]).toEqual([path, '2026-01-13T11:00:00Z', '2026-02-12T11:00:00Z']);
    }
    expect((await screen.findByTestId('signal-trends-chart')).getAttribute('data-weeks')).toBe('2');
    fireEvent.click(screen.getByTestId('signals-range-7d'));
    expect(locationSearch()).toContain('range=7d');
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/human-signals/cases').at(-1)?.params.get('time_start')).toBe('2026-02-05T11:00:00Z'));
    expect(calls.filter((c) => c.path === '/api/human-signals/metric-schema').at(-1)?.params.get('time_start')).toBe('2026-02-05T11:00:00Z');
    fireEvent.click(screen.getByTestId('signals-range-custom'));
    fireEvent.change(screen.getByTestId('signals-range-from'), { target: { value: '2026-02-11' } });
    fireEvent.change(screen.getByTestId('signals-range-to'), { target: { value: '2026-02-11' } });
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/human-signals/figures').at(-1)?.params.get('time_end')).toBe('2026-02-11T23:59:59Z'));
    expect(calls.filter((c) => c.path === '/api/human-signals/figures').at(-1)?.params.get('time_start')).toBe('2026-02-11T00:00:00Z');
    expect(locationSearch()).toContain('from=2026-02-11');
  });

  it('hides the time range and the trends when the cases have no timestamps', async () => {
    const { calls } = signalsServer(undefined, ({ path }) => {
      if (path === '/api/store/metadata/human_signals') return { body: { success: true, dataset: 'human_signals', dataset_id: 'hs1', metadata: { row_count: 3, columns: [], filter_values: {}, time_range: { min: null, max: null } } } };
      if (path === '/api/human-signals/metric-schema') return { body: { success: true, metric_schema: { ...METRIC_SCHEMA, has_timestamp: false }, display_config: DISPLAY_CONFIG, kpis: KPIS } };
      return undefined;
    });
    renderApp('/human-signals');
    await screen.findAllByTestId('signals-case-row', {}, { timeout: 5000 });
    expect(screen.queryByTestId('signals-time-range')).toBeNull();
    expect(screen.queryByTestId('signal-trends')).toBeNull();
    expect(calls.some((c) => c.path === '/api/human-signals/trends')).toBe(false);
    expect(calls.find((c) => c.path === '/api/human-signals/cases')?.params.get('time_start')).toBeNull();
  });
});

