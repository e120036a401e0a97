import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi } from '../test/mockApi';
import { sourcesReply } from '../test/sourcesFixtures';
import { locationPath, renderApp } from '../test/renderApp';

describe('routes', () => {
  beforeEach(() => {
    mockApi();
  });

  it('shows a plugin page header and says the server lacks the plugin when /api/config/plugins does not list it', async () => {
    renderApp('/agent-replay');
    expect(await screen.findByRole('heading', { level: 1, name: 'Agent Replay' }, { timeout: 5000 })).toBeTruthy();
    expect((await screen.findByTestId('plugin-unavailable')).textContent).toContain('This server does not include the Agent Replay plugin.');
  });

  it('says why a plugin page is unavailable when its plugin failed to start', async () => {
    mockApi({
      '/api/config/plugins': { body: { plugins: [{ name: 'memory', version: '0.1.0', api_version: 1, description: '', nav: [], enabled: true, error: 'register failed: boom' }] } },
    });
    renderApp('/memory');
    expect(await screen.findByRole('heading', { level: 1, name: 'Memory' }, { timeout: 5000 })).toBeTruthy();
    expect((await screen.findByTestId('plugin-unavailable')).textContent).toContain('The Memory plugin failed to start: register failed: boom');
  });

  it.each([
    ['/simulation', 'Simulate'],
    ['/synthetic', 'Synthetic'],
  ])('%s says Coming Soon', async (path, title) => {
    renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(screen.getByTestId('coming-soon').textContent).toContain('Coming Soon');
  });

  it('redirects /evaluate to the upload step when nothing is stored', async () => {
    mockApi({ '/api/datasets': { body: { success: true, datasets: [] } } });
    renderApp('/evaluate');
    expect(await screen.findByRole('heading', { level: 1, name: 'Evaluate' })).toBeTruthy();
    expect(await screen.findByTestId('file-upload', {}, { timeout: 5000 })).toBeTruthy();
    expect(locationPath()).toBe('/evaluate/upload');
    expect(screen.getByTestId('evaluate-tab-upload').getAttribute('aria-current')).toBe('page');
  });

  it('shows the runner steps', async () => {
    renderApp('/evaluate/runner');
    expect(await screen.findByRole('heading', { level: 1, name: 'Evaluate' })).toBeTruthy();
    expect(screen.getByTestId('evaluate-tab-runner').getAttribute('aria-current')).toBe('page');
    expect((await screen.findByTestId('runner-steps', {}, { timeout: 5000 })).textContent).toContain('1. Data');
    expect(screen.getByTestId('runner-step-data').getAttribute('aria-current')).toBe('step');
    expect(screen.queryByTestId('plugin-unavailable')).toBeNull();
  });

  it('shows the CaliberHQ upload step when nothing is stored', async () => {
    mockApi({ '/api/datasets': { body: { success: true, datasets: [] } } });
    renderApp('/caliber-hq');
    expect(await screen.findByRole('heading', { level: 1, name: 'CaliberHQ' }, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByTestId('caliber-upload', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('example-align').textContent).toBe('Caliber HQ');
  });

  it.each(['scorecard', 'deep-dive', 'compare'])('/evaluate/%s asks for data when nothing is stored', async (tab) => {
    mockApi({ '/api/datasets': { body: { success: true, datasets: [] } } });
    renderApp(`/evaluate/${tab}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Evaluate' })).toBeTruthy();
    expect(screen.getByTestId(`evaluate-tab-${tab}`).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByTestId('no-dataset', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('shows the annotation studio empty state with an upload when nothing is stored', async () => {
    mockApi({ '/api/datasets': { body: { success: true, datasets: [] } } });
    renderApp('/annotation-studio');
    expect(await screen.findByRole('heading', { level: 1, name: 'Annotation Studio' }, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByTestId('annotation-empty', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('example-annotation').textContent).toBe('Annotation Sample');
  });

  it.each([
    ['/monitoring', 'Monitor', 'monitoring-empty'],
    ['/human-signals', 'Human Signals', 'signals-empty'],
  ])('%s offers an upload when nothing of its kind is stored', async (path, title, emptyId) => {
    mockApi({ '/api/datasets': { body: { success: true, datasets: [{ id: 'ev', kind: 'evaluation', name: 'eval.csv' }] } } });
    renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: title }, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByTestId(emptyId, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByTestId('plugin-unavailable')).toBeNull();
  });

  it('/production says there are no agents when no data names a source', async () => {
    mockApi({ '/api/config/sources': { body: sourcesReply([]) } });
    renderApp('/production');
    expect(await screen.findByRole('heading', { level: 1, name: 'Production' }, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByTestId('production-empty', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('redirects /comparison to /evaluate/compare', async () => {
    renderApp('/comparison');
    await screen.findByRole('heading', { level: 1, name: 'Evaluate' });
    expect(locationPath()).toBe('/evaluate/compare');
  });

  it('renders Learn with its four tabs', async () => {
    renderApp('/learn');
    expect(await screen.findByRole('heading', { level: 1, name: 'Learn' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Overview', 'Interactive Walkthrough', 'Methods', 'Best Practices']);
  });

  it('renders the home hero with branding and the two buttons', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Evals' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Production Overview/ }).getAttribute('href')).toBe('/production');
    expect(screen.getByRole('link', { name: /User Guides/ }).getAttribute('href')).toBe('/learn');
    expect(await screen.findByText('Alpha')).toBeTruthy();
    expect(screen.getByTestId('footer-name').textContent).toBe('Acme Labs');
    expect(screen.getByTestId('footer-docs').getAttribute('href')).toBe('https://docs.example.org');
  });

  it('shows a 404 page for an unknown path', async () => {
    renderApp('/definitely/not/here');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByTestId('sidebar')).toBeTruthy();
  });

  it('applies the server palette to :root', async () => {
    renderApp('/');
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--primary')).toBe('#8B9F4F'));
    expect(document.documentElement.style.getPropertyValue('--primary-rgb')).toBe('139 159 79');
    expect(document.documentElement.dataset.palette).toBe('sage_green');
  });
});
