// Page speed figures of the built bundle served by axis-server, on a cold cache: for every page of
// the router (examples loaded), the time from navigation start to the page's first meaningful
// content and the depth of its API request chain, written to ARTIFACTS/web-speed.json. Nothing
// here asserts a timing (the budgets are checked by the `web` bench scenario); the test checks
// that every page shows its content, that no page's request chain is deeper than 2 and that the
// chain finder reads overlaps as intended.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { ARTIFACTS } from './lib/browser.mjs';
import { GATE_PAGES, startGatesServer } from './lib/gates.mjs';
import { launchBrowser, measurePages, requestChain } from './lib/speed.mjs';

let gates;
let browser;

before(async () => {
  gates = await startGatesServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await gates?.stop();
});

test('a request chain follows each request to what ended last before it, counting API requests', () => {
  // a and b side by side; c starts after a ended (its trigger); a script s loads after c, and d,
  // whose code came in s, starts after s ended.
  const requests = [
    { start: 0, end: 50 },
    { start: 10, end: 80 },
    { start: 60, end: 90 },
    { start: 92, end: 150, api: false },
    { start: 155, end: 170 },
  ];
  assert.deepEqual(requestChain(requests), { depth: 3, chain: [0, 2, 4] });
  // Without c, d's trigger is the script, which b (ended last before it) triggered: b → s → d.
  assert.deepEqual(requestChain([requests[0], requests[1], requests[3], requests[4]]), { depth: 2, chain: [1, 3] });
  assert.deepEqual(requestChain(requests.slice(0, 2)), { depth: 1, chain: [0] });
  assert.deepEqual(requestChain([]), { depth: 0, chain: [] });
});

test('every page shows its content on a cold cache; the figures go to web-speed.json', async () => {
  const results = await measurePages(browser, gates.server.url, GATE_PAGES, gates.ids);
  writeFileSync(path.join(ARTIFACTS, 'web-speed.json'), `${JSON.stringify({ limit_ms: 1000, pages: results }, null, 2)}\n`);
  const missing = results.filter((r) => !Number.isFinite(r.ready_ms)).map((r) => r.page);
  assert.deepEqual(missing, [], 'pages whose content never appeared');
  assert.equal(results.length, GATE_PAGES.length);
  for (const r of results) assert.ok(r.api_requests > 0, `${r.page} asks the API for something`);
  // The chain depth does not depend on the machine's load (each request is slowed by the same
  // emulated latency), so its budget is asserted here; the times are only reported.
  const deep = results.filter((r) => r.api_depth > 2).map((r) => `${r.page}: ${r.api_chain.join(' → ')}`);
  assert.deepEqual(deep, [], 'pages whose API requests wait on more than one earlier request');
});
