import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';
import { ClosedShadow } from './chromium-shadow';
import { EXPECTED_DEMO } from './expectations';
import * as keyboard from './keyboard-checks';
import type { KeyboardPage } from './keyboard-checks';
import { DEMO_MARKERS, linkedPage } from './keyboard-pages';
import { untilReportLists } from './report-waits';
import { startServer } from './server';

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  server = await startServer({ '/linked.html': linkedPage });
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

/** A fixture page once its report lists `rows` highlights, Reprint's UI in it, and both as the shared keyboard checks drive them. */
async function open(path: string, rows: number): Promise<{ page: Page; ui: ClosedShadow; k: KeyboardPage; close(): Promise<void> }> {
  const page = await cr.newPage(server.url(path));
  const report = await cr.openReport(page);
  await untilReportLists(report, rows, path);
  await report.close();
  await page.bringToFront();
  const ui = await ClosedShadow.of(page);
  await ui.waitFor('.marker:not([hidden])');
  // Reprint's closed roots through CDP pierce, functions called with the element as `this`.
  const k: KeyboardPage = {
    press: (key) => page.keyboard.press(key),
    next: () => page.keyboard.press('Alt+Shift+KeyJ'),
    previous: () => page.keyboard.press('Alt+Shift+KeyK'),
    click: (selector) => page.locator(selector).click(),
    move: (x, y) => page.mouse.move(x, y),
    evaluate: (fn) => page.evaluate(fn),
    inUi: (selector, fn) => ui.call(selector, keyboard.asMethod(fn)),
    has: async (selector) => (await ui.find(selector)) !== null,
    waitFor: (selector) => ui.waitFor(selector),
    gone: (selector) => ui.gone(selector),
  };
  return { page, ui, k, close: () => page.close() };
}

/** A test on a fixture page, once its report lists `rows` highlights: `check` drives it. */
const on = (path: string, rows: number, check: (k: KeyboardPage) => Promise<void>) => async () => {
  const o = await open(path, rows);
  await check(o.k);
  await o.close();
};
const onDemo = (check: (k: KeyboardPage) => Promise<void>) => on('/demo.html', EXPECTED_DEMO.length, check);

describe('Chromium: highlights by keyboard and screen reader', () => {
  it('names every highlight in the accessibility tree by kind, source and similarity, in reading order', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    const cdp = await o.page.context().newCDPSession(o.page);
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[] };
    keyboard.expectDemoMarkerNames(
      nodes.filter((n) => !n.ignored && n.role?.value === 'button' && n.name?.value.startsWith('Reprint:')).map((n) => n.name!.value),
    );
    await o.close();
  });

  it('labels the card and the comparison for a screen reader, and adds no second banner landmark', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    const cdp = await o.page.context().newCDPSession(o.page);
    await cdp.send('Accessibility.enable');
    const tree = async () =>
      ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[] }).nodes
        .filter((n) => !n.ignored)
        .map((n) => ({ role: n.role?.value, name: n.name?.value ?? '' }));
    await o.k.next();
    await keyboard.settled(o.k);
    expect(await tree()).toContainEqual({ role: 'group', name: 'Reprint: where this paragraph comes from' });
    await o.page.keyboard.press('Enter');
    await o.ui.waitFor('.dialog[role="dialog"]');
    const nodes = await tree();
    expect(nodes.filter((n) => n.role === 'dialog').map((n) => n.name)).toEqual([
      'China Told Russia To Delay Ukraine Invasion Until After Olympics: US Officials',
    ]);
    // The page's masthead is its one banner; the dialog's heading row is not another.
    expect(nodes.filter((n) => n.role === 'banner')).toHaveLength(1);
    await o.close();
  });

  it('Tab from the page reaches the first highlight, and its card opens', onDemo(keyboard.expectTabReachesFirstHighlight));

  it(
    'Alt+Shift+J and Alt+Shift+K step through the highlights in reading order, wrapping around',
    onDemo((k) => keyboard.expectStepsInReadingOrder(k, 2)),
  );

  it('jumps without animation when the reader asks for reduced motion', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    await o.page.emulateMedia({ reducedMotion: 'reduce' });
    await o.page.setViewportSize({ width: 1280, height: 500 });
    for (let i = 0; i < DEMO_MARKERS.length; i++) await o.k.next();
    // The last highlight is far down: the page is there at once, and stays.
    const now = await o.page.evaluate(() => scrollY);
    await new Promise((r) => setTimeout(r, 500));
    expect(now).toBeGreaterThan(300);
    expect(await o.page.evaluate(() => scrollY)).toBe(now);
    await o.close();
  });

  it('keeps focus on a highlight whose text changes, on its new marker', onDemo(keyboard.expectFocusFollowsChangedText));

  it('the card stays open as Tab moves into it; Escape and closing the comparison bring focus back to the marker', onDemo(keyboard.expectCardKeepsFocus));

  it(
    'Tab from a link inside a highlighted paragraph reaches the card, then goes on to the page’s next link',
    on('/linked.html', 1, keyboard.expectTabThroughLinkedParagraph),
  );

  it('places the hover card at the pointer, its arrow pointing there', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    await keyboard.expectHoverCardAtPointer(o.k, (await o.page.locator('p', { hasText: 'The previously unreported talks' }).boundingBox())!);
    await o.page.screenshot({ path: 'test-results/chromium-hover-card.png' });
    await o.close();
  });

  for (const width of [1280, 375]) {
    it(`places the card next to the focused marker, inside the viewport, ${width} px wide`, async () => {
      const o = await open('/demo.html', EXPECTED_DEMO.length);
      await o.page.setViewportSize({ width, height: 800 });
      const shot = async (what: string) => {
        await o.page.screenshot({ path: `test-results/chromium-keyboard-${what}-${width}.png` });
      };
      await keyboard.expectCardsNextToMarkers(o.k, async (i) => {
        if (i === 3) await shot('partial');
        if (i === 1) {
          await shot('tooltip');
          await keyboard.openComparisonFromCard(o.k, () => shot('compare'));
        }
      });
      await o.close();
    });
  }
});
