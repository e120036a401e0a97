// Streams a large tree-format evaluation CSV for the benchmarks: every dataset_id is scored by
// two models (evaluation_names), each case with 10 rows (a root component, 2 components, 7
// metrics; component scores are the weighted means of their children). Deterministic.
//
//   node bench/gen/tree_data.mjs --rows 10000000 --out /tmp/tree-10m.csv
//
// --rows must be a multiple of 20 (10 rows x 2 models per dataset_id). Prints the bytes written.
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvField, mulberry32 } from './csv_util.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const rows = Number(arg('rows', '1000000'));
const out = arg('out', '');
if (!out || !Number.isInteger(rows) || rows <= 0 || rows % 20 !== 0) {
  console.error('usage: tree_data.mjs --rows <multiple of 20> --out <file.csv>');
  process.exit(2);
}

// Parents come before their children; scores are computed bottom-up (see score()).
const NODES = [
  { name: 'Overall', type: 'component', parent: '', weight: 1 },
  { name: 'Answer Quality', type: 'component', parent: 'Overall', weight: 0.6 },
  { name: 'faithfulness', type: 'metric', parent: 'Answer Quality', weight: 0.4 },
  { name: 'relevance', type: 'metric', parent: 'Answer Quality', weight: 0.3 },
  { name: 'completeness', type: 'metric', parent: 'Answer Quality', weight: 0.2 },
  { name: 'correctness', type: 'metric', parent: 'Answer Quality', weight: 0.1 },
  { name: 'Retrieval', type: 'component', parent: 'Overall', weight: 0.4 },
  { name: 'context_precision', type: 'metric', parent: 'Retrieval', weight: 0.5 },
  { name: 'context_recall', type: 'metric', parent: 'Retrieval', weight: 0.3 },
  { name: 'context_relevance', type: 'metric', parent: 'Retrieval', weight: 0.2 },
];
const LEAVES = NODES.filter((n) => n.type === 'metric');
// Per model: mean score of each leaf (in LEAVES order).
const MODELS = [
  { name: 'model-a', means: [0.82, 0.8, 0.74, 0.77, 0.7, 0.66, 0.72] },
  { name: 'model-b', means: [0.76, 0.81, 0.79, 0.75, 0.7, 0.67, 0.71] },
];
const TOPICS = ['billing', 'login', 'export', 'invoices', 'webhooks', 'SSO', 'refunds', 'seats'];
const EXPLAIN = ['Supported.', 'Partly supported.', 'Unsupported.'];
const HEADER = 'dataset_id,query,actual_output,expected_output,evaluation_name,metric_name,' +
  'metric_score,metric_type,parent,weight,explanation,critique\n';

// The fixed middle of each node's row: metric_name and what follows the score.
const fixed = NODES.map((n) => ({
  head: `${csvField(n.name)},`,
  tail: `,${n.type},${csvField(n.parent)},${n.weight},`,
}));
const leafIndex = new Map(LEAVES.map((n, i) => [n.name, i]));
const childrenOf = new Map(NODES.map((n) => [n.name, NODES.filter((c) => c.parent === n.name)]));

const rand = mulberry32(7);
const round3 = (x) => Math.round(x * 1000) / 1000;
const scores = new Map();

function score(node, means, shift) {
  if (node.type === 'metric') {
    const x = means[leafIndex.get(node.name)] + shift + (rand() + rand() + rand() - 1.5) * 0.3;
    return round3(Math.min(1, Math.max(0, x)));
  }
  let sum = 0;
  let weights = 0;
  for (const child of childrenOf.get(node.name)) {
    sum += scores.get(child.name) * child.weight;
    weights += child.weight;
  }
  return round3(sum / weights);
}

const fd = openSync(out, 'w');
let buffer = HEADER;
let bytes = 0;
const flush = () => {
  bytes += writeSync(fd, buffer);
  buffer = '';
};

const ids = rows / 20;
for (let i = 0; i < ids; i++) {
  const id = `case_${String(i).padStart(7, '0')}`;
  const topic = TOPICS[i % TOPICS.length];
  const query = `How to manage ${topic}? #${i}`;
  const expected = `Settings > ${topic}`;
  const difficulty = (rand() - 0.5) * 0.2;
  for (const model of MODELS) {
    const actual = `"Settings, ${topic}: ""ok"" in ${1 + (i % 5)} steps"`;
    const prefix = `${id},${query},${actual},${expected},${model.name},`;
    for (let n = NODES.length - 1; n >= 0; n--) scores.set(NODES[n].name, score(NODES[n], model.means, difficulty));
    for (let n = 0; n < NODES.length; n++) {
      const s = scores.get(NODES[n].name);
      buffer += `${prefix}${fixed[n].head}${s}${fixed[n].tail}${EXPLAIN[s >= 0.7 ? 0 : s >= 0.5 ? 1 : 2]},\n`;
    }
  }
  if (buffer.length > 8 << 20) flush();
}
flush();
closeSync(fd);
console.log(bytes);
