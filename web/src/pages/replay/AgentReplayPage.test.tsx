import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replayServer, STATUS } from '../../test/replayFixtures';
import { renderApp } from '../../test/renderApp';
import type { Call } from '../evaluate/testServer';

const last = (calls: Call[], path: string) => [...calls].reverse().find((c) => c.path === path);
const treeRows = () => screen.queryAllByTestId(/^tree-node-/).map((n) => n.getAttribute('data-testid')!.slice('tree-node-'.length));

async function openTrace() {
  const server = replayServer();
  renderApp('/agent-replay');
  fireEvent.click(await screen.findByTestId('trace-item-t-1', {}, { timeout: 5000 }));
  await screen.findByTestId('trace-view', {}, { timeout: 5000 });
  return server;
}

describe('agent replay page', { timeout: 20_000 }, () => {
  it('lists the environment variables when no credentials are set', async () => {
    replayServer({ ...STATUS, configured: false, agents: [], agent_search_fields: {} });
    renderApp('/agent-replay');
    const card = await screen.findByTestId('replay-unconfigured', {}, { timeout: 5000 });
    expect(within(card).getAllByTestId('replay-env-var').map((e) => e.textContent)).toEqual([
      'AGENT_REPLAY_ENABLED',
      'LANGFUSE_PUBLIC_KEY',
      'LANGFUSE_SECRET_KEY',
      'LANGFUSE_HOST',
      'LANGFUSE_<AGENT>_PUBLIC_KEY / _SECRET_KEY / _HOST',
      'AGENT_REPLAY_DB_URL',
    ]);
    expect(card.textContent).toContain('host https://langfuse.example.org');
  });

  it('says replay is disabled when the switch is off', async () => {
    replayServer({ ...STATUS, enabled: false });
    renderApp('/agent-replay');
    expect((await screen.findByTestId('replay-disabled', {}, { timeout: 5000 })).textContent).toContain('AGENT_REPLAY_ENABLED=true');
  });

  it('shows one tab per agent, the recent traces of the first, and searches by a business key', async () => {
    const { calls } = replayServer();
    renderApp('/agent-replay');
    await screen.findByTestId('trace-item-t-1', {}, { timeout: 5000 });
    expect(screen.getAllByRole('tab').map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Alpha', 'true'],
      ['beta_bot', 'false'],
    ]);
    const recent = last(calls, '/api/agent-replay/traces')!;
    expect([recent.params.get('agent'), recent.params.get('limit'), recent.params.get('days_back')]).toEqual(['alpha', '20', '7']);
    expect(screen.getByTestId('trace-list-title').textContent).toBe('Recent traces (last 7 days) · 2');
    expect(screen.getByTestId('trace-item-t-1').textContent).toContain('4 steps');
    const by = screen.getByTestId('trace-search-by');
    expect([...by.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Trace ID', 'Case Reference']);
    fireEvent.change(by, { target: { value: 'case_reference' } });
    fireEvent.change(screen.getByTestId('trace-search'), { target: { value: ' CASE-9 ' } });
    fireEvent.click(screen.getByTestId('trace-search-submit'));
    await waitFor(() => expect(screen.getByTestId('trace-list-title').textContent).toBe('Results for “CASE-9” · 1'));
    const search = last(calls, '/api/agent-replay/search')!;
    expect([search.params.get('query'), search.params.get('search_by'), search.params.get('agent')]).toEqual(['CASE-9', 'case_reference', 'alpha']);
    expect(screen.queryByTestId('trace-item-t-1')).toBeNull();
    expect(screen.getByTestId('trace-item-t-2')).toBeTruthy();

    fireEvent.click(screen.getByTestId('replay-agent-beta_bot'));
    await waitFor(() => expect(last(calls, '/api/agent-replay/traces')?.params.get('agent')).toBe('beta_bot'));
    expect([...screen.getByTestId('trace-search-by').querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Trace ID']);
  });

  it('shows the totals, steps and observation tree of a trace, with expand and collapse all', async () => {
    const { calls } = await openTrace();
    expect(last(calls, '/api/agent-replay/traces/t-1')?.params.get('agent')).toBe('alpha');
    expect(screen.getByTestId('trace-chip-steps').textContent).toBe('4 steps');
    expect(screen.getByTestId('trace-chip-latency').textContent).toBe('2.50 s');
    expect(screen.getByTestId('trace-chip-tokens').textContent).toBe('150 tokens');
    expect(screen.getByTestId('trace-chip-id').textContent).toBe('t-1');
    expect(within(screen.getByTestId('step-timeline')).getAllByRole('button').map((b) => b.textContent)).toEqual(['1workflowSPAN', '2classifyGEN', '3lookup_policyTOOL', '4doneEVT']);
    expect(treeRows()).toEqual(['span-1', 'gen-1', 'tool-1', 'evt-1']);
    expect(screen.getAllByTestId('tree-badge').map((b) => b.textContent)).toEqual(['SPAN', 'GEN', 'TOOL', 'EVT']);
    expect(screen.getAllByTestId('tree-figures').map((b) => b.textContent)).toEqual(['2.50 s', '850 ms150 tok', '300 ms', '']);
    fireEvent.click(screen.getByTestId('tree-collapse-all'));
    expect(treeRows()).toEqual(['span-1']);
    fireEvent.click(screen.getByTestId('tree-expand-all'));
    expect(treeRows()).toEqual(['span-1', 'gen-1', 'tool-1', 'evt-1']);
  });

  it('shows the workflow I/O, a generation as chat bubbles and sections, and loads a truncated output in full', async () => {
    const { calls } = await openTrace();
    const workflow = screen.getByTestId('workflow-detail');
    expect(within(within(workflow).getByTestId('trace-input')).getAllByTestId('chat-message').map((m) => m.textContent)).toEqual(['userMy car was hit']);
    expect(within(workflow).getAllByTestId('trace-output-section').map((s) => s.textContent)).toEqual(['decisionapprove', 'reasonCovered by policy P-1']);

    fireEvent.click(screen.getByTestId('step-1'));
    expect(screen.getByTestId('node-detail-name').textContent).toBe('classify');
    expect(within(screen.getByTestId('node-input')).getAllByTestId('chat-message').map((m) => m.getAttribute('data-role'))).toEqual(['system', 'user']);
    expect(within(screen.getByTestId('node-output')).getAllByTestId('node-output-section').map((s) => s.textContent)).toEqual(['labelauto', 'confidence0.9']);
    expect([screen.getByTestId('node-tokens-in').textContent, screen.getByTestId('node-tokens-out').textContent, screen.getByTestId('node-tokens-total').textContent]).toEqual(['120', '30', '150']);
    expect(screen.getByTestId('node-latency').textContent).toBe('850 ms');

    fireEvent.click(screen.getByTestId('tree-node-tool-1'));
    expect(screen.getByTestId('node-output-truncated').textContent).toBe('Truncated');
    expect(screen.getByTestId('node-output').textContent).toContain('Policy P-1 is active [...truncated]');
    fireEvent.click(screen.getByTestId('node-load-full'));
    await waitFor(() => expect(screen.getByTestId('node-output').textContent).toContain('Policy P-1 is active until 2027-01-31 and covers collision damage.'));
    expect(screen.queryByTestId('node-output-truncated')).toBeNull();
    expect(last(calls, '/api/agent-replay/traces/t-1/nodes/tool-1')?.params.get('agent')).toBe('alpha');
  });

  it('opens a trace on the step the address names (?trace=&node=)', async () => {
    replayServer();
    renderApp('/agent-replay?trace=t-1&node=gen-1');
    await screen.findByTestId('trace-view', {}, { timeout: 5000 });
    expect(screen.getByTestId('node-detail-name').textContent).toBe('classify');
  });

  it('saves a review with a failure step, filed in the dataset named after that step, then lists it', async () => {
    const { calls, posted } = await openTrace();
    const list = await screen.findByTestId('review-list');
    await waitFor(() => expect(within(list).getAllByTestId('review-score').map((s) => s.textContent)).toEqual(['review.verdict.v11(positive)']));
    expect((screen.getByTestId('review-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('verdict-negative'));
    const failure = screen.getByTestId('review-failure');
    expect([...failure.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['None', 'SPAN · workflow', '\u00a0\u00a0GEN · classify', '\u00a0\u00a0TOOL · lookup_policy', '\u00a0\u00a0EVT · done']);
    fireEvent.change(failure, { target: { value: 'gen-1' } });
    fireEvent.change(screen.getByTestId('review-rationale'), { target: { value: 'Misread the claim type.' } });
    fireEvent.change(screen.getByTestId('review-expected_output'), { target: { value: '{"label":"property"}' } });
    fireEvent.change(screen.getByTestId('review-tooling_needs'), { target: { value: 'x'.repeat(2100) } });
    expect(screen.getByTestId('review-tooling_needs-count').textContent).toBe('2000/2000');
    fireEvent.click(screen.getByTestId('review-add-dataset'));
    expect(screen.getByTestId('review-dataset-note').textContent).toBe('With a failure step chosen, the item is filed in the dataset named after that step: classify.');
    expect(screen.queryByTestId('review-dataset')).toBeNull();
    fireEvent.click(screen.getByTestId('review-submit'));
    expect((await screen.findByTestId('review-saved')).textContent).toBe('Saved 5 scores and a dataset item in classify.');
    expect(posted).toEqual([
      {
        trace_id: 't-1',
        agent: 'alpha',
        agent_label: 'Alpha',
        verdict: 'negative',
        failure_observation_id: 'gen-1',
        failure_observation_name: 'classify',
        rationale: 'Misread the claim type.',
        expected_output: '{"label":"property"}',
        tooling_needs: 'x'.repeat(2000),
        trace_input: { messages: [{ role: 'user', content: 'My car was hit' }] },
        add_to_dataset: true,
        dataset_name: null,
      },
    ]);
    expect(last(calls, '/api/agent-replay/reviews')?.params.get('agent')).toBe('alpha');
    await waitFor(() => expect(within(list).getAllByTestId('review-score')).toHaveLength(2));
    expect(within(list).getAllByTestId('review-score')[1]?.textContent).toBe('review.verdict.v1-1(negative)');
  });

  it('offers the datasets of the agent when no failure step is chosen', async () => {
    const { calls, posted } = await openTrace();
    fireEvent.click(screen.getByTestId('verdict-positive'));
    fireEvent.click(screen.getByTestId('review-add-dataset'));
    await waitFor(() => expect([...screen.getByTestId('review-dataset-options').querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['golden-claims', 'alpha-golden-2026-03']));
    expect(last(calls, '/api/agent-replay/datasets')?.params.get('agent')).toBe('alpha');
    expect(screen.getByTestId('review-dataset').getAttribute('placeholder')).toBe('Alpha-golden-YYYY-MM');
    fireEvent.change(screen.getByTestId('review-dataset'), { target: { value: ' golden-claims ' } });
    fireEvent.click(screen.getByTestId('review-submit'));
    expect((await screen.findByTestId('review-saved')).textContent).toBe('Saved 1 score and a dataset item in golden-claims.');
    expect(posted).toMatchObject([{ verdict: 'positive', failure_observation_id: null, failure_observation_name: null, rationale: '', add_to_dataset: true, dataset_name: 'golden-claims' }]);
  });
});
