// The pages the quality gates visit (every route of the router, plugins included) and a server
// prepared for them: the bundled examples loaded through the API, Agent Replay switched on and
// pointed at the fake Langfuse with one trace. Used by the accessibility files (one per theme),
// the speed file and the `web` bench scenario.
import { startFakeLangfuse } from '../../integration/lib/fake_langfuse.mjs';
import { startServer } from '../../integration/lib/server.mjs';

/**
 * The themes checked. The app has one colour scheme (light surfaces); what a deployment switches
 * is the palette and the hero's mode (`heroMode` dark or light, the Home hero drawn on the
 * palette's dark gradient or on a pale one), both from the server's theme config. "dark" is the
 * default palette with the dark hero; "light" is another built-in palette with the light hero.
 */
export const THEMES = {
  dark: { AXIS_THEME_ACTIVE: 'professional_blue', AXIS_THEME_HERO_MODE: 'dark' },
  light: { AXIS_THEME_ACTIVE: 'midnight_indigo', AXIS_THEME_HERO_MODE: 'light' },
};

const LF_PUBLIC = 'pk-lf-gates-5c1e';
const LF_SECRET = 'sk-lf-gates-90d2';
export const REPLAY_TRACE_ID = '7f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8';

function replayTrace() {
  const start = Date.now() - 3600 * 1000;
  const at = (ms) => new Date(start + ms).toISOString();
  return {
    id: REPLAY_TRACE_ID,
    name: 'claims-agent',
    timestamp: at(0),
    tags: ['gates'],
    input: { messages: [{ role: 'user', content: 'Is claim 7 covered?' }] },
    output: { decision: 'covered' },
    metadata: {},
    observations: [
      { id: 'g-root', traceId: REPLAY_TRACE_ID, type: 'SPAN', name: 'agent-run', parentObservationId: null, startTime: at(0), endTime: at(3000), input: null, output: 'done' },
      {
        id: 'g-gen', traceId: REPLAY_TRACE_ID, type: 'GENERATION', name: 'answer', parentObservationId: 'g-root', startTime: at(200), endTime: at(1500), model: 'gpt-4o',
        input: [{ role: 'user', content: 'Is claim 7 covered?' }], output: 'Yes.', usage: { input: 40, output: 10, total: 50 },
      },
    ],
  };
}

/** The examples the pages read, loaded through the API (GET answers like an upload). */
const EXAMPLES = {
  model: '/api/data/example/model',
  comparison: '/api/data/example/comparison',
  annotation: '/api/data/example/annotation',
  align: '/api/data/example/align',
  monitoring: '/api/monitoring/example/monitoring',
  signals: '/api/human-signals/example/hitl',
  kpi: '/api/kpi/example/kpi',
  memory: '/api/memory/example',
};

/** Loads every example into the server at `baseUrl`; returns the dataset id of each (or null). */
export async function loadExamples(baseUrl) {
  const ids = {};
  for (const [name, pathname] of Object.entries(EXAMPLES)) {
    const response = await fetch(`${baseUrl}${pathname}`);
    if (response.status !== 200) throw new Error(`${pathname} answered ${response.status}: ${await response.text()}`);
    const body = await response.json();
    ids[name] = body.dataset_id ?? body.dataset?.id ?? null;
  }
  return ids;
}

/**
 * A server for the gates with the examples loaded: `{server, ids, stop()}`. `env` is added to
 * the server's environment (the theme).
 */
export async function startGatesServer(env = {}) {
  const lf = await startFakeLangfuse({ projects: [{ publicKey: LF_PUBLIC, secretKey: LF_SECRET, traces: [replayTrace()] }] });
  const server = await startServer({
    env: {
      AGENT_REPLAY_ENABLED: 'true', LANGFUSE_HOST: lf.url, LANGFUSE_PUBLIC_KEY: LF_PUBLIC, LANGFUSE_SECRET_KEY: LF_SECRET,
      AXIS_WEB_DIR: process.env.AXIS_WEB_DIR, ...env,
    },
  });
  const ids = await loadExamples(server.url);
  return {
    server,
    ids,
    async stop() {
      await server.stop();
      await lf.close();
    },
  };
}

/**
 * Every page the router serves, as `{name, path(ids), ready}`: `ready` is the data-testid of the
 * page's first meaningful content (its data shown, or its own panel for a page without data).
 */
export const GATE_PAGES = [
  { name: 'home', path: () => '/', ready: 'module-tiles' },
  { name: 'production', path: () => '/production', ready: 'production-quality' },
  { name: 'evaluate-runner', path: () => '/evaluate/runner', ready: 'runner-steps' },
  { name: 'evaluate-upload', path: (ids) => `/evaluate/upload?dataset=${ids.model}`, ready: 'file-upload' },
  { name: 'evaluate-scorecard', path: (ids) => `/evaluate/scorecard?dataset=${ids.model}`, ready: 'scorecard-table' },
  { name: 'evaluate-deep-dive', path: (ids) => `/evaluate/deep-dive?dataset=${ids.model}&tab=overview`, ready: 'overview-kpis' },
  { name: 'evaluate-compare', path: (ids) => `/evaluate/compare?dataset=${ids.comparison}`, ready: 'head-to-head' },
  { name: 'evaluate-report', path: (ids) => `/evaluate/report?dataset=${ids.model}`, ready: 'report-controls' },
  { name: 'monitoring', path: (ids) => `/monitoring?dataset=${ids.monitoring}`, ready: 'monitoring-kpis' },
  { name: 'human-signals', path: (ids) => `/human-signals?dataset=${ids.signals}`, ready: 'signals-kpis' },
  { name: 'annotation-studio', path: (ids) => `/annotation-studio?dataset=${ids.annotation}`, ready: 'annotation-card' },
  { name: 'caliber-hq', path: (ids) => `/caliber-hq?dataset=${ids.align}`, ready: 'caliber-card' },
  { name: 'memory', path: () => '/memory', ready: 'rules-table' },
  { name: 'agent-replay', path: () => `/agent-replay?trace=${REPLAY_TRACE_ID}`, ready: 'trace-view' },
  { name: 'simulation', path: () => '/simulation', ready: 'coming-soon' },
  { name: 'synthetic', path: () => '/synthetic', ready: 'coming-soon' },
  { name: 'learn', path: () => '/learn', ready: 'learn-tab-overview' },
  { name: 'settings', path: () => '/settings', ready: 'connection-card' },
  { name: 'not-found', path: () => '/no-such-page', ready: 'not-found' },
];
