// A JSON array of wide evaluation rows for the posted-rows benchmark: dataset_id, model, query,
// then METRICS numeric columns (decimals in [0, 1); the last one an integer token count) and a
// free-text note, as a client posts them to /api/analytics/*.
//
//   node bench/gen/posted_rows.mjs --rows 200000 --metrics 5 --out rows.json   (prints the bytes)
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { mulberry32 } from './csv_util.mjs';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '200000' }, metrics: { type: 'string', default: '5' },
    out: { type: 'string' }, seed: { type: 'string', default: '7' } },
});
const rows = Number(values.rows);
const metrics = Array.from({ length: Number(values.metrics) }, (_, i) => `metric_${i + 1}`);
const rand = mulberry32(Number(values.seed));

const out = createWriteStream(values.out);
let bytes = 0;
const write = (text) => {
  bytes += Buffer.byteLength(text);
  return out.write(text);
};
write('[');
for (let r = 0; r < rows; r++) {
  const row = { dataset_id: `case-${r}`, model: `model-${r % 7}`,
    query: `What does the benchmark ask in question number ${r} of its set?` };
  metrics.forEach((m, i) => { row[m] = i === metrics.length - 1 ? Math.floor(rand() * 5000) : Number(rand().toFixed(6)); });
  row.note = 'n'.repeat(20 + Math.floor(rand() * 40));
  if (!write((r ? ',\n' : '') + JSON.stringify(row))) await new Promise((resolve) => out.once('drain', resolve));
}
write(']');
out.end(() => console.log(bytes));
