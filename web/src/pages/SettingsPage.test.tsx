import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getToken, setToken } from '../lib/auth/token';
import { blobText, captureDownloads } from '../test/downloads';
import { mockApi } from '../test/mockApi';
import { renderApp } from '../test/renderApp';

describe('settings page', () => {
  it('shows Connected, the version, the store path and every config group', async () => {
    mockApi();
    renderApp('/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('connection-status').textContent).toBe('Connected'));
    expect(screen.getByTestId('server-version').textContent).toBe('0.1.0');
    expect((await screen.findByTestId('store-path')).textContent).toBe('/data/axis.duckdb');
    expect(screen.getByTestId('store-status').textContent).toBe('up');
    const llm = await screen.findByTestId('config-group-llm');
    expect(within(llm).getByText('openai_api_key')).toBeTruthy();
    expect(within(llm).getByText('********')).toBeTruthy();
    expect(within(screen.getByTestId('config-group-brand_new')).getByText('nested.flag')).toBeTruthy();
    expect(within(screen.getByTestId('config-group-server')).getByText('8500')).toBeTruthy();
    expect(within(screen.getByTestId('config-group-general')).getByText('surprise')).toBeTruthy();
  });

  it('marks the active palette', async () => {
    mockApi();
    renderApp('/settings');
    await waitFor(() => expect(screen.getByTestId('palette-sage_green').getAttribute('data-active')).toBe('true'));
    expect(screen.getByTestId('palette-professional_blue').getAttribute('data-active')).toBe('false');
  });

  it('shows Unreachable when /health fails, and Connected after a retry that succeeds', async () => {
    let up = false;
    mockApi({
      '/health': () =>
        up
          ? { body: { status: 'healthy', version: '0.1.0', components: { api: 'up' } } }
          : { status: 502, body: { detail: 'Bad gateway' } },
    });
    renderApp('/settings');
    await waitFor(() => expect(screen.getByTestId('connection-status').textContent).toBe('Unreachable'));
    up = true;
    fireEvent.click(screen.getByTestId('health-retry'));
    await waitFor(() => expect(screen.getByTestId('connection-status').textContent).toBe('Connected'));
  });

  it('counts an unhealthy 503 as connected and shows the health', async () => {
    mockApi({
      '/health': {
        status: 503,
        body: { status: 'unhealthy', version: '0.1.0', components: { api: 'up', store: 'down' } },
      },
    });
    renderApp('/settings');
    await waitFor(() => expect(screen.getByTestId('connection-status').textContent).toBe('Connected'));
    expect(screen.getByTestId('health-status').textContent).toBe('unhealthy');
    expect(screen.getByTestId('store-status').textContent).toBe('down');
  });

  it('asks before clearing local storage and removes only axis-* keys', async () => {
    mockApi();
    localStorage.setItem('axis-data-store', '{}');
    localStorage.setItem('other-app', 'keep');
    renderApp('/settings');
    fireEvent.click(await screen.findByTestId('clear-storage'));
    expect(screen.getByTestId('clear-confirm')).toBeTruthy();
    expect(localStorage.getItem('axis-data-store')).toBe('{}');
    fireEvent.click(screen.getByTestId('clear-confirm-button'));
    expect(localStorage.getItem('axis-data-store')).toBeNull();
    expect(localStorage.getItem('other-app')).toBe('keep');
    expect(screen.getByTestId('clear-result').textContent).toMatch(/^Cleared \d+ saved entr/);
  });

  it('exports the theme, features and runtime config as axis-settings.json', async () => {
    mockApi();
    const capture = captureDownloads();
    try {
      renderApp('/settings');
      await screen.findByTestId('config-group-llm');
      fireEvent.click(screen.getByTestId('export-settings'));
      const [saved] = capture.downloads;
      expect(saved!.filename).toBe('axis-settings.json');
      expect(saved!.blob.type).toBe('application/json');
      const payload = JSON.parse(await blobText(saved!.blob));
      expect(Object.keys(payload)).toEqual(['exported_at', 'theme', 'features', 'runtime']);
      expect(payload.theme.active).toBe('sage_green');
      expect(payload.runtime).not.toBeNull();
    } finally {
      capture.restore();
    }
  });

  it('signs out of an API token: the token is cleared and the sign-in gate comes back over the page', async () => {
    setToken('tok-1');
    mockApi();
    renderApp('/settings', { authStatus: { required: true, authenticated: true, method: 'token', user: null, token_login: true } });
    expect((await screen.findByTestId('api-access-card')).textContent).toContain('Signed in with an API token');
    fireEvent.click(screen.getByTestId('auth-sign-out'));
    expect(getToken()).toBeNull();
    expect(await screen.findByTestId('auth-token-input')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('names the proxy user and offers no sign-out without a token', async () => {
    mockApi();
    renderApp('/settings', { authStatus: { required: true, authenticated: true, method: 'proxy', user: 'ada@example.org', token_login: false } });
    expect((await screen.findByTestId('auth-summary')).textContent).toContain('Signed in as ada@example.org through the proxy');
    expect(screen.queryByTestId('auth-sign-out')).toBeNull();
  });

  it('has no API access card when the server needs no authentication', async () => {
    mockApi();
    renderApp('/settings');
    await screen.findByTestId('connection-card');
    expect(screen.queryByTestId('api-access-card')).toBeNull();
  });
});
