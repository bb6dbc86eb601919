import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';
import { ClosedShadow } from './chromium-shadow';
import {
  expectCardAndDialog,
  expectKindShapes,
  expectMarks,
  expectOwnPalette,
  expectReadable,
  paintMethod,
  paintOf,
  readKindShapes,
  textPaintsIn,
  textPaintsMethod,
  type DarkPage,
  type Paint,
} from './dark-checks';
import { darkCanvasDemoPage, darkDemoPage, paletteThiefPage } from './dark-pages';
import { startServer } from './server';

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer({ '/dark.html': darkDemoPage, '/dark-canvas.html': darkCanvasDemoPage, '/palette-thief.html': paletteThiefPage });
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

type Scheme = 'light' | 'dark';

/** A page in the given colour scheme, once Reprint has marked all four of its reprinted blocks, and both as the dark checks drive them. */
async function open(path: string, scheme: Scheme): Promise<{ page: Page; ui: ClosedShadow; d: DarkPage }> {
  const page = await cr.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.url(path));
  const ui = await ClosedShadow.of(page);
  const end = Date.now() + 20_000;
  while ((await ui.callAll('.mark.block', paintMethod)).length < 3) {
    if (Date.now() > end) throw new Error(`${path}: no marks`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Reprint's closed roots through CDP pierce, functions called with the element as `this`.
  const d: DarkPage = {
    move: (x, y) => page.mouse.move(x, y),
    hoverParagraph: (n) => page.locator('article p').nth(n).hover(),
    press: (key) => page.keyboard.press(key),
    screenshot: (path) => page.screenshot({ path }),
    paint: (selector) => ui.call(selector, paintMethod),
    textPaints: (selector) => ui.call(selector, textPaintsMethod),
    click: (selector) => ui.click(selector),
    waitFor: (selector) => ui.waitFor(selector),
    gone: (selector) => ui.gone(selector),
  };
  return { page, ui, d };
}

describe('Chromium: dark mode and contrast', () => {
  it('draws the tooltip and the comparison light in a light scheme, and dark in a dark one, text at 4.5:1 or more', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, ui, d } = await open('/demo.html', scheme);
      await expectCardAndDialog(d, scheme, `chromium-${scheme}`);
      // A light page: its marks stay the light-page variant whatever the reader's scheme.
      expectMarks(await ui.callAll('.mark', paintMethod), await page.$eval('body', paintOf), 'light');
      await page.close();
    }
  });

  it("marks a dark page's blocks with the dark-page variant in a LIGHT scheme, bars at 3:1, each kind its own shape; its card is dark", async () => {
    const { page, ui, d } = await open('/dark.html', 'light');
    expectMarks(await ui.callAll('.mark', paintMethod), await page.$eval('body', paintOf), 'dark');
    await page.screenshot({ path: 'test-results/chromium-dark-page.png' });
    await expectCardAndDialog(d, 'dark', 'chromium-dark-page');
    await page.close();
  });

  it("keeps its palette when the page sets Reprint's colour names on every element", async () => {
    const { page, ui, d } = await open('/palette-thief.html', 'light');
    expectOwnPalette(await ui.callAll('.mark', paintMethod), await page.$eval('body', paintOf));
    await expectCardAndDialog(d, 'light', 'chromium-palette-thief');
    await page.close();
  });

  it('takes the dark canvas of a page that paints no background and asks for a dark colour scheme', async () => {
    const { page, ui } = await open('/dark-canvas.html', 'light');
    // The page's own background is the browser's dark canvas: the root's computed background is transparent.
    const canvas: Paint = { ...(await page.$eval('body', paintOf)), backgrounds: ['rgb(18, 18, 18)'] };
    expectMarks(await ui.callAll('.mark', paintMethod), canvas, 'dark');
    await page.close();
  });

  it('draws the popup, the report and the options page in the reader’s scheme, text at 4.5:1 or more', async () => {
    const { page } = await open('/demo.html', 'light');
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await cr.popupFor(page);
      await popup.emulateMedia({ colorScheme: scheme });
      expectReadable(await popup.$eval('body', paintOf), await popup.$eval('body', textPaintsIn), scheme);
      await popup.screenshot({ path: `test-results/chromium-${scheme}-popup.png` });
      await popup.close();

      const report = await cr.openReport(page);
      await report.emulateMedia({ colorScheme: scheme });
      expectReadable(await report.$eval('body', paintOf), await report.$eval('body', textPaintsIn), scheme);
      await report.close();

      const options = await cr.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${cr.extensionId}/options.html`);
      await options.waitForSelector('body[data-ready]');
      expectReadable(await options.$eval('body', paintOf), await options.$eval('body', textPaintsIn), scheme);
      await options.close();
    }
    await page.close();
  });

  it('tells kinds apart by shape in the kind labels: square, diamond, circle', async () => {
    const { page } = await open('/demo.html', 'light');
    const report = await cr.openReport(page);
    expectKindShapes(await report.$$eval('td .kind', readKindShapes));
    await report.close();
    await page.close();
  });
});
