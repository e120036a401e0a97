// Writes data/examples/monitoring_example.csv: three weeks of production and staging traffic of
// four support agents of the fictional help desk product Brightdesk, in long monitoring format
// (one row per interaction and metric). Per interaction:
//   answer_relevancy, faithfulness, helpfulness  SCORE metrics (0..1) with a slow daily drift
//   intent                                       CLASSIFICATION (label in explanation)
//   conversation_review                          ANALYSIS (signals = JSON object)
// plus the interaction's latency (ms, long-tailed) and has_errors (about 3%).
// Juniper's production faithfulness collapses on 2025-06-24 and 06-25 (a stale knowledge-base
// index), with slower and more failing answers, so threshold and anomaly alerts have something
// to find. Deterministic (seeded PRNG): rerunning reproduces the file byte for byte.
//
//   node bench/gen/monitoring_example.mjs [output-dir]     (default: <repo>/data/examples)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvLine, mulberry32, normal } from './csv_util.mjs';
import { topics } from './support_topics.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'data/examples'));

const COLUMNS = ['dataset_id', 'timestamp', 'environment', 'source_name', 'source_component',
  'source_type', 'model_name', 'evaluation_name', 'query', 'actual_output', 'metric_name',
  'metric_score', 'metric_category', 'explanation', 'signals', 'latency', 'has_errors'];

const DAYS = 21;
const FIRST_DAY = Date.UTC(2025, 5, 10);  // 2025-06-10; the last day is 2025-06-30
const DIP_DAYS = [14, 15];                // 2025-06-24 and 2025-06-25

// Per agent: channel, models per environment, typical latency, base quality and traffic.
const AGENTS = [
  { name: 'Juniper', type: 'chat_agent', models: { production: 'gpt-4o', staging: 'gpt-4.1' },
    latencyMs: 850, quality: { answer_relevancy: 0.87, faithfulness: 0.85, helpfulness: 0.8 }, traffic: 1.0 },
  { name: 'Marlow', type: 'email_agent', models: { production: 'claude-3-5-sonnet', staging: 'claude-3-7-sonnet' },
    latencyMs: 1400, quality: { answer_relevancy: 0.84, faithfulness: 0.88, helpfulness: 0.83 }, traffic: 0.7 },
  { name: 'Beacon', type: 'copilot', models: { production: 'gpt-4o-mini', staging: 'gpt-4o-mini' },
    latencyMs: 650, quality: { answer_relevancy: 0.8, faithfulness: 0.79, helpfulness: 0.74 }, traffic: 0.8 },
  { name: 'Sable', type: 'chat_agent', models: { production: 'llama-3.1-70b', staging: 'llama-3.3-70b' },
    latencyMs: 1100, quality: { answer_relevancy: 0.78, faithfulness: 0.76, helpfulness: 0.72 }, traffic: 0.5 },
];
const SCORE_METRICS = ['answer_relevancy', 'faithfulness', 'helpfulness'];

// Questions that are not about the product: the "other" intent.
const OTHER = [
  ['Can I talk to a person instead?', 'Of course. I have asked a member of the support team to join this conversation.'],
  ['Thanks, that is all for today!', 'Glad I could help. Have a great day!'],
  ['Do you offer discounts for non-profits?', 'I will pass your request to our sales team, who handle non-profit pricing.'],
  ['What is the weather like in Lisbon?', 'I can only help with questions about Brightdesk, sorry.'],
];

function intentOf(article) {
  if (/Billing|Plans and pricing/.test(article)) return 'billing';
  if (/Account|Workspace|Roles|Security/.test(article)) return 'account';
  return 'technical';
}
const INTENTS = ['billing', 'technical', 'account', 'other'];

const rand = mulberry32(20250630);
const round = (x, digits) => Number(x.toFixed(digits));
const clip = (x) => Math.min(1, Math.max(0, x));
const pick = (items) => items[Math.floor(rand() * items.length)];
const pad = (n, width = 2) => String(n).padStart(width, '0');
const iso = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
};

// Slow drift of each (agent, environment, metric) per day: a wave plus a small random walk.
function drifts() {
  const out = {};
  for (const agent of AGENTS) {
    for (const env of ['production', 'staging']) {
      for (const metric of SCORE_METRICS) {
        const phase = rand() * 2 * Math.PI;
        let walk = 0;
        out[`${agent.name}/${env}/${metric}`] = Array.from({ length: DAYS }, (_, day) => {
          walk = 0.7 * walk + 0.012 * normal(rand);
          return 0.03 * Math.sin((2 * Math.PI * day) / 9 + phase) + walk;
        });
      }
    }
  }
  return out;
}

// Share of an hour's traffic: busy from 08:00 to 18:00 UTC, quiet at night and at weekends.
function busy(ms) {
  const d = new Date(ms);
  const hour = d.getUTCHours();
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  const base = hour >= 8 && hour < 18 ? 1 : hour >= 6 && hour < 22 ? 0.45 : 0.12;
  return weekend ? base * 0.5 : base;
}

