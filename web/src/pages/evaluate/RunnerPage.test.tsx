import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEvalStore } from '../../stores/evalStore';
import { captureDownloads } from '../../test/downloads';
import { locationPath, renderApp } from '../../test/renderApp';
import { sseStream } from '../../test/sseStream';
import type { Dataset } from '../../lib/evaluate/types';
import type { MessageResponse, RunnerMetricsResponse, RunRecord, RunResponse, RunsResponse, TestConnectionResponse } from '../../lib/evalrun/types';
import { METRICS, runRecord, SAMPLE_REPLY, SUMMARY } from './runnerFixtures';
import { serveApi, type Call } from './testServer';

interface Options {
  stream?: ReturnType<typeof sseStream>;
  runs?: RunRecord[];
  datasets?: Dataset[];
}

function server({ stream, runs = [], datasets = [] }: Options = {}) {
  let runList = runs;
  return serveApi(({ path, method }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets } };
    if (path === '/api/eval-runner/metrics') return { body: { success: true, metrics: METRICS } satisfies RunnerMetricsResponse };
    if (path === '/api/eval-runner/example/sample') return { body: SAMPLE_REPLY };
    if (path === '/api/eval-runner/runs' && method === 'GET') return { body: { success: true, runs: runList } satisfies RunsResponse };
    if (path === '/api/eval-runner/test-connection') return { body: { success: true, sample_output: 'Hi there!', error: null, latency_ms: 412.6 } satisfies TestConnectionResponse };
    if ((path === '/api/eval-runner/run/stream' || path.endsWith('/resume')) && stream) return stream.response;
    if (path.startsWith('/api/eval-runner/runs/') && method === 'DELETE') {
      runList = runList.filter((r) => r.run_id !== path.split('/').pop());
      return { body: { success: true, message: 'Deleted' } satisfies MessageResponse };
    }
    if (path === '/api/eval-runner/export/run-done/csv') return new Response('metric_name,metric_score\nanswer_relevancy,0.8\n', { headers: { 'content-type': 'text/csv' } });
    if (path === '/api/eval-runner/runs/run-done') return { body: { success: true, run: runRecord('run-done', 'completed'), summary: SUMMARY } satisfies RunResponse };
    return undefined;
  });
}

async function loadSample() {
  renderApp('/evaluate/runner');
  fireEvent.click(await screen.findByTestId('runner-sample', {}, { timeout: 5000 }));
  await screen.findByTestId('runner-mapping');
}

const select = (testId: string) => screen.getByTestId(testId) as HTMLSelectElement;

async function chooseMetrics() {
  fireEvent.click(screen.getByTestId('runner-data-next'));
  fireEvent.click(await screen.findByTestId('runner-agent-next'));
  await screen.findByTestId('metric-answer_relevancy');
  fireEvent.click(screen.getByTestId('metric-check-answer_relevancy'));
  fireEvent.click(screen.getByTestId('metric-check-exact_string_match'));
}

const streamCall = (calls: Call[]) => calls.find((c) => c.path === '/api/eval-runner/run/stream');

