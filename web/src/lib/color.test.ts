import { describe, expect, it } from 'vitest';
import { hexToRgbTriplet, parseHex } from './color';

describe('hex colour parsing', () => {
  it('converts six-digit hex to a space-separated triplet', () => {
    expect(hexToRgbTriplet('#3D5A80')).toBe('61 90 128');
    expect(hexToRgbTriplet('#8b9f4f')).toBe('139 159 79');
    expect(hexToRgbTriplet('D4AF37')).toBe('212 175 55');
  });

  it('expands three-digit hex and drops alpha', () => {
    expect(hexToRgbTriplet('#fff')).toBe('255 255 255');
    expect(hexToRgbTriplet('#0f08')).toBe('0 255 0');
    expect(hexToRgbTriplet('#2B3C73CC')).toBe('43 60 115');
  });

  it('rejects anything that is not hex', () => {
    expect(parseHex('rebeccapurple')).toBeNull();
    expect(parseHex('#12345')).toBeNull();
    expect(parseHex('')).toBeNull();
    expect(parseHex(null)).toBeNull();
  });
});
