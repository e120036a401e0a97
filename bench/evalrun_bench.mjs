// Client side of the eval-runner benchmark (bench/scenarios/evalrun.sh). Runs the fake LLM
// (tests/integration/lib/fake_llm.mjs) and the requests in one process.
//
//   node bench/evalrun_bench.mjs --axis-url http://127.0.0.1:8500 --llm-port 9000 --out results.json \
//     [--rows 100000] [--judged-items 1000] [--judge-ms 50] [--concurrency 20]
//
//   1. POST /api/eval-runner/run with --rows generated rows and the four rule-based metrics
//      exact_string_match, contains_match, levenshtein_ratio and sentence_bleu; the seconds it
//      took and rows per second.
//   2. POST /api/eval-runner/run with --judged-items rows and two judged metrics, the fake answering
//      every call after --judge-ms, max_concurrent --concurrency: the wall time against the ideal
//      (calls × judge-ms / concurrency), and the server's own time per call: the k-th finished
//      reply is followed by the (k + concurrency)-th request (each worker sends its next call when
//      its reply is read), and the gap between them is the time the server spent on that call.
import { writeFileSync } from 'node:fs';
import { startFakeLlm } from '../tests/integration/lib/fake_llm.mjs';
import { mulberry32 } from './gen/csv_util.mjs';

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const axisUrl = value('axis-url', '');
const llmPort = Number(value('llm-port', '0'));
const out = value('out', '');
const rows = Number(value('rows', '100000'));
const judgedItems = Number(value('judged-items', '1000'));
const judgeMs = Number(value('judge-ms', '50'));
const concurrency = Number(value('concurrency', '20'));

const WORDS = 'the model answer context query retrieval score metric latency output expected document source result value error table river mountain café naïve'.split(' ');
function text(random, length) {
  const parts = [];
  let size = 0;
  while (size < length) {
    const word = WORDS[Math.floor(random() * WORDS.length)];
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ').slice(0, length);
}
// An expected output made from the actual one: some words changed, some dropped.
function variant(random, actual) {
  return actual.split(' ').filter(() => random() > 0.1).map((w) => (random() < 0.15 ? WORDS[Math.floor(random() * WORDS.length)] : w)).join(' ');
}

function dataset(count, seed) {
  const random = mulberry32(seed);  // seeded: every run scores the same rows
  const data = [];
  for (let i = 0; i < count; i++) {
    const actual = text(random, 10 + Math.floor(random() * 390));
    data.push({ dataset_id: `row-${i}`, query: `question ${i}`, actual_output: actual, expected_output: random() < 0.05 ? actual : variant(random, actual) });
  }
  return { columns: ['dataset_id', 'query', 'actual_output', 'expected_output'], data };
}

async function run(body) {
  const started = performance.now();
  const startedAt = performance.timeOrigin + started;
  const response = await fetch(`${axisUrl}/api/eval-runner/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const reply = await response.json();
  const seconds = (performance.now() - started) / 1000;
  if (response.status !== 200 || !reply.success) throw new Error(`run answered ${response.status}: ${JSON.stringify(reply).slice(0, 300)}`);
  return { seconds, summary: reply.summary, startedAt, endedAt: startedAt + seconds * 1000 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
};

const fake = await startFakeLlm({ port: llmPort });
try {
  const results = {};
  const heuristic = await run({
    evaluation_name: 'bench heuristics', dataset: dataset(rows, 42),
    metrics: ['exact_string_match', 'contains_match', 'levenshtein_ratio', 'sentence_bleu'],
  });
  results.heuristic_rows = rows;
  results.heuristic_seconds = heuristic.seconds;
  results.heuristic_rows_per_s = rows / heuristic.seconds;
  results.heuristic_average = heuristic.summary.average_score;

  const calls = judgedItems * 2;
  for (let i = 0; i < calls; i++) fake.enqueue({ text: '{"score": 0.8, "reasoning": "fine"}', delayMs: judgeMs });
  const before = fake.requests().length;
  const judged = await run({
    evaluation_name: 'bench judged', dataset: dataset(judgedItems, 7),
    metrics: ['answer_relevancy', 'answer_completeness'], max_concurrent: concurrency,
  });
  const log = fake.requests().slice(before);
  if (log.length !== calls) throw new Error(`the fake saw ${log.length} calls, not ${calls}`);
  const received = log.map((e) => e.receivedAt).sort((a, b) => a - b);
  const finished = log.map((e) => e.finishedAt).sort((a, b) => a - b);
  const gaps = [];
  for (let k = 0; k + concurrency < received.length; k++) gaps.push(received[k + concurrency] - finished[k]);
  results.judged_calls = calls;
  results.judged_seconds = judged.seconds;
  results.judged_ideal_seconds = (calls * judgeMs) / concurrency / 1000;
  results.judged_ratio = judged.seconds / results.judged_ideal_seconds;
  results.added_ms_p50 = median(gaps);
  results.added_ms_mean = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
  results.judged_lead_ms = received[0] - judged.startedAt;  // request in → first judge call
  results.judged_tail_ms = judged.endedAt - finished.at(-1);  // last reply → run answered
  results.judged_average = judged.summary.average_score;
  writeFileSync(out, JSON.stringify(results, null, 2));
} finally {
  await fake.close();
}
