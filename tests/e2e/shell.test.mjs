import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ARTIFACTS, AXIS_URL, CHROMIUM, CHROMIUM_ARGS, chromium } from './lib/browser.mjs';

const CORE_MAIN = [
  ['home', 'Home', '/'],
  ['production', 'Production', '/production'],
  ['evaluate', 'Evaluate', '/evaluate'],
  ['monitoring', 'Monitor', '/monitoring'],
  ['human-signals', 'Human Signals', '/human-signals'],
];
const CORE_TOOLS = [
  ['annotation-studio', 'Annotation Studio', '/annotation-studio'],
  ['caliber-hq', 'CaliberHQ', '/caliber-hq'],
  ['simulation', 'Simulate', '/simulation'],
  ['synthetic', 'Synthetic', '/synthetic'],
  ['learn', 'Learn', '/learn'],
];

let userDataDir;
let context;
let page;
const pageErrors = [];

async function getJson(pathname) {
  const response = await fetch(`${AXIS_URL}${pathname}`, { headers: { Accept: 'application/json' } });
  return { status: response.status, body: await response.json() };
}

function slugFor(href) {
  const slug = href.replace(/^\/+|\/+$/g, '').replace(/[^a-zA-Z0-9]+/g, '-').toLowerCase();
  return slug === '' ? 'home' : slug;
}

async function pluginNav() {
  const { body } = await getJson('/api/config/plugins');
  const items = [];
  for (const plugin of body.plugins ?? []) {
    if (plugin.enabled !== true) continue;
    for (const entry of plugin.nav ?? []) items.push(entry);
  }
  return items;
}

async function rootVar(name) {
  return page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
}

before(async () => {
  assert.ok(AXIS_URL, 'AXIS_URL must point at a running AXIS server, e.g. AXIS_URL=http://127.0.0.1:8500');
  mkdirSync(ARTIFACTS, { recursive: true });
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'axis-e2e-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test('home page loads with the AXIS title', async () => {
  const response = await page.goto(`${AXIS_URL}/`, { waitUntil: 'networkidle' });
  assert.equal(response.status(), 200);
  assert.match(await page.title(), /AXIS/);
  await page.getByTestId('hero').waitFor();
  await page.getByRole('link', { name: 'Production Overview' }).waitFor();
  await page.getByRole('link', { name: 'User Guides' }).waitFor();
});

test('sidebar shows the Main and Tools captions and every link in order', async () => {
  const sidebar = page.getByTestId('sidebar');
  assert.equal(await sidebar.getByText('Main', { exact: true }).isVisible(), true);
  assert.equal(await sidebar.getByText('Tools', { exact: true }).isVisible(), true);

  const plugins = await pluginNav();
  const bySection = (section) =>
    plugins
      .filter((p) => (p.section === 'tools' ? 'tools' : 'main') === section)
      .sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9))
      .map((p) => [slugFor(p.href), p.name, p.href.startsWith('/') ? p.href : `/${p.href}`]);
  const expected = {
    main: [...CORE_MAIN, ...bySection('main')],
    tools: [...CORE_TOOLS, ...bySection('tools')],
  };

  for (const [section, items] of Object.entries(expected)) {
    const group = sidebar.getByRole('group', { name: section === 'main' ? 'Main' : 'Tools' });
    const labels = await group.getByTestId('nav-label').allTextContents();
    assert.deepEqual(labels, items.map(([, name]) => name), `${section} links in order`);
    for (const [slug, name, href] of items) {
      const link = sidebar.getByTestId(`nav-${slug}`);
      assert.equal(await link.isVisible(), true, `${name} link visible`);
      assert.equal(await link.getAttribute('href'), href, `${name} link target`);
    }
  }
  for (const testId of ['nav-copilot', 'nav-settings', 'sidebar-collapse']) {
    assert.equal(await sidebar.getByTestId(testId).isVisible(), true, `${testId} visible`);
  }
  assert.equal(await sidebar.getByTestId('nav-home').getAttribute('data-active'), 'true');
  assert.equal(await sidebar.getByTestId('nav-production').getAttribute('data-active'), 'false');
});

