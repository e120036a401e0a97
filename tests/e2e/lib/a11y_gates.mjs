// The accessibility gate of one theme: a server with that theme and the examples loaded, then one
// test per page of the router that waits for the page's content, runs axe-core on the whole
// document (shell included, every WCAG 2.1 A/AA rule on, colour contrast too), expects no serious
// or critical violation and saves a full-page screenshot as ARTIFACTS/gates-<theme>-<page>.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, axeViolations, launchPage } from './browser.mjs';
import { GATE_PAGES, startGatesServer, THEMES } from './gates.mjs';
import { getJson } from './reads.mjs';

const WAIT = { timeout: 20000 };

export function registerA11yGates(theme) {
  let gates;
  let browser;
  let page;

  before(async () => {
    gates = await startGatesServer(THEMES[theme]);
    browser = await launchPage(`a11y-${theme}`);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await gates?.stop();
  });

  test(`the ${theme} theme is the one the server configures`, async () => {
    const config = await getJson(gates.server.url, '/api/config/theme');
    assert.equal(config.active, THEMES[theme].AXIS_THEME_ACTIVE);
    const palette = config.palettes[config.active];
    assert.equal(palette.heroMode, THEMES[theme].AXIS_THEME_HERO_MODE);
    await page.goto(`${gates.server.url}/`, { waitUntil: 'networkidle' });
    await page.getByTestId('hero').waitFor(WAIT);
    await page.waitForFunction((want) => document.documentElement.dataset.palette === want, config.active, WAIT);
    const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--primary').trim());
    assert.equal(primary.toLowerCase(), palette.primary.toLowerCase());
    assert.equal(await page.getByTestId('hero').getAttribute('data-hero-mode'), palette.heroMode);
  });

  for (const spec of GATE_PAGES) {
    test(`${spec.name} (${theme}) has no serious or critical axe violation`, async () => {
      await page.goto(`${gates.server.url}${spec.path(gates.ids)}`, { waitUntil: 'networkidle' });
      await page.getByTestId(spec.ready).first().waitFor(WAIT);
      const violations = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      await page.screenshot({ path: path.join(ARTIFACTS, `gates-${theme}-${spec.name}.png`), fullPage: true });
      assert.deepEqual(violations, [], `${spec.name}: ${JSON.stringify(violations, null, 1)}`);
      assert.deepEqual(browser.errors, [], 'no uncaught page error');
    });
  }
}
