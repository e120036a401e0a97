// Writes data/examples/kpi_example.csv: 90 days (2025-01-01 .. 2025-03-31) of business KPIs for
// three support agents in production (two segments each) plus one agent in staging, in the
// kpi_data layout. Each KPI drifts slowly and some change course in the last weeks, so the
// 7-day and 30-day means part and the trend arrows differ between KPIs and agents. About one
// day in twenty-five is missing per series, and claims_triage has a four-day outage.
// Deterministic (seeded PRNG): running it again reproduces the committed file byte for byte.
//
//   node bench/gen/kpi_example.mjs [output-file]   (default: <repo>/data/examples/kpi_example.csv)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvLine, mulberry32, normal } from './csv_util.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outFile = path.resolve(process.argv[2] ?? path.join(repoRoot, 'data/examples/kpi_example.csv'));

const COLUMNS = ['id', 'created_at', 'source_name', 'source_type', 'kpi_name', 'kpi_category',
  'dataset_id', 'numeric_value', 'source_component', 'source_step', 'environment', 'segment',
  'tags', 'metadata'];

const DAYS = 90;
const START = Date.UTC(2025, 0, 1);
const SEGMENTS = ['retail', 'business'];

// KPI: category, the component that reports it, decimals, clamp range and per-day noise.
const KPIS = {
  tickets_handled: { category: 'operational', component: 'router', digits: 0, min: 0, max: Infinity, noise: 0.08, relative: true },
  avg_handle_time_s: { category: 'operational', component: 'responder', digits: 0, min: 20, max: 3600, noise: 12 },
  escalation_rate: { category: 'operational', component: 'router', digits: 1, min: 0, max: 100, noise: 1.6 },
  resolution_rate: { category: 'quality', component: 'responder', digits: 1, min: 0, max: 100, noise: 2.2 },
  csat: { category: 'quality', component: 'survey', digits: 2, min: 1, max: 5, noise: 0.12 },
  first_contact_resolution: { category: 'quality', component: 'responder', digits: 1, min: 0, max: 100, noise: 2.5 },
  containment_rate: { category: 'business', component: 'router', digits: 1, min: 0, max: 100, noise: 2 },
  upsell_conversions: { category: 'business', component: 'responder', digits: 0, min: 0, max: Infinity, noise: 0.25, relative: true },
  cost_per_ticket: { category: 'cost', component: 'billing', digits: 2, min: 0.05, max: 50, noise: 0.06 },
  llm_spend_usd: { category: 'cost', component: 'billing', digits: 2, min: 0, max: Infinity, noise: 0.1, relative: true },
};

// Per agent and KPI: [level on day 0, change over the 90 days, extra change over the last 14
// days]. The last term is what turns the 7-day mean away from the 30-day mean.
const AGENTS = [
  { name: 'support_assistant', type: 'chat_agent', kpis: {
    tickets_handled: [140, 40, 25], avg_handle_time_s: [260, -30, 45], escalation_rate: [17, -3, -3.5],
    resolution_rate: [74, 5, 9], csat: [4.1, 0.15, 0], first_contact_resolution: [61, 4, 0],
    containment_rate: [55, 6, 5], upsell_conversions: [9, 2, 0], cost_per_ticket: [1.9, -0.3, -0.35],
    llm_spend_usd: [210, 60, 30] } },
  { name: 'billing_assistant', type: 'chat_agent', kpis: {
    tickets_handled: [90, -10, 0], avg_handle_time_s: [310, 10, 0], escalation_rate: [12, 1, 3.5],
    resolution_rate: [79, -1, -11], csat: [4.3, -0.1, -0.55], first_contact_resolution: [66, 0, 0],
    upsell_conversions: [14, 4, 6], cost_per_ticket: [2.4, 0.1, 0.5] } },
  { name: 'claims_triage', type: 'workflow_agent', kpis: {
    tickets_handled: [60, 20, -18], avg_handle_time_s: [540, -60, -90], escalation_rate: [22, -2, 0],
    resolution_rate: [68, 3, 7], containment_rate: [38, 10, 0], cost_per_ticket: [4.2, -0.6, 0],
    llm_spend_usd: [160, 20, -45] } },
];

// support_assistant also runs in staging, every other day, with a few KPIs and no segments.
const STAGING = { agent: 'support_assistant', kpis: ['resolution_rate', 'csat', 'avg_handle_time_s'] };
const OUTAGE = { agent: 'claims_triage', from: 51, days: 4 };

const rand = mulberry32(20250401);
const round = (x, digits) => Number(x.toFixed(digits));
const dayText = (d) => new Date(START + d * 86400000).toISOString().slice(0, 10);
const pad = (n) => String(n).padStart(2, '0');

// The expected value of a KPI on day d: a linear drift plus a late change that ramps in over
// the last 14 days. Count-like KPIs dip at weekends.
function level([start, drift, late], d, kpi) {
  const lateShare = Math.max(0, (d - (DAYS - 14)) / 14);
  let value = start + (drift * d) / (DAYS - 1) + late * lateShare;
  const weekday = new Date(START + d * 86400000).getUTCDay();
  if (KPIS[kpi].relative && (weekday === 0 || weekday === 6)) value *= 0.7;
  return value;
}

function draw(kpi, expected, share) {
  const k = KPIS[kpi];
  const noisy = k.relative ? expected * share * (1 + k.noise * normal(rand)) : expected + k.noise * normal(rand);
  return round(Math.min(k.max, Math.max(k.min, noisy)), k.digits);
}

function timeOfDay() {
  return `${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:${pad(Math.floor(rand() * 60))}Z`;
}

function main() {
  const rows = [];
  const push = (fields) => rows.push([`kpi-${String(rows.length + 1).padStart(5, '0')}`, ...fields]);
  for (let d = 0; d < DAYS; d++) {
    const date = dayText(d);
    for (const agent of AGENTS) {
      if (agent.name === OUTAGE.agent && d >= OUTAGE.from && d < OUTAGE.from + OUTAGE.days) continue;
      for (const [kpi, shape] of Object.entries(agent.kpis)) {
        if (rand() < 0.04) continue;  // a missing day for this series
        const expected = level(shape, d, kpi);
        SEGMENTS.forEach((segment, i) => {
          // Count-like KPIs split between the segments (60/40); rates are measured per segment.
          const share = i === 0 ? 0.6 : 0.4;
          const value = draw(kpi, expected, share);
          const metadata = KPIS[kpi].relative ? JSON.stringify({ channel: i === 0 ? 'chat' : 'email' }) : '';
          push([`${date}T${timeOfDay()}`, agent.name, agent.type, kpi, KPIS[kpi].category,
            `batch-${date}`, value, KPIS[kpi].component, 'rollup', 'production', segment, '',
            metadata]);
        });
      }
    }
    if (d % 2 === 0) {
      const agent = AGENTS.find((a) => a.name === STAGING.agent);
      for (const kpi of STAGING.kpis) {
        const value = draw(kpi, level(agent.kpis[kpi], d, kpi), 1);
        push([`${date}T${timeOfDay()}`, agent.name, agent.type, kpi, KPIS[kpi].category,
          `staging-${date}`, value, KPIS[kpi].component, 'rollup', 'staging', '', 'preview',
          '']);
      }
    }
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, csvLine(COLUMNS) + rows.map(csvLine).join(''));
  console.log(`${path.relative(repoRoot, outFile)}: ${rows.length} rows`);
}

main();
