// /api/config/*: theme precedence, branding, agents, visibility, features, plugins and the
// branding/agent asset files, each checked on servers started with different configurations.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { rawRequest, startServer } from './lib/server.mjs';

const THEME_YAML = `theme:
  active: slate_teal
  palettes:
    slate_teal:
      primary: "#112233"
      heroMode: light
    ocean_breeze:
      primary: "#0055AA"
      accentGold: "#FFD700"
      heroContrast: 1.2
  branding:
    app_name: Acme Evals
    tagline: Measure what matters
    subtitle: Quality dashboard
    description: Evaluation analytics for Acme
    report_footer: Confidential - Acme
    docs_url: https://docs.acme.example/axis
`;

const AGENTS_YAML = `agents:
  - name: alpha_bot
    label: Alpha
    role: Triage
    avatar: /api/config/assets/agents/alpha.png
    description: First responder
    biography: Handles the first pass of every ticket.
    trace_names: [alpha-trace, alpha_v2]
  - name: "  beta  "
    active: false
`;

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10, 0x80, 0x7f]);

let custom; // theme, agents, visibility, features and assets configured
let defaults; // empty custom dir
let other; // plugins off, unknown active palette, explicit footer

function getJson(server, route) {
  return fetch(`${server.url}${route}`).then(async (res) => {
    assert.equal(res.status, 200, `${route}: ${res.status}`);
    assert.equal(res.headers.get('content-type'), 'application/json');
    return res.json();
  });
}

function rawGet(server, target) {
  return rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
}

function expectNotFound(res, what) {
  assert.equal(res.status, 404, `${what}: ${res.status} ${res.body}`);
  assert.equal(res.headers['content-type'], 'application/json', what);
  assert.match(JSON.parse(res.body).detail, /^Not [Ff]ound$/, what);
  assert.equal(res.body.includes('root:'), false, `${what} leaked /etc/passwd`);
  assert.equal(res.body.includes('Acme'), false, `${what} leaked a config file`);
}

