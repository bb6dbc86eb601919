import { expect } from 'vitest';
import { contrast, DARK_BELOW, luminance, over, parseColor, WHITE, type Rgba } from '../../src/dom/tone';

/** What an element looks like, as any script of its own document (or the automation protocol, for a closed root) reads it. */
export interface Paint {
  color: string;
  /** Its background colour and its ancestors', nearest first, up to its root. */
  backgrounds: string[];
  beforeColor: string;
  beforeImage: string;
  className: string;
  /** Which element, for a failure message. */
  label?: string;
}

/** Reads an element's paint. Sent as source text to the browser: it uses nothing but its argument. */
export const paintOf = (el: Element): Paint => {
  const backgrounds: string[] = [];
  for (let n: Element | null = el; n; n = n.parentElement) backgrounds.push(getComputedStyle(n).backgroundColor);
  const style = getComputedStyle(el);
  const before = getComputedStyle(el, '::before');
  return { color: style.color, backgrounds, beforeColor: before.backgroundColor, beforeImage: before.backgroundImage, className: String(el.className) };
};

/**
 * The paint of every element under `root` (itself included) that shows
 * text of its own: what a reader has to read. Sent as source text, like
 * `paintOf`; disabled controls are left out, as WCAG leaves them.
 */
export const textPaintsIn = (root: Element): Paint[] => {
  const out: Paint[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (!Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '')) continue;
    if ((el as HTMLButtonElement).disabled) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const backgrounds: string[] = [];
    for (let n: Element | null = el; n; n = n.parentElement) backgrounds.push(getComputedStyle(n).backgroundColor);
    const style = getComputedStyle(el);
    out.push({
      color: style.color,
      backgrounds,
      beforeColor: '',
      beforeImage: '',
      className: String(el.className),
      label: `<${el.localName} class="${el.className}">${(el.textContent ?? '').trim().slice(0, 30)}`,
    });
  }
  return out;
};

/** `textPaintsIn` as a method. */
export const textPaintsMethod = Object.assign(
  function (this: Element) {
    return textPaintsIn(this);
  },
  { toString: () => `function () { return (${textPaintsIn.toString()})(this); }` },
) as (this: Element) => Paint[];

/** `paintOf` as a method, for protocols that call a function with the element as `this`. */
export const paintMethod = Object.assign(
  function (this: Element) {
    return paintOf(this);
  },
  { toString: () => `function () { return (${paintOf.toString()})(this); }` },
) as (this: Element) => Paint;

const colour = (s: string): Rgba => {
  const c = parseColor(s);
  if (!c) throw new Error(`cannot read the colour ${s}`);
  return c;
};

/** The colour behind an element: its backgrounds composited, farthest first, over `base`. */
export function backgroundOf(p: Paint, base: Rgba = WHITE): Rgba {
  return p.backgrounds.reduceRight((below, bg) => over(colour(bg), below), base);
}

/** The contrast of an element's text on what is behind it. */
export function textContrast(p: Paint, base?: Rgba): number {
  const bg = backgroundOf(p, base);
  return contrast(over(colour(p.color), bg), bg);
}

export const isDark = (c: Rgba) => luminance(c) < DARK_BELOW;

/** Every text reaches WCAG AA on its own background, and the surface is of the tone expected. */
export function expectReadable(surface: Paint, texts: Paint[], tone: 'light' | 'dark'): void {
  expect(isDark(backgroundOf(surface)), `${tone} surface, background ${surface.backgrounds.join(' < ')}`).toBe(tone === 'dark');
  // A handful at least: a surface read as empty would pass for nothing.
  expect(texts.length).toBeGreaterThan(3);
  const low = texts.map((p) => [p.label, Math.round(textContrast(p) * 100) / 100] as const).filter(([, r]) => r < 4.5);
  expect(low).toEqual([]);
}

/**
 * Each highlighted block's marks on a page whose background is `page`:
 * drawn with the variant for that page's tone, the bar at 3:1 or more
 * against the page, the tint visible on a dark page, and each kind told
 * apart by the bar's shape (solid, dashed, dotted), not only its colour.
 */
