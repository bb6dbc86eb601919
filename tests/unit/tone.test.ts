import { describe, expect, it } from 'vitest';
import { BLACK, contrast, DARK_BELOW, luminance, over, parseColor, toneOf, WHITE } from '../../src/dom/tone';

describe('colour maths', () => {
  it('parses colours as browsers serialize them, and hex', () => {
    expect(parseColor('rgb(17, 17, 17)')).toEqual({ r: 17, g: 17, b: 17, a: 1 });
    expect(parseColor('rgba(255, 0, 0, 0.5)')).toEqual({ r: 255, g: 0, b: 0, a: 0.5 });
    expect(parseColor('rgb(10 20 30 / 25%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.25 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('transparent')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('#111')).toEqual({ r: 17, g: 17, b: 17, a: 1 });
    expect(parseColor('#1118')).toEqual({ r: 17, g: 17, b: 17, a: 0x88 / 255 });
    expect(parseColor('#FDFCF9')).toEqual({ r: 253, g: 252, b: 249, a: 1 });
    expect(parseColor('#00000080')!.a).toBeCloseTo(0.5, 2);
    // What Chromium and Firefox compute color-mix(in srgb, …) to.
    expect(parseColor('color(srgb 0.6 0.4 0 / 0.22)')).toEqual({ r: 153, g: 102, b: 0, a: 0.22 });
    expect(parseColor('color(srgb 1 0 0)')).toEqual({ r: 255, g: 0, b: 0, a: 1 });
  });

  it('answers unknown for what it cannot read, rather than guessing', () => {
    for (const s of ['', 'red', 'canvas', 'color(display-p3 1 0 0)', 'color(srgb 1 0)', 'oklch(0.5 0.1 30)', '#12', 'rgb(1, 2)', 'rgb(a, b, c)'])
      expect(parseColor(s)).toBeUndefined();
  });

  it('computes WCAG 2 luminance and contrast', () => {
    expect(luminance(WHITE)).toBeCloseTo(1, 6);
    expect(luminance(BLACK)).toBe(0);
    expect(contrast(BLACK, WHITE)).toBeCloseTo(21, 6);
    expect(contrast(WHITE, BLACK)).toBeCloseTo(21, 6);
    // Known pairs: #767676 is the lightest grey with 4.5:1 on white; #959595 has 3:1.
    expect(contrast(parseColor('#767676')!, WHITE)).toBeCloseTo(4.54, 2);
    expect(contrast(parseColor('#959595')!, WHITE)).toBeCloseTo(3.0, 1);
  });

  it('composites a translucent colour over an opaque one', () => {
    expect(over({ r: 255, g: 0, b: 0, a: 0.5 }, WHITE)).toEqual({ r: 255, g: 127.5, b: 127.5, a: 1 });
    expect(over({ r: 9, g: 9, b: 9, a: 0 }, BLACK)).toEqual(BLACK);
    expect(over({ r: 9, g: 9, b: 9, a: 1 }, WHITE)).toEqual({ r: 9, g: 9, b: 9, a: 1 });
  });

  it('calls a background dark where light text reads better than black', () => {
    expect(DARK_BELOW).toBeCloseTo(0.179, 3);
    expect(toneOf(WHITE)).toBe('light');
    expect(toneOf(parseColor('#fdfcf9')!)).toBe('light');
    expect(toneOf(parseColor('#111')!)).toBe('dark');
    expect(toneOf(parseColor('#1c1b22')!)).toBe('dark');
    expect(toneOf(parseColor('#767676')!)).toBe('light');
    expect(toneOf(parseColor('#757575')!)).toBe('dark');
    // At the boundary white and black text contrast alike.
    const grey = parseColor('#767676')!;
    expect(Math.abs(contrast(grey, WHITE) - contrast(grey, BLACK))).toBeLessThan(0.1);
  });
});
