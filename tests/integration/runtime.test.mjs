// GET /api/config/runtime and `check-config`: the resolved configuration and the store status,
// with every secret masked wherever it could surface (bodies, CLI output, logs).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeTempDir, runCli, startServer } from './lib/server.mjs';

const MASK = '********';

// Every value here is a secret that must never be printed or returned. Sources point at
// 127.0.0.1:1, where nothing listens, so their probes fail at once.
const SECRETS = {
  OPENAI_API_KEY: 'sk-live-OPENAI-9f8e7d6c5b',
  ANTHROPIC_API_KEY: 'anthropic-SECRET-4242',
  GATEWAY_API_KEY: 'gateway-SECRET-1717',
  EVAL_DB_PASSWORD: 'EvalDbPw-123456',
  GRAPH_DB_PASSWORD: 'graph-pw-313131',
  LANGFUSE_PUBLIC_KEY: 'pk-lf-PUBLIC-5150',
  LANGFUSE_SECRET_KEY: 'sk-lf-SECRET-6160',
  LANGFUSE_ALPHA_PUBLIC_KEY: 'pk-lf-ALPHA-7170',
  LANGFUSE_ALPHA_SECRET_KEY: 'sk-lf-ALPHA-8180',
  KPI_DB_PASSWORD: 'KpiPw-p@ss/word:9',
  HS_YAML_PASSWORD: 'YamlHsPw-2929',
};
const URL_SECRETS = ['EvalUrlPw-7777', 'QueryPw-5555', 'FrontPw-9999', 'BasePw-1111', 'HsUrlPw-3333'];

const SECRET_ENV = {
  ...SECRETS,
  EVAL_DB_URL: `postgresql://evaluser:${URL_SECRETS[0]}@127.0.0.1:1/evals`,
  MONITORING_DB_URL: `postgresql://127.0.0.1:1/mon?sslmode=disable&password=${URL_SECRETS[1]}&application_name=x`,
  FRONTEND_URLS: ` https://ops:${URL_SECRETS[2]}@dash.example.com , http://localhost:5173 `,
  OPENAI_API_BASE: `https://llm-user:${URL_SECRETS[3]}@llm.example.com/v1`,
  KPI_DB_HOST: '127.0.0.1',
  KPI_DB_PORT: '1',
  KPI_DB_USER: 'kpi_reader',
  KPI_DB_NAME: 'kpis',
};

const HS_YAML = `human_signals_db:
  enabled: true
  url: postgresql://hs:${URL_SECRETS[4]}@127.0.0.1:1/signals
  password: \${HS_YAML_PASSWORD}
`;

function assertNoSecret(text, where) {
  for (const secret of [...Object.values(SECRETS), ...URL_SECRETS]) {
    assert.equal(text.includes(secret), false, `${where} contains the secret ${secret}`);
    assert.equal(text.includes(encodeURIComponent(secret)), false, `${where} contains the encoded secret ${secret}`);
  }
}

let server;
let bare; // --no-samples
let noStore; // duckdb.yaml enabled: false

before(async () => {
  [server, bare, noStore] = await Promise.all([
    startServer({ env: SECRET_ENV, configFiles: { 'human_signals_db.yaml': HS_YAML } }),
    startServer({ args: ['--no-samples'] }),
    startServer({ configFiles: { 'duckdb.yaml': 'duckdb:\n  enabled: false\n' } }),
  ]);
  for (const s of [server, bare, noStore]) assert.equal(s.exitStatus(), null, s.stderr());
});

after(async () => {
  await Promise.all([server, bare, noStore].map((s) => s?.stop()));
});

