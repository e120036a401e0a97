// Writes a large knowledge graph as the two CSV files POST /api/memory/graph/import takes
// (docs/api.md): nodes (label,name,action,product_type) and edges (source,target,type,label).
// Deterministic. Node kinds: 10% RiskFactor, 50% Rule, 15% Outcome, 15% Mitigant, 10% Source;
// edges follow the schema (RiskFactor-TRIGGERS->Rule, Rule-RESULTS_IN->Outcome,
// Mitigant-OVERRIDES->Rule, Rule-DERIVED_FROM->Source) with random end points.
//
//   node bench/gen/graph_data.mjs --nodes 200000 --edges 1000000 --out-nodes n.csv --out-edges e.csv
//
// Prints the bytes written (both files).
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvLine, mulberry32 } from './csv_util.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const nodeCount = Number(arg('nodes', '200000'));
const edgeCount = Number(arg('edges', '1000000'));
const nodesOut = arg('out-nodes', '');
const edgesOut = arg('out-edges', '');
if (!nodesOut || !edgesOut || !(nodeCount >= 100) || !(edgeCount >= 1)) {
  console.error('usage: graph_data.mjs --nodes N --edges M --out-nodes <csv> --out-edges <csv>');
  process.exit(2);
}

const KINDS = [['RiskFactor', 0.1], ['Rule', 0.5], ['Outcome', 0.15], ['Mitigant', 0.15], ['Source', 0.1]];
const ACTIONS = ['decline', 'refer', 'verify', 'approve_with_conditions', 'approve'];
const PRODUCTS = ['auto', 'mortgage', 'card', 'personal'];
const counts = Object.fromEntries(KINDS.map(([k, share]) => [k, Math.floor(nodeCount * share)]));
// Names are unique per kind, so each node is its own id: "<Label>:<label lowercased>_<i>".
const slugOf = (label, i) => `${label}:${label.toLowerCase()}_${i}`;
const rand = mulberry32(42);
let bytes = 0;

function writer(file) {
  const fd = openSync(file, 'w');
  let buf = '';
  return {
    line(fields) {
      buf += csvLine(fields);
      if (buf.length > 1 << 20) { bytes += writeSync(fd, buf); buf = ''; }
    },
    close() { bytes += writeSync(fd, buf); closeSync(fd); },
  };
}

const nodes = writer(nodesOut);
nodes.line(['label', 'name', 'action', 'product_type']);
for (const [label] of KINDS) {
  for (let i = 0; i < counts[label]; i++) {
    const rule = label === 'Rule';
    nodes.line([label, `${label} ${i}`, rule ? ACTIONS[i % ACTIONS.length] : '',
      rule ? PRODUCTS[Math.floor(i / 5) % PRODUCTS.length] : '']);
  }
}
nodes.close();

const pick = (label) => Math.floor(rand() * counts[label]);
const SHAPES = [['RiskFactor', 'Rule', 'TRIGGERS'], ['Rule', 'Outcome', 'RESULTS_IN'],
  ['Mitigant', 'Rule', 'OVERRIDES'], ['Rule', 'Source', 'DERIVED_FROM']];
const edges = writer(edgesOut);
edges.line(['source', 'target', 'type', 'label']);
for (let i = 0; i < edgeCount; i++) {
  const [from, to, type] = SHAPES[i % SHAPES.length];
  edges.line([slugOf(from, pick(from)), slugOf(to, pick(to)), type, i % 10 === 0 ? `edge ${i}` : '']);
}
edges.close();
console.log(bytes);