function review(scores, failed, intent) {
  const resolved = !failed && scores.helpfulness >= 0.6;
  const sentiment = failed || scores.helpfulness < 0.45 ? 'negative' : scores.helpfulness < 0.7 ? 'neutral' : 'positive';
  const escalation = failed || intent === 'other' && rand() < 0.4 || !resolved && rand() < 0.5;
  const signals = { sentiment, resolved, escalation_needed: escalation, turns: 1 + Math.floor(rand() * (resolved ? 3 : 6)) };
  const explanation = resolved
    ? `Customer question answered${sentiment === 'positive' ? ' and acknowledged with thanks' : ''}.`
    : `Not resolved: ${failed ? 'the agent hit an error' : 'the answer did not settle the question'}${escalation ? '; handed to a human' : ''}.`;
  return { signals: JSON.stringify(signals), explanation };
}

function interaction(id, ms, agent, env, drift) {
  const day = Math.floor((ms - FIRST_DAY) / 86400000);
  const dip = agent.name === 'Juniper' && env === 'production' && DIP_DAYS.includes(day);
  const failed = rand() < (dip ? 0.09 : 0.025);
  const other = rand() < 0.06;
  const topic = other ? null : pick(topics);
  const [query, answer] = other ? pick(OTHER) : [topic[0], topic[1].split(/(?<=\.) /)[0]];
  const intent = other ? 'other' : intentOf(topic[3]);
  const output = failed ? 'Sorry, something went wrong while looking that up. Please try again in a moment.' : answer;

  const scores = {};
  for (const metric of SCORE_METRICS) {
    let mean = agent.quality[metric] + drift[`${agent.name}/${env}/${metric}`][day];
    if (dip) mean -= metric === 'faithfulness' ? 0.38 : metric === 'helpfulness' ? 0.15 : 0.06;
    if (failed) mean = 0.15;
    scores[metric] = round(clip(mean + 0.06 * normal(rand)), 3);
  }
  let latency = agent.latencyMs * Math.exp(0.45 * normal(rand)) * (env === 'staging' ? 1.25 : 1) * (dip ? 1.6 : 1);
  if (rand() < 0.03) latency *= 3 + 4 * rand();
  if (failed) latency = 8000 + 7000 * rand();
  latency = Math.round(latency);

  const predicted = rand() < 0.93 ? intent : pick(INTENTS.filter((x) => x !== intent));
  const { signals, explanation } = review(scores, failed, intent);
  const common = [id, iso(ms), env, agent.name];
  const tail = [latency, failed ? 'true' : 'false'];
  const model = agent.models[env];
  const evaluation = env === 'production' ? 'live-quality' : 'staging-quality';
  const rows = SCORE_METRICS.map((metric) => csvLine([...common, 'responder', agent.type, model, evaluation,
    query, output, metric, scores[metric], 'SCORE', scoreExplanation(metric, scores[metric]), '', ...tail]));
  rows.push(csvLine([...common, 'intent_router', agent.type, model, evaluation, query, output,
    'intent', '', 'CLASSIFICATION', predicted, '', ...tail]));
  rows.push(csvLine([...common, 'conversation', agent.type, model, evaluation, query, output,
    'conversation_review', '', 'ANALYSIS', explanation, signals, ...tail]));
  return rows;
}

function scoreExplanation(metric, score) {
  const level = score >= 0.7 ? 0 : score >= 0.5 ? 1 : 2;
  return {
    answer_relevancy: ['Addresses the question directly.', 'Partly on topic.', 'Mostly unrelated to the question.'],
    faithfulness: ['Every claim is backed by the retrieved articles.', 'One claim is not in the retrieved articles.',
      'Several claims contradict the retrieved articles.'],
    helpfulness: ['Gives the customer a clear next step.', 'Useful but leaves the customer with open questions.',
      'Does not help the customer move forward.'],
  }[metric][level];
}

const drift = drifts();
const lines = [csvLine(COLUMNS)];
let records = 0;
for (let hour = 0; hour < DAYS * 24; hour++) {
  const start = FIRST_DAY + hour * 3600000;
  const arrivals = [];
  for (const agent of AGENTS) {
    for (const [env, share] of [['production', 0.42], ['staging', 0.12]]) {
      if (rand() >= share * agent.traffic * busy(start) * 2.4) continue;
      arrivals.push({ ms: start + Math.floor(rand() * 3600) * 1000, agent, env });
    }
  }
  arrivals.sort((a, b) => a.ms - b.ms);
  for (const { ms, agent, env } of arrivals) {
    records += 1;
    lines.push(...interaction(`mon-${pad(records, 5)}`, ms, agent, env, drift));
  }
}

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'monitoring_example.csv'), lines.join(''));
console.log(`wrote ${outDir}/monitoring_example.csv (${records} interactions, ${lines.length - 1} rows)`);
