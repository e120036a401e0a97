// Every CSV intake against a hostile corpus generated here (nothing kept on disk but one temp
// folder): each file gets 2xx or a clear 4xx within 10 s from every upload route, the server
// answers /health after each, refusals store nothing, no spool or DuckDB temp file is left, and
// the server's peak RSS stays under 1 GB. Also the 20,000-column upload that once killed the
// server (SIGFPE inside DuckDB), with the column limit at its default and at its ceiling.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli, startServer } from './lib/server.mjs';

const ROUTES = ['/api/data/upload', '/api/data/detect-format', '/api/monitoring/upload',
  '/api/kpi/upload', '/api/human-signals/upload'];
const STORING = ROUTES.filter((r) => r !== '/api/data/detect-format');
const REQUEST_TIMEOUT_MS = 10000;
const MiB = 1024 * 1024;

// A header every route accepts: flat evaluation rows, monitoring records, KPI rows and human
// signals at once.
const HEADER = ['dataset_id', 'metric_name', 'metric_score', 'timestamp', 'kpi_name',
  'numeric_value', 'created_at', 'signals', 'source_name', 'query'];

function row({ id = 'c1', score = '0.5', at = '2025-03-04T06:53:00Z', value = '3', query = 'hi' } = {}) {
  return [id, 'accuracy', score, at, 'tickets', value, at, '"{""ok"":true}"', 'bot_a', query].join(',');
}

const text = (s) => Buffer.from(s, 'utf8');
const lines = (rows, eol = '\n') => text([HEADER.join(','), ...rows].join(eol) + eol);
const wideHeader = (n) => HEADER.join(',') + ',' + Array.from({ length: n - HEADER.length }, (_, i) => `extra_${i}`).join(',');

// name → { bytes, refusal: [status, RegExp] for files every route must refuse alike }
const CORPUS = {
  'columns 20k': { bytes: () => text(`${wideHeader(20000)}\n${row()}${',x'.repeat(20000 - HEADER.length)}\n`),
    refusal: [400, /^The CSV has 20,000 columns; the limit is 2,000 \(set AXIS_MAX_CSV_COLUMNS to raise it, up to 10,000\)\. First columns: dataset_id, .*extra_9 and 19,980 more$/] },
  'columns 100k': { bytes: () => text(`${wideHeader(100000)}\n${row()}\n`),
    // The header row's first 256 KiB already hold more columns than allowed: they are counted.
    refusal: [400, /^The CSV has more than 22,[0-9]{3} columns; the limit is 2,000 \(set AXIS_MAX_CSV_COLUMNS.* and 22,[0-9]{3} more$/] },
  'one 50 MB cell': { bytes: () => Buffer.concat([lines([row()]).subarray(0, -1), text(`\n${row({ query: '' })}`), Buffer.alloc(50 * MiB, 'q'), text('\n')]),
    refusal: [413, /^A CSV field in data row 2 is larger than 8 MiB, the limit for one field; set AXIS_MAX_CSV_CELL_BYTES to raise it$/] },
  'a 1 MB header': { bytes: () => text(`${'h'.repeat(MiB)}\n1\n`),
    refusal: [400, /^The CSV header row is longer than 256 KiB, the limit; set AXIS_MAX_CSV_HEADER_BYTES to raise it$/] },
  'only quotes (odd)': { bytes: () => text('"'.repeat(1001)),
    refusal: [400, /^CSV parsing error: a quoted field opened in the header row is never closed/] },
  'only quotes (even)': { bytes: () => text('"'.repeat(1000)) },
  'unbalanced quote at EOF': { bytes: () => Buffer.concat([lines([row()]), text('c2,accuracy,"0.5')]),
    refusal: [400, /^CSV parsing error: a quoted field opened in data row 2 is never closed \(unterminated quote at the end of the file\)$/] },
  'NUL bytes': { bytes: () => Buffer.concat([lines([row()]), text('c2,acc\0uracy,0.5\n')]),
    refusal: [400, /^CSV parsing error: the file contains a NUL byte \(in data row 2\)/] },
  'UTF-16 LE with BOM': { bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines([row()]).toString('utf8'), 'utf16le')]),
    refusal: [400, /^The file is UTF-16 encoded; save it as UTF-8/] },
  'UTF-16 BE with BOM': { bytes: () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lines([row()]).toString('utf8'), 'utf16le').swap16()]),
    refusal: [400, /^The file is UTF-16 encoded; save it as UTF-8/] },
  'invalid UTF-8 in the header': { bytes: () => Buffer.concat([text('dataset_id,metric_name,metric_score,bad'), Buffer.from([0xc3, 0x28]), text('\nc1,a,0.5,x\n')]),
    refusal: [400, /^CSV parsing error: the header row is not valid UTF-8$/] },
  'duplicate header names': { bytes: () => text(`${HEADER.join(',')},dataset_id\n${row()},c9\n`),
    refusal: [400, /^Duplicate column names: dataset_id$/] },
  'an empty header name': { bytes: () => text(`${HEADER.join(',')},\n${row()},x\n`),
    refusal: [400, /^CSV parsing error: the header row has an empty column name$/] },
  'UTF-8 BOM': { bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), lines([row(), row({ id: 'c2' })])]), stores: 2 },
  'CR-only line endings': { bytes: () => lines([row(), row({ id: 'c2' })], '\r'), stores: 2 },
  'mixed line endings': { bytes: () => text(`${HEADER.join(',')}\r\n${row()}\r\n${row({ id: 'c2' })}\n${row({ id: 'c3' })}\r`),
    refusal: [400, /^CSV parsing error: the file mixes line endings \(the header row ends with CRLF, data row 2 with LF\); save it with one kind of line ending$/] },
  'CRLF line endings': { bytes: () => lines([row(), row({ id: 'c2' }), row({ id: 'c3' })], '\r\n'), stores: 3 },
  'numbers at the edges': { bytes: () => lines([row({ score: '1e309', value: '1e309' }), row({ id: 'c2', score: 'NaN', value: 'NaN' }),
    row({ id: 'c3', score: '-0', value: '-0' }), row({ id: 'c4', score: '9'.repeat(400), value: '9'.repeat(400) })]) },
  'dates in year 0 and 99999': { bytes: () => lines([row({ at: '0000-01-01T00:00:00Z' }), row({ id: 'c2', at: '99999-12-31T23:59:59Z' })]) },
  '1M rows of one column': { bytes: () => text(`dataset_id\n${Array.from({ length: 1_000_000 }, (_, i) => `r${i}`).join('\n')}\n`),
    check: {
      '/api/data/detect-format': (res) => assert.deepEqual(res.json, { format: 'unknown', columns: ['dataset_id'], row_count: 1_000_000 }),
      '/api/data/upload': (res) => {
        assert.equal(res.status, 400);
        assert.match(res.json.detail, /^Could not detect a supported data format\. Columns found: dataset_id\. Expected/);
      },
      '/api/monitoring/upload': (res) => {
        assert.equal(res.status, 200);
        assert.equal(res.json.row_count, 1_000_000);
        assert.equal(res.json.truncated, true);
        assert.equal(res.json.data[9999].dataset_id, 'r9999');
      },
      '/api/kpi/upload': (res) => assert.equal(res.status, 400),
      '/api/human-signals/upload': (res) => assert.equal(res.status, 400),
    } },
};

