import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS } from '../lib/monitoring/filters';
import { useMonitoringStore } from '../stores/monitoringStore';
import { useSignalsStore } from '../stores/signalsStore';
import { SOURCE_STORE_KEY, useSourceStore } from '../stores/sourceStore';
import { monitoringServer } from '../test/monitoringFixtures';
import { locationSearch, renderApp } from '../test/renderApp';
import { signalsServer } from '../test/signalsFixtures';
import type { Call } from './evaluate/testServer';

vi.mock('../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const last = (calls: Call[], path: string) => [...calls].reverse().find((c) => c.path === path);
const isSelected = (id: string) => screen.getByTestId(`source-tab-${id}`).getAttribute('aria-selected') === 'true';
const urlSource = () => new URLSearchParams(locationSearch()).get('source_name');
const stored = () => JSON.parse(localStorage.getItem(SOURCE_STORE_KEY) ?? '{}').state?.chosen;

/** Renders a page on a fresh fetch stub and query cache, as when the user navigates to it. */
function open(path: string, serve: () => unknown) {
  serve();
  return renderApp(path);
}

describe('one source choice shared by Production, Monitoring and Human Signals', { timeout: 30_000 }, () => {
  beforeEach(() => {
    useMonitoringStore.setState({ datasetId: null, filters: EMPTY_FILTERS, granularity: 'daily' });
    useSignalsStore.setState({ datasetId: null, pageSize: 10, filters: {} });
  });

  it('a source chosen on Monitoring is the one Production and Human Signals show, through the URL and localStorage', async () => {
    const mon = monitoringServer();
    const page = renderApp('/monitoring');
    fireEvent.click(await screen.findByTestId('source-tab-Beacon', {}, { timeout: 5000 }));
    await waitFor(() => expect(last(mon.calls, '/api/monitoring/analytics/summary')?.params.get('source_name')).toBe('Beacon'));
    expect(urlSource()).toBe('Beacon');
    expect(stored()).toBe('Beacon');
    page.unmount();

    const prod = open('/production', () => monitoringServer());
    await screen.findByTestId('agent-overview-Beacon', {}, { timeout: 5000 });
    expect(isSelected('Beacon')).toBe(true);
    prod.unmount();

    const hs = signalsServer();
    renderApp('/human-signals');
    await waitFor(() => expect(isSelected('Beacon')).toBe(true), { timeout: 5000 });
    await waitFor(() => expect(screen.getAllByTestId('signals-case-row').map((r) => r.querySelector('td')?.textContent)).toEqual(['cs-002']));
    expect(hs.calls.filter((c) => c.path === '/api/human-signals/cases').map((c) => c.params.getAll('filter.source_name'))).toEqual([['Beacon']]);
  });

  it('All sources on one page makes Production fall back to its first agent; a source another page has no tab for is kept', async () => {
    const hs = open('/human-signals?source_name=Atlas', () => signalsServer());
    await waitFor(() => expect(isSelected('Atlas')).toBe(true), { timeout: 5000 });
    expect(stored()).toBe('Atlas');
    fireEvent.click(screen.getByTestId('source-tab-all'));
    await waitFor(() => expect(stored()).toBe(''));
    expect(urlSource()).toBeNull();
    hs.unmount();

    const prod = open('/production', () => monitoringServer());
    await screen.findByTestId('agent-overview-Atlas', {}, { timeout: 5000 });
    // Cirrus only has KPI rows: Monitoring has no tab for it.
    fireEvent.click(screen.getByTestId('source-tab-Cirrus'));
    await screen.findByTestId('agent-overview-Cirrus');
    prod.unmount();

    const mon = monitoringServer();
    const page = renderApp('/monitoring');
    await waitFor(() => expect(isSelected('all')).toBe(true), { timeout: 5000 });
    await waitFor(() => expect(last(mon.calls, '/api/monitoring/analytics/summary')).toBeTruthy());
    expect(last(mon.calls, '/api/monitoring/analytics/summary')?.params.has('source_name')).toBe(false);
    page.unmount();

    open('/production', () => monitoringServer());
    await screen.findByTestId('agent-overview-Cirrus', {}, { timeout: 5000 });
  });

  it('reads the choice back from localStorage after a reload', async () => {
    localStorage.setItem(SOURCE_STORE_KEY, JSON.stringify({ state: { chosen: 'Beacon' }, version: 1 }));
    await useSourceStore.persist.rehydrate();
    const { calls } = monitoringServer();
    renderApp('/monitoring');
    await waitFor(() => expect(isSelected('Beacon')).toBe(true), { timeout: 5000 });
    await waitFor(() => expect(last(calls, '/api/monitoring/analytics/summary')?.params.get('source_name')).toBe('Beacon'));
  });
});