test(':root --primary equals the active palette primary from the server', async () => {
  const { body } = await getJson('/api/config/theme');
  const expected = String(body.activePalette?.primary ?? '#3D5A80').trim().toLowerCase();
  await page.waitForFunction(
    (want) => getComputedStyle(document.documentElement).getPropertyValue('--primary').trim().toLowerCase() === want,
    expected,
    { timeout: 5000 },
  );
  assert.equal((await rootVar('--primary')).toLowerCase(), expected);
  const hex = expected.replace('#', '');
  if (hex.length === 6) {
    const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(' ');
    assert.equal(await rootVar('--primary-rgb'), rgb);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-home.png'), fullPage: true });
});

test('collapsing the sidebar hides the labels and expanding restores them', async () => {
  const sidebar = page.getByTestId('sidebar');
  assert.ok((await sidebar.getByTestId('nav-label').count()) >= CORE_MAIN.length + CORE_TOOLS.length);
  await page.getByTestId('sidebar-collapse').click();
  await page.waitForSelector('[data-testid="sidebar"][data-collapsed="true"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="sidebar"]').getBoundingClientRect().width <= 80);
  assert.equal(await sidebar.getByTestId('nav-label').count(), 0);
  assert.equal(await sidebar.getByTestId('brand-name').count(), 0);
  assert.equal(await sidebar.getByText('Main', { exact: true }).isVisible(), false);
  assert.equal(await sidebar.getByTestId('nav-monitoring').isVisible(), true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-collapsed.png') });

  await page.getByTestId('sidebar-collapse').click();
  await page.waitForSelector('[data-testid="sidebar"][data-collapsed="false"]');
  assert.equal(await sidebar.getByTestId('nav-home').innerText(), 'Home');
});

test('settings shows Connected and the store path from the server', async () => {
  const { body: runtime } = await getJson('/api/config/runtime');
  await page.getByTestId('nav-settings').click();
  await page.waitForURL(`${AXIS_URL}/settings`);
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  const status = page.getByTestId('connection-status');
  await status.filter({ hasText: /Connected|Unreachable/ }).waitFor({ timeout: 8000 });
  assert.equal(await status.innerText(), 'Connected');
  const version = await page.getByTestId('server-version').innerText();
  assert.equal(version, (await getJson('/health')).body.version ?? '—');
  if (runtime.store?.path) {
    const storePath = page.getByTestId('store-path');
    await storePath.waitFor();
    assert.equal(await storePath.innerText(), runtime.store.path);
  }
  assert.equal(await page.getByTestId('nav-settings').getAttribute('data-active'), 'true');
  assert.equal(await page.getByTestId('nav-home').getAttribute('data-active'), 'false');
});

test('CaliberHQ opens on its upload step or on the stored calibration data', async () => {
  await page.getByTestId('nav-caliber-hq').click();
  await page.waitForURL(/\/caliber-hq/);
  await page.getByRole('heading', { name: 'CaliberHQ', level: 1 }).waitFor();
  await page.getByTestId('caliber-upload').or(page.getByTestId('caliber-steps')).first().waitFor();
  assert.equal(await page.getByTestId('nav-caliber-hq').getAttribute('data-active'), 'true');
});

test('/evaluate opens the scorecard of the stored data and keeps Evaluate active', async () => {
  await page.getByTestId('nav-evaluate').click();
  await page.waitForURL(/\/evaluate\/scorecard/);
  assert.equal(await page.getByTestId('nav-evaluate').getAttribute('data-active'), 'true');
});

test('the Runner tab opens the runner with its sample and the past runs', async () => {
  await page.goto(`${AXIS_URL}/evaluate/runner`, { waitUntil: 'networkidle' });
  await page.getByTestId('runner-sample').waitFor();
  await page.getByTestId('runner-past-runs').waitFor();
  assert.equal(await page.getByTestId('runner-disabled').count(), 0);
  assert.equal(await page.getByTestId('nav-evaluate').getAttribute('data-active'), 'true');
});

test('a deep link to /settings loads directly (SPA fallback)', async () => {
  const response = await page.goto(`${AXIS_URL}/settings`, { waitUntil: 'networkidle' });
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'] ?? '', /text\/html/);
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await page.getByTestId('connection-status').filter({ hasText: 'Connected' }).waitFor({ timeout: 8000 });
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await page.getByTestId('runtime-card').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'axis-settings.png'), fullPage: true });
});

test('an unknown path shows the 404 page inside the shell', async () => {
  await page.goto(`${AXIS_URL}/no-such-page`, { waitUntil: 'networkidle' });
  await page.getByTestId('not-found').waitFor();
  assert.equal(await page.getByTestId('sidebar').isVisible(), true);
});

test('the page raised no uncaught errors', () => {
  assert.deepEqual(pageErrors, []);
});
