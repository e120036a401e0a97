// Eval runs survive what stops them: a run cancelled with DELETE, and a server killed with
// SIGKILL mid-run, both resume and score every item × metric exactly once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { readSse, startFakeLlm } from './lib/fake_llm.mjs';
import { startServer } from './lib/server.mjs';

let fake;
const servers = [];

const ITEMS = 12;
const body = (name) => ({
  evaluation_name: name,
  dataset: {
    columns: ['dataset_id', 'query', 'actual_output', 'expected_output'],
    data: Array.from({ length: ITEMS }, (_, i) => ({ dataset_id: `i${i}`, query: `question ${i}`, actual_output: `answer ${i}`, expected_output: `answer ${i}` })),
  },
  metrics: ['answer_relevancy', 'exact_string_match'],
  max_concurrent: 2,
});

async function start(dataDir) {
  const server = await startServer({ dataDir, env: { OPENAI_API_KEY: 'sk-test', OPENAI_API_BASE: fake.openaiBase } });
  servers.push(server);
  return server;
}

// Reads the stream until `stop(events)` says so (then leaves the connection open) or it ends.
async function readUntil(response, stop) {
  const events = [];
  const reader = readSse(response, (e) => events.push({ event: e.event, data: e.data ? JSON.parse(e.data) : null }));
  for (;;) {
    if (stop(events)) return { events, reader };
    if (events.at(-1)?.event === 'done') return { events, reader };
    await new Promise((r) => setTimeout(r, 20));
  }
}

const judgedCount = (events) =>
  events.filter((e) => e.event === 'progress').map((e) => e.data.metrics.find((m) => m.metric_key === 'answer_relevancy')?.count ?? 0).at(-1) ?? 0;

// The judge's query of each request, to count calls per item.
const judgedQueries = () =>
  fake.requests().filter((r) => r.path === '/v1/chat/completions').map((r) => /question \d+/.exec(JSON.stringify(r.body.messages))?.[0]);

before(async () => {
  fake = await startFakeLlm();
});

after(async () => {
  for (const s of servers) await s.stop({ signal: 'SIGKILL' });
  await fake?.close();
});

async function finishedRun(server, runId) {
  const { run, summary } = await (await fetch(`${server.url}/api/eval-runner/runs/${runId}`)).json();
  assert.equal(run.status, 'completed');
  assert.equal(run.completed_evaluations, ITEMS * 2);
  assert.equal(summary.item_results.length, ITEMS);
  for (const item of summary.item_results) assert.deepEqual(Object.keys(item.metric_scores).sort(), ['answer_relevancy', 'exact_string_match']);
  const rows = await (await fetch(`${server.url}/api/eval-runner/export/${runId}/json`)).json();
  assert.equal(rows.length, ITEMS * 2, 'one row per item × metric, none twice');
  const { datasets } = await (await fetch(`${server.url}/api/datasets`)).json();
  assert.equal(datasets.find((d) => d.id === summary.dataset_id).row_count, ITEMS * 2);
  return summary;
}

test('a run killed with SIGKILL is interrupted and resumes only what is missing', async () => {
  const server = await start();
  for (let i = 0; i < ITEMS * 2; i++) fake.enqueue({ text: '{"score": 0.75, "reasoning": "fine"}', delayMs: 300 });
  const response = await fetch(`${server.url}/api/eval-runner/run/stream`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body('Killed')),
  });
  const { events } = await readUntil(response, (ev) => judgedCount(ev) >= 4);
  const runId = events.find((e) => e.event === 'progress').data.run_id;
  await server.stop({ signal: 'SIGKILL' });
  const callsBefore = judgedQueries().length;

  const again = await start(server.dataDir);
  const listed = (await (await fetch(`${again.url}/api/eval-runner/runs`)).json()).runs.find((r) => r.run_id === runId);
  assert.equal(listed.status, 'interrupted');
  const kept = listed.completed_evaluations;
  assert.ok(kept >= ITEMS + 4 && kept < ITEMS * 2, `kept ${kept}`); // the rule-based ones and ≥ 4 judged

  const resumed = await fetch(`${again.url}/api/eval-runner/runs/${runId}/resume`, { method: 'POST' });
  const { events: after } = await readUntil(resumed, () => false);
  assert.equal(after.filter((e) => e.event === 'complete').length, 1);
  assert.match(after[0].data.message, /^Resuming evaluation: Killed/);
  const newCalls = judgedQueries().length - callsBefore;
  assert.equal(newCalls, ITEMS * 2 - kept, 'the resumed run asks only for the missing scores');
  const summary = await finishedRun(again, runId);
  assert.equal(summary.metric_results.find((m) => m.metric_key === 'answer_relevancy').average_score, 0.75);
});

test('DELETE cancels a running run; it resumes to the end', async () => {
  const server = await start();
  for (let i = 0; i < ITEMS * 2; i++) fake.enqueue({ text: '{"score": 1, "reasoning": "ok"}', delayMs: 300 });
  const response = await fetch(`${server.url}/api/eval-runner/run/stream`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body('Cancelled')),
  });
  const { events, reader } = await readUntil(response, (ev) => judgedCount(ev) >= 2);
  const runId = events.find((e) => e.event === 'progress').data.run_id;
  const cancel = await (await fetch(`${server.url}/api/eval-runner/runs/${runId}`, { method: 'DELETE' })).json();
  assert.equal(cancel.message, 'Run cancelled');
  await reader;
  const last = events.filter((e) => e.event !== 'done').at(-1);
  assert.equal(last.event, 'error');
  assert.match(last.data.message, /cancelled/);
  const run = (await (await fetch(`${server.url}/api/eval-runner/runs/${runId}`)).json()).run;
  assert.equal(run.status, 'cancelled');

  const resumed = await fetch(`${server.url}/api/eval-runner/runs/${runId}/resume`, { method: 'POST' });
  const { events: after } = await readUntil(resumed, () => false);
  assert.ok(after.some((e) => e.event === 'complete'));
  await finishedRun(server, runId);
  const again = await fetch(`${server.url}/api/eval-runner/runs/${runId}/resume`, { method: 'POST' });
  const { events: refused } = await readUntil(again, () => false);
  assert.match(refused[0].data.message, /already completed/);

  const deleted = await (await fetch(`${server.url}/api/eval-runner/runs/${runId}`, { method: 'DELETE' })).json();
  assert.equal(deleted.message, 'Run deleted');
  assert.equal((await fetch(`${server.url}/api/eval-runner/runs/${runId}`)).status, 404);
});
