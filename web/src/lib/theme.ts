import { hexToRgbTriplet } from './color';
import { DEFAULT_BRANDING, DEFAULT_PALETTE } from './defaults';
import { assetUrl } from './api';
import type { Branding, Palette } from './types';

const COLOR_KEYS: Array<[keyof Palette, string]> = [
  ['primary', '--primary'],
  ['primaryLight', '--primary-light'],
  ['primaryDark', '--primary-dark'],
  ['primarySoft', '--primary-soft'],
  ['primaryPale', '--primary-pale'],
  ['accentGold', '--accent-gold'],
  ['accentSilver', '--accent-silver'],
];

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Fills every missing or empty palette field from the built-in professional_blue palette. */
export function resolvePalette(partial: Partial<Palette> | null | undefined): Palette {
  const result: Palette = { ...DEFAULT_PALETTE };
  if (!partial) return result;
  for (const [key, value] of Object.entries(partial) as Array<[keyof Palette, unknown]>) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    (result as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  return result;
}

export function resolveBranding(partial: Partial<Branding> | null | undefined): Branding {
  const result: Branding = { ...DEFAULT_BRANDING };
  if (partial) {
    for (const [key, value] of Object.entries(partial) as Array<[keyof Branding, unknown]>) {
      if (nonEmpty(value)) result[key] = value.trim();
    }
  }
  if (!nonEmpty(result.footer_name)) result.footer_name = result.app_name;
  return result;
}

export function heroFilter(palette: Palette): string {
  const contrast = finite(palette.heroContrast, 1);
  const saturation = finite(palette.heroSaturation, 1);
  const brightness = finite(palette.heroBrightness, 1);
  return `contrast(${contrast}) saturate(${saturation}) brightness(${brightness})`;
}

export function isDarkHero(palette: Palette): boolean {
  return (palette.heroMode ?? 'dark').toLowerCase() !== 'light';
}

/** The CSS custom properties a palette defines on :root. */
export function paletteToCssVars(palette: Palette): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [key, name] of COLOR_KEYS) {
    const value = palette[key];
    const fallback = DEFAULT_PALETTE[key] as string;
    const color = nonEmpty(value) ? value : fallback;
    vars[name] = color;
    vars[`${name}-rgb`] = hexToRgbTriplet(color) ?? (hexToRgbTriplet(fallback) as string);
  }
  const image = assetUrl(palette.heroImage);
  vars['--hero-image'] = image ? `url("${image.replace(/"/g, '\\"')}")` : 'none';
  vars['--hero-filter'] = heroFilter(palette);
  vars['--hero-opacity'] = String(Math.min(1, Math.max(0, finite(palette.heroOpacity, 1))));
  vars['--shimmer-from'] = nonEmpty(palette.shimmerFrom) ? palette.shimmerFrom : vars['--primary-light']!;
  vars['--shimmer-to'] = nonEmpty(palette.shimmerTo) ? palette.shimmerTo : vars['--accent-gold']!;
  return vars;
}

export function applyCssVars(vars: Record<string, string>, root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(vars)) {
    root.style.setProperty(name, value);
  }
}

export function applyPalette(palette: Palette, root?: HTMLElement): void {
  applyCssVars(paletteToCssVars(palette), root);
}

/** Points the page's icon link at the palette's favicon, when one is set. */
export function applyFavicon(url: string | null | undefined, doc: Document = document): void {
  const href = assetUrl(url);
  if (!href) return;
  let link = doc.querySelector<HTMLLinkElement>('link[rel~="icon"]');
  if (!link) {
    link = doc.createElement('link');
    link.rel = 'icon';
    doc.head.appendChild(link);
  }
  link.removeAttribute('type');
  link.href = href;
}
