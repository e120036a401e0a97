import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCaliberStore } from '../../stores/caliberStore';
import { blobText, captureDownloads } from '../../test/downloads';
import type { EvaluateResponse, JudgeRunResponse, JudgeRunSummary, LabelsResponse, MessageResponse, SaveLabelsResponse, SaveConfigResponse, SavedConfigsResponse, JudgeRunsResponse, SuggestExamplesResponse } from '../../lib/align/types';
import { renderApp } from '../../test/renderApp';
import { serveApi, type Call } from '../evaluate/testServer';
import { alignStatus, ANALYSIS, CAL_DATASET, CLUSTERS, DEFAULTS, EXAMPLE, JUDGE_RUN, METRICS, MODELS, OPTIMIZED, RECORDS, RESULTS, ROWS_REPLY, SAVED } from './caliberFixtures';

interface Options {
  stored?: LabelsResponse['annotations'];
  configured?: boolean;
  rows?: unknown;
  runs?: JudgeRunSummary[];
}

function server({ stored = {}, configured = true, rows = ROWS_REPLY, runs = [] }: Options = {}) {
  let evaluations = 0;
  return serveApi(({ path, method, body }) => {
    if (path === '/api/datasets') return { body: { success: true, datasets: [CAL_DATASET] } };
    if (path === '/api/datasets/ds-cal/rows') return { body: rows };
    if (path === '/api/align/labels' && method === 'GET') return { body: { success: true, dataset_key: 'caliber:support_calibration', annotations: stored } satisfies LabelsResponse };
    if (path === '/api/align/labels' && method === 'PUT') return { body: { success: true, saved: Object.keys((body as { annotations: object }).annotations).length } satisfies SaveLabelsResponse };
    if (path === '/api/align/status') return { body: alignStatus(configured) };
    if (path === '/api/align/models') return { body: MODELS };
    if (path === '/api/align/defaults') return { body: DEFAULTS };
    if (path === '/api/align/configs') return { body: { success: true, configs: [SAVED] } satisfies SavedConfigsResponse };
    if (path === '/api/align/runs') return { body: { success: true, runs } satisfies JudgeRunsResponse };
    if (path === '/api/align/evaluate') {
      evaluations += 1;
      return { body: { success: true, run_id: `jr-${evaluations}`, results: RESULTS, metrics: METRICS, message: 'Evaluated 4 records' } satisfies EvaluateResponse };
    }
    if (path === '/api/align/optimize-prompt') return { body: OPTIMIZED };
    if (path === '/api/align/analyze-misalignment') return { body: ANALYSIS };
    if (path === '/api/align/cluster-patterns') return { body: CLUSTERS };
    if (path === '/api/align/suggest-examples') return { body: { success: true, examples: [EXAMPLE], strategy_used: 'balanced', message: 'Selected 1 example' } satisfies SuggestExamplesResponse };
    if (path === '/api/align/save-config') return { body: { success: true, config_id: 'cfg-1', message: 'Saved' } satisfies SaveConfigResponse };
    if (path === '/api/align/configs/cfg-9' && method === 'DELETE') return { body: { success: true, message: 'Configuration deleted' } satisfies MessageResponse };
    if (path === '/api/align/runs/jr-old') return { body: { success: true, run: { ...JUDGE_RUN, judge_config: SAVED.config, results: RESULTS.slice(2) } } satisfies JudgeRunResponse };
    return undefined;
  });
}

const puts = (calls: Call[]) => calls.filter((c) => c.path === '/api/align/labels' && c.method === 'PUT');
const evaluations = (calls: Call[]) => calls.filter((c) => c.path === '/api/align/evaluate');

async function open() {
  useCaliberStore.setState({ datasetId: null, indexByDataset: {} });
  renderApp('/caliber-hq');
  await screen.findByTestId('caliber-card', {}, { timeout: 5000 });
}

const key = (k: string) => act(() => void fireEvent.keyDown(window, { key: k }));
const gridState = (id: string) => screen.getByTestId(`grid-${id}`).getAttribute('data-state');

