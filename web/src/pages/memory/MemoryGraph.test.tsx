import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MemorySummary } from '../../lib/memory/types';
import { EMPTY_SUMMARY, G, memoryServer, SUMMARY } from '../../test/memoryFixtures';
import { renderApp } from '../../test/renderApp';
import type { Call } from '../evaluate/testServer';

interface NodeDatum {
  nodeId: string;
  name: string;
}

// The chart is drawn as one button per node, so a test can click a node as a user clicks the graph.
vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel, option, onClick }: { testId?: string; ariaLabel: string; option: { series?: Array<{ data?: NodeDatum[] }> }; onClick?: (e: { data: unknown }) => void }) => (
    <div data-testid={testId ?? 'echart'} aria-label={ariaLabel}>
      {(option.series?.[0]?.data ?? []).map((d) =>
        typeof d === 'object' && d && 'nodeId' in d ? (
          <button key={d.nodeId} type="button" data-testid={`node-${d.nodeId}`} onClick={() => onClick?.({ data: d })}>
            {d.name}
          </button>
        ) : null,
      )}
    </div>
  ),
}));

const calls = (all: Call[], path: string) => all.filter((c) => c.path === path);

describe('memory knowledge graph', { timeout: 20_000 }, () => {
  it('draws the graph without rules, with its status, totals and legend', async () => {
    const { calls: all } = memoryServer({ summary: EMPTY_SUMMARY });
    renderApp('/memory');
    const chart = await screen.findByTestId('graph-chart', {}, { timeout: 5000 });
    expect(chart.getAttribute('aria-label')).toBe('Knowledge graph with 3 nodes and 2 edges');
    expect(screen.getByTestId('graph-status').textContent).toBe('knowledge_graph');
    expect(screen.getByTestId('graph-totals').textContent).toBe('6 nodes · 5 edges');
    expect(screen.getByTestId('graph-legend-RiskFactor').textContent).toBe('RiskFactor 1');
    expect(screen.getByTestId('graph-legend-Rule').textContent).toBe('Rule 2');
    expect(calls(all, '/api/memory/graph')[0]?.params.get('limit')).toBe('500');
    expect(screen.getByTestId('memory-setup')).toBeTruthy();
  });

  it('reads the graph again once rules are loaded (the server derives part of it from them)', async () => {
    let summary: MemorySummary = EMPTY_SUMMARY;
    const { calls: all } = memoryServer({ extra: (c) => (c.path === '/api/memory/summary' ? { body: summary } : undefined) });
    renderApp('/memory');
    await screen.findByTestId('graph-chart', {}, { timeout: 5000 });
    expect(calls(all, '/api/memory/graph')).toHaveLength(1);
    summary = SUMMARY;
    fireEvent.click(screen.getByTestId('example-rules'));
    await screen.findByTestId('rules-table', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('memory-tab-graph'));
    await screen.findByTestId('graph-chart', {}, { timeout: 5000 });
    await waitFor(() => expect(calls(all, '/api/memory/graph')).toHaveLength(2));
    expect(calls(all, '/api/memory/graph/summary').length).toBeGreaterThanOrEqual(2);
  });

  it('passes a filter to the server', async () => {
    const { calls: all } = memoryServer();
    renderApp('/memory?tab=graph');
    await screen.findByTestId('graph-chart', {}, { timeout: 5000 });
    expect([...screen.getByTestId('graph-filter-action').querySelectorAll('option')].map((o) => o.textContent)).toEqual(['All', 'decline', 'refer']);
    fireEvent.change(screen.getByTestId('graph-filter-node_type'), { target: { value: 'Mitigant' } });
    await waitFor(() => expect(calls(all, '/api/memory/graph').at(-1)?.params.get('node_type')).toBe('Mitigant'));
    fireEvent.change(screen.getByTestId('graph-filter-risk_factor'), { target: { value: 'High DTI' } });
    await waitFor(() => expect(calls(all, '/api/memory/graph').at(-1)?.params.get('risk_factor')).toBe('High DTI'));
  });

  it('opens a clicked node and merges its neighbourhood at depth 1, then 2', async () => {
    const { calls: all } = memoryServer();
    renderApp('/memory?tab=graph');
    await screen.findByTestId('graph-chart', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId(`node-${G.decline.id}`));
    const panel = await screen.findByTestId('graph-node-panel');
    expect(within(panel).getByTestId('graph-node-type').textContent).toBe('Rule');
    expect(within(panel).getByTestId('graph-node-label').textContent).toBe('Decline high DTI');
    expect(within(panel).getByTestId('graph-node-metadata').textContent).toBe('actiondeclineproduct_typeMortgage');
    await waitFor(() => expect(screen.getByTestId('graph-chart').getAttribute('aria-label')).toBe('Knowledge graph with 5 nodes and 4 edges'));
    const first = calls(all, '/api/memory/graph/neighborhood')[0]!;
    expect([first.params.get('node_id'), first.params.get('depth')]).toEqual([G.decline.id, '1']);
    expect(screen.getByTestId('graph-node-connections').textContent).toBe('3 connections in view');
    expect(screen.getByTestId('graph-legend-Outcome').textContent).toBe('Outcome 1');
    expect(screen.getByTestId('graph-legend-Source').textContent).toBe('Source 1');

    fireEvent.change(screen.getByTestId('graph-depth'), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('graph-chart').getAttribute('aria-label')).toBe('Knowledge graph with 6 nodes and 5 edges'));
    expect(calls(all, '/api/memory/graph/neighborhood').at(-1)?.params.get('depth')).toBe('2');
    expect(screen.getByTestId('graph-legend-Mitigant').textContent).toBe('Mitigant 1');
  });

  it('opens a node from the node list as well', async () => {
    const { calls: all } = memoryServer();
    renderApp('/memory?tab=graph');
    await screen.findByTestId('graph-chart', {}, { timeout: 5000 });
    const list = screen.getByTestId('graph-node-list');
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(['High DTI', 'Decline high DTI', 'Refer high DTI']);
    fireEvent.click(screen.getByTestId(`graph-list-${G.refer.id}`));
    await waitFor(() => expect(screen.getByTestId('graph-node-label').textContent).toBe('Refer high DTI'));
    expect(calls(all, '/api/memory/graph/neighborhood').at(-1)?.params.get('node_id')).toBe(G.refer.id);
  });

  it('finds a node by name and opens it', async () => {
    const { calls: all } = memoryServer();
    renderApp('/memory?tab=graph');
    await screen.findByTestId('graph-chart', {}, { timeout: 5000 });
    fireEvent.change(screen.getByTestId('graph-search'), { target: { value: 'Reserve' } });
    fireEvent.submit(screen.getByRole('search'));
    const results = await screen.findByTestId('graph-search-results');
    await waitFor(() => expect(results.textContent).toContain('1 match for “reserve”'));
    expect(calls(all, '/api/memory/graph/search').at(-1)?.params.get('q')).toBe('Reserve');
    fireEvent.click(screen.getByTestId(`graph-result-${G.reserves.id}`));
    await waitFor(() => expect(screen.getByTestId('graph-node-label').textContent).toBe('Compensating reserves'));
    expect(calls(all, '/api/memory/graph/neighborhood').at(-1)?.params.get('node_id')).toBe(G.reserves.id);
  });

  it('says why when the graph database cannot be reached', async () => {
    memoryServer({ graphStatus: { success: true, connected: false, graph_name: 'knowledge_graph', message: 'Connection failed: connection refused' } });
    renderApp('/memory?tab=graph');
    expect((await screen.findByTestId('graph-disconnected', {}, { timeout: 5000 })).textContent).toContain('Connection failed: connection refused');
  });
});
