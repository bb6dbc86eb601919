import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, over, parseColor, type Rgba } from '../../src/dom/tone';

/**
 * Contrast of Reprint's colours, computed from the stylesheets themselves:
 * a palette change that makes a text, a kind's dot or a mark's bar too
 * faint fails here. WCAG 2: text 4.5:1 (AA), graphics that carry meaning
 * 3:1 (non-text contrast).
 */
const STYLES = path.resolve(import.meta.dirname, '../../assets/styles');
const css = (file: string) => readFileSync(path.join(STYLES, file), 'utf8');

type Theme = 'light' | 'dark';

/** `--name: light-dark(light, dark)` pairs of palette.css. */
function palette(): Record<string, Record<Theme, Rgba>> {
  const out: Record<string, Record<Theme, Rgba>> = {};
  for (const [, name, light, dark] of css('palette.css').matchAll(
    /--([\w-]+):\s*light-dark\(\s*(#[0-9a-f]+|rgba?\([^)]*\))\s*,\s*(#[0-9a-f]+|rgba?\([^)]*\))\s*\)/gi,
  )) {
    out[name] = { light: parseColor(light)!, dark: parseColor(dark)! };
  }
  return out;
}

/** The `--tint` of a rule of marks.css, as a share. */
function tint(selector: string): number {
  const rule = [
    ...css('marks.css')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .matchAll(/([^{};]+)\{([^}]*)\}/g),
  ].find(([, sel]) => sel.trim() === selector);
  const value = rule && /--tint:\s*([\d.]+)%/.exec(rule[2]);
  if (!value) throw new Error(`no --tint in ${selector}`);
  return Number(value[1]) / 100;
}

const P = palette();
const color = (name: string, theme: Theme) => {
  const c = P[name]?.[theme];
  if (!c) throw new Error(`palette.css has no --${name} pair`);
  return c;
};
const THEMES: Theme[] = ['light', 'dark'];
const KINDS = ['verbatim', 'edited', 'reworded'];

/** Page backgrounds a mark may sit on: light ones down to #eee, dark ones up to #2b2b2b (tone.ts calls both sides of 0.179 luminance). */
const PAGES: Record<Theme, string[]> = {
  light: ['#ffffff', '#fdfcf9', '#f6f8fa', '#eeeeee'],
  dark: ['#000000', '#111111', '#121212', '#1c1b22', '#222222', '#2b2b2b'],
};
/** What page text is typically drawn in on each. */
const PAGE_TEXT: Record<Theme, string> = { light: '#222222', dark: '#e8e6e3' };

const ratio = (a: Rgba, b: Rgba) => Math.round(contrast(a, b) * 100) / 100;

describe('the palette', () => {
  it('gives every colour a light and a dark value, read from palette.css', () => {
    for (const name of ['ink', 'muted', 'line', 'paper', 'wash', 'hover', 'focus', 'selected', 'note', ...KINDS, 'ins', 'ins-bg', 'del', 'del-bg']) {
      for (const theme of THEMES) expect(P[name]?.[theme], `--${name} ${theme}`).toBeDefined();
    }
  });

  it('keeps text at WCAG AA (4.5:1) on every surface it is drawn on, in both themes', () => {
    const pairs: [string, string][] = [
      ...['ink', 'muted', 'focus', 'del', 'ins'].flatMap((t): [string, string][] => [
        [t, 'paper'],
        [t, 'wash'],
      ]),
      ['ink', 'hover'],
      ['ink', 'selected'],
      ['ink', 'note'],
      ['ins', 'ins-bg'],
      ['del', 'del-bg'],
    ];
    const low: string[] = [];
    for (const theme of THEMES)
      for (const [fg, bg] of pairs) {
        const r = ratio(color(fg, theme), color(bg, theme));
        if (r < 4.5) low.push(`${theme}: --${fg} on --${bg} is ${r}:1`);
      }
    expect(low).toEqual([]);
  });

  it("draws each kind's dot at 3:1 or more on the card, the popup and the pages", () => {
    const low: string[] = [];
    for (const theme of THEMES)
      for (const kind of KINDS)
        for (const bg of ['paper', 'wash']) {
          const r = ratio(color(kind, theme), color(bg, theme));
          if (r < 3) low.push(`${theme}: --${kind} on --${bg} is ${r}:1`);
        }
    expect(low).toEqual([]);
  });
});

describe('the marks on a page', () => {
  const TINTS = { light: ['.mark', '.mark.span', '.mark.active'], dark: ['.mark.on-dark', '.mark.span.on-dark', '.mark.active.on-dark'] };

  it("keeps each kind's bar at 3:1 or more against the page, and against its own tint on the page, light and dark", () => {
    const low: string[] = [];
    for (const theme of THEMES)
      for (const page of PAGES[theme])
        for (const kind of KINDS) {
          const bar = color(kind, theme);
          const bg = parseColor(page)!;
          const strongest = Math.max(...TINTS[theme].map(tint));
          for (const [what, under] of [
            ['page', bg],
            ['tint', over({ ...bar, a: strongest }, bg)],
          ] as const) {
            const r = ratio(bar, under);
            if (r < 3) low.push(`${theme} ${kind} bar on ${what} ${page}: ${r}:1`);
          }
        }
    expect(low).toEqual([]);
  });

  it('tints a block visibly on a dark page (the old 12% tint was 1.12-1.17:1), and page text on any tint stays readable', () => {
    const faint: string[] = [];
    for (const theme of THEMES)
      for (const page of PAGES[theme])
        for (const kind of KINDS)
          for (const selector of TINTS[theme]) {
            const bg = parseColor(page)!;
            const tinted = over({ ...color(kind, theme), a: tint(selector) }, bg);
            const visible = ratio(tinted, bg);
            if (theme === 'dark' && visible < 1.3) faint.push(`${selector} ${kind} on ${page}: ${visible}:1`);
            const text = ratio(parseColor(PAGE_TEXT[theme])!, tinted);
            if (text < 4.5) faint.push(`${PAGE_TEXT[theme]} text on ${selector} ${kind} on ${page}: ${text}:1`);
          }
    expect(faint).toEqual([]);
  });
});

describe('the stylesheets', () => {
  it('take every colour from the palette, so each has its dark value (shadows excepted)', () => {
    const stray: string[] = [];
    for (const file of readdirSync(STYLES).filter((f) => f.endsWith('.css') && f !== 'palette.css'))
      css(file)
        .split('\n')
        .forEach((line, i) => {
          if (/box-shadow/.test(line)) return;
          if (/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/i.test(line.replace(/\/\*.*?\*\//g, ''))) stray.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    expect(stray).toEqual([]);
  });
});
