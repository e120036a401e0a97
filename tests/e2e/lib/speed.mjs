// Page speed as the browser sees it, on a cold cache (a fresh browser context per load): the time
// from navigation start until the page's first meaningful content (its `ready` data-testid) is in
// the document, and the depth of the page's API request chain read from the Performance resource
// timings. Figures only: callers record them (tests never assert timings).
import { chromium, CHROMIUM, CHROMIUM_ARGS } from './browser.mjs';

/**
 * Installed before any page script: records performance.now() (milliseconds since navigation
 * start) the first time an element with the wanted data-testid is in the document.
 */
function watchForTestId(testId) {
  const selector = `[data-testid="${testId}"]`;
  const seen = () => {
    if (window.__axisReadyMs === undefined && document.querySelector(selector)) window.__axisReadyMs = performance.now();
    return window.__axisReadyMs !== undefined;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * The page's API request chain: each request is taken to have waited for the resource that ended
 * last before it started (an API answer, or a script chunk the request's code came in), and the
 * chain counts the API requests on the longest such path, so loading code between two requests
 * does not count as a step. 1 when all API requests run side by side. `requests` are
 * `{start, end, api}` in milliseconds (`api` true unless false); the chain is returned as indexes.
 */
export function requestChain(requests) {
  const depth = [];
  const previous = [];
  const order = requests.map((r, i) => i).sort((a, b) => requests[a].start - requests[b].start);
  for (const i of order) {
    let trigger = -1;
    for (const j of order) {
      if (j === i || depth[j] === undefined || requests[j].end > requests[i].start) continue;
      if (trigger < 0 || requests[j].end > requests[trigger].end) trigger = j;
    }
    previous[i] = trigger;
    depth[i] = (requests[i].api === false ? 0 : 1) + (trigger < 0 ? 0 : depth[trigger]);
  }
  let last = -1;
  for (const i of order) if (requests[i].api !== false && (last < 0 || depth[i] > depth[last])) last = i;
  const chain = [];
  for (let at = last; at >= 0; at = previous[at]) if (requests[at].api !== false) chain.unshift(at);
  return { depth: last < 0 ? 0 : depth[last], chain };
}

/** A headless Chromium without a profile; each measurement opens its own context in it. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The page's Performance resource timings, each marked `api` for `/api/…` and `/health` (the
 * others: scripts, styles, images).
 */
async function resourceTimings(page) {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
  );
  return entries.map((e) => ({ ...e, api: /^\/(api\/|health$)/.test(new URL(e.url).pathname) }));
}

/**
 * Loads `url` in a new context (empty cache) and waits for `ready`. Returns `{ready_ms}` (null when
 * the content never came), or with `latencyMs` (Chromium's network emulation adds that much to
 * every request, so requests fired in the same burst overlap and only a request that waited for
 * another's answer starts after it ended) `{api_depth, api_chain, api_requests}` instead.
 */
export async function measurePage(browser, url, ready, { timeout = 20000, latencyMs = 0 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    if (latencyMs > 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.addInitScript(watchForTestId, ready);
    await page.goto(url, { waitUntil: 'networkidle', timeout: timeout + latencyMs * 20 });
    const readyMs = await page
      .waitForFunction(() => window.__axisReadyMs, null, { timeout })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (latencyMs === 0) return { ready_ms: readyMs === null ? null : Math.round(readyMs) };
    // The requests a page sends once its first content is up (the rest of its data) belong to its
    // chain too: wait until no new resource has started for a few latencies.
    await settle(page, latencyMs * 4, timeout);
    const resources = await resourceTimings(page);
    const { depth, chain } = requestChain(resources);
    return {
      api_depth: depth,
      api_chain: chain.map((i) => new URL(resources[i].url).pathname),
      api_requests: resources.filter((r) => r.api).length,
    };
  } finally {
    await context.close();
  }
}

/** Resolves once the page's resource timing count has not grown for `quietMs` (or at `timeout`). */
async function settle(page, quietMs, timeout) {
  const count = () => page.evaluate(() => performance.getEntriesByType('resource').length);
  const until = Date.now() + timeout;
  let seen = await count();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < until) {
    await page.waitForTimeout(100);
    const now = await count();
    if (now !== seen) { seen = now; since = Date.now(); }
  }
}

/** The latency added to every request for the chain depth (see measurePage). */
export const CHAIN_LATENCY_MS = 300;

/** The median of numbers (nulls, from loads that never showed their content, count as Infinity). */
export function median(values) {
  const sorted = values.map((v) => (v === null ? Infinity : v)).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measures each page `runs` times against `baseUrl` (pages as in gates.mjs GATE_PAGES, paths
 * built from `ids`), plus one load with CHAIN_LATENCY_MS for the API request chain; returns one
 * record per page with the median ready time and the chain.
 */
export async function measurePages(browser, baseUrl, pages, ids, { runs = 1 } = {}) {
  const results = [];
  for (const spec of pages) {
    const url = `${baseUrl}${spec.path(ids)}`;
    const times = [];
    for (let i = 0; i < runs; i += 1) times.push((await measurePage(browser, url, spec.ready)).ready_ms);
    const chain = await measurePage(browser, url, spec.ready, { latencyMs: CHAIN_LATENCY_MS });
    results.push({ page: spec.name, path: spec.path(ids), ready: spec.ready, ready_ms: median(times), ready_ms_runs: times, ...chain });
  }
  return results;
}