async function labelAll() {
  fireEvent.click(screen.getByTestId('caliber-reannotate'));
  key('a');
  key('a');
  key('r');
  key('r');
  await waitFor(() => expect(gridState('a4')).toBe('rejected'));
}

/** Opens the page, labels a1..a4 as 1,1,0,0 and goes to Build Eval once Run can be used. */
async function openJudge() {
  await open();
  await labelAll();
  fireEvent.click(screen.getByTestId('caliber-step-build'));
  const run = (await screen.findByTestId('judge-run')) as HTMLButtonElement;
  await waitFor(() => expect(run.disabled).toBe(false));
  return run;
}

describe('CaliberHQ page', () => {
  it('labels with A/R/←/→/N and saves the labels, debounced, under the file name key', async () => {
    const { calls } = server();
    await open();
    fireEvent.click(screen.getByTestId('caliber-reannotate'));
    expect(screen.queryByTestId('caliber-existing-labels')).toBeNull();
    expect(screen.getByTestId('caliber-position').textContent).toBe('Record 1 of 4');
    expect(screen.getByTestId('caliber-query').textContent).toBe('Can I import tickets?');

    key('a');
    expect(gridState('a1')).toBe('accepted');
    expect(screen.getByTestId('caliber-position').textContent).toBe('Record 2 of 4');
    key('r');
    expect(gridState('a2')).toBe('rejected');
    expect(screen.getByTestId('caliber-record-id').textContent).toBe('a3');
    key('ArrowLeft');
    expect(screen.getByTestId('caliber-record-id').textContent).toBe('a2');
    key('n');
    const notes = screen.getByTestId('caliber-notes');
    expect(document.activeElement).toBe(notes);
    fireEvent.change(notes, { target: { value: 'Contradicts itself' } });
    // Keys typed in the notes are text: they neither label nor move.
    fireEvent.keyDown(notes, { key: 'a' });
    fireEvent.keyDown(notes, { key: 'ArrowRight' });
    expect(gridState('a3')).toBe('not labelled');
    expect(screen.getByTestId('caliber-record-id').textContent).toBe('a2');
    act(() => notes.blur());
    key('ArrowRight');
    expect(screen.getByTestId('caliber-record-id').textContent).toBe('a3');

    await waitFor(() => expect(puts(calls).length).toBeGreaterThan(0), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('caliber-save-status').textContent).toBe('Saved'), { timeout: 3000 });
    expect(puts(calls).at(-1)!.body).toEqual({
      dataset_key: 'caliber:support_calibration',
      annotations: { a1: { score: 1 }, a2: { score: 0, notes: 'Contradicts itself' } },
    });
    expect(puts(calls).length).toBeLessThan(4);
  });

  it('offers the labels the file carries and saves them when used', async () => {
    const { calls } = server();
    await open();
    const banner = screen.getByTestId('caliber-existing-labels');
    expect(banner.textContent).toContain('This file already has 2 labels');
    fireEvent.click(within(banner).getByTestId('caliber-use-existing'));
    expect(gridState('a1')).toBe('accepted');
    expect(gridState('a2')).toBe('rejected');
    expect(gridState('a3')).toBe('not labelled');
    await waitFor(() => expect(puts(calls).length).toBe(1), { timeout: 3000 });
    expect(puts(calls)[0]!.body).toEqual({ dataset_key: 'caliber:support_calibration', annotations: { a1: { score: 1 }, a2: { score: 0 } } });
  });

  it('restores saved labels on reload without offering the file labels', async () => {
    const { calls } = server({ stored: { a3: { score: 1, notes: 'fine' }, a4: { score: 0, notes: null } } });
    await open();
    await waitFor(() => expect(gridState('a3')).toBe('accepted'));
    expect(gridState('a4')).toBe('rejected');
    expect(screen.queryByTestId('caliber-existing-labels')).toBeNull();
    expect(calls.find((c) => c.path === '/api/align/labels' && c.method === 'GET')!.params.get('dataset_key')).toBe('caliber:support_calibration');
    expect(puts(calls)).toHaveLength(0);
  });

  it('keeps Run disabled until the server says a provider is configured, and offers only LLM clustering', async () => {
    server({ configured: false });
    await open();
    await labelAll();
    fireEvent.click(screen.getByTestId('caliber-step-build'));
    await screen.findByTestId('caliber-no-llm');
    expect((screen.getByTestId('judge-run') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('judge-run-blocker').textContent).toBe('Run is available once an LLM provider is configured.');
    const bertopic = screen.getByTestId('cluster-method-bertopic') as HTMLButtonElement;
    expect(bertopic.disabled).toBe(true);
    expect(bertopic.title).toBe('not available on this server');
    expect((screen.getByTestId('cluster-method-hybrid') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('cluster-method-llm') as HTMLButtonElement).disabled).toBe(false);
  });

  it('runs the judge with the labels and defaults, and shows κ with its band and interval, the figures and the confusion matrix', async () => {
    const { calls } = server();
    const run = await openJudge();
    expect(run.textContent).toBe('Run judge on 4 labelled records');

    fireEvent.click(screen.getByTestId('judge-tab-prompt'));
    fireEvent.change(screen.getByTestId('judge-prompt'), { target: { value: 'Judge it.' } });
    expect(screen.getByTestId('judge-prompt-missing').textContent).toContain('{evaluation_criteria}');
    expect(run.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('judge-reset'));
    expect(run.disabled).toBe(false);

    fireEvent.click(run);
    await screen.findByTestId('caliber-results');
    expect(evaluations(calls)[0]!.body).toEqual({
      records: RECORDS,
      human_annotations: { a1: 1, a2: 1, a3: 0, a4: 0 },
      judge_config: { model: 'gpt-4o', provider: 'openai', system_prompt: DEFAULTS.system_prompt, evaluation_criteria: DEFAULTS.evaluation_criteria, few_shot_examples: [], temperature: 0, name: null },
    });

    fireEvent.click(screen.getByTestId('results-tab-metrics'));
    expect(screen.getByTestId('kappa-text').textContent).toBe('κ 0.50 (95 % CI 0.00–1.00)');
    expect(screen.getByTestId('kappa-band').textContent).toBe('moderate agreement');
    expect(screen.getByTestId('kappa-wide').textContent).toContain('label more records');
    expect(screen.getByTestId('metric-f1').textContent).toBe('0.80');
    expect(screen.getByTestId('metric-alignment').textContent).toBe('75.0%');
    expect(screen.getByTestId('metric-precision').textContent).toBe('0.67');
    expect(screen.getByTestId('metric-recall').textContent).toBe('1.00');
    expect(screen.getByTestId('metric-specificity').textContent).toBe('0.50');
    expect(screen.getByTestId('cm-fp').textContent).toBe('1Too lenientfalse positive');
    expect(screen.getByTestId('cm-fn').textContent).toBe('0Too strictfalse negative');
    expect(screen.getByTestId('cm-tp').textContent).toContain('2');
    expect(screen.getByTestId('cm-tn').textContent).toContain('1');
    expect(screen.getByTestId('confusion-verdict').textContent).toBe('The judge is too lenient: it accepted 1 response humans rejected, and rejected 0 humans accepted.');

    fireEvent.click(screen.getByTestId('results-tab-comparison'));
    fireEvent.click(screen.getByTestId('comparison-filter-misaligned'));
    const rows = within(screen.getByTestId('comparison-table')).getAllByTestId(/^comparison-a/);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(['comparison-a3']);
    expect(rows[0]!.textContent).toContain('RejectAccept');
    fireEvent.click(screen.getByTestId('comparison-toggle-a3'));
    expect(screen.getByTestId('comparison-reasoning-a3').textContent).toContain('Answers the question clearly.');

    const saved = captureDownloads();
    try {
      fireEvent.click(screen.getByTestId('comparison-export'));
      expect(saved.downloads).toHaveLength(1);
      expect(saved.downloads[0]!.filename).toMatch(/^judge-comparison-\d{4}-\d{2}-\d{2}\.json$/);
      expect(JSON.parse(await blobText(saved.downloads[0]!.blob))).toEqual(RESULTS);
    } finally {
      saved.restore();
    }
  });

  it('shows the optimised prompt as a line diff and re-runs the judge with it', async () => {
    const { calls } = server();
    const run = await openJudge();
    fireEvent.click(run);
    await screen.findByTestId('caliber-results');
    fireEvent.click(screen.getByTestId('results-tab-insights'));
    fireEvent.click(screen.getByTestId('insights-analyze'));
    const analysis = await screen.findByTestId('insights-analysis');
    expect(analysis.textContent).toContain('1 misaligned: 1 too lenient, 0 too strict.');
    expect(analysis.textContent).toContain('Too lenient · 1 record');
    expect(analysis.textContent).toContain('Check product facts against the expected output.');
    expect(calls.find((c) => c.path === '/api/align/analyze-misalignment')!.body).toMatchObject({ results: RESULTS, judge_config: { model: 'gpt-4o' } });
    fireEvent.click(screen.getByTestId('insights-optimize'));
    const diff = await screen.findByTestId('prompt-diff');
    const lines = Array.from(diff.children).map((l) => [l.getAttribute('data-kind'), l.textContent]);
    expect(lines).toEqual([
      ['same', '  You are an expert evaluator.'],
      ['same', '  ## Evaluation Criteria'],
      ['same', '  The response answers the query.'],
      ['removed', '− removed: The response is accurate.'],
      ['added', '+ added: The response states product facts exactly.'],
      ['added', '+ added: Reject answers that contradict themselves.'],
      ['same', '  Reply with Score and Reasoning.'],
    ]);
    expect(calls.find((c) => c.path === '/api/align/optimize-prompt')!.body).toMatchObject({ results: RESULTS, current_config: { evaluation_criteria: DEFAULTS.evaluation_criteria } });

    fireEvent.click(screen.getByTestId('insights-apply'));
    await waitFor(() => expect(evaluations(calls)).toHaveLength(2));
    expect(evaluations(calls)[1]!.body).toMatchObject({
      judge_config: { system_prompt: DEFAULTS.system_prompt, evaluation_criteria: OPTIMIZED.optimized.evaluation_criteria },
    });
    await waitFor(() => expect(screen.getByTestId('caliber-results').textContent).toContain('Judge run jr-2'));
  });

  it('uses patterns as criteria, suggests examples, saves, loads and deletes configs, and opens a past judge run', async () => {
    const { calls } = server({ runs: [JUDGE_RUN] });
    await open();
    fireEvent.click(screen.getByTestId('caliber-reannotate'));
    key('a');
    key('ArrowLeft');
    key('n');
    fireEvent.change(screen.getByTestId('caliber-notes'), { target: { value: 'Says 25 then unlimited' } });
    act(() => (document.activeElement as HTMLElement).blur());
    fireEvent.click(screen.getByTestId('caliber-step-build'));
    await waitFor(() => expect((screen.getByTestId('judge-run') as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(screen.getByTestId('caliber-find-patterns'));
    expect((await screen.findByTestId('caliber-patterns-message')).textContent).toBe('Found 1 patterns from 2 annotated notes.');
    expect(calls.find((c) => c.path === '/api/align/cluster-patterns')!.body).toMatchObject({ method: 'llm', annotations: { a1: { score: 1, notes: 'Says 25 then unlimited' } } });
    fireEvent.click(screen.getByTestId('pattern-use-Contradictory answers'));
    fireEvent.click(screen.getByTestId('judge-tab-prompt'));
    expect((screen.getByTestId('judge-criteria') as HTMLTextAreaElement).value).toBe(`${DEFAULTS.evaluation_criteria}\n- Contradictory answers`);

    fireEvent.click(screen.getByTestId('judge-tab-examples'));
    fireEvent.change(screen.getByTestId('examples-count'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('examples-suggest'));
    await waitFor(() => expect(screen.getByTestId('examples-list').textContent).toContain('Accepted based on human evaluation.'));
    expect(calls.find((c) => c.path === '/api/align/suggest-examples')!.body).toEqual({ records: RECORDS, human_annotations: { a1: 1 }, strategy: 'diverse', count: 2 });
    expect(screen.getByTestId('judge-tab-examples-badge').textContent).toBe('1');

    fireEvent.change(screen.getByTestId('config-name'), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByTestId('config-save'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/align/save-config')).toBe(true));
    expect(calls.find((c) => c.path === '/api/align/save-config')!.body).toMatchObject({
      name: 'Mine',
      config: { name: 'Mine', model: 'gpt-4o', evaluation_criteria: `${DEFAULTS.evaluation_criteria}\n- Contradictory answers`, few_shot_examples: [EXAMPLE] },
    });

    fireEvent.click(await screen.findByTestId('config-load-cfg-9'));
    fireEvent.click(screen.getByTestId('judge-tab-prompt'));
    expect((screen.getByTestId('judge-criteria') as HTMLTextAreaElement).value).toBe('Exact facts only.');
    fireEvent.click(screen.getByTestId('judge-tab-model'));
    expect((screen.getByTestId('judge-model') as HTMLSelectElement).value).toBe('claude-sonnet-4');
    // The server has no Anthropic key (status providers.anthropic false): Run waits for another model.
    expect(screen.getByTestId('judge-run-blocker').textContent).toBe('The anthropic provider is not configured on the server: choose another model.');
    expect((screen.getByTestId('judge-run') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('config-delete-cfg-9'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/align/configs/cfg-9')).toBe(true));

    expect(screen.getByTestId('judge-run-jr-old').textContent).toContain('κ 0.25 · 50.0% aligned');
    fireEvent.click(screen.getByTestId('judge-run-open-jr-old'));
    await waitFor(() => expect(screen.getByTestId('caliber-results').textContent).toContain('Judge run Baseline'));
    expect(within(screen.getByTestId('comparison-table')).getAllByTestId(/^comparison-a\d$/).map((r) => r.getAttribute('data-testid'))).toEqual(['comparison-a3', 'comparison-a4']);
  });

  it('asks for the columns it cannot guess and reads the ones chosen in Configure', async () => {
    server({ rows: { ...ROWS_REPLY, columns: ['key', 'text', 'reply', 'channel'], data: [{ key: 'k1', text: 'Where is my order?', reply: 'On its way.', channel: 'email' }] } });
    useCaliberStore.setState({ datasetId: null, indexByDataset: {} });
    renderApp('/caliber-hq');
    expect((await screen.findByTestId('caliber-missing-columns', {}, { timeout: 5000 })).textContent).toBe('No column is chosen for the query and response: pick them in Configure.');
    fireEvent.click(screen.getByTestId('caliber-configure-open'));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('ID column'), { target: { value: 'key' } });
    fireEvent.change(within(dialog).getByLabelText('Query column'), { target: { value: 'text' } });
    fireEvent.change(within(dialog).getByLabelText('Response (LLM output) column'), { target: { value: 'reply' } });
    fireEvent.click(within(dialog).getByTestId('configure-display-channel'));
    fireEvent.click(within(dialog).getByTestId('configure-save'));
    expect(screen.queryByTestId('caliber-missing-columns')).toBeNull();
    expect(screen.getByTestId('caliber-record-id').textContent).toBe('k1');
    expect(screen.getByTestId('caliber-query').textContent).toBe('Where is my order?');
    expect(screen.getByTestId('caliber-response').textContent).toBe('On its way.');
    expect(screen.getByTestId('caliber-extra-channel').textContent).toBe('email');
  });
});