export function expectMarks(marks: Paint[], pageBackground: Paint, tone: 'light' | 'dark'): void {
  const page = backgroundOf(pageBackground);
  expect(isDark(page)).toBe(tone === 'dark');
  const blocks = marks.filter((m) => /\bblock\b/.test(m.className));
  const kinds = ['verbatim', 'edited', 'reworded'];
  for (const kind of kinds)
    expect(
      blocks.some((m) => m.className.includes(kind)),
      `a ${kind} block mark`,
    ).toBe(true);
  for (const m of marks) {
    expect(m.className.includes('on-dark'), m.className).toBe(tone === 'dark');
    expect(contrast(colour(m.color), page), `bar of ${m.className}`).toBeGreaterThanOrEqual(3);
    if (tone === 'dark') expect(contrast(over(colour(m.backgrounds[0]), page), page), `tint of ${m.className}`).toBeGreaterThanOrEqual(1.3);
  }
  const shape = (kind: string) => {
    const m = blocks.find((b) => b.className.includes(kind))!;
    return m.beforeImage === 'none' ? `solid ${m.beforeColor}` : m.beforeImage.replace(/\(.*$/, '');
  };
  expect(shape('verbatim')).toMatch(/^solid /);
  expect(shape('edited')).toBe('repeating-linear-gradient');
  expect(shape('reworded')).toBe('radial-gradient');
}

/** The same readings the same way in either browser: the flows below drive a page and read Reprint's UI in it through this. */
export interface DarkPage {
  /** A real pointer move, in viewport coordinates. */
  move(x: number, y: number): Promise<void>;
  /** The real pointer onto the article's paragraph `n` (the first is 0). */
  hoverParagraph(n: number): Promise<void>;
  /** A real key press. */
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<unknown>;
  /** In Reprint's closed roots: the paint of the first element matching `selector`, and of every text in it. */
  paint(selector: string): Promise<Paint>;
  textPaints(selector: string): Promise<Paint[]>;
  /** In Reprint's closed roots: a real click, and waits. */
  click(selector: string): Promise<void>;
  waitFor(selector: string): Promise<unknown>;
  gone(selector: string): Promise<void>;
}

/**
 * The tooltip and the comparison, in the tone expected, every text on them
 * at 4.5:1 or more: for the verbatim copy (the article's second paragraph),
 * and for the edited one (its third), whose word diff shows struck and
 * inserted words on their own washes. `shots` begins the screenshots' names.
 */
export async function expectCardAndDialog(d: DarkPage, tone: 'light' | 'dark', shots: string): Promise<void> {
  for (const [n, which] of [
    [1, 'verbatim'],
    [2, 'edited'],
  ] as const) {
    await d.move(0, 0);
    await d.hoverParagraph(n);
    await d.waitFor('.tip button');
    expectReadable(await d.paint('.tip'), await d.textPaints('.tip'), tone);
    await d.screenshot(`test-results/${shots}-${which}-tooltip.png`);
    await d.click('.tip button');
    await d.waitFor('.dialog');
    const texts = await d.textPaints('.dialog');
    if (which === 'edited') expect(texts.filter((t) => /^<(ins|del)\b/.test(t.label ?? '')).length).toBeGreaterThan(1);
    expectReadable(await d.paint('.dialog'), texts, tone);
    await d.screenshot(`test-results/${shots}-${which}-compare.png`);
    await d.press('Escape');
    await d.gone('.dialog');
  }
}

/** The marks on a page that sets Reprint's colour names on every element to red: none of them red, and all as on a light page. */
export function expectOwnPalette(marks: Paint[], pageBackground: Paint): void {
  expect(marks.filter((m) => [m.color, m.beforeColor, m.backgrounds[0]].some((c) => c.startsWith('rgb(255, 0, 0)')))).toEqual([]);
  expectMarks(marks, pageBackground, 'light');
}

/** Runs in the report page, on its kind labels: each one's kind and the shape its ::before draws. Sent as source text. */
export const readKindShapes = (els: Element[]) =>
  els.map((el) => {
    const b = getComputedStyle(el, '::before');
    return { kind: el.getAttribute('data-kind'), radius: b.borderTopLeftRadius, transform: b.transform };
  });

/** The kinds told apart by shape, not only by colour: verbatim a square, edited a diamond, reworded a circle. */
export function expectKindShapes(shapes: ReturnType<typeof readKindShapes>): void {
  const of = (kind: string) => shapes.find((s) => s.kind === kind)!;
  expect(of('verbatim').transform).toBe('none');
  expect(parseFloat(of('verbatim').radius)).toBeLessThan(3);
  // rotate(45deg) computes to a matrix.
  expect(of('edited').transform).toMatch(/^matrix\(0\.70/);
  expect(of('reworded').radius).toBe('50%');
}
