/**
 * The keyboard and screen-reader checks on Reprint's highlights that both
 * browsers make the same way, written once. Each browser file drives its
 * page with its own library (playwright-core, puppeteer-core) and reads
 * Reprint's closed shadow roots through its own protocol (CDP pierce,
 * WebDriver BiDi); what it hands these checks is a `KeyboardPage`, a few
 * lines over those, so a flow cannot drift between the browsers.
 */
import { expect } from 'vitest';
import { DEMO_MARKERS } from './keyboard-pages';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What has focus in Reprint's UI root, and where the card and the focused element are. */
export interface FocusState {
  marker: boolean;
  label: string | null;
  text: string | null;
  inTip: boolean;
  inDialog: boolean;
  tip: Box | null;
  tipAfterMarker: boolean;
  focusBox: Box | null;
  viewport: { width: number; height: number };
}

/** The demo page and Reprint's UI in it, as the checks below drive and read them. */
export interface KeyboardPage {
  /** A real key press: 'Tab', 'Enter', 'Escape'. */
  press(key: string): Promise<void>;
  /** Alt+Shift+J: focus on the next highlight. */
  next(): Promise<void>;
  /** Alt+Shift+K: focus on the previous highlight. */
  previous(): Promise<void>;
  /** A real click on an element of the page's own. */
  click(selector: string): Promise<void>;
  /** A real pointer move, in viewport coordinates. */
  move(x: number, y: number): Promise<void>;
  /** Runs `fn` in the page's own realm (where the page's own elements are). */
  evaluate<T>(fn: () => T): Promise<T>;
  /** Runs `fn` on the first element matching `selector` in Reprint's closed roots, once there is one; `fn` travels as source text. */
  inUi<T>(selector: string, fn: (el: Element) => T): Promise<T>;
  has(selector: string): Promise<boolean>;
  waitFor(selector: string): Promise<unknown>;
  gone(selector: string): Promise<void>;
}

/**
 * Runs in the browser, on an element of Reprint's UI root: reads what has
 * focus in that root. Sent as source text: it uses nothing but its argument.
 */
export const readFocusState = (el: Element): FocusState => {
  const root = el.getRootNode() as ShadowRoot;
  const a = root.activeElement;
  const tip = root.querySelector('.tip');
  const box = (e: Element | null | undefined) => {
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  return {
    marker: !!a?.classList.contains('marker'),
    label: a?.getAttribute('aria-label') ?? null,
    text: a?.textContent ?? null,
    inTip: !!a?.closest('.tip'),
    inDialog: !!a?.closest('.dialog'),
    tip: box(tip),
    tipAfterMarker: !!tip && tip.previousElementSibling === a,
    focusBox: box(a),
    viewport: { width: innerWidth, height: innerHeight },
  };
};

/**
 * Runs in the browser: marks the focused element of Reprint's root as the
 * old one. The mark lives on the protocol's own handle of the element (a
 * CDP call, a BiDi sandbox): the page cannot see it.
 */
const markFocused = (el: Element): void => {
  ((el.getRootNode() as ShadowRoot).activeElement as Element & { old?: boolean }).old = true;
};

/** Runs in the browser: whether a marker has focus, and whether it is the one `markFocused` marked. */
const readFocusedMarker = (el: Element) => {
  const a = (el.getRootNode() as ShadowRoot).activeElement as (Element & { old?: boolean }) | null;
  return { marker: !!a?.classList.contains('marker'), old: !!a?.old, label: a?.getAttribute('aria-label') ?? null };
};

/** Runs in the browser, on the card: its box and its arrow's middle. */
const readTipAndArrow = (el: Element) => {
  const r = el.getBoundingClientRect();
  const a = el.querySelector('.arrow')!.getBoundingClientRect();
  return { tip: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, arrow: { x: a.left + a.width / 2, y: a.top + a.height / 2 } };
};

/** Runs in the page: where the article's paragraphs are laid out now. */
const paragraphBoxes = (): Box[] =>
  [...document.querySelectorAll('article p')].map((p) => {
    const r = p.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

/** `fn` as a method, for a protocol that calls a function with the element as `this` (CDP's Runtime.callFunctionOn). */
export function asMethod<T>(fn: (el: Element) => T): (this: Element) => T {
  return Object.assign(
    function (this: Element) {
      return fn(this);
    },
    { toString: () => `function () { return (${fn.toString()})(this); }` },
  );
}

/** What has focus in Reprint's UI root, read now. */
const focusState = (k: KeyboardPage) => k.inUi('.markers', readFocusState);

/** Waits for the card, shown after focus moves, and for it to stop moving (the page scrolls smoothly to the highlight). */
export async function settled(k: KeyboardPage): Promise<FocusState> {
  await k.waitFor('.tip[data-side]');
  let last = JSON.stringify(await focusState(k));
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = JSON.stringify(await focusState(k));
    if (now === last) break;
    last = now;
  }
  return JSON.parse(last) as FocusState;
}

/** The names a screen reader hears on the demo page's highlights: one each, by kind, source and similarity, in reading order. */
export function expectDemoMarkerNames(names: (string | null)[]): void {
  expect(names).toHaveLength(DEMO_MARKERS.length);
  names.forEach((name, i) => expect(name).toMatch(DEMO_MARKERS[i]));
}

/** Tab from the page's last Tab stop reaches the first highlight, and its card opens right after it. */
export async function expectTabReachesFirstHighlight(k: KeyboardPage): Promise<void> {
  // The page's last Tab stop is its comment form's button; the next Tab leaves the page's own content.
  await k.click('textarea');
  await k.press('Tab');
  await k.press('Tab');
  const s = await settled(k);
  expect(s.marker).toBe(true);
  expect(s.label).toMatch(DEMO_MARKERS[0]);
  expect(s.tipAfterMarker).toBe(true);
}

/** Alt+Shift+J through every highlight in reading order and round to the first again; then Alt+Shift+K `back` times, from the last backwards. */
export async function expectStepsInReadingOrder(k: KeyboardPage, back: number): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < DEMO_MARKERS.length + 1; i++) {
    await k.next();
    const s = await settled(k);
    expect(s.marker).toBe(true);
    seen.push(s.label!);
  }
  DEMO_MARKERS.forEach((re, i) => expect(seen[i]).toMatch(re));
  expect(seen[DEMO_MARKERS.length]).toBe(seen[0]);
  for (let i = 1; i <= back; i++) {
    await k.previous();
    expect((await settled(k)).label).toMatch(DEMO_MARKERS[DEMO_MARKERS.length - i]);
  }
}

