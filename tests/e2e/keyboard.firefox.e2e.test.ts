import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyInput, Page } from 'puppeteer-core';
import { EXPECTED_DEMO } from './expectations';
import { launchFirefox, setViewport, type FirefoxHarness } from './firefox';
import { FirefoxShadow } from './firefox-shadow';
import * as keyboard from './keyboard-checks';
import type { KeyboardPage } from './keyboard-checks';
import { linkedPage } from './keyboard-pages';
import { untilReportLists } from './report-waits';
import { startServer } from './server';

let ff: FirefoxHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  server = await startServer({ '/linked.html': linkedPage });
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

let opened = 0;
/** A fixture page once its report lists `rows` highlights, Reprint's UI in it, and both as the shared keyboard checks drive them. */
async function open(path: string, rows: number): Promise<{ page: Page; ui: FirefoxShadow; k: KeyboardPage; close(): Promise<void> }> {
  // Unique per opening: a tab a failed test left open is never taken for the next test's.
  const page = await ff.newPage(`${server.url(path)}?open=${++opened}`, { window: true });
  const report = await ff.openReport(page);
  await untilReportLists(report, rows, path);
  await report.close();
  await page.bringToFront();
  const ui = FirefoxShadow.of(page);
  await ui.waitFor('.marker:not([hidden])');
  // Reprint's closed roots through WebDriver BiDi, functions run in the tests' sandbox on the element.
  const k: KeyboardPage = {
    press: (key) => page.keyboard.press(key as KeyInput),
    next: () => chord(page, 'KeyJ'),
    previous: () => chord(page, 'KeyK'),
    click: (selector) => page.click(selector),
    move: (x, y) => page.mouse.move(x, y),
    evaluate: (fn) => page.evaluate(fn),
    inUi: async (selector, fn) => {
      await ui.waitFor(selector);
      return (await ui.query(selector, fn))!;
    },
    has: (selector) => ui.has(selector),
    waitFor: (selector) => ui.waitFor(selector),
    gone: (selector) => ui.gone(selector),
  };
  return { page, ui, k, close: () => page.close() };
}

/** Real key presses, with Alt and Shift held. */
async function chord(page: Page, code: 'KeyJ' | 'KeyK') {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(code);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/** A test on a fixture page, once its report lists `rows` highlights: `check` drives it. */
const on = (path: string, rows: number, check: (k: KeyboardPage) => Promise<void>) => async () => {
  const o = await open(path, rows);
  await check(o.k);
  await o.close();
};
const onDemo = (check: (k: KeyboardPage) => Promise<void>) => on('/demo.html', EXPECTED_DEMO.length, check);

describe('Firefox: highlights by keyboard and screen reader', () => {
  it('gives every highlight a focusable marker named by kind, source and similarity, in reading order', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    const markers = await o.ui.queryAll('.marker:not([hidden])', (el) => ({ tag: el.localName, label: el.getAttribute('aria-label') }));
    keyboard.expectDemoMarkerNames(markers.map((m) => m.label));
    markers.forEach((m) => expect(m.tag).toBe('button'));
    await o.close();
  });

  it('Tab from the page reaches the first highlight, and its card opens after it', onDemo(keyboard.expectTabReachesFirstHighlight));

  it(
    'Alt+Shift+J and Alt+Shift+K step through the highlights in reading order, wrapping around',
    onDemo((k) => keyboard.expectStepsInReadingOrder(k, 1)),
  );

  it('keeps focus on a highlight whose text changes, on its new marker', onDemo(keyboard.expectFocusFollowsChangedText));

  it('the card stays open as Tab moves into it; Escape and closing the comparison bring focus back to the marker', onDemo(keyboard.expectCardKeepsFocus));

  it(
    'Tab from a link inside a highlighted paragraph reaches the card, then goes on to the page’s next link',
    on('/linked.html', 1, keyboard.expectTabThroughLinkedParagraph),
  );

  it('places the hover card at the pointer, its arrow pointing there', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    await setViewport(o.page, { width: 1280, height: 900 });
    await keyboard.expectHoverCardAtPointer(o.k, (await (await o.page.$('p ::-p-text(The previously unreported talks)'))!.boundingBox())!);
    await o.close();
  });

  for (const width of [1280, 375]) {
    it(`places the card next to the focused marker, inside the viewport, ${width} px wide`, async () => {
      const o = await open('/demo.html', EXPECTED_DEMO.length);
      await setViewport(o.page, { width, height: 800 });
      await keyboard.expectCardsNextToMarkers(o.k, async (i) => {
        if (i === 1) await o.page.screenshot({ path: `test-results/firefox-keyboard-tooltip-${width}.png` });
      });
      await o.close();
    });
  }
});
