// Shared settings of the browser tests: the server under test, where screenshots go, and
// Debian's Chromium driven by playwright-core from web/node_modules.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const requireFromWeb = createRequire(path.join(here, '..', '..', '..', 'web', 'package.json'));
export const { chromium } = requireFromWeb('playwright-core');
const AXE_SOURCE = readFileSync(requireFromWeb.resolve('axe-core/axe.min.js'), 'utf8');

export const AXIS_URL = (process.env.AXIS_URL ?? '').replace(/\/+$/, '');
export const ARTIFACTS = process.env.AXIS_ARTIFACTS || '/tmp';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * A fresh headless Chromium profile with one page, collecting uncaught page errors. `close()`
 * ends the browser and removes the profile.
 */
export async function launchPage(name, options = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), `axis-e2e-${name}-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The axe check of a page's own content (the shared shell left out) used by the journeys, without
 * the colour-contrast rule. Text colours now reach AA (web/tailwind.config.ts) and the gates files
 * (a11y_*.test.mjs) check contrast on every page's first view; the journeys' later states (dialogs,
 * other tabs) have not all been checked for it yet.
 */
export const PAGE_CONTENT_AXE = { include: 'main', disable: ['color-contrast'] };

/**
 * The axe-core accessibility violations of the page as it is now (WCAG 2 A and AA rules), each as
 * `{id, impact, help, targets}`. `include` is the CSS selector of the part checked (the whole
 * document by default); `disable` lists rule ids to leave out.
 */
export async function axeViolations(page, { include = null, disable = [] } = {}) {
  // Evaluated rather than added as a script tag, which the server's Content-Security-Policy refuses.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async ([part, off]) => {
    const result = await window.axe.run(part ? { include: [[part]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: Object.fromEntries(off.map((id) => [id, { enabled: false }])),
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, [include, disable]);
}
