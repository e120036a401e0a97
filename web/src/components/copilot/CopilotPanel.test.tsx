import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COPILOT_SESSION_KEY } from '../../lib/copilot/session';
import { serveApi, TREE_DATASET, type Call } from '../../pages/evaluate/testServer';
import { useUiStore } from '../../stores/uiStore';
import { renderApp } from '../../test/renderApp';
import { sseStream } from '../../test/sseStream';

vi.mock('../charts/EChart', () => ({
  EChart: ({ testId }: { testId?: string }) => <div data-testid={testId ?? 'echart'} />,
}));

const CONFIGURED = { configured: true, model: 'gpt-4o', providers: { openai: true, anthropic: false }, features: {} };

interface Options {
  status?: unknown;
  /** Stored messages by session id. */
  history?: Record<string, Array<{ role: string; content: string }>>;
  stream?: ReturnType<typeof sseStream>;
}

function server({ status = CONFIGURED, history = {}, stream }: Options = {}) {
  return serveApi(({ path, method, params }) => {
    if (path === '/api/ai/status') return { body: status };
    if (path === '/api/ai/copilot/history') return { body: { session_id: params.get('session_id'), messages: history[params.get('session_id') ?? ''] ?? [] } };
    if (path === '/api/ai/copilot/stream' && method === 'POST' && stream) return stream.response;
    if (path === '/api/datasets') return { body: { success: true, datasets: [TREE_DATASET] } };
    if (path === '/api/evaluation/scorecard') return { body: { success: true, nodes: [], experiments: [] } };
    return undefined;
  });
}

async function openPanel(path = '/') {
  const view = renderApp(path);
  fireEvent.click(screen.getByTestId('nav-copilot'));
  const panel = await screen.findByTestId('copilot-panel');
  await waitFor(() => expect((within(panel).getByTestId('copilot-input') as HTMLTextAreaElement).disabled).toBe(false));
  return { ...view, panel };
}

function ask(text: string) {
  fireEvent.change(screen.getByTestId('copilot-input'), { target: { value: text } });
  fireEvent.keyDown(screen.getByTestId('copilot-input'), { key: 'Enter' });
}

const streamCall = (calls: Call[]) => calls.find((c) => c.path === '/api/ai/copilot/stream');