/** A focused highlight whose paragraph's text changes gets a new marker, and focus moves onto it. */
export async function expectFocusFollowsChangedText(k: KeyboardPage): Promise<void> {
  await k.next();
  await settled(k);
  await k.inUi('.markers', markFocused);
  // The mark holds from one protocol call to the next: else the loop below would take the old marker for a new one.
  expect((await k.inUi('.markers', readFocusedMarker)).old).toBe(true);
  await k.evaluate(() => {
    const p = [...document.querySelectorAll('article p')].find((e) => e.textContent!.startsWith('Days after President Biden'))!;
    p.append(' The embassy declined to comment.');
  });
  const end = Date.now() + 10_000;
  let misses = 0;
  for (;;) {
    const s = await k.inUi('.markers', readFocusedMarker);
    if (s.marker && !s.old) {
      expect(s.label).toMatch(/^Reprint: .+ ZeroHedge News, \d+% similar$/);
      break;
    }
    // Between the old marker going and the new one's first paint (one frame) nothing has focus; longer, and focus was lost.
    misses = s.marker ? 0 : misses + 1;
    expect(misses).toBeLessThan(3);
    if (Date.now() > end) throw new Error('the paragraph was not highlighted anew');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Tab from a focused link or marker: focus in its card, on the card's first control, Compare. */
async function tabIntoCard(k: KeyboardPage): Promise<void> {
  await k.press('Tab');
  const s = await focusState(k);
  expect(s.inTip).toBe(true);
  expect(s.text).toContain('Compare');
}

/** The card stays open as Tab moves into it; Escape and closing the comparison bring focus back to the marker; leaving both closes the card. */
export async function expectCardKeepsFocus(k: KeyboardPage): Promise<void> {
  await k.next();
  const first = await settled(k);
  expect(first.label).toMatch(DEMO_MARKERS[0]);
  // Tab: into the card, which stays open; Escape there closes it and puts focus back on the marker.
  await tabIntoCard(k);
  await k.press('Escape');
  await k.gone('.tip');
  expect((await focusState(k)).label).toBe(first.label);
  // Enter on the marker opens the comparison; Escape closes it, focus back on the marker, the card not reopened over the page.
  await k.press('Enter');
  await k.waitFor('.dialog[role="dialog"]');
  expect((await focusState(k)).inDialog).toBe(true);
  await k.press('Escape');
  await k.gone('.dialog');
  expect((await focusState(k)).label).toBe(first.label);
  expect(await k.has('.tip')).toBe(false);
  // Tab: the next highlight and its card; Tab, Enter: its comparison from the card's Compare button; Escape: back on that marker.
  await k.press('Tab');
  const second = await settled(k);
  expect(second.label).toMatch(DEMO_MARKERS[1]);
  await openComparisonFromCard(k, async () => {});
  expect((await focusState(k)).label).toBe(second.label);
  // Focus leaving both the marker and the card closes the card.
  await k.next();
  await settled(k);
  await k.click('textarea');
  await k.gone('.tip');
}

/** On the linked page: Tab from the link inside the highlighted paragraph reaches the card, then goes on to the page's next link. */
export async function expectTabThroughLinkedParagraph(k: KeyboardPage): Promise<void> {
  const pageFocus = () => k.evaluate(() => document.activeElement?.id ?? null);
  await k.press('Tab');
  await k.press('Tab');
  expect(await pageFocus()).toBe('inner');
  await k.waitFor('.tip[data-side]');
  await tabIntoCard(k);
  await k.press('Tab');
  await k.gone('.tip');
  expect(await pageFocus()).toBe('after');
}

/** The pointer on a paragraph whose box is `paragraph` (viewport coordinates): the card opens at the pointer, its arrow pointing there. */
export async function expectHoverCardAtPointer(k: KeyboardPage, paragraph: { x: number; y: number; width: number; height: number }): Promise<void> {
  // Low in the paragraph and to the right: far from where a card above the paragraph would be.
  const pointer = { x: paragraph.x + paragraph.width * 0.7, y: paragraph.y + paragraph.height * 0.8 };
  await k.move(pointer.x, pointer.y);
  await k.waitFor('.tip[data-side]');
  const { tip, arrow } = await k.inUi('.tip', readTipAndArrow);
  expect(tip.bottom <= pointer.y || tip.top >= pointer.y).toBe(true);
  expect(Math.min(Math.abs(pointer.y - tip.bottom), Math.abs(tip.top - pointer.y))).toBeLessThan(16);
  expect(Math.abs(arrow.x - pointer.x)).toBeLessThan(4);
}

/**
 * Alt+Shift+J to each highlight in turn: its card inside the viewport, next
 * to the marker, over the marker's span; the marker over its paragraph.
 * `at(i)` runs after the checks on highlight i (the browser's screenshots).
 */
export async function expectCardsNextToMarkers(k: KeyboardPage, at: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < DEMO_MARKERS.length; i++) {
    await k.next();
    const s = await settled(k);
    const tip = s.tip!;
    const marker = s.focusBox!;
    expect(tip.left).toBeGreaterThanOrEqual(0);
    expect(tip.right).toBeLessThanOrEqual(s.viewport.width);
    expect(tip.top).toBeGreaterThanOrEqual(0);
    expect(tip.bottom).toBeLessThanOrEqual(s.viewport.height);
    // Right above or below the marker (10 px for the arrow) when there is room for it there; else over it, not away from it.
    const height = tip.bottom - tip.top;
    const room = Math.max(marker.top, s.viewport.height - marker.bottom) >= height + 18;
    const gap = Math.min(Math.abs(marker.top - tip.bottom), Math.abs(tip.top - marker.bottom));
    if (room) expect(gap).toBeLessThan(16);
    else expect(tip.bottom > marker.top && tip.top < marker.bottom).toBe(true);
    // The marker lies over its paragraph as laid out now, after the resize and the scroll: over the whole of it, or over its copied sentences (the last, a partial copy).
    // Read again until it holds (2 s at most): a reflow after the resize can land between the settled reads and these.
    const over = (m: Box) => (p: Box) => (['left', 'top', 'right', 'bottom'] as const).every((side) => Math.abs(p[side] - m[side]) < 1);
    const within = (m: Box) => (p: Box) => m.left >= p.left - 1 && m.right <= p.right + 1 && m.top >= p.top - 1 && m.bottom <= p.bottom + 1;
    const placed = async () => {
      const m = (await focusState(k)).focusBox!;
      return (await k.evaluate(paragraphBoxes)).some((i < DEMO_MARKERS.length - 1 ? over : within)(m));
    };
    await expect.poll(placed, { timeout: 2000 }).toBe(true);
    // Horizontally over the marker's span.
    expect(tip.left).toBeLessThan(marker.right);
    expect(tip.right).toBeGreaterThan(marker.left);
    await at(i);
  }
}

/** From a focused highlight's card: Tab, Enter opens the comparison; Escape closes it. `shot` runs while it is open. */
export async function openComparisonFromCard(k: KeyboardPage, shot: () => Promise<void>): Promise<void> {
  await k.press('Tab');
  await k.press('Enter');
  await k.waitFor('.dialog[role="dialog"]');
  await shot();
  await k.press('Escape');
  await k.gone('.dialog');
}
