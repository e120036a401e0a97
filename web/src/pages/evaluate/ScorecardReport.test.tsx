import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useEvalStore } from '../../stores/evalStore';
import { renderApp } from '../../test/renderApp';
import { sseStream } from '../../test/sseStream';
import { SCORECARD, serveApi, TREE_DATASET, type Call } from './testServer';

vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ testId, ariaLabel }: { testId?: string; ariaLabel: string }) => <div data-testid={testId ?? 'echart'} aria-label={ariaLabel} />,
}));

const FIELDS = ['query', 'actual_output', 'expected_output', 'signals', 'retrieved_content', 'conversation', 'critique'];
const STATUS = { available: true, providers: ['openai'], default_model: 'gpt-4o-mini', report_types: ['summary', 'detailed'], report_modes: ['low', 'high', 'overall'], available_context_fields: FIELDS };

type Reply = { status?: number; body: unknown } | Response;

function server(status: () => Reply, streams: Array<ReturnType<typeof sseStream>> = []) {
  let next = 0;
  return serveApi(({ path, method }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets: [TREE_DATASET] } };
    if (path === '/api/evaluation/scorecard') return { body: SCORECARD };
    if (path === '/api/reports/status') return status();
    if (path === '/api/reports/generate/stream' && method === 'POST') return streams[next++]?.response;
    return undefined;
  });
}

async function openScorecard() {
  useEvalStore.setState({ datasetId: null });
  renderApp('/evaluate/scorecard?dataset=ds-tree');
  return screen.findByTestId('ai-report-panel', {}, { timeout: 10000 });
}

const streamCalls = (calls: Call[]) => calls.filter((c) => c.path === '/api/reports/generate/stream');

describe('scorecard AI report', () => {
  it('counts what a report covers and opens its settings for all metrics', async () => {
    server(() => ({ body: STATUS }));
    const panel = await openScorecard();
    expect(within(panel).getByTestId('ai-report-cases').textContent).toBe('40');
    expect(within(panel).getByTestId('ai-report-metrics').textContent).toBe('2');
    expect(within(panel).getByTestId('ai-report-scored').textContent).toBe('80');
    expect(within(panel).getByTestId('ai-report-below').textContent).toBe('1');
    fireEvent.click(within(panel).getByTestId('ai-report-open'));
    const modal = await screen.findByTestId('scorecard-report-modal');
    expect(modal.textContent).toContain('AI report · all metrics');
    await within(modal).findByTestId('report-scope');
    expect(within(modal).getByText('Metrics (all)')).toBeTruthy();
  }, 20000);

  it('shows loading while the server is asked whether reports can be generated', async () => {
    const pending = sseStream();
    server(() => pending.response);
    await openScorecard();
    fireEvent.click(screen.getByTestId('ai-report-open'));
    const modal = await screen.findByTestId('scorecard-report-modal');
    expect(within(modal).getByTestId('loading').textContent).toContain('Checking whether reports can be generated');
  }, 20000);

  it('names a failed status check, retries it, and says when no provider is configured', async () => {
    let reply: () => Reply = () => ({ status: 500, body: { detail: 'Report status is down' } });
    server(() => reply());
    await openScorecard();
    fireEvent.click(screen.getByTestId('ai-report-open'));
    const modal = await screen.findByTestId('scorecard-report-modal');
    const error = await within(modal).findByTestId('error-block', {}, { timeout: 5000 });
    expect(error.textContent).toContain('Could not check whether reports can be generated');
    expect(error.textContent).toContain('Report status is down');
    reply = () => ({ body: { ...STATUS, available: false } });
    fireEvent.click(within(error).getByText('Retry'));
    expect((await within(modal).findByTestId('scorecard-report-unavailable')).textContent).toContain('No LLM provider is configured');
    expect((within(modal).getByTestId('report-generate') as HTMLButtonElement).disabled).toBe(true);
  }, 20000);

  it('scopes a report to a subtree, sends sample rate and context fields, streams and cancels', async () => {
    const stream = sseStream();
    const { calls } = server(() => ({ body: STATUS }), [stream]);
    await openScorecard();
    fireEvent.click(screen.getByTestId('scorecard-report-Quality'));
    const modal = await screen.findByTestId('scorecard-report-modal');
    expect(modal.textContent).toContain('AI report · Quality');
    await within(modal).findByTestId('report-scope');
    for (const m of ['Quality', 'faithfulness', 'relevance']) expect(within(modal).getByTestId(`report-metric-${m}`).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(modal).getByTestId('report-metric-relevance'));
    fireEvent.change(within(modal).getByTestId('report-sample-rate'), { target: { value: '0.5' } });
    fireEvent.click(within(modal).getByTestId('report-context-critique'));
    fireEvent.click(within(modal).getByTestId('report-context-signals'));
    fireEvent.click(within(modal).getByTestId('report-generate'));

    await waitFor(() => expect(streamCalls(calls)).toHaveLength(1));
    expect(streamCalls(calls)[0]!.body).toEqual({
      dataset_id: 'ds-tree',
      mode: 'low',
      report_type: 'summary',
      extraction_config: {
        score_threshold: 0.5,
        max_issues: 100,
        sample_rate: 0.5,
        metric_filters: ['Quality', 'faithfulness'],
        include_context_fields: ['query', 'actual_output', 'expected_output', 'critique'],
      },
    });
    act(() => stream.send('thought', { id: 'extract-1', type: 'planning', content: 'Extracting issues', color: '#F59E0B', metadata: {}, timestamp: '' }));
    expect((await within(modal).findByTestId('report-step')).textContent).toContain('Extracting issues');
    fireEvent.click(within(modal).getByTestId('report-cancel'));
    expect(await within(modal).findByTestId('report-cancelled')).toBeTruthy();
    expect(streamCalls(calls)[0]!.signal?.aborted).toBe(true);
    fireEvent.click(within(modal).getByTestId('report-back'));
    expect((within(modal).getByTestId('report-sample-rate') as HTMLInputElement).value).toBe('0.5');
  }, 20000);

  it('shows a failed generation and retries it with the same request', async () => {
    const first = sseStream();
    const second = sseStream();
    const { calls } = server(() => ({ body: STATUS }), [first, second]);
    await openScorecard();
    fireEvent.click(screen.getByTestId('scorecard-report-relevance'));
    const modal = await screen.findByTestId('scorecard-report-modal');
    fireEvent.click(await within(modal).findByTestId('report-generate'));
    act(() => {
      first.send('error', { error: 'OpenAI answered 400: bad request' });
      first.send('done');
      first.close();
    });
    const error = await within(modal).findByTestId('report-error');
    expect(error.textContent).toContain('OpenAI answered 400: bad request');
    fireEvent.click(within(error).getByText('Retry'));
    await waitFor(() => expect(streamCalls(calls)).toHaveLength(2));
    expect(streamCalls(calls)[1]!.body).toEqual(streamCalls(calls)[0]!.body);
    expect((streamCalls(calls)[0]!.body as { extraction_config: { metric_filters: string[] } }).extraction_config.metric_filters).toEqual(['relevance']);
    act(() => {
      second.send('response', { success: true, report_text: '## Relevance\nWeak on refunds.', issues_analyzed: 3, metrics_covered: ['relevance'] });
      second.send('done');
      second.close();
    });
    await waitFor(() => expect(within(modal).getByTestId('report-text').textContent).toBe('RelevanceWeak on refunds.'));
    expect(within(modal).queryByTestId('report-error')).toBeNull();
    expect(within(modal).getByTestId('report-summary').textContent).toBe('3 issues analysed across: relevance');
  }, 20000);
});
