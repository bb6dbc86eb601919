/**
 * Colour maths for telling a light page from a dark one, and for checking
 * that Reprint's colours can be seen on both: parsing CSS colours as
 * browsers serialize them, WCAG 2 relative luminance and contrast ratio,
 * and alpha compositing. Pure: no DOM, no words.
 */

/** sRGB channels 0–255 and alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export type Tone = 'light' | 'dark';

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

const channel = (s: string): number => (s.endsWith('%') ? (parseFloat(s) / 100) * 255 : parseFloat(s));
const alpha = (s: string | undefined): number => (s === undefined ? 1 : s.endsWith('%') ? parseFloat(s) / 100 : parseFloat(s));

/**
 * A colour as `getComputedStyle` gives it (`rgb(…)`, `rgba(…)`, either
 * with commas or spaces and a slash), `#rgb`, `#rgba`, `#rrggbb`,
 * `#rrggbbaa`, `color(srgb …)` or `transparent`; undefined for anything
 * else (a keyword, `oklch(…)`, another colour space), which the caller
 * treats as unknown.
 */
export function parseColor(text: string): Rgba | undefined {
  const s = text.trim().toLowerCase();
  if (s === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3,8})$/.exec(s)?.[1];
  if (hex) {
    if (hex.length === 3 || hex.length === 4) {
      const [r, g, b, a = 255] = [...hex].map((c) => parseInt(c + c, 16));
      return { r, g, b, a: a / 255 };
    }
    if (hex.length === 6 || hex.length === 8) {
      const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
      return { r: n(0), g: n(2), b: n(4), a: hex.length === 8 ? n(6) / 255 : 1 };
    }
    return undefined;
  }
  // What color-mix() computes to: channels 0–1, spaces and a slash.
  const srgb = /^color\(srgb\s+([^)]*)\)$/.exec(s)?.[1];
  if (srgb) return fromParts(srgb.split(/\s*\/\s*|\s+/), (c) => (c.endsWith('%') ? parseFloat(c) / 100 : parseFloat(c)) * 255);
  const fn = /^rgba?\(\s*([^)]*)\)$/.exec(s)?.[1];
  return fn ? fromParts(fn.split(/\s*[,/]\s*|\s+/), channel) : undefined;
}

/** Three channels and an optional alpha, each read or undefined. */
function fromParts(parts: string[], read: (s: string) => number): Rgba | undefined {
  const p = parts.filter(Boolean);
  if (p.length !== 3 && p.length !== 4) return undefined;
  const [r, g, b] = p.slice(0, 3).map(read);
  const a = alpha(p[3]);
  if (![r, g, b, a].every(Number.isFinite)) return undefined;
  return { r: clamp(r, 0, 255), g: clamp(g, 0, 255), b: clamp(b, 0, 255), a: clamp(a, 0, 1) };
}

/** `top` painted over an opaque `bottom`, as the eye sees the two layers. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG 2 relative luminance of an opaque colour, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The luminance at which black and white text have the same contrast
 * (√(1.05 × 0.05) − 0.05 ≈ 0.179): below it light text reads better, so
 * the background is dark. #767676 sits just above it, #757575 just below.
 */
export const DARK_BELOW = Math.sqrt(1.05 * 0.05) - 0.05;

/** Light or dark, for an opaque background. */
export const toneOf = (background: Rgba): Tone => (luminance(background) < DARK_BELOW ? 'dark' : 'light');
