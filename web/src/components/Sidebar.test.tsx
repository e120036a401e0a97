import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UI_STORE_KEY, useUiStore } from '../stores/uiStore';
import { mockApi } from '../test/mockApi';
import { renderApp } from '../test/renderApp';

function resetUi() {
  useUiStore.setState({ sidebarCollapsed: false, copilotOpen: false });
}

describe('sidebar', () => {
  it('shows captions, core and enabled plugin links, and marks the active one', async () => {
    resetUi();
    mockApi();
    renderApp('/evaluate/scorecard');
    const sidebar = screen.getByTestId('sidebar');
    expect(within(sidebar).getByText('Main')).toBeTruthy();
    expect(within(sidebar).getByText('Tools')).toBeTruthy();
    const main = within(sidebar).getByRole('group', { name: 'Main' });
    await waitFor(() => expect(within(main).getByTestId('nav-memory')).toBeTruthy());
    expect(within(main).getAllByTestId('nav-label').map((n) => n.textContent)).toEqual([
      'Home',
      'Production',
      'Evaluate',
      'Monitor',
      'Human Signals',
      'Memory',
    ]);
    expect(within(sidebar).queryByTestId('nav-hidden')).toBeNull();
    expect(screen.getByTestId('nav-evaluate').getAttribute('data-active')).toBe('true');
    expect(screen.getByTestId('nav-home').getAttribute('data-active')).toBe('false');
    expect(screen.getByTestId('nav-evaluate').className).toContain('bg-primary');
  });

  it('hides labels when collapsed and remembers it in axis-ui-store', async () => {
    resetUi();
    mockApi();
    renderApp('/');
    const sidebar = screen.getByTestId('sidebar');
    expect(within(sidebar).getAllByTestId('nav-label').length).toBeGreaterThan(10);
    fireEvent.click(screen.getByTestId('sidebar-collapse'));
    expect(sidebar.getAttribute('data-collapsed')).toBe('true');
    expect(sidebar.className).toContain('w-sidebar-collapsed');
    expect(within(sidebar).queryAllByTestId('nav-label')).toHaveLength(0);
    expect(within(sidebar).queryByText('Main')).toBeNull();
    expect(screen.getByTestId('nav-home').getAttribute('aria-label')).toBe('Home');
    expect(JSON.parse(localStorage.getItem(UI_STORE_KEY) ?? '{}').state).toEqual({ sidebarCollapsed: true });
  });

  it('locks the copilot with "Disabled by Admin" when the flag is off', async () => {
    resetUi();
    mockApi({ '/api/config/features': { body: { eval_runner_enabled: true, copilot_enabled: false } } });
    renderApp('/');
    expect(await screen.findByTestId('copilot-locked')).toBeTruthy();
    const button = screen.getByTestId('nav-copilot') as HTMLButtonElement;
    expect(button.textContent).toContain('Disabled by Admin');
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('data-locked')).toBe('true');
    fireEvent.click(button);
    expect(screen.queryByTestId('copilot-panel')).toBeNull();
  });

  it('opens the copilot panel when the flag is on', async () => {
    resetUi();
    mockApi();
    renderApp('/');
    const button = screen.getByTestId('nav-copilot') as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(screen.queryByTestId('copilot-locked')).toBeNull();
    fireEvent.click(button);
    const panel = await screen.findByTestId('copilot-panel');
    expect(within(panel).getByTestId('copilot-input')).toBeTruthy();
  });

  it('keeps the copilot unlocked when the features call fails', async () => {
    resetUi();
    mockApi({ '/api/config/features': { status: 500, body: { detail: 'boom' } } });
    renderApp('/');
    await waitFor(() => expect(screen.getByTestId('nav-copilot').getAttribute('data-locked')).toBe('false'));
  });
});
