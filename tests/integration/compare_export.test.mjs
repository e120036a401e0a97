// GET /api/evaluation/compare/export: the comparison's case list as a CSV written by the server,
// with the columns the Evaluate page built in the browser (dataset_id, query, "<baseline> score",
// "<challenger> score", diff, winner), checked byte for byte on a small comparison whose names and
// queries hold commas, quotes and a newline.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, uploadCsv } from './lib/server.mjs';

const cell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows) => rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';

const BASE = 'gpt, "4o"';
const CHAL = 'claude';
// dataset_id → query, baseline score, challenger score (one metric, so a score is the case's
// overall score); c5 is scored by the baseline only and is not compared.
const CASES = {
  c1: ['He said "hi", then\nleft', '0.5', '0.7'],
  c2: ['plain', '1.0', '0.25'],
  c3: ['', '0.3', '0.3'],
  c4: ['a,b', '0.7', '0.8'],
  c5: ['alone', '0.9', null],
};

function fixture() {
  const rows = [['dataset_id', 'query', 'actual_output', 'evaluation_name', 'metric_name', 'metric_score']];
  for (const [exp, side] of [[BASE, 1], [CHAL, 2]]) {
    for (const [id, c] of Object.entries(CASES)) if (c[side] !== null) rows.push([id, c[0], 'answer', exp, 'm', c[side]]);
  }
  return csv(rows);
}

let server;
let id;

async function exported(params = {}) {
  const res = await fetch(`${server.url}/api/evaluation/compare/export?${new URLSearchParams({ dataset_id: id, ...params })}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

before(async () => {
  server = await startServer();
  assert.equal(server.exitStatus(), null, server.stderr());
  id = (await uploadCsv(server, fixture(), 'compare.csv')).dataset_id;
});

after(async () => {
  await server?.stop();
});

const HEADER = 'dataset_id,query,"gpt, ""4o"" score",claude score,diff,winner\r\n';
const LINES = {
  // 0.7 - 0.5 and 0.8 - 0.7 in doubles, printed as JavaScript prints them.
  c1: 'c1,"He said ""hi"", then\nleft",0.5,0.7,0.19999999999999996,claude\r\n',
  c2: 'c2,plain,1,0.25,-0.75,"gpt, ""4o"""\r\n',
  c3: 'c3,,0.3,0.3,0,Tie\r\n',
  c4: 'c4,"a,b",0.7,0.8,0.10000000000000009,claude\r\n',
};

describe('comparison export', () => {
  test('writes every compared case in list order, quoted as the page quoted them', async () => {
    const { status, headers, text } = await exported();
    assert.equal(status, 200, text);
    assert.equal(headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(headers.get('content-disposition'),
      'attachment; filename="comparison-gpt_ _4o_-vs-claude.csv"; ' +
      "filename*=UTF-8''comparison-gpt%2C%20%224o%22-vs-claude.csv");
    assert.equal(text, HEADER + LINES.c1 + LINES.c2 + LINES.c3 + LINES.c4);
    assert.equal(String(0.7 - 0.5), '0.19999999999999996');
  });

  test('follows the list\'s quick filter, winner, search and chosen sides', async () => {
    assert.equal((await exported({ winner: 'Challenger' })).text, HEADER + LINES.c1 + LINES.c4);
    assert.equal((await exported({ filter: 'top' })).text, HEADER + LINES.c4);
    assert.equal((await exported({ filter: 'bottom' })).text, HEADER + LINES.c3);
    assert.equal((await exported({ search: 'PLAIN' })).text, HEADER + LINES.c2);
    assert.equal((await exported({ search: 'nothing' })).text, HEADER);
    const swapped = await exported({ baseline: CHAL, challenger: BASE, winner: 'Baseline' });
    assert.equal(swapped.text, 'dataset_id,query,claude score,"gpt, ""4o"" score",diff,winner\r\n' +
      'c1,"He said ""hi"", then\nleft",0.7,0.5,-0.19999999999999996,claude\r\n' +
      'c4,"a,b",0.8,0.7,-0.10000000000000009,claude\r\n');
  });

  test('bad parameters are 422, a wrong experiment 400, an unknown dataset 404', async () => {
    const bad = await exported({ filter: 'best', winner: 'nobody' });
    assert.equal(bad.status, 422);
    assert.deepEqual(JSON.parse(bad.text).detail.map((d) => d.loc), [['query', 'filter'], ['query', 'winner']]);
    const unknown = await exported({ baseline: 'gemini' });
    assert.equal(unknown.status, 400);
    assert.equal(JSON.parse(unknown.text).detail, 'Experiment \'gemini\' not found. Available: gpt, "4o", claude');
    assert.equal((await exported({ dataset_id: 'nope' })).status, 404);
  });
});
