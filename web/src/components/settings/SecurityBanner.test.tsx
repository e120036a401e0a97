import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { serveApi } from '../../pages/evaluate/testServer';
import { renderApp } from '../../test/renderApp';

const WARNING = 'AXIS listens on 0.0.0.0 without authentication: set AXIS_API_TOKEN.';

function runtime(security_warning: string | null) {
  serveApi((call) => {
    if (call.path !== '/api/config/runtime') return undefined;
    return { body: { version: '0.1.0', uptime_seconds: 1, store: { enabled: false, path: '', duckdb_version: 'v1' }, config: {}, security_warning } };
  });
}

describe('security banner', { timeout: 20_000 }, () => {
  afterEach(() => localStorage.clear());

  it('shows the server warning until dismissed, and stays dismissed for that text', async () => {
    runtime(WARNING);
    const first = renderApp('/settings');
    const banner = await screen.findByTestId('security-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain(WARNING);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the security warning' }));
    await waitFor(() => expect(screen.queryByTestId('security-banner')).toBeNull());
    first.unmount();
    renderApp('/settings');
    await screen.findByTestId('data-sources-card');
    expect(screen.queryByTestId('security-banner')).toBeNull();
  });

  it('is absent when the server needs credentials or listens on loopback', async () => {
    runtime(null);
    renderApp('/settings');
    await screen.findByTestId('data-sources-card');
    expect(screen.queryByTestId('security-banner')).toBeNull();
  });
});