describe('runner page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('pre-fills the mapping from the suggestion, keeping only columns of the file, and previews the rows', async () => {
    server();
    await loadSample();
    expect(screen.getByTestId('runner-loaded').textContent).toBe('sample.csv · 3 rows · 4 columns');
    expect(select('map-dataset_id').value).toBe('id');
    expect(select('map-query').value).toBe('question');
    expect(select('map-actual_output').value).toBe('answer');
    expect(select('map-expected_output').value).toBe('gold');
    expect(select('map-retrieved_content').value).toBe('');
    expect(select('map-latency').value).toBe('');
    const preview = screen.getByTestId('runner-preview');
    expect(within(preview).getAllByRole('row')).toHaveLength(3);
    expect(preview.textContent).toContain('Do you ship abroad?');
    expect((screen.getByTestId('runner-data-next') as HTMLButtonElement).disabled).toBe(false);

    fireEvent.change(select('map-query'), { target: { value: '' } });
    expect(screen.getByTestId('runner-mapping-missing').textContent).toContain('Map a column to Query to continue.');
    expect((screen.getByTestId('runner-data-next') as HTMLButtonElement).disabled).toBe(true);
  });

  it('tests the agent connection with the prompt settings and shows output and latency', async () => {
    const { calls } = server();
    await loadSample();
    fireEvent.click(screen.getByTestId('runner-data-next'));
    fireEvent.click(await screen.findByTestId('agent-type-prompt'));
    fireEvent.change(screen.getByTestId('agent-model'), { target: { value: 'gpt-4o-mini' } });
    fireEvent.change(screen.getByTestId('agent-system-prompt'), { target: { value: 'Be brief.' } });
    fireEvent.click(screen.getByTestId('runner-test-connection'));
    const result = await screen.findByTestId('runner-test-result');
    expect(result.textContent).toContain('Connected · 413 ms');
    expect(result.textContent).toContain('Hi there!');
    expect(calls.find((c) => c.path === '/api/eval-runner/test-connection')!.body).toEqual({
      agent_config: { type: 'prompt', prompt_config: { model: 'gpt-4o-mini', provider: 'openai', system_prompt: 'Be brief.', user_prompt_template: '{{query}}' } },
      sample_query: 'Hello, how are you?',
    });
  });

  it('marks LLM metrics, warns about unmapped fields, filters by tag and sends the chosen run', async () => {
    const stream = sseStream();
    const { calls } = server({ stream });
    await loadSample();
    await chooseMetrics();
    expect(screen.getByTestId('metric-llm-answer_relevancy').textContent).toContain('1 model call per row');
    expect(screen.queryByTestId('metric-llm-exact_string_match')).toBeNull();
    expect(screen.getByTestId('metric-missing-faithfulness').textContent).toContain('Needs retrieved_content');
    expect(screen.queryByTestId('metric-missing-answer_relevancy')).toBeNull();
    expect(screen.getByTestId('runner-cost').textContent).toBe('1 LLM-judged metric × 3 rows = about 3 model calls.');

    fireEvent.click(screen.getByTestId('metrics-tag-heuristic'));
    expect(screen.queryByTestId('metric-answer_relevancy')).toBeNull();
    expect(screen.getByTestId('metric-exact_string_match')).toBeTruthy();
    fireEvent.click(screen.getByTestId('metrics-tag-all'));
    fireEvent.change(screen.getByTestId('metrics-search'), { target: { value: 'faith' } });
    expect(screen.getAllByTestId(/^metric-check-/)).toHaveLength(1);
    fireEvent.change(screen.getByTestId('metrics-search'), { target: { value: '' } });

    expect((screen.getByTestId('threshold-answer_relevancy') as HTMLInputElement).value).toBe('0.5');
    fireEvent.change(screen.getByTestId('threshold-answer_relevancy'), { target: { value: '0.6' } });
    expect((screen.getByTestId('runner-eval-name') as HTMLInputElement).value).toBe('sample');
    fireEvent.change(screen.getByTestId('runner-eval-name'), { target: { value: 'support-faq' } });
    fireEvent.change(screen.getByTestId('runner-concurrency'), { target: { value: '8' } });
    fireEvent.change(screen.getByTestId('runner-judge-model'), { target: { value: 'gpt-4o-mini' } });
    fireEvent.click(screen.getByTestId('runner-start'));

    await waitFor(() => expect(streamCall(calls)).toBeTruthy());
    expect(streamCall(calls)!.body).toEqual({
      evaluation_name: 'support-faq',
      dataset: { columns: SAMPLE_REPLY.dataset.columns, data: SAMPLE_REPLY.dataset.data },
      column_mapping: { dataset_id: 'id', query: 'question', actual_output: 'answer', expected_output: 'gold' },
      agent_config: { type: 'none' },
      metrics: ['answer_relevancy', 'exact_string_match'],
      model_name: 'gpt-4o-mini',
      llm_provider: 'openai',
      max_concurrent: 8,
      thresholds: { answer_relevancy: 0.6, exact_string_match: 0.5 },
    });
    act(() => stream.close());
  });

  it('needs a metric before it runs', async () => {
    server();
    await loadSample();
    fireEvent.click(screen.getByTestId('runner-data-next'));
    fireEvent.click(await screen.findByTestId('runner-agent-next'));
    await screen.findByTestId('metric-answer_relevancy');
    expect((screen.getByTestId('runner-start') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('runner-run-hint').textContent).toBe('Select at least one metric.');
  });

  it('renders progress, logs and running averages from the stream, then the results, and opens them in the scorecard', async () => {
    const stream = sseStream();
    server({ stream, datasets: [{ id: 'ds-run-7', name: 'support-faq', kind: 'evaluation', format: 'flat_format', row_count: 6, columns: [], created_at: '2026-12-05T10:05:00Z', source: 'eval-runner' }] });
    await loadSample();
    await chooseMetrics();
    fireEvent.click(screen.getByTestId('runner-start'));
    await screen.findByTestId('runner-progress');

    act(() => {
      stream.send('log', { timestamp: '2026-12-05T10:00:01Z', level: 'INFO', message: 'Starting evaluation: sample' });
      stream.send('progress', { run_id: 'run-7', current: 0, total: 6, status: 'running', message: 'Validating data...', phase: 'validating', metrics: [] });
      stream.send('log', { timestamp: '2026-12-05T10:00:02Z', level: 'WARNING', message: 'Metric x is unknown' });
      stream.send('progress', {
        run_id: 'run-7', current: 4, total: 6, status: 'running', message: 'Evaluating metrics...', phase: 'evaluating',
        metrics: [{ metric_key: 'answer_relevancy', count: 2, average_score: 0.9 }, { metric_key: 'exact_string_match', count: 2, average_score: 0.5 }],
      });
    });
    await waitFor(() => expect(screen.getByTestId('runner-progress-count').textContent).toBe('4 / 6'));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('4');
    expect(screen.getByTestId('runner-progress-message').textContent).toBe('Evaluating metrics...');
    expect(screen.getByTestId('running-answer_relevancy').textContent).toBe('answer_relevancy20.900');
    expect(screen.getByTestId('running-exact_string_match').textContent).toBe('exact_string_match20.500');
    const log = screen.getByTestId('runner-log');
    expect(within(log).getAllByRole('listitem').map((l) => l.textContent)).toEqual([
      '10:00:01 INFO Starting evaluation: sample',
      '10:00:02 WARNING Metric x is unknown',
    ]);

    act(() => {
      stream.send('progress', { run_id: 'run-7', current: 6, total: 6, status: 'complete', message: 'Evaluation complete!', phase: 'complete', metrics: [] });
      stream.send('complete', { run_id: 'run-7', summary: SUMMARY });
      stream.send('done');
    });
    await screen.findByTestId('runner-results');
    expect(screen.queryByTestId('runner-progress')).toBeNull();
    expect(screen.getByTestId('runner-log-details').textContent).toContain('Run log (2 lines)');
    expect(screen.getByTestId('runner-kpi-items-value').textContent).toBe('3');
    expect(screen.getByTestId('runner-kpi-average-value').textContent).toBe('0.542');
    expect(screen.getByTestId('runner-kpi-pass-rate-value').textContent).toBe('66.7%');
    expect(screen.getByTestId('metric-result-answer_relevancy-average').textContent).toBe('0.750');
    expect(screen.getByTestId('metric-result-answer_relevancy-threshold').textContent).toBe('0.60');
    expect(screen.getByTestId('metric-result-exact_string_match-pass-rate').textContent).toBe('33.3%');
    expect(screen.getByTestId('metric-result-exact_string_match-failed-calls').textContent).toBe('1');
    expect(within(screen.getByTestId('metric-result-exact_string_match')).getByLabelText('Failed')).toBeTruthy();
    expect(screen.getByTestId('item-a1b2c3d4').textContent).toContain('0.800');
    expect(screen.queryByTestId('item-detail-a1b2c3d4')).toBeNull();
    fireEvent.click(screen.getByTestId('item-toggle-a1b2c3d4'));
    expect(screen.getByTestId('item-detail-a1b2c3d4').textContent).toContain('States the window directly.');
    expect(screen.getByTestId('item-detail-a1b2c3d4').textContent).toContain('Texts differ.');

    fireEvent.click(screen.getByTestId('runner-open-scorecard'));
    await waitFor(() => expect(locationPath()).toBe('/evaluate/scorecard'));
    expect(useEvalStore.getState().datasetId).toBe('ds-run-7');
  });

  it('cancels the run by closing the stream and shows the server error of a failed run', async () => {
    const stream = sseStream();
    server({ stream });
    await loadSample();
    await chooseMetrics();
    fireEvent.click(screen.getByTestId('runner-start'));
    fireEvent.click(await screen.findByTestId('runner-cancel'));
    await screen.findByTestId('runner-stopped');
    expect(stream.cancelled).toBe(true);

    const second = sseStream();
    server({ stream: second });
    fireEvent.click(screen.getByTestId('runner-step-metrics'));
    fireEvent.click(await screen.findByTestId('runner-start'));
    await screen.findByTestId('runner-progress');
    act(() => {
      second.send('error', { message: 'No valid metrics could be instantiated', details: null });
      second.send('done');
    });
    expect((await screen.findByTestId('runner-error')).textContent).toBe('No valid metrics could be instantiated');
  });

  it('lists past runs with their status and resumes, cancels, deletes, exports and opens them', async () => {
    const stream = sseStream();
    const { calls } = server({
      stream,
      runs: [runRecord('run-live', 'running'), runRecord('run-cut', 'interrupted'), runRecord('run-bad', 'failed'), runRecord('run-done', 'completed')],
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderApp('/evaluate/runner');
    await screen.findByTestId('run-row-run-done', {}, { timeout: 5000 });
    expect(screen.getByTestId('run-status-run-live').textContent).toBe('running');
    expect(screen.getByTestId('run-status-run-cut').textContent).toBe('interrupted');
    expect(screen.getByTestId('run-row-run-bad').textContent).toContain('Provider timed out');
    expect(screen.getByTestId('run-row-run-done').textContent).toContain('6 / 6');
    expect(screen.getByTestId('run-row-run-done').textContent).toContain('66.7%');
    expect(screen.queryByTestId('run-resume-run-done')).toBeNull();
    expect(screen.queryByTestId('run-resume-run-live')).toBeNull();
    expect(screen.getByTestId('run-resume-run-bad')).toBeTruthy();

    fireEvent.click(screen.getByTestId('run-cancel-run-live'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/eval-runner/runs/run-live')).toBe(true));
    await waitFor(() => expect(screen.queryByTestId('run-row-run-live')).toBeNull());

    fireEvent.click(screen.getByTestId('run-delete-run-bad'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/eval-runner/runs/run-bad')).toBe(true));
    expect(window.confirm).toHaveBeenCalledWith('Delete the run "eval run-bad" and its results?');

    fireEvent.click(screen.getByTestId('run-resume-run-cut'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/eval-runner/runs/run-cut/resume')).toBe(true));
    act(() => {
      stream.send('progress', { run_id: 'run-cut', current: 5, total: 6, status: 'running', message: 'Evaluating metrics...', phase: 'evaluating', metrics: [] });
    });
    await waitFor(() => expect(screen.getByTestId('runner-progress-count').textContent).toBe('5 / 6'));
    act(() => {
      stream.send('done');
    });

    fireEvent.click(screen.getByTestId('run-open-run-done'));
    await screen.findByTestId('runner-results');
    expect(screen.getByTestId('runner-kpi-average-value').textContent).toBe('0.542');

    const saved = captureDownloads();
    try {
      fireEvent.click(screen.getAllByTestId('export-csv-run-done')[0]!);
      await waitFor(() => expect(saved.downloads).toHaveLength(1));
      expect(saved.downloads[0]!.filename).toBe('run-run-done.csv');
      expect(await saved.downloads[0]!.blob.text()).toBe('metric_name,metric_score\nanswer_relevancy,0.8\n');
    } finally {
      saved.restore();
    }
  });

  it('says the runner is disabled when the flag is off', async () => {
    serveApi(({ path }) => (path === '/api/config/features' ? { body: { eval_runner_enabled: false, copilot_enabled: true } } : path === '/api/datasets' ? { body: { success: true, datasets: [] } } : undefined));
    renderApp('/evaluate/runner');
    expect((await screen.findByTestId('runner-disabled', {}, { timeout: 5000 })).textContent).toContain('disabled by the administrator');
  });
});
