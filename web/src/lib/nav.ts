import {
  FlaskConical,
  Gauge,
  GraduationCap,
  House,
  Activity,
  PenLine,
  Scale,
  Sparkles,
  Users,
  Wand2,
  type LucideIcon,
} from 'lucide-react';
import { pluginIcon } from './pluginIcons';
import type { PluginInfo } from './types';

export type NavSection = 'main' | 'tools';

export interface NavItem {
  name: string;
  href: string;
  slug: string;
  icon: LucideIcon;
  section: NavSection;
  plugin?: string;
}

export interface NavGroups {
  main: NavItem[];
  tools: NavItem[];
}

/** "/" → "home", "/evaluate/runner" → "evaluate-runner". */
export function slugForHref(href: string): string {
  const path = href.split(/[?#]/)[0] ?? '';
  const slug = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .toLowerCase();
  return slug === '' ? 'home' : slug;
}

function core(name: string, href: string, icon: LucideIcon, section: NavSection): NavItem {
  return { name, href, icon, section, slug: slugForHref(href) };
}

export const CORE_MAIN: NavItem[] = [
  core('Home', '/', House, 'main'),
  core('Production', '/production', Gauge, 'main'),
  core('Evaluate', '/evaluate', FlaskConical, 'main'),
  core('Monitor', '/monitoring', Activity, 'main'),
  core('Human Signals', '/human-signals', Users, 'main'),
];

export const CORE_TOOLS: NavItem[] = [
  core('Annotation Studio', '/annotation-studio', PenLine, 'tools'),
  core('CaliberHQ', '/caliber-hq', Scale, 'tools'),
  core('Simulate', '/simulation', Sparkles, 'tools'),
  core('Synthetic', '/synthetic', Wand2, 'tools'),
  core('Learn', '/learn', GraduationCap, 'tools'),
];

/** True when the pathname is under href; "/" only matches itself. */
export function isActivePath(pathname: string, href: string): boolean {
  const path = pathname.split(/[?#]/)[0] || '/';
  if (href === '/') return path === '/';
  const base = href.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`);
}

function normaliseHref(href: string): string {
  const trimmed = href.trim();
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Core items first, then the nav entries of enabled plugins sorted by order, per section. */
export function buildNav(plugins: readonly Pick<PluginInfo, 'name' | 'enabled' | 'nav'>[] | null | undefined): NavGroups {
  const seen = new Set([...CORE_MAIN, ...CORE_TOOLS].map((item) => item.href));
  const extra: Array<NavItem & { order: number }> = [];
  for (const plugin of plugins ?? []) {
    if (!plugin || plugin.enabled !== true || !Array.isArray(plugin.nav)) continue;
    for (const entry of plugin.nav) {
      if (!entry || typeof entry.name !== 'string' || typeof entry.href !== 'string') continue;
      const href = normaliseHref(entry.href);
      if (seen.has(href)) continue;
      seen.add(href);
      extra.push({
        name: entry.name,
        href,
        slug: slugForHref(href),
        icon: pluginIcon(entry.icon),
        section: entry.section === 'tools' ? 'tools' : 'main',
        plugin: plugin.name,
        order: typeof entry.order === 'number' ? entry.order : Number.MAX_SAFE_INTEGER,
      });
    }
  }
  extra.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const strip = ({ order: _order, ...item }: NavItem & { order: number }): NavItem => item;
  return {
    main: [...CORE_MAIN, ...extra.filter((i) => i.section === 'main').map(strip)],
    tools: [...CORE_TOOLS, ...extra.filter((i) => i.section === 'tools').map(strip)],
  };
}
