import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyInput, Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './firefox';
import { FirefoxShadow } from './firefox-shadow';
import {
  expectCardAndDialog,
  expectKindShapes,
  expectMarks,
  expectOwnPalette,
  expectReadable,
  paintOf,
  readKindShapes,
  textPaintsIn,
  type DarkPage,
  type Paint,
} from './dark-checks';
import { darkCanvasDemoPage, darkDemoPage, paletteThiefPage } from './dark-pages';
import { startServer } from './server';

type Scheme = 'light' | 'dark';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({ '/dark.html': darkDemoPage, '/dark-canvas.html': darkCanvasDemoPage, '/palette-thief.html': paletteThiefPage });
});
afterAll(async () => {
  await server?.close();
});

/**
 * Firefox in a colour scheme, for the tests of the describe block it is
 * called in: WebDriver BiDi has no media emulation here (puppeteer's
 * emulateMediaFeatures is CDP only), so the preferences set it, for web
 * pages and Reprint's own pages alike.
 */
function firefoxIn(scheme: Scheme): () => FirefoxHarness {
  let ff: FirefoxHarness | undefined;
  beforeAll(async () => {
    ff = await launchFirefox({
      prefs: {
        'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
        // 0 dark, 1 light.
        'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
      },
    });
  });
  afterAll(async () => {
    await ff?.close();
  });
  return () => ff!;
}

let opened = 0;

/** A page, once Reprint has marked its blocks (at least three whole-block marks), and both as the dark checks drive them. */
async function open(ff: FirefoxHarness, path: string): Promise<{ page: Page; shadow: FirefoxShadow; d: DarkPage }> {
  const page = await ff.newPage(`${server.url(path)}?open=${++opened}`);
  const shadow = FirefoxShadow.of(page);
  const end = Date.now() + 20_000;
  while ((await shadow.queryAll('.mark.block', () => true)).length < 3) {
    if (Date.now() > end) throw new Error(`${path}: no marks`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Reprint's closed roots through WebDriver BiDi, functions run in the tests' sandbox on the element.
  const inUi = async <T>(selector: string, fn: (el: Element) => T) => {
    await shadow.waitFor(selector);
    return (await shadow.query(selector, fn))!;
  };
  const d: DarkPage = {
    move: (x, y) => page.mouse.move(x, y),
    // nth-of-type counts from 1.
    hoverParagraph: (n) => page.hover(`article p:nth-of-type(${n + 1})`),
    press: (key) => page.keyboard.press(key as KeyInput),
    screenshot: (path) => page.screenshot({ path }),
    paint: (selector) => inUi(selector, paintOf),
    textPaints: (selector) => inUi(selector, textPaintsIn),
    click: (selector) => shadow.click(selector),
    waitFor: (selector) => shadow.waitFor(selector),
    gone: (selector) => shadow.gone(selector),
  };
  return { page, shadow, d };
}

/** Reprint's own pages for the page's tab, read in the scheme. */
async function expectOwnPages(ff: FirefoxHarness, page: Page, scheme: Scheme): Promise<void> {
  const popup = await ff.openPopup(page);
  expectReadable(await popup.$eval('body', paintOf), await popup.$eval('body', textPaintsIn), scheme);
  await popup.close();
  const report = await ff.openReport(page);
  expectReadable(await report.$eval('body', paintOf), await report.$eval('body', textPaintsIn), scheme);
  await report.close();
  const options = await ff.openOptions();
  expectReadable(await options.$eval('body', paintOf), await options.$eval('body', textPaintsIn), scheme);
  await options.close();
}

/** The demo page, a light page, in the reader's scheme: the scheme as set, light-page marks, and the card, the comparison and Reprint's own pages in the scheme. */
async function expectDemoPageIn(ff: FirefoxHarness, scheme: Scheme): Promise<void> {
  const { page, shadow, d } = await open(ff, '/demo.html');
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
  expectMarks(await shadow.queryAll('.mark', paintOf), await page.$eval('body', paintOf), 'light');
  await expectCardAndDialog(d, scheme, `firefox-${scheme}`);
  await expectOwnPages(ff, page, scheme);
  await page.close();
}

describe('Firefox in a light scheme: dark pages and contrast', () => {
  const ff = firefoxIn('light');

  it('draws the card, the comparison and the light-page marks light on a light page, text at 4.5:1, bars at 3:1', async () => {
    await expectDemoPageIn(ff(), 'light');
  });

  it("marks a dark page's blocks with the dark-page variant, bars at 3:1, each kind its own shape; its card is dark", async () => {
    const { page, shadow, d } = await open(ff(), '/dark.html');
    expectMarks(await shadow.queryAll('.mark', paintOf), await page.$eval('body', paintOf), 'dark');
    await page.screenshot({ path: 'test-results/firefox-dark-page.png' });
    await expectCardAndDialog(d, 'dark', 'firefox-dark-page');
    await page.close();
  });

  it("keeps its palette when the page sets Reprint's colour names on every element", async () => {
    const { page, shadow, d } = await open(ff(), '/palette-thief.html');
    expectOwnPalette(await shadow.queryAll('.mark', paintOf), await page.$eval('body', paintOf));
    await expectCardAndDialog(d, 'light', 'firefox-palette-thief');
    await page.close();
  });

  it('takes the dark canvas of a page that paints no background and asks for a dark colour scheme', async () => {
    const { page, shadow } = await open(ff(), '/dark-canvas.html');
    // Firefox's dark canvas: the root's computed background is transparent.
    const canvas: Paint = { ...(await page.$eval('body', paintOf)), backgrounds: ['rgb(28, 27, 34)'] };
    expectMarks(await shadow.queryAll('.mark', paintOf), canvas, 'dark');
    await page.close();
  });

  it('tells kinds apart by shape in the kind labels: square, diamond, circle', async () => {
    const { page } = await open(ff(), '/demo.html');
    const report = await ff().openReport(page);
    expectKindShapes(await report.$$eval('td .kind', readKindShapes));
    await report.close();
    await page.close();
  });
});

describe('Firefox in a dark scheme', () => {
  const ff = firefoxIn('dark');

  it('draws the card, the comparison, the popup, the report and the options page dark, text at 4.5:1; a light page keeps light-page marks', async () => {
    await expectDemoPageIn(ff(), 'dark');
  });
});
