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

// The metric of the fixture by hand: the baseline scores 0.5, 1.0, 0.3, 0.7, 0.9 (mean 3.4 / 5),
// the challenger 0.7, 0.25, 0.3, 0.8 (mean 2.05 / 4).
const BASE_MEAN = 3.4 / 5;
const CHAL_MEAN = 2.05 / 4;
const JSON_CASES = {
  c1: { dataset_id: 'c1', query: 'He said "hi", then\nleft', baseline_score: 0.5, challenger_score: 0.7, diff: 0.7 - 0.5, winner: 'Challenger' },
  c2: { dataset_id: 'c2', query: 'plain', baseline_score: 1, challenger_score: 0.25, diff: -0.75, winner: 'Baseline' },
  c3: { dataset_id: 'c3', query: '', baseline_score: 0.3, challenger_score: 0.3, diff: 0, winner: 'Tie' },
  c4: { dataset_id: 'c4', query: 'a,b', baseline_score: 0.7, challenger_score: 0.8, diff: 0.8 - 0.7, winner: 'Challenger' },
};
const MD_ROWS = {
  c1: '| c1 | He said "hi", then<br>left | 0.5 | 0.7 | 0.19999999999999996 | claude |\n',
  c2: '| c2 | plain | 1 | 0.25 | -0.75 | gpt, "4o" |\n',
  c3: '| c3 |  | 0.3 | 0.3 | 0 | Tie |\n',
  c4: '| c4 | a,b | 0.7 | 0.8 | 0.10000000000000009 | claude |\n',
};

describe('comparison export as JSON and Markdown', () => {
  test('JSON: the experiments, filters, metric comparison and every listed case', async () => {
    const { status, headers, text } = await exported({ format: 'json' });
    assert.equal(status, 200, text);
    assert.equal(headers.get('content-type'), 'application/json');
    assert.match(headers.get('content-disposition'), /filename\*=UTF-8''comparison-gpt%2C%20%224o%22-vs-claude\.json$/);
    const doc = JSON.parse(text);
    assert.equal(doc.baseline, BASE);
    assert.equal(doc.challenger, CHAL);
    assert.deepEqual(doc.filters, { filter: 'all', winner: null, search: null });
    assert.deepEqual(doc.cases, [JSON_CASES.c1, JSON_CASES.c2, JSON_CASES.c3, JSON_CASES.c4]);
    assert.equal(doc.metrics.length, 1);
    const [m] = doc.metrics;
    assert.equal(m.metric, 'm');
    assert.ok(Math.abs(m.baseline_mean - BASE_MEAN) < 1e-12 && Math.abs(m.challenger_mean - CHAL_MEAN) < 1e-12);
    assert.deepEqual([m.baseline_n, m.challenger_n], [5, 4]);
    assert.ok(Math.abs(m.difference - (CHAL_MEAN - BASE_MEAN)) < 1e-12);
    // The test statistics are the comparison route's.
    const compare = await (await fetch(`${server.url}/api/evaluation/compare?dataset_id=${id}`)).json();
    assert.equal(m.p_value, compare.metrics[0].p_value);
    assert.equal(m.winner, 'tie');
    // One metric, higher for the baseline but not significant: the baseline wins on count.
    assert.deepEqual(doc.summary, { winner: 'baseline', baseline_wins: 1, challenger_wins: 0, ties: 0 });

    const filtered = JSON.parse((await exported({ format: 'json', winner: 'Challenger', search: 'A,B' })).text);
    assert.deepEqual(filtered.filters, { filter: 'all', winner: 'Challenger', search: 'A,B' });
    assert.deepEqual(filtered.cases, [JSON_CASES.c4]);
    assert.deepEqual(JSON.parse((await exported({ format: 'json', search: 'nothing' })).text).cases, []);
  });

  test('Markdown: a report with the metric table and the case table, cells escaped', async () => {
    const { status, headers, text } = await exported({ format: 'md' });
    assert.equal(status, 200, text);
    assert.equal(headers.get('content-type'), 'text/markdown; charset=utf-8');
    assert.match(headers.get('content-disposition'), /comparison-gpt%2C%20%224o%22-vs-claude\.md$/);
    const compare = await (await fetch(`${server.url}/api/evaluation/compare?dataset_id=${id}`)).json();
    const p = compare.metrics[0].p_value.toFixed(4);
    assert.equal(text,
      '# Comparison: gpt, "4o" vs claude\n\n' +
      'Baseline: gpt, "4o". Challenger: claude. Cases: all; winner: any; search: none.\n\n' +
      '## Metrics\n\n' +
      'Overall winner: gpt, "4o". Metrics won: gpt, "4o" 1, claude 0; ties 0.\n\n' +
      '| Metric | gpt, "4o" mean | claude mean | Difference | p-value | Winner |\n' +
      '| --- | ---: | ---: | ---: | ---: | --- |\n' +
      `| m | 0.6800 | 0.5125 | -0.1675 | ${p} | Tie |\n\n` +
      '## Cases\n\n' +
      '| dataset_id | query | gpt, "4o" score | claude score | diff | winner |\n' +
      '| --- | --- | ---: | ---: | ---: | --- |\n' +
      MD_ROWS.c1 + MD_ROWS.c2 + MD_ROWS.c3 + MD_ROWS.c4);
    const top = await exported({ format: 'md', filter: 'top' });
    assert.ok(top.text.includes('Cases: top; winner: any; search: none.'));
    assert.ok(top.text.endsWith('| --- | --- | ---: | ---: | ---: | --- |\n' + MD_ROWS.c4));
  });

  test('Markdown escapes pipes and backslashes in names and cells', async () => {
    const rows = [['dataset_id', 'query', 'evaluation_name', 'metric_name', 'metric_score'],
      ['p|1', 'x|y\\z', 'left|side', 'm', '0.5'], ['p|1', 'x|y\\z', 'right', 'm', '0.9']];
    const other = (await uploadCsv(server, csv(rows), 'pipes.csv')).dataset_id;
    const res = await fetch(`${server.url}/api/evaluation/compare/export?dataset_id=${other}&format=md`);
    const text = await res.text();
    assert.equal(res.status, 200, text);
    assert.ok(text.startsWith('# Comparison: left\\|side vs right\n'));
    assert.ok(text.endsWith('| p\\|1 | x\\|y\\\\z | 0.5 | 0.9 | 0.4 | right |\n'), text);
  });

  test('an unknown format is 422', async () => {
    const bad = await exported({ format: 'xlsx' });
    assert.equal(bad.status, 422);
    assert.deepEqual(JSON.parse(bad.text).detail.map((d) => d.loc), [['query', 'format']]);
  });
});
