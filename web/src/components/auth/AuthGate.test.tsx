import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fetchJson } from '../../lib/api';
import { getToken, setToken } from '../../lib/auth/token';
import { AuthGate } from './AuthGate';

const GOOD = 'right-token';

interface ServerOptions {
  required?: boolean;
  tokenLogin?: boolean;
  statusDown?: boolean;
}

/** A server that requires `Bearer right-token` for /api routes (when required) and answers /api/auth/status for the header it gets. */
function authServer({ required = true, tokenLogin = true, statusDown = false }: ServerOptions = {}) {
  const seen: Array<{ path: string; authorization: string | undefined }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    const authorization = (init?.headers as Record<string, string> | undefined)?.Authorization;
    seen.push({ path, authorization });
    const authenticated = authorization === `Bearer ${GOOD}`;
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
    if (path === '/api/auth/status') {
      if (statusDown) throw new TypeError('Failed to fetch');
      return json({ required, authenticated, method: authenticated ? 'token' : null, user: null, token_login: tokenLogin });
    }
    if (required && !authenticated) return json({ detail: authorization ? 'Invalid token' : 'Not authenticated' }, 401);
    return json({ items: ['one'] });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { seen };
}

function Items() {
  const { data } = useQuery({ queryKey: ['items'], queryFn: ({ signal }) => fetchJson<{ items: string[] }>('/api/items', { signal }) });
  return <p data-testid="items">{data ? data.items.join(',') : 'none'}</p>;
}

function renderGate(children = <p data-testid="app">the app</p>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AuthGate>{children}</AuthGate>
    </QueryClientProvider>,
  );
}

function signInWith(token: string) {
  fireEvent.change(screen.getByTestId('auth-token-input'), { target: { value: token } });
  fireEvent.click(screen.getByTestId('auth-sign-in'));
}

describe('AuthGate', () => {
  it('renders the app without a dialog when the server needs no authentication', async () => {
    authServer({ required: false });
    renderGate();
    expect(await screen.findByTestId('app')).toBeTruthy();
    expect(screen.queryByTestId('auth-gate')).toBeNull();
  });

  it('renders the app when the status call fails, as with a server without authentication', async () => {
    authServer({ statusDown: true });
    renderGate();
    expect(await screen.findByTestId('app')).toBeTruthy();
    expect(screen.queryByTestId('auth-gate')).toBeNull();
  });

  it('shows a loading state, not the dialog, while the status loads', () => {
    authServer({ required: false });
    renderGate();
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect(screen.queryByTestId('auth-gate')).toBeNull();
    expect(screen.queryByTestId('app')).toBeNull();
  });

  it('lets a stored token through that the server accepts', async () => {
    setToken(GOOD);
    const { seen } = authServer();
    renderGate();
    expect(await screen.findByTestId('app')).toBeTruthy();
    expect(seen[0]).toEqual({ path: '/api/auth/status', authorization: `Bearer ${GOOD}` });
  });

  it('asks for a token, refuses a wrong one and keeps the form, then stores the right one and shows the app', async () => {
    const { seen } = authServer();
    renderGate();
    expect((await screen.findByTestId('auth-gate')).textContent).toContain('This AXIS server needs an API token');
    expect(screen.queryByTestId('app')).toBeNull();

    signInWith('wrong-token');
    expect((await screen.findByTestId('auth-error')).textContent).toContain('That token was not accepted');
    expect(screen.getByTestId('auth-token-input')).toBeTruthy();
    expect(getToken()).toBeNull();
    expect(seen.at(-1)).toEqual({ path: '/api/auth/status', authorization: 'Bearer wrong-token' });

    signInWith(`  ${GOOD} `);
    expect(await screen.findByTestId('app')).toBeTruthy();
    expect(screen.queryByTestId('auth-gate')).toBeNull();
    expect(getToken()).toBe(GOOD);
  });

  it('shows the proxy notice, without a form, when only a sign-in proxy can let users in', async () => {
    authServer({ tokenLogin: false });
    renderGate();
    expect((await screen.findByTestId('auth-proxy-notice')).textContent).toContain("organisation's sign-in proxy");
    expect(screen.queryByTestId('auth-token-input')).toBeNull();
    expect(screen.queryByTestId('app')).toBeNull();
  });

  it('raises the dialog over the page on a 401, then refetches the queries once signed in', async () => {
    setToken(GOOD);
    const { seen } = authServer();
    renderGate(<Items />);
    await waitFor(() => expect(screen.getByTestId('items').textContent).toBe('one'));

    setToken('revoked');
    const failed = await fetchJson('/api/items').catch((e: unknown) => e);
    expect(failed).toMatchObject({ status: 401 });
    expect(await screen.findByTestId('auth-gate')).toBeTruthy();
    expect(getToken()).toBeNull();
    expect(screen.getByTestId('items').textContent).toBe('one');

    const before = seen.length;
    signInWith(GOOD);
    await waitFor(() => expect(screen.queryByTestId('auth-gate')).toBeNull());
    await waitFor(() => expect(seen.slice(before).some((s) => s.path === '/api/items' && s.authorization === `Bearer ${GOOD}`)).toBe(true));
  });
});
