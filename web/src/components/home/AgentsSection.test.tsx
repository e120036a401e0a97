import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';

describe('agent cards', () => {
  it('open a biography modal that Escape closes', async () => {
    mockApi();
    renderApp('/');
    fireEvent.click(await screen.findByTestId('agent-card-alpha'));
    const modal = screen.getByTestId('agent-modal');
    expect(modal.textContent).toContain('Alpha has triaged claims since 2023.');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('agent-modal')).toBeNull();
  });

  it('keep the open biography in the address, so a link opens it', async () => {
    mockApi();
    renderApp('/?agent=alpha');
    const modal = await screen.findByTestId('agent-modal');
    expect(modal.textContent).toContain('Alpha has triaged claims since 2023.');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('agent-modal')).toBeNull();
  });

  it('say so when no agents are configured', async () => {
    mockApi({ '/api/config/agents': { body: { success: true, agents: [] } } });
    renderApp('/');
    expect(await screen.findByText(/No agents are configured/)).toBeTruthy();
  });
});