before(async () => {
  const starts = [
    startServer({
      configFiles: {
        'theme.yaml': THEME_YAML,
        'agents.yaml': AGENTS_YAML,
        'monitoring_db.yaml': 'monitoring_db:\n  visible_metrics: [latency_ms, faithfulness]\n',
        'kpi_db.yaml': 'kpi_db:\n  visible_kpis: [csat, resolution_rate]\n  visible_kpis_per_source:\n    web: [csat]\n    phone: []\n',
        'human_signals_db.yaml': 'human_signals_db:\n  visible_metrics: [thumbs_up]\n  visible_kpis: [escalation_rate]\n',
        'eval_db.yaml': 'eval_db:\n  eval_runner_enabled: false\n',
      },
      env: {
        AXIS_THEME_ACTIVE: 'ocean_breeze',
        AXIS_THEME_PRIMARY: '#ABCDEF',
        AXIS_THEME_HERO_OPACITY: '0.5',
        COPILOT_ENABLED: 'false',
        AXIS_PLUGINS_ENABLED: ' memory , ',
      },
    }),
    startServer(),
    startServer({
      configFiles: { 'theme.yaml': 'branding:\n  app_name: Other App\n  footer_name: Other Ltd\n  footer_icon: /icon.svg\n' },
      env: { AXIS_PLUGINS_ENABLED: '', AXIS_THEME_ACTIVE: 'no_such_palette', AXIS_THEME_PRIMARY: '#000001' },
    }),
  ];
  [custom, defaults, other] = await Promise.all(starts);
  for (const s of [custom, defaults, other]) assert.equal(s.exitStatus(), null, s.stderr());

  const branding = path.join(custom.customDir, 'branding');
  const agents = path.join(custom.customDir, 'agents');
  mkdirSync(path.join(branding, 'subdir'), { recursive: true });
  mkdirSync(agents, { recursive: true });
  writeFileSync(path.join(branding, 'logo.png'), PNG_BYTES);
  writeFileSync(path.join(branding, 'mark.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(branding, '.env'), 'SECRET=from-hidden-file\n');
  writeFileSync(path.join(agents, 'alpha.png'), PNG_BYTES);
  symlinkSync('/etc/passwd', path.join(branding, 'passwd.png'));
});

after(async () => {
  await Promise.all([custom, defaults, other].map((s) => s?.stop()));
});

describe('theme', () => {
  test('defaults: professional_blue is active and the five built-in palettes are listed', async () => {
    const theme = await getJson(defaults, '/api/config/theme');
    assert.equal(theme.success, true);
    assert.equal(theme.active, 'professional_blue');
    assert.deepEqual(Object.keys(theme.palettes).sort(),
      ['midnight_indigo', 'professional_blue', 'sage_green', 'slate_teal', 'warm_terracotta']);
    assert.deepEqual(theme.activePalette, theme.palettes.professional_blue);
    assert.deepEqual(theme.activePalette, {
      name: 'Professional Blue', primary: '#3D5A80', primaryLight: '#5C7AA3', primaryDark: '#2B3C73',
      primarySoft: '#8BA4C4', primaryPale: '#C5D4E8', accentGold: '#D4AF37', accentSilver: '#B8C5D3',
      heroImage: '', logoUrl: '', faviconUrl: '/favicon.svg', appIconUrl: '', heroContrast: 1.05,
      heroSaturation: 0.9, heroBrightness: 0.85, heroOpacity: 0.9, heroMode: 'dark',
      shimmerFrom: '#5C7AA3', shimmerTo: '#D4AF37',
    });
  });

  test('defaults: branding is AXIS and footer_name falls back to app_name', async () => {
    const { branding } = await getJson(defaults, '/api/config/theme');
    assert.deepEqual(branding, {
      app_name: 'AXIS', tagline: '', subtitle: '', description: '', report_footer: '', docs_url: '',
      footer_name: 'AXIS', footer_icon: '',
    });
  });

  test('AXIS_THEME_ACTIVE beats the YAML active palette and AXIS_THEME_* env applies to it', async () => {
    const theme = await getJson(custom, '/api/config/theme');
    assert.equal(theme.active, 'ocean_breeze');
    const p = theme.activePalette;
    assert.equal(p.name, 'Ocean Breeze', 'a new palette is named from its id');
    assert.equal(p.primary, '#ABCDEF', 'env AXIS_THEME_PRIMARY beats the YAML primary');
    assert.equal(p.heroOpacity, 0.5, 'env AXIS_THEME_HERO_OPACITY');
    assert.equal(p.accentGold, '#FFD700', 'YAML value');
    assert.equal(p.heroContrast, 1.2, 'YAML value');
    assert.equal(p.primaryLight, '#5C7AA3', 'missing keys come from the default palette');
    assert.equal(p.heroMode, 'dark');
    assert.deepEqual(theme.palettes.ocean_breeze, p);
  });

  test('YAML palette values apply to a built-in palette, and env overrides skip inactive palettes', async () => {
    const theme = await getJson(custom, '/api/config/theme');
    const teal = theme.palettes.slate_teal;
    assert.equal(teal.primary, '#112233');
    assert.equal(teal.heroMode, 'light');
    assert.equal(teal.name, 'Slate Teal');
    assert.equal(teal.primaryDark, '#1F5C62', 'built-in values the YAML does not set are kept');
    assert.equal(teal.heroOpacity, 0.9);
    assert.equal(theme.palettes.professional_blue.primary, '#3D5A80');
    assert.deepEqual(Object.keys(theme.palettes).sort(), ['midnight_indigo', 'ocean_breeze',
      'professional_blue', 'sage_green', 'slate_teal', 'warm_terracotta']);
  });

  test('YAML branding is returned, with footer_name falling back to the YAML app_name', async () => {
    const { branding } = await getJson(custom, '/api/config/theme');
    assert.deepEqual(branding, {
      app_name: 'Acme Evals', tagline: 'Measure what matters', subtitle: 'Quality dashboard',
      description: 'Evaluation analytics for Acme', report_footer: 'Confidential - Acme',
      docs_url: 'https://docs.acme.example/axis', footer_name: 'Acme Evals', footer_icon: '',
    });
  });

  test('an explicit footer_name and footer_icon are kept', async () => {
    const { branding } = await getJson(other, '/api/config/theme');
    assert.equal(branding.app_name, 'Other App');
    assert.equal(branding.footer_name, 'Other Ltd');
    assert.equal(branding.footer_icon, '/icon.svg');
  });

  test('an unknown active palette falls back to sage_green (with the env colour) and warns', async () => {
    const theme = await getJson(other, '/api/config/theme');
    assert.equal(theme.active, 'sage_green');
    assert.equal(theme.activePalette.name, 'Sage Green');
    assert.equal(theme.activePalette.primary, '#000001');
    assert.equal(theme.palettes.professional_blue.primary, '#3D5A80');
    const runtime = await getJson(other, '/api/config/runtime');
    assert.ok(runtime.config.warnings.includes("theme: active palette 'no_such_palette' is not defined; using sage_green"),
      JSON.stringify(runtime.config.warnings));
    assert.match(other.stderr(), /active palette 'no_such_palette' is not defined/);
  });
});

describe('agents, visibility, features, plugins', () => {
  test('agents.yaml entries are returned with labels defaulted and names trimmed', async () => {
    const body = await getJson(custom, '/api/config/agents');
    assert.deepEqual(body, {
      success: true,
      agents: [
        {
          name: 'alpha_bot', label: 'Alpha', role: 'Triage', avatar: '/api/config/assets/agents/alpha.png',
          description: 'First responder', biography: 'Handles the first pass of every ticket.',
          active: true, trace_names: ['alpha-trace', 'alpha_v2'],
        },
        {
          name: 'beta', label: 'beta', role: '', avatar: '', description: '', biography: '',
          active: false, trace_names: [],
        },
      ],
    });
  });

  test('without agents.yaml the agent list is empty', async () => {
    assert.deepEqual(await getJson(defaults, '/api/config/agents'), { success: true, agents: [] });
  });

  test('visibility comes from monitoring_db, kpi_db and human_signals_db YAML', async () => {
    assert.deepEqual(await getJson(custom, '/api/config/visibility'), {
      kpi: { visible_kpis: ['csat', 'resolution_rate'], visible_kpis_per_source: { web: ['csat'], phone: [] } },
      monitoring: { visible_metrics: ['latency_ms', 'faithfulness'] },
      human_signals: { visible_metrics: ['thumbs_up'], visible_kpis: ['escalation_rate'] },
    });
  });

  test('without source YAML every visibility list is empty', async () => {
    assert.deepEqual(await getJson(defaults, '/api/config/visibility'), {
      kpi: { visible_kpis: [], visible_kpis_per_source: {} },
      monitoring: { visible_metrics: [] },
      human_signals: { visible_metrics: [], visible_kpis: [] },
    });
  });

  test('features: both flags are on by default', async () => {
    assert.deepEqual(await getJson(defaults, '/api/config/features'),
      { eval_runner_enabled: true, copilot_enabled: true });
  });

  test('features: COPILOT_ENABLED=false and eval_db eval_runner_enabled: false turn the flags off', async () => {
    assert.deepEqual(await getJson(custom, '/api/config/features'),
      { eval_runner_enabled: false, copilot_enabled: false });
  });

  const NAV = {
    agent_replay: [{ name: 'Agent Replay', href: '/agent-replay', icon: 'PlayCircle', section: 'main', order: 45 }],
    memory: [{ name: 'Memory', href: '/memory', icon: 'Brain', section: 'main', order: 50 }],
  };
  const pluginRow = (name, error, enabled = false) => ({
    name, version: '0.1.0', api_version: 1, nav: NAV[name], enabled, error,
  });
  const withoutDescription = (plugins) => plugins.map(({ description, ...rest }) => {
    assert.equal(typeof description, 'string');
    assert.ok(description.length > 0);
    return rest;
  });

  test('plugins with AXIS_PLUGINS_ENABLED unset (all): both run', async () => {
    const { plugins } = await getJson(defaults, '/api/config/plugins');
    assert.deepEqual(withoutDescription(plugins), [
      pluginRow('agent_replay', null, true),
      pluginRow('memory', null, true),
    ]);
  });

  test('plugins with AXIS_PLUGINS_ENABLED=" memory , ": only memory is wanted', async () => {
    const { plugins } = await getJson(custom, '/api/config/plugins');
    assert.deepEqual(withoutDescription(plugins), [
      pluginRow('agent_replay', null),
      pluginRow('memory', null, true),
    ]);
    const runtime = await getJson(custom, '/api/config/runtime');
    assert.equal(runtime.config.plugins_enabled, 'memory');
  });

  test('plugins with AXIS_PLUGINS_ENABLED empty: none is wanted and none reports an error', async () => {
    const { plugins } = await getJson(other, '/api/config/plugins');
    assert.deepEqual(withoutDescription(plugins), [pluginRow('agent_replay', null), pluginRow('memory', null)]);
    const runtime = await getJson(other, '/api/config/runtime');
    assert.equal(runtime.config.plugins_enabled, '');
  });

  test('disabled plugins mount no routes', async () => {
    for (const [server, route] of [[other, '/api/memory/config'], [other, '/api/config/memory'],
      [other, '/api/memory/graph/status'], [other, '/api/agent-replay/status'], [custom, '/api/agent-replay/status']]) {
      const res = await fetch(`${server.url}${route}`);
      assert.equal(res.status, 404, route);
      assert.deepEqual(await res.json(), { detail: 'Not Found' });
    }
    assert.equal((await fetch(`${defaults.url}/api/memory/graph/status`)).status, 200);
    assert.equal((await fetch(`${defaults.url}/api/agent-replay/status`)).status, 200);
  });
});

describe('assets', () => {
  test('a branding file is served byte for byte with a one-year immutable Cache-Control', async () => {
    const res = await fetch(`${custom.url}/api/config/assets/branding/logo.png`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PNG_BYTES);
  });

  test('an agent file is served with a one-day Cache-Control', async () => {
    const res = await fetch(`${custom.url}/api/config/assets/agents/alpha.png`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=86400');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PNG_BYTES);
  });

  test('an SVG asset is served as image/svg+xml', async () => {
    const res = await fetch(`${custom.url}/api/config/assets/branding/mark.svg`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/svg+xml');
    assert.equal(await res.text(), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  test('HEAD on an asset gives its length and no body', async () => {
    const res = await rawRequest(custom.port,
      'HEAD /api/config/assets/branding/logo.png HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-length'], String(PNG_BYTES.length));
    assert.equal(res.bodyBuffer.length, 0);
  });

  test('an asset type other than branding or agents is 404 {"detail":"Not found"}', async () => {
    for (const target of ['/api/config/assets/config/theme.yaml', '/api/config/assets/other/logo.png',
      '/api/config/assets/Branding/logo.png']) {
      const res = await fetch(`${custom.url}${target}`);
      assert.equal(res.status, 404, target);
      assert.deepEqual(await res.json(), { detail: 'Not found' });
    }
  });

  test('a missing file, a folder, a hidden file and a symlink out of the folder are 404 "Not found"', async () => {
    for (const name of ['missing.png', 'subdir', '.env', 'passwd.png']) {
      const res = await rawGet(custom, `/api/config/assets/branding/${name}`);
      assert.equal(res.status, 404, name);
      assert.deepEqual(JSON.parse(res.body), { detail: 'Not found' }, name);
      assert.equal(res.body.includes('from-hidden-file'), false);
      assert.equal(res.body.includes('root:'), false);
    }
  });

  test('literal ../ traversal sent raw never leaves the asset folder', async () => {
    for (const target of [
      '/api/config/assets/branding/../../etc/passwd',
      '/api/config/assets/branding/../../../../../../etc/passwd',
      '/api/config/assets/branding/../agents/alpha.png',
      '/api/config/assets/branding/..',
      '/api/config/assets/branding/../../config/theme.yaml',
    ]) {
      expectNotFound(await rawGet(custom, target), target);
    }
  });

  test('percent-encoded traversal (%2e%2e%2f and friends) never leaves the asset folder', async () => {
    for (const target of [
      '/api/config/assets/branding/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/api/config/assets/branding/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/api/config/assets/branding/..%2f..%2fconfig%2ftheme.yaml',
      '/api/config/assets/branding/%2e%2e%2fconfig%2ftheme.yaml',
      '/api/config/assets/branding/%2e%2e',
      '/api/config/assets/branding/..%5c..%5cconfig%5ctheme.yaml',
      '/api/config/assets/branding/%252e%252e%252fconfig%252ftheme.yaml',
      '/api/config/assets/branding/%2fetc%2fpasswd',
      '/api/config/assets/%2e%2e/config/theme.yaml',
      '/api/config/assets/branding/logo.png%00.txt',
      '/api/config/assets/branding/%zz',
    ]) {
      expectNotFound(await rawGet(custom, target), target);
    }
  });

  test('a percent-encoded plain file name is decoded and served', async () => {
    const res = await rawGet(custom, '/api/config/assets/branding/%6c%6fgo.png');
    assert.equal(res.status, 200);
    assert.deepEqual(res.bodyBuffer, PNG_BYTES);
  });
});
