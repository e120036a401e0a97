import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PALETTE } from './defaults';
import { applyFavicon, applyPalette, paletteToCssVars, resolveBranding, resolvePalette } from './theme';

afterEach(() => {
  document.documentElement.removeAttribute('style');
  document.head.innerHTML = '';
});

describe('resolvePalette', () => {
  it('uses professional_blue for missing or empty fields', () => {
    const palette = resolvePalette({ primary: '#8B9F4F', primaryLight: '', heroOpacity: null });
    expect(palette.primary).toBe('#8B9F4F');
    expect(palette.primaryLight).toBe('#5C7AA3');
    expect(palette.primaryDark).toBe('#2B3C73');
    expect(palette.heroOpacity).toBe(1);
    expect(resolvePalette(undefined)).toEqual(DEFAULT_PALETTE);
  });
});

describe('paletteToCssVars', () => {
  it('writes each colour and its rgb twin', () => {
    const vars = paletteToCssVars(
      resolvePalette({
        primary: '#8B9F4F',
        primaryLight: '#A4B86C',
        primaryDark: '#6B7A3A',
        primarySoft: '#B8C78A',
        primaryPale: '#D4E0B8',
        heroImage: '/api/config/assets/branding/hero.jpg',
        heroContrast: 1.1,
        heroSaturation: 0.9,
        heroBrightness: 0.8,
        heroOpacity: 0.35,
        shimmerFrom: '#ffffff',
        shimmerTo: '#D4AF37',
      }),
    );
    expect(vars['--primary']).toBe('#8B9F4F');
    expect(vars['--primary-rgb']).toBe('139 159 79');
    expect(vars['--primary-light-rgb']).toBe('164 184 108');
    expect(vars['--primary-dark']).toBe('#6B7A3A');
    expect(vars['--primary-soft-rgb']).toBe('184 199 138');
    expect(vars['--primary-pale-rgb']).toBe('212 224 184');
    expect(vars['--accent-gold']).toBe('#D4AF37');
    expect(vars['--accent-gold-rgb']).toBe('212 175 55');
    expect(vars['--accent-silver-rgb']).toBe('184 197 211');
    expect(vars['--hero-image']).toBe('url("/api/config/assets/branding/hero.jpg")');
    expect(vars['--hero-filter']).toBe('contrast(1.1) saturate(0.9) brightness(0.8)');
    expect(vars['--hero-opacity']).toBe('0.35');
    expect(vars['--shimmer-from']).toBe('#ffffff');
    expect(vars['--shimmer-to']).toBe('#D4AF37');
  });

  it('falls back to the default colour when a value is not hex', () => {
    const vars = paletteToCssVars(resolvePalette({ primary: 'not-a-colour' }));
    expect(vars['--primary']).toBe('not-a-colour');
    expect(vars['--primary-rgb']).toBe('61 90 128');
    expect(vars['--hero-image']).toBe('none');
    expect(vars['--hero-filter']).toBe('contrast(1) saturate(1) brightness(1)');
  });
});

describe('applyPalette', () => {
  it('sets the variables on :root', () => {
    applyPalette(resolvePalette({ primary: '#8B9F4F', accentGold: '#C9A227' }));
    const style = document.documentElement.style;
    expect(style.getPropertyValue('--primary')).toBe('#8B9F4F');
    expect(style.getPropertyValue('--primary-rgb')).toBe('139 159 79');
    expect(style.getPropertyValue('--accent-gold-rgb')).toBe('201 162 39');
    expect(style.getPropertyValue('--primary-dark')).toBe('#2B3C73');
  });
});

describe('applyFavicon', () => {
  it('points the icon link at the palette favicon and leaves it alone when unset', () => {
    const link = document.createElement('link');
    link.rel = 'icon';
    link.href = '/favicon.svg';
    document.head.appendChild(link);
    applyFavicon(null);
    expect(link.getAttribute('href')).toBe('/favicon.svg');
    applyFavicon('/api/config/assets/branding/icon.png');
    expect(link.getAttribute('href')).toBe('/api/config/assets/branding/icon.png');
  });
});

describe('resolveBranding', () => {
  it('falls back footer_name to app_name', () => {
    expect(resolveBranding({ app_name: 'Acme' }).footer_name).toBe('Acme');
    expect(resolveBranding({ app_name: 'Acme', footer_name: 'Acme Labs' }).footer_name).toBe('Acme Labs');
    expect(resolveBranding(undefined).app_name).toBe('AXIS');
  });
});
