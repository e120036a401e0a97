import { describe, expect, it } from 'vitest';
import { buildNav, isActivePath, slugForHref } from './nav';
import { FALLBACK_PLUGIN_ICON, pluginIcon } from './pluginIcons';

describe('isActivePath', () => {
  it('matches "/" only exactly', () => {
    expect(isActivePath('/', '/')).toBe(true);
    expect(isActivePath('/settings', '/')).toBe(false);
    expect(isActivePath('/evaluate/runner', '/')).toBe(false);
  });

  it('matches a path under the href', () => {
    expect(isActivePath('/evaluate', '/evaluate')).toBe(true);
    expect(isActivePath('/evaluate/scorecard', '/evaluate')).toBe(true);
    expect(isActivePath('/evaluate/deep-dive?tab=tree', '/evaluate')).toBe(true);
  });

  it('does not match a sibling that only shares a prefix', () => {
    expect(isActivePath('/monitoring-extra', '/monitoring')).toBe(false);
    expect(isActivePath('/human', '/human-signals')).toBe(false);
  });

  it('ignores a trailing slash on the href', () => {
    expect(isActivePath('/memory/rules', '/memory/')).toBe(true);
  });
});

describe('slugForHref', () => {
  it('turns hrefs into stable test ids', () => {
    expect(slugForHref('/')).toBe('home');
    expect(slugForHref('/human-signals')).toBe('human-signals');
    expect(slugForHref('/evaluate/deep-dive?x=1')).toBe('evaluate-deep-dive');
  });
});

describe('buildNav', () => {
  it('lists the core items in the documented order without plugins', () => {
    const nav = buildNav(undefined);
    expect(nav.main.map((i) => i.name)).toEqual(['Home', 'Production', 'Evaluate', 'Monitor', 'Human Signals']);
    expect(nav.main.map((i) => i.href)).toEqual(['/', '/production', '/evaluate', '/monitoring', '/human-signals']);
    expect(nav.tools.map((i) => i.name)).toEqual(['Annotation Studio', 'CaliberHQ', 'Simulate', 'Synthetic', 'Learn']);
    expect(nav.tools.map((i) => i.href)).toEqual([
      '/annotation-studio',
      '/caliber-hq',
      '/simulation',
      '/synthetic',
      '/learn',
    ]);
  });

  it('appends enabled plugin items by section and order, skipping disabled plugins', () => {
    const nav = buildNav([
      { name: 'replay', enabled: true, nav: [{ name: 'Agent Replay', href: '/agent-replay', icon: 'PlayCircle', section: 'main', order: 20 }] },
      { name: 'memory', enabled: true, nav: [{ name: 'Memory', href: 'memory', icon: 'brain', section: 'main', order: 10 }] },
      { name: 'lab', enabled: true, nav: [{ name: 'Lab', href: '/lab', icon: '', section: 'tools', order: 1 }] },
      { name: 'broken', enabled: false, nav: [{ name: 'Broken', href: '/broken', icon: '', section: 'main', order: 50 }] },
      { name: 'dup', enabled: true, nav: [{ name: 'Shadow Home', href: '/', icon: '', section: 'main', order: 50 }] },
    ]);
    expect(nav.main.map((i) => i.name)).toEqual([
      'Home',
      'Production',
      'Evaluate',
      'Monitor',
      'Human Signals',
      'Memory',
      'Agent Replay',
    ]);
    expect(nav.main[5]).toMatchObject({ href: '/memory', slug: 'memory', plugin: 'memory' });
    expect(nav.tools.map((i) => i.name)).toEqual(['Annotation Studio', 'CaliberHQ', 'Simulate', 'Synthetic', 'Learn', 'Lab']);
    expect(nav.tools[5]?.icon).toBe(FALLBACK_PLUGIN_ICON);
  });
});

describe('pluginIcon', () => {
  it('maps lucide names in any case style and falls back for unknown ones', () => {
    expect(pluginIcon('brain')).toBe(pluginIcon('Brain'));
    expect(pluginIcon('PlayCircle')).toBe(pluginIcon('play-circle'));
    expect(pluginIcon('PlayCircle')).not.toBe(FALLBACK_PLUGIN_ICON);
    expect(pluginIcon('no-such-icon')).toBe(FALLBACK_PLUGIN_ICON);
    expect(pluginIcon(undefined)).toBe(FALLBACK_PLUGIN_ICON);
  });
});