let server;

async function post(target, route, bytes, name = 'hostile.csv', timeoutMs = REQUEST_TIMEOUT_MS) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'text/csv' }), name);
  const started = Date.now();
  const res = await fetch(`${target.url}${route}`, { method: 'POST', body: form, signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.text();
  return { status: res.status, body, json: JSON.parse(body), ms: Date.now() - started };
}

async function healthy(target) {
  const res = await fetch(`${target.url}/health`, { signal: AbortSignal.timeout(5000) });
  assert.equal(res.status, 200);
  assert.equal(target.exitStatus(), null, 'the server is still running');
}

async function datasetIds(target) {
  const res = await fetch(`${target.url}/api/datasets`);
  return (await res.json()).datasets.map((d) => d.id).sort();
}

function leftovers(target) {
  const spool = path.join(target.dataDir, 'tmp', 'uploads');
  const duckTmp = path.join(target.dataDir, 'local_store.duckdb.tmp');
  return [...(existsSync(spool) ? readdirSync(spool) : []), ...(existsSync(duckTmp) ? readdirSync(duckTmp) : [])];
}

function peakRssMb(target) {
  const status = readFileSync(`/proc/${target.proc.pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)[1]) / 1024;
}

before(async () => {
  server = await startServer({ args: ['--no-samples'], env: { AXIS_MAX_UPLOAD_BYTES: String(64 * MiB) } });
  assert.equal(server.exitStatus(), null, server.stderr());
});

after(async () => {
  await server?.stop();
});

describe('the hostile CSV corpus against every intake route', () => {
  const stored = new Set();

  for (const [name, entry] of Object.entries(CORPUS)) {
    test(name, async () => {
      const bytes = entry.bytes();
      for (const route of ROUTES) {
        const before = await datasetIds(server);
        const res = await post(server, route, bytes);
        const what = `${name} → ${route}: ${res.status} ${res.body.slice(0, 300)}`;
        assert.ok(res.status < 500, what);
        assert.ok(res.ms < REQUEST_TIMEOUT_MS, what);
        await healthy(server);
        const afterIds = await datasetIds(server);
        if (res.status >= 400) {
          assert.equal(typeof res.json.detail, 'string', what);
          assert.ok(res.json.detail.length > 10 && res.json.detail.length < 2000, what);
          assert.doesNotMatch(res.json.detail, /tmp\/uploads|Internal|std::|duckdb::/, what);
          assert.deepEqual(afterIds, before, `a refusal stored nothing: ${what}`);
        } else if (STORING.includes(route)) {
          const added = afterIds.filter((id) => !before.includes(id));
          assert.deepEqual(added, [res.json.dataset_id], what);
          stored.add(res.json.dataset_id);
        }
        if (entry.refusal) {
          assert.equal(res.status, entry.refusal[0], what);
          assert.match(res.json.detail, entry.refusal[1], what);
        }
        if (entry.stores && STORING.includes(route)) {
          assert.equal(res.status, 200, what);
          assert.equal(res.json.dataset.name, 'hostile.csv', what);
          if (route !== '/api/human-signals/upload') assert.equal(res.json.dataset.row_count, entry.stores, what);
        }
        if (entry.stores && route === '/api/data/detect-format') {
          assert.equal(res.status, 200, what);
          assert.equal(res.json.format, 'flat_format', what);
          assert.equal(res.json.row_count, entry.stores, what);
          assert.equal(res.json.columns[0], 'dataset_id', what);
        }
        entry.check?.[route]?.(res);
        assert.deepEqual(leftovers(server), [], `no temporary file left: ${what}`);
      }
    });
  }

  test('after the corpus: every stored dataset is listed, nothing else, and peak RSS < 1 GB', async () => {
    const ids = await datasetIds(server);
    for (const id of stored) assert.ok(ids.includes(id), id);
    assert.ok(peakRssMb(server) < 1024, `peak RSS ${peakRssMb(server)} MB`);
    assert.deepEqual(leftovers(server), []);
  });
});

describe('the 20,000-column upload that once stopped the server', () => {
  const csv = () => text(`${wideHeader(20005)}\n${row()}${',x'.repeat(20005 - HEADER.length)}\n`);

  test('is refused by default with the limit and its setting, and the server stays up', async () => {
    const res = await post(server, '/api/data/upload', csv(), 'wide.csv');
    assert.equal(res.status, 400);
    assert.match(res.json.detail, /^The CSV has 20,005 columns; the limit is 2,000 \(set AXIS_MAX_CSV_COLUMNS to raise it, up to 10,000\)/);
    assert.ok(res.body.length < 1000, `message of ${res.body.length} bytes names at most 20 columns`);
    await healthy(server);
  });

  test('with AXIS_MAX_CSV_COLUMNS=25000 the setting stops at its ceiling and the upload is refused clearly', async () => {
    const config = await runCli(['check-config'], { env: { AXIS_MAX_CSV_COLUMNS: '25000' } });
    assert.equal(config.code, 0, config.stderr);
    assert.equal(JSON.parse(config.stdout).server.max_csv_columns, 10000);
    assert.match(config.stderr, /AXIS_MAX_CSV_COLUMNS/);
    const wide = await startServer({ args: ['--no-samples'], env: { AXIS_MAX_CSV_COLUMNS: '25000' } });
    try {
      const res = await post(wide, '/api/data/upload', csv(), 'wide.csv');
      assert.equal(res.status, 400);
      assert.match(res.json.detail, /^The CSV has 20,005 columns; the limit is 10,000, the most the store can take\. First columns: /);
      await healthy(wide);
      // At the ceiling itself the upload is stored and answered (DuckDB alone takes seconds to
      // sniff 10,000 columns, so this one request gets more time).
      const atCeiling = text(`${wideHeader(10000)}\n${row()}${',x'.repeat(10000 - HEADER.length)}\n`);
      const ok = await post(wide, '/api/data/upload', atCeiling, 'ceiling.csv', 120000);
      assert.equal(ok.status, 200, ok.body.slice(0, 300));
      // The flat format's 14 normalised columns come first; 4 of them are in the file.
      assert.equal(ok.json.columns.length, 10000 - 4 + 14);
      assert.equal(ok.json.data[0].extra_9989, 'x');
      await healthy(wide);
      assert.deepEqual(leftovers(wide), []);
    } finally {
      await wide.stop();
    }
  });
});
