export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const HEX = /^#?([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Parses #rgb, #rgba, #rrggbb or #rrggbbaa (alpha ignored); null for anything else. */
export function parseHex(input: string | null | undefined): Rgb | null {
  if (typeof input !== 'string') return null;
  const match = HEX.exec(input.trim());
  if (!match || !match[1]) return null;
  let digits = match[1];
  if (digits.length <= 4) {
    digits = digits
      .slice(0, 3)
      .split('')
      .map((d) => d + d)
      .join('');
  }
  return {
    r: parseInt(digits.slice(0, 2), 16),
    g: parseInt(digits.slice(2, 4), 16),
    b: parseInt(digits.slice(4, 6), 16),
  };
}

/** "61 90 128" for "#3D5A80": the form Tailwind's `rgb(var(--x) / <alpha>)` expects. */
export function hexToRgbTriplet(input: string | null | undefined): string | null {
  const rgb = parseHex(input);
  return rgb ? `${rgb.r} ${rgb.g} ${rgb.b}` : null;
}

export function isHexColor(input: string | null | undefined): boolean {
  return parseHex(input) !== null;
}