describe('copilot panel', { timeout: 20_000 }, () => {
  beforeEach(() => {
    sessionStorage.clear();
    useUiStore.setState({ copilotOpen: false, copilotContext: null });
  });

  it('says no LLM provider is configured and disables the input', async () => {
    server({ status: { configured: false, model: '', providers: { openai: false, anthropic: false }, features: {} } });
    renderApp('/');
    fireEvent.click(screen.getByTestId('nav-copilot'));
    const notice = await screen.findByTestId('copilot-not-configured');
    expect(notice.textContent).toBe('No LLM provider is configured: set OPENAI_API_KEY or ANTHROPIC_API_KEY on the server.');
    expect((screen.getByTestId('copilot-input') as HTMLTextAreaElement).disabled).toBe(true);
    expect((screen.getByTestId('copilot-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the page dataset, sends it with the question, and streams thoughts, tokens and the final answer', async () => {
    const stream = sseStream();
    const { calls } = server({ stream });
    const { panel } = await openPanel('/evaluate/scorecard?dataset=ds-tree');
    await waitFor(() => expect(within(panel).getByTestId('copilot-context').textContent).toContain('Asking about:Evaluation datasetds-tree'));
    expect(within(panel).getByTestId('copilot-model').textContent).toBe('gpt-4o');

    ask('Which metric is weakest?');
    await waitFor(() => expect(streamCall(calls)).toBeTruthy());
    expect(streamCall(calls)!.body).toEqual({ message: 'Which metric is weakest?', session_id: sessionStorage.getItem(COPILOT_SESSION_KEY), dataset_id: 'ds-tree' });
    expect(within(panel).getByTestId('copilot-question').textContent).toBe('Which metric is weakest?');
    expect((screen.getByTestId('copilot-input') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByTestId('copilot-stop')).toBeTruthy();

    act(() => {
      stream.raw(': ping\n\n');
      stream.send('thought', { id: 't1', type: 'planning', content: 'Look at the scorecard', color: '#F59E0B', skill_name: 'scorecard', metadata: {}, timestamp: null, node_name: null });
      stream.send('thought', { id: 't2', type: 'observation', content: 'relevance is 0.45', color: '#06B6D4' });
    });
    const thoughts = await screen.findAllByTestId('copilot-thought');
    await waitFor(() => expect(screen.getAllByTestId('copilot-thought')).toHaveLength(2));
    expect(thoughts[0]!.style.borderLeftColor).toBe('rgb(245, 158, 11)');
    expect(within(thoughts[0]!).getByTestId('thought-skill').textContent).toBe('scorecard');
    expect(screen.getAllByTestId('copilot-thought')[1]!.textContent).toContain('relevance is 0.45');

    act(() => {
      stream.send('token', { text: 'Relevance ' });
      stream.send('token', { text: 'is **low**' });
    });
    await waitFor(() => expect(screen.getByTestId('copilot-answer').textContent).toBe('Relevance is low'));
    expect(screen.getByTestId('copilot-answer').querySelector('strong')?.textContent).toBe('low');

    act(() => {
      stream.send('response', { success: true, response: '## Weakest\nRelevance, at **0.45**.', thoughts_count: 2, session_id: 's', usage: { prompt_tokens: 120, completion_tokens: 30 } });
      stream.send('done');
    });
    await waitFor(() => expect(screen.getByTestId('copilot-send')).toBeTruthy());
    const answer = screen.getByTestId('copilot-answer');
    expect(answer.querySelector('h4')?.textContent).toBe('Weakest');
    expect(answer.textContent).toBe('WeakestRelevance, at 0.45.');
    expect(screen.getByTestId('copilot-usage').textContent).toBe('120 prompt + 30 completion tokens');
    expect(screen.queryByTestId('copilot-thought')).toBeNull();
    fireEvent.click(screen.getByTestId('copilot-thinking-toggle'));
    expect(screen.getAllByTestId('copilot-thought')).toHaveLength(2);
  });

  it('leaves the dataset out when "Include this dataset" is off', async () => {
    const stream = sseStream();
    const { calls } = server({ stream });
    useUiStore.setState({ copilotContext: { dataset_id: 'ds-9', label: 'Monitoring dataset' } });
    await openPanel();
    fireEvent.click(screen.getByTestId('copilot-include-dataset'));
    ask('Hello');
    await waitFor(() => expect(streamCall(calls)).toBeTruthy());
    expect(streamCall(calls)!.body).toEqual({ message: 'Hello', session_id: sessionStorage.getItem(COPILOT_SESSION_KEY) });
    act(() => stream.close());
  });

  it('shows an error event as an error bubble', async () => {
    const stream = sseStream();
    server({ stream });
    await openPanel();
    ask('Why?');
    act(() => {
      stream.send('error', { error: 'The model timed out' });
      stream.send('done');
    });
    expect((await screen.findByTestId('copilot-error')).textContent).toBe('The model timed out');
    await waitFor(() => expect(screen.getByTestId('copilot-send')).toBeTruthy());
  });

  it('shows a refused request as an error', async () => {
    serveApi(({ path }) => {
      if (path === '/api/ai/status') return { body: CONFIGURED };
      if (path === '/api/ai/copilot/stream') return { status: 503, body: { detail: 'No LLM provider configured' } };
      return undefined;
    });
    await openPanel();
    ask('Why?');
    expect((await screen.findByTestId('copilot-error')).textContent).toBe('No LLM provider configured');
  });

  it('stops a streaming answer, aborting the request and keeping the partial text', async () => {
    const stream = sseStream();
    const { calls } = server({ stream });
    await openPanel();
    ask('Summarise');
    act(() => stream.send('token', { text: 'Partial answer' }));
    await waitFor(() => expect(screen.getByTestId('copilot-answer').textContent).toBe('Partial answer'));
    fireEvent.click(screen.getByTestId('copilot-stop'));
    await waitFor(() => expect(screen.getByTestId('copilot-stopped')).toBeTruthy());
    expect(streamCall(calls)!.signal?.aborted).toBe(true);
    expect(stream.cancelled).toBe(true);
    expect(screen.getByTestId('copilot-answer').textContent).toBe('Partial answer');
    expect(screen.getByTestId('copilot-send')).toBeTruthy();
  });

  it('sends on Enter but not on Shift+Enter', async () => {
    const stream = sseStream();
    const { calls } = server({ stream });
    await openPanel();
    fireEvent.change(screen.getByTestId('copilot-input'), { target: { value: 'Line one' } });
    fireEvent.keyDown(screen.getByTestId('copilot-input'), { key: 'Enter', shiftKey: true });
    expect(streamCall(calls)).toBeUndefined();
    fireEvent.click(screen.getByTestId('copilot-send'));
    await waitFor(() => expect(streamCall(calls)).toBeTruthy());
    act(() => stream.close());
  });

  it('loads the session history and starts afresh with New conversation', async () => {
    sessionStorage.setItem(COPILOT_SESSION_KEY, 'session-1');
    const { calls } = server({
      history: {
        'session-1': [
          { role: 'user', content: 'Earlier question' },
          { role: 'assistant', content: 'Earlier **answer**' },
        ],
      },
    });
    await openPanel();
    expect((await screen.findByTestId('copilot-answer')).querySelector('strong')?.textContent).toBe('answer');
    expect(screen.getByTestId('copilot-question').textContent).toBe('Earlier question');
    expect(calls.find((c) => c.path === '/api/ai/copilot/history')?.params.get('session_id')).toBe('session-1');

    fireEvent.click(screen.getByTestId('copilot-new'));
    await waitFor(() => expect(screen.queryByTestId('copilot-question')).toBeNull());
    const fresh = sessionStorage.getItem(COPILOT_SESSION_KEY);
    expect(fresh).not.toBe('session-1');
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/ai/copilot/history').map((c) => c.params.get('session_id'))).toContain(fresh));
    expect(screen.queryByTestId('copilot-answer')).toBeNull();
  });

  it('offers four questions about the page data, with a card of its size, and sends the one picked', async () => {
    const stream = sseStream();
    const { calls } = server({ stream });
    const { panel } = await openPanel('/evaluate/scorecard?dataset=ds-tree');
    await waitFor(() => expect(within(panel).getByTestId('copilot-data-card').textContent).toBe('Example Model · 280 records | 1 columns'));
    const prompts = within(panel).getAllByTestId('copilot-prompt').map((b) => b.textContent);
    expect(prompts).toEqual([
      'Which metrics score lowest in the 280 rows of Example Model, and why?',
      'How spread out are the scores in the 280 rows of Example Model?',
      'What do the lowest-scoring cases in Example Model have in common?',
      'Which component pulls the overall score down the most?',
    ]);
    fireEvent.click(within(panel).getAllByTestId('copilot-prompt')[2]!);
    await waitFor(() => expect(streamCall(calls)).toBeTruthy());
    expect((streamCall(calls)!.body as { message: string }).message).toBe('What do the lowest-scoring cases in Example Model have in common?');
    expect(within(panel).getByTestId('copilot-question').textContent).toBe('What do the lowest-scoring cases in Example Model have in common?');
    act(() => stream.close());
  });

  it('offers general questions on a page without data', async () => {
    server();
    const { panel } = await openPanel('/learn');
    expect(within(panel).getAllByTestId('copilot-prompt')).toHaveLength(4);
    expect(within(panel).getAllByTestId('copilot-prompt')[0]!.textContent).toBe('What can I evaluate with AXIS, and where do I start?');
    expect(within(panel).queryByTestId('copilot-data-card')).toBeNull();
  });
});
