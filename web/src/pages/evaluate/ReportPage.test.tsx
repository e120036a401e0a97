import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEvalStore } from '../../stores/evalStore';
import { blobText, captureDownloads } from '../../test/downloads';
import { renderApp } from '../../test/renderApp';
import { sseStream } from '../../test/sseStream';
import { serveApi, TREE_DATASET, type Call } from './testServer';

const STATUS = {
  available: true,
  providers: ['openai'],
  default_model: 'gpt-4o',
  report_types: ['summary', 'detailed', 'grouped', 'recommendations'],
  report_modes: ['low', 'high', 'overall'],
  available_context_fields: ['query', 'actual_output'],
};

function server(stream?: ReturnType<typeof sseStream>, status: unknown = STATUS) {
  return serveApi(({ path, method }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets: [TREE_DATASET] } };
    if (path === '/api/reports/status') return { body: status };
    if (path === '/api/reports/generate/stream' && method === 'POST' && stream) return stream.response;
    return undefined;
  });
}

async function openReport() {
  useEvalStore.setState({ datasetId: null });
  renderApp('/evaluate/report?dataset=ds-tree');
  const button = (await screen.findByTestId('report-generate', {}, { timeout: 5000 })) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

const generateCall = (calls: Call[]) => calls.find((c) => c.path === '/api/reports/generate/stream');

describe('report page', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('is a tab of Evaluate and says when no LLM provider is configured', async () => {
    server(undefined, { ...STATUS, available: false, providers: [] });
    renderApp('/evaluate/report?dataset=ds-tree');
    expect((await screen.findByTestId('report-unavailable', {}, { timeout: 5000 })).textContent).toContain('No LLM provider is configured');
    expect(screen.getByTestId('evaluate-tab-report').getAttribute('aria-current')).toBe('page');
    expect((screen.getByTestId('report-generate') as HTMLButtonElement).disabled).toBe(true);
  });

  it('sends the chosen settings, shows progress and the live text, then the final report with copy and download', async () => {
    const stream = sseStream();
    const { calls } = server(stream);
    const generate = await openReport();
    expect(screen.getByTestId('report-mode-low').getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByTestId('report-type') as HTMLSelectElement).value).toBe('summary');
    fireEvent.click(screen.getByTestId('report-mode-high'));
    fireEvent.change(screen.getByTestId('report-type'), { target: { value: 'detailed' } });
    fireEvent.change(screen.getByTestId('report-threshold'), { target: { value: '0.7' } });
    fireEvent.change(screen.getByTestId('report-max-issues'), { target: { value: '50' } });
    fireEvent.click(generate);

    await waitFor(() => expect(generateCall(calls)).toBeTruthy());
    expect(generateCall(calls)!.body).toEqual({
      dataset_id: 'ds-tree',
      mode: 'high',
      report_type: 'detailed',
      extraction_config: { score_threshold: 0.7, max_issues: 50 },
    });
    expect(screen.getByTestId('report-stop')).toBeTruthy();

    act(() => {
      stream.send('thought', { id: 'a', type: 'tool_use', content: 'Extracting 12 issues', color: '#8B5CF6', skill_name: 'extract', metadata: {}, timestamp: null, node_name: null });
      stream.send('token', { text: '# Findings\n' });
      stream.send('token', { text: 'Relevance is **weak**' });
    });
    const progress = await screen.findByTestId('report-progress');
    const step = await within(progress).findByTestId('report-step');
    expect(step.textContent).toContain('Extracting 12 issues');
    expect(step.style.borderLeftColor).toBe('rgb(139, 92, 246)');
    await waitFor(() => expect(screen.getByTestId('report-text').textContent).toBe('FindingsRelevance is weak'));

    const final = '# Report\n\n- Relevance fails on refunds\n- Faithfulness is fine';
    act(() => {
      stream.send('insights', { patterns: [{ category: 'Off-topic answers', description: 'Answers drift from the question', count: 7 }] });
      stream.send('response', { success: true, report_text: final, issues_analyzed: 12, metrics_covered: ['faithfulness', 'relevance'] });
      stream.send('done');
    });
    await waitFor(() => expect(screen.getByTestId('report-generate')).toBeTruthy());
    const text = screen.getByTestId('report-text');
    expect(text.querySelector('h3')?.textContent).toBe('Report');
    expect(text.querySelectorAll('li')).toHaveLength(2);
    expect(screen.getByTestId('report-summary').textContent).toBe('12 issues analysed across: faithfulness, relevance');
    expect(screen.getByTestId('report-pattern').textContent).toContain('Off-topic answers');
    expect(screen.getByTestId('report-pattern').textContent).toContain('7');

    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByTestId('report-copy'));
    expect(writeText).toHaveBeenCalledWith(final);
    await waitFor(() => expect(screen.getByTestId('report-copy').textContent).toBe('Copied'));

    const capture = captureDownloads();
    try {
      fireEvent.click(screen.getByTestId('report-download'));
      const [saved] = capture.downloads;
      expect(saved!.filename).toMatch(/^report-Example-Model-detailed-\d{4}-\d{2}-\d{2}\.md$/);
      expect(saved!.blob.type).toBe('text/markdown;charset=utf-8');
      expect(await blobText(saved!.blob)).toBe(final);
    } finally {
      capture.restore();
    }
  });

  it('stops a running generation and keeps the partial report', async () => {
    const stream = sseStream();
    const { calls } = server(stream);
    fireEvent.click(await openReport());
    act(() => stream.send('token', { text: 'Partial report' }));
    await waitFor(() => expect(screen.getByTestId('report-text').textContent).toBe('Partial report'));
    fireEvent.click(screen.getByTestId('report-stop'));
    await waitFor(() => expect(screen.getByTestId('report-stopped')).toBeTruthy());
    expect(generateCall(calls)!.signal?.aborted).toBe(true);
    expect(screen.getByTestId('report-text').textContent).toBe('Partial report');
  });

  it('shows an error event', async () => {
    const stream = sseStream();
    server(stream);
    fireEvent.click(await openReport());
    act(() => {
      stream.send('error', { error: 'No issues below the threshold' });
      stream.send('done');
    });
    expect((await screen.findByTestId('report-error')).textContent).toContain('No issues below the threshold');
    expect(screen.queryByTestId('report-result')).toBeNull();
  });
});
