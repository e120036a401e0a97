// Streams a large long-format monitoring CSV for the benchmarks: records spread over 50 sources
// (agents), 2 environments and 90 days, each record scored by 20 metrics (one row per metric,
// sharing the record's timestamp, latency and error flag). Deterministic.
//
//   node bench/gen/monitoring_data.mjs --rows 10000000 --out /tmp/monitoring-10m.csv
//
// --rows must be a multiple of 20. Prints the bytes written.
import { closeSync, openSync, writeSync } from 'node:fs';
import { mulberry32 } from './csv_util.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const METRICS_PER_RECORD = 20;
const rows = Number(arg('rows', '1000000'));
const out = arg('out', '');
if (!out || !Number.isInteger(rows) || rows <= 0 || rows % METRICS_PER_RECORD !== 0) {
  console.error(`usage: monitoring_data.mjs --rows <multiple of ${METRICS_PER_RECORD}> --out <file.csv>`);
  process.exit(2);
}

const METRICS = Array.from({ length: METRICS_PER_RECORD }, (_, i) => `metric_${String(i + 1).padStart(2, '0')}`);
const SOURCES = Array.from({ length: 50 }, (_, i) => `agent-${String(i + 1).padStart(2, '0')}`);
const COMPONENTS = ['router', 'retriever', 'responder'];
const TYPES = ['chat', 'email', 'voice'];
const ENVIRONMENTS = ['production', 'staging'];
const TOPICS = ['billing', 'login', 'export', 'invoices', 'webhooks', 'SSO', 'refunds', 'seats'];
const START = Date.UTC(2026, 7, 1); // 90 days from 2026-08-01
const SPAN_MS = 90 * 24 * 3600 * 1000;
const HEADER = 'dataset_id,timestamp,environment,source_name,source_component,source_type,model_name,' +
  'query,actual_output,metric_name,metric_score,latency,has_errors\n';

const rand = mulberry32(11);
const records = rows / METRICS_PER_RECORD;
const fd = openSync(out, 'w');
let bytes = 0;
let buffer = HEADER;
const flush = () => {
  bytes += writeSync(fd, buffer);
  buffer = '';
};

for (let r = 0; r < records; r++) {
  const id = `rec-${r}`;
  // Records are spread evenly over the span, in time order.
  const ts = new Date(START + Math.floor((r / records) * SPAN_MS)).toISOString().replace('.000Z', 'Z');
  const source = SOURCES[Math.floor(rand() * SOURCES.length)];
  const env = rand() < 0.8 ? ENVIRONMENTS[0] : ENVIRONMENTS[1];
  const component = COMPONENTS[r % COMPONENTS.length];
  const type = TYPES[Math.floor(rand() * TYPES.length)];
  const topic = TOPICS[Math.floor(rand() * TOPICS.length)];
  const latency = Math.round(200 + -Math.log(1 - rand()) * 450);
  const error = rand() < 0.03 ? 'true' : 'false';
  const head = `${id},${ts},${env},${source},${component},${type},gpt-4o,How do I fix ${topic} issue ${r % 997}?,` +
    `Check the ${topic} settings page and retry.,`;
  const tail = `,${latency},${error}\n`;
  for (let m = 0; m < METRICS_PER_RECORD; m++) {
    const score = Math.min(1, Math.max(0, 0.78 - m * 0.01 + (rand() - 0.5) * 0.5));
    buffer += `${head}${METRICS[m]},${score.toFixed(3)}${tail}`;
  }
  if (buffer.length > 1 << 20) flush();
}
flush();
closeSync(fd);
console.log(bytes);
