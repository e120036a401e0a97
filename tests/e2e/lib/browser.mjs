// Shared settings of the browser tests: the server under test, where screenshots go, and
// Debian's Chromium driven by playwright-core from web/node_modules.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const requireFromWeb = createRequire(path.join(here, '..', '..', '..', 'web', 'package.json'));
export const { chromium } = requireFromWeb('playwright-core');

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
