// Browser journey with API authentication on: the UI asks for the token once, refuses a wrong
// one, keeps the right one for the session (a reload does not ask again), and signs out from
// Settings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { ARTIFACTS, launchPage } from './lib/browser.mjs';
import { startServer } from '../integration/lib/server.mjs';

const WAIT = { timeout: 20000 };
const TOKEN = 'e2e-token-0123456789abcdef';

let server;
let browser;
let page;

before(async () => {
  server = await startServer({ env: { AXIS_API_TOKEN: TOKEN } });
  browser = await launchPage('auth');
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the UI asks for the API token once per session and signs out from Settings', async () => {
  await page.goto(`${server.url}/evaluate/scorecard`, { waitUntil: 'networkidle' });
  const gate = page.getByTestId('auth-gate');
  await gate.waitFor(WAIT);
  await page.getByTestId('auth-token-input').fill('not-the-token-at-all');
  await page.getByTestId('auth-sign-in').click();
  await page.getByTestId('auth-error').waitFor(WAIT);

  await page.getByTestId('auth-token-input').fill(TOKEN);
  await page.getByTestId('auth-sign-in').click();
  await page.getByTestId('scorecard-kpis').waitFor(WAIT);
  assert.equal(await gate.count(), 0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'auth-signed-in.png') });

  await page.reload({ waitUntil: 'networkidle' });
  await page.getByTestId('scorecard-kpis').waitFor(WAIT);
  assert.equal(await page.getByTestId('auth-gate').count(), 0, 'the token is kept for the session');

  await page.goto(`${server.url}/settings`, { waitUntil: 'networkidle' });
  await page.getByTestId('auth-sign-out').click();
  await page.getByTestId('auth-gate').waitFor(WAIT);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('axis-api-token')), null);
  assert.deepEqual(browser.errors, []);
});
