import { useEffect } from 'react';
import { usePalette, useThemeConfig } from '../lib/queries';
import { applyFavicon, applyPalette } from '../lib/theme';

/** Writes the active palette to :root and swaps the favicon; renders nothing. */
export function ThemeApplier() {
  const { data } = useThemeConfig();
  const palette = usePalette();

  useEffect(() => {
    applyPalette(palette);
    applyFavicon(palette.faviconUrl);
    document.documentElement.dataset.palette = data?.active ?? 'professional_blue';
  }, [palette, data?.active]);

  return null;
}