async function runtime(s) {
  const res = await fetch(`${s.url}/api/config/runtime`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json');
  const text = await res.text();
  return { text, body: JSON.parse(text) };
}

describe('store status', () => {
  test('the store file lives in the data dir and is open and writable', async () => {
    const { body } = await runtime(server);
    assert.equal(body.version, '0.1.0');
    assert.ok(body.uptime_seconds > 0 && body.uptime_seconds < 600, String(body.uptime_seconds));
    const store = body.store;
    assert.equal(store.enabled, true);
    assert.equal(store.path, path.join(server.dataDir, 'local_store.duckdb'));
    assert.equal(store.open, true);
    assert.equal(store.writable, true);
    assert.ok(store.size_bytes > 0);
    assert.ok(Number.isInteger(store.schema_version) && store.schema_version >= 1);
    assert.equal(store.connections, 8, 'duckdb query_concurrency default');
    assert.match(store.duckdb_version, /^v\d+\.\d+\.\d+/);
    assert.equal(body.config.server.data_dir, server.dataDir);
    assert.equal(body.config.store.path, store.path);
  });

  test('the starter examples are stored as two dataset tables', async () => {
    const { body } = await runtime(server);
    assert.equal(body.store.tables.length, 2, JSON.stringify(body.store.tables));
    for (const t of body.store.tables) assert.match(t, /^ds_[0-9a-f]{32}$/);
  });

  test('--no-samples starts with no user tables', async () => {
    const { body } = await runtime(bare);
    assert.deepEqual(body.store.tables, []);
    assert.equal(body.store.path, path.join(bare.dataDir, 'local_store.duckdb'));
  });

  test('with duckdb.yaml enabled: false the store is reported disabled and nothing else', async () => {
    const { body } = await runtime(noStore);
    assert.equal(body.store.enabled, false);
    assert.equal(body.store.path, path.join(noStore.dataDir, 'local_store.duckdb'));
    assert.match(body.store.duckdb_version, /^v\d/);
    for (const key of ['open', 'writable', 'tables', 'schema_version', 'connections']) {
      assert.equal(key in body.store, false, key);
    }
    const health = await (await fetch(`${noStore.url}/health`)).json();
    assert.equal(health.status, 'healthy');
    assert.equal(health.components.store, 'disabled');
    assert.equal('store' in health, false);
  });

  test('the resolved config lists the YAML files read and the server settings in effect', async () => {
    const { body } = await runtime(server);
    assert.deepEqual(body.config.files_read, [path.join(server.customDir, 'config', 'human_signals_db.yaml')]);
    const s = body.config.server;
    assert.equal(s.host, '127.0.0.1');
    assert.equal(s.port, server.port);
    assert.equal(s.custom_dir, server.customDir);
    assert.equal(s.max_json_bytes, 10 * 1024 * 1024);
    assert.equal(s.max_upload_bytes, 200 * 1024 * 1024);
    assert.equal(body.config.plugins_enabled, '*');
  });
});

describe('secrets', () => {
  test('no secret set through the environment or YAML appears anywhere in the runtime body', async () => {
    const { text } = await runtime(server);
    assertNoSecret(text, 'GET /api/config/runtime');
  });

  test('API keys and passwords are replaced by the mask, unset ones stay empty', async () => {
    const { body } = await runtime(server);
    const c = body.config;
    assert.equal(c.ai.openai_api_key, MASK);
    assert.equal(c.ai.anthropic_api_key, MASK);
    assert.equal(c.ai.gateway_api_key, MASK);
    assert.equal(c.graph_db.password, MASK);
    assert.equal(c.langfuse.public_key, MASK);
    assert.equal(c.langfuse.secret_key, MASK);
    assert.deepEqual(c.langfuse.agents, {
      alpha: { public_key: MASK, secret_key: MASK, host: 'https://cloud.langfuse.com' },
    });
    assert.equal(c.sources.eval_db.password, MASK);
    assert.equal(c.sources.kpi_db.password, MASK);
    assert.equal(c.sources.human_signals_db.password, MASK);
    assert.equal(c.sources.monitoring_db.password, '');
    assert.equal(c.sources.agent_replay_db.password, '');
  });

  test('passwords inside URLs are masked and the rest of the URL is kept', async () => {
    const { body } = await runtime(server);
    const c = body.config;
    assert.equal(c.sources.eval_db.url, `postgresql://evaluser:${MASK}@127.0.0.1:1/evals`);
    assert.equal(c.sources.eval_db.configured, true);
    assert.equal(c.sources.monitoring_db.url,
      `postgresql://127.0.0.1:1/mon?sslmode=disable&password=${MASK}&application_name=x`);
    assert.equal(c.sources.human_signals_db.url, `postgresql://hs:${MASK}@127.0.0.1:1/signals`);
    assert.equal(c.sources.kpi_db.host, '127.0.0.1');
    assert.equal(c.sources.kpi_db.port, 1);
    assert.equal(c.sources.kpi_db.username, 'kpi_reader');
    assert.equal(c.ai.openai_api_base, `https://llm-user:${MASK}@llm.example.com/v1`);
    assert.deepEqual(c.server.frontend_urls, [`https://ops:${MASK}@dash.example.com`, 'http://localhost:5173']);
    assert.deepEqual(c.server.cors_origins, ['http://localhost:3500', 'http://127.0.0.1:3500',
      `https://ops:${MASK}@dash.example.com`, 'http://localhost:5173']);
  });

  test('/health names the unreachable sources without revealing their credentials', async () => {
    const res = await fetch(`${server.url}/health`);
    const text = await res.text();
    assertNoSecret(text, 'GET /health');
    const body = JSON.parse(text);
    assert.equal(res.status, 200);
    assert.equal(body.status, 'healthy');
    assert.deepEqual(Object.keys(body.sources).sort(), ['eval_db', 'human_signals_db', 'kpi_db', 'monitoring_db']);
    for (const source of Object.values(body.sources)) assert.equal(source.status, 'down');
  });

  test('the server log never contains a secret', async () => {
    await fetch(`${server.url}/api/config/runtime`);
    assertNoSecret(server.stdout() + server.stderr(), 'server output');
  });

  test('check-config prints the same masked configuration and no secret', async () => {
    const dataDir = makeTempDir('axis-data-');
    const result = await runCli(['check-config', '--data-dir', dataDir],
      { env: SECRET_ENV, configFiles: { 'human_signals_db.yaml': HS_YAML } });
    assert.equal(result.code, 0, result.stderr);
    assertNoSecret(result.stdout + result.stderr, 'check-config output');
    const config = JSON.parse(result.stdout);
    assert.equal(config.server.data_dir, dataDir);
    assert.equal(config.store.path, path.join(dataDir, 'local_store.duckdb'));
    assert.equal(config.ai.openai_api_key, MASK);
    assert.equal(config.langfuse.secret_key, MASK);
    assert.equal(config.sources.eval_db.url, `postgresql://evaluser:${MASK}@127.0.0.1:1/evals`);
    assert.equal(config.sources.eval_db.password, MASK);
    assert.equal(config.sources.kpi_db.password, MASK);
    assert.equal(config.sources.human_signals_db.password, MASK);
    assert.equal(config.sources.monitoring_db.url,
      `postgresql://127.0.0.1:1/mon?sslmode=disable&password=${MASK}&application_name=x`);
    assert.deepEqual(config.server.frontend_urls, [`https://ops:${MASK}@dash.example.com`, 'http://localhost:5173']);
  });

  test('check-config resolves a relative duckdb.yaml path against the working directory', async () => {
    const cwd = makeTempDir('axis-cwd-');
    const result = await runCli(['check-config'],
      { cwd, configFiles: { 'duckdb.yaml': 'duckdb:\n  path: stores/main.duckdb\n  memory_limit: 512MB\n' } });
    assert.equal(result.code, 0, result.stderr);
    const config = JSON.parse(result.stdout);
    assert.equal(config.store.path, path.join(cwd, 'stores', 'main.duckdb'));
    assert.equal(config.store.memory_limit, '512MB');
    assert.equal(config.server.data_dir, path.join(cwd, 'data'));
  });

  test('an sslpassword query parameter in a source URL is masked', async () => {
    const result = await runCli(['check-config'],
      { env: { EVAL_DB_URL: 'postgresql://127.0.0.1:1/evals?sslkey=/k.pem&sslpassword=KeyPass-4545' } });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.includes('KeyPass-4545'), false);
    assert.equal(JSON.parse(result.stdout).sources.eval_db.url,
      `postgresql://127.0.0.1:1/evals?sslkey=/k.pem&sslpassword=${MASK}`);
  });
});
