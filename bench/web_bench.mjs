// Measurements of the `web` bench scenario (bench/scenarios/web.sh); each prints one JSON object.
//
//   node bench/web_bench.mjs bundle <dist dir>
//     The gzipped size of the initial JavaScript: the entry chunk of dist/.vite/manifest.json and
//     every chunk it imports statically (transitively); lazy (dynamic) imports are left out.
//   node bench/web_bench.mjs pages <out.json> [runs]
//     Starts axis-server (AXIS_BIN, AXIS_WEB_DIR) with the examples loaded (tests/e2e/lib/gates.mjs)
//     and measures every page on a cold cache, `runs` times each (median ready time, deepest API
//     request chain); writes the records to out.json.
//   node bench/web_bench.mjs scorecard <server url> <dataset id> <out.json> [runs]
//     The Scorecard page of a dataset on a running server: time until the scorecard table is shown.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { GATE_PAGES, startGatesServer } from '../tests/e2e/lib/gates.mjs';
import { launchBrowser, measurePages } from '../tests/e2e/lib/speed.mjs';

function initialJs(dist) {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  entries.forEach(visit);
  const chunks = [...seen].map((key) => {
    const bytes = readFileSync(path.join(dist, manifest[key].file));
    return { file: manifest[key].file, bytes: bytes.length, gzip_bytes: gzipSync(bytes, { level: 9 }).length };
  });
  const gzip = chunks.reduce((sum, c) => sum + c.gzip_bytes, 0);
  const lazy = Object.values(manifest).filter((c) => c.isDynamicEntry).length;
  return { gzip_kb: Math.round((gzip / 1000) * 10) / 10, chunks, lazy_chunks: lazy };
}

async function pages(out, runs) {
  const gates = await startGatesServer();
  const browser = await launchBrowser();
  try {
    const results = await measurePages(browser, gates.server.url, GATE_PAGES, gates.ids, { runs });
    writeFileSync(out, `${JSON.stringify({ limit_ms: 1000, runs, pages: results }, null, 2)}\n`);
    return results;
  } finally {
    await browser.close();
    await gates.stop();
  }
}

async function scorecard(url, dataset, out, runs) {
  const browser = await launchBrowser();
  try {
    const spec = { name: 'evaluate-scorecard', path: () => `/evaluate/scorecard?dataset=${dataset}`, ready: 'scorecard-table' };
    const [result] = await measurePages(browser, url, [spec], {}, { runs });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await browser.close();
  }
}

const [command, ...args] = process.argv.slice(2);
let result;
if (command === 'bundle') result = initialJs(args[0]);
else if (command === 'pages') result = await pages(args[0], Number(args[1] ?? 3));
else if (command === 'scorecard') result = await scorecard(args[0], args[1], args[2], Number(args[3] ?? 3));
else {
  console.error('usage: web_bench.mjs bundle <dist> | pages <out.json> [runs] | scorecard <url> <dataset> <out.json> [runs]');
  process.exit(2);
}
console.log(JSON.stringify(result));
