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
 * The longest chain of API requests where each starts only after the one before has ended (a
 * request waiting on another's answer): 1 when all run side by side. `requests` are
 * `{start, end}` in milliseconds; the chain is returned too, as indexes into `requests`.
 */
export function requestChain(requests) {
  const order = requests.map((r, i) => ({ ...r, i })).sort((a, b) => a.start - b.start);
  const depth = new Map();
  const previous = new Map();
  let last = null;
  for (const r of order) {
    let best = 0;
    for (const q of order) {
      if (q === r || q.end > r.start || !depth.has(q.i)) continue;
      if (depth.get(q.i) > best) { best = depth.get(q.i); previous.set(r.i, q.i); }
    }
    depth.set(r.i, best + 1);
    if (last === null || depth.get(r.i) > depth.get(last)) last = r.i;
  }
  const chain = [];
  for (let at = last; at !== null && at !== undefined; at = previous.get(at)) chain.unshift(at);
  return { depth: last === null ? 0 : depth.get(last), chain };
}

/** A headless Chromium without a profile; each measurement opens its own context in it. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Loads `url` in a new context (empty cache) and waits for `ready`; returns
 * `{ready_ms, api_depth, api_chain, api_requests}` (ready_ms null when the content never came).
 */
export async function measurePage(browser, url, ready, { timeout = 20000 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchForTestId, ready);
    await page.goto(url, { waitUntil: 'networkidle', timeout });
    const readyMs = await page
      .waitForFunction(() => window.__axisReadyMs, null, { timeout })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    const entries = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
    );
    const api = entries.filter((e) => /\/(api\/|health)/.test(new URL(e.url).pathname));
    const { depth, chain } = requestChain(api);
    return {
      ready_ms: readyMs === null ? null : Math.round(readyMs),
      api_depth: depth,
      api_chain: chain.map((i) => new URL(api[i].url).pathname),
      api_requests: api.length,
    };
  } finally {
    await context.close();
  }
}

/** The median of numbers (nulls, from loads that never showed their content, count as Infinity). */
export function median(values) {
  const sorted = values.map((v) => (v === null ? Infinity : v)).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measures each page `runs` times against `baseUrl` (pages as in gates.mjs GATE_PAGES, paths
 * built from `ids`); returns one record per page with the median ready time and the deepest chain.
 */
export async function measurePages(browser, baseUrl, pages, ids, { runs = 1 } = {}) {
  const results = [];
  for (const spec of pages) {
    const loads = [];
    for (let i = 0; i < runs; i += 1) loads.push(await measurePage(browser, `${baseUrl}${spec.path(ids)}`, spec.ready));
    const deepest = loads.reduce((a, b) => (b.api_depth > a.api_depth ? b : a));
    results.push({
      page: spec.name,
      path: spec.path(ids),
      ready: spec.ready,
      ready_ms: median(loads.map((l) => l.ready_ms)),
      ready_ms_runs: loads.map((l) => l.ready_ms),
      api_depth: deepest.api_depth,
      api_chain: deepest.api_chain,
      api_requests: deepest.api_requests,
    });
  }
  return results;
}
