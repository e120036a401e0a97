import { vi } from 'vitest';
import type { AuthStatus } from '../lib/auth/status';
import { sourcesReply } from './sourcesFixtures';

export interface MockRoute {
  status?: number;
  body: unknown;
}

export type MockRoutes = Record<string, MockRoute | (() => MockRoute)>;

export const SAGE = {
  name: 'Sage Green',
  primary: '#8B9F4F',
  primaryLight: '#A4B86C',
  primaryDark: '#6B7A3A',
  primarySoft: '#B8C78A',
  primaryPale: '#D4E0B8',
  accentGold: '#D4AF37',
  accentSilver: '#B8C5D3',
  heroMode: 'light',
};

/** /api/auth/status of a server that does not require authentication. */
export const AUTH_OPEN: AuthStatus = { required: false, authenticated: true, method: null, user: null, token_login: false };

export function defaultRoutes(): MockRoutes {
  return {
    '/api/auth/status': { body: AUTH_OPEN },
    '/api/config/theme': {
      body: {
        success: true,
        active: 'sage_green',
        activePalette: SAGE,
        palettes: { sage_green: SAGE, professional_blue: { name: 'Professional Blue', primary: '#3D5A80' } },
        branding: { app_name: 'Acme Evals', tagline: 'Quality you can see', footer_name: 'Acme Labs', docs_url: 'https://docs.example.org' },
      },
    },
    '/api/config/features': { body: { eval_runner_enabled: true, copilot_enabled: true } },
    '/api/config/plugins': {
      body: {
        plugins: [
          { name: 'memory', enabled: true, nav: [{ name: 'Memory', href: '/memory', icon: 'brain', section: 'main', order: 1 }] },
          { name: 'off', enabled: false, nav: [{ name: 'Hidden', href: '/hidden', icon: 'x', section: 'tools', order: 1 }] },
        ],
      },
    },
    '/api/config/agents': {
      body: {
        success: true,
        agents: [{ name: 'alpha', label: 'Alpha', role: 'Triage', avatar: null, description: 'Routes claims.', biography: 'Alpha has triaged claims since 2023.', active: true, trace_names: [] }],
      },
    },
    '/api/config/sources': { body: sourcesReply() },
    '/health': {
      body: { status: 'healthy', version: '0.1.0', components: { api: 'up', store: 'up', data_processor: 'up' }, sources: {} },
    },
    '/api/config/runtime': {
      body: {
        version: '0.1.0',
        uptime_seconds: 61,
        server: { host: '0.0.0.0', port: 8500, workers: 2 },
        store: { enabled: true, path: '/data/axis.duckdb', size_bytes: 2048, open: true, writable: true, duckdb_version: 'v1.4.4', tables: ['eval_data'] },
        config: { llm: { openai_api_key: '********', model: 'gpt-4o' }, brand_new: { nested: { flag: true } } },
        surprise: 42,
      },
    },
  };
}

/** Replaces global fetch with one that answers from the route table by pathname; unknown paths get 404. */
export function mockApi(overrides: MockRoutes = {}) {
  const routes = { ...defaultRoutes(), ...overrides };
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const pathname = new URL(raw, 'http://localhost').pathname;
    calls.push(pathname);
    const entry = routes[pathname];
    const route = typeof entry === 'function' ? entry() : entry;
    if (!route) {
      return new Response(JSON.stringify({ detail: 'Not Found' }), { status: 404 });
    }
    return new Response(JSON.stringify(route.body), {
      status: route.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}
