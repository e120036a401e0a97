// A wide flat-format evaluation CSV for the intake benchmark: dataset_id, evaluation_name,
// metric_name, metric_score, then extra columns alternating text, integers and decimals.
//
//   node bench/gen/wide_data.mjs --columns 2000 --rows 2000 --out wide.csv   (prints the bytes)
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { csvLine, mulberry32 } from './csv_util.mjs';

const { values } = parseArgs({
  options: { columns: { type: 'string', default: '2000' }, rows: { type: 'string', default: '2000' },
    out: { type: 'string' }, seed: { type: 'string', default: '7' } },
});
const columns = Number(values.columns);
const rows = Number(values.rows);
const rand = mulberry32(Number(values.seed));
const base = ['dataset_id', 'evaluation_name', 'metric_name', 'metric_score'];
const extras = Array.from({ length: Math.max(0, columns - base.length) }, (_, i) => `feature_${i}`);

const out = createWriteStream(values.out);
let bytes = 0;
const write = (line) => {
  bytes += Buffer.byteLength(line);
  return out.write(line);
};
write(csvLine([...base, ...extras]));
for (let r = 0; r < rows; r++) {
  const fields = [`case-${r}`, r % 2 ? 'model-b' : 'model-a', 'accuracy', rand().toFixed(4)];
  for (let c = 0; c < extras.length; c++) {
    const kind = c % 3;
    fields.push(kind === 0 ? `t${Math.floor(rand() * 1000)}` : kind === 1 ? Math.floor(rand() * 1e6) : (rand() * 100).toFixed(3));
  }
  if (!write(csvLine(fields))) await new Promise((resolve) => out.once('drain', resolve));
}
out.end(() => console.log(bytes));
