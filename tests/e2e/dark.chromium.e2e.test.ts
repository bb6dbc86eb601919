import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';
import { ClosedShadow } from './chromium-shadow';
import { expectMarks, expectReadable, paintMethod, paintOf, textPaintsIn, textPaintsMethod, type Paint } from './dark-checks';
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

/** A page in the given colour scheme, once Reprint has marked all four of its reprinted blocks. */
async function open(path: string, scheme: Scheme): Promise<{ page: Page; ui: ClosedShadow }> {
  const page = await cr.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.url(path));
  const ui = await ClosedShadow.of(page);
  const end = Date.now() + 20_000;
  while ((await ui.callAll('.mark.block', paintMethod)).length < 3) {
    if (Date.now() > end) throw new Error(`${path}: no marks`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { page, ui };
}

/**
 * The tooltip and the comparison, in the tone expected, every text on them
 * at 4.5:1 or more: for the verbatim copy, and for the edited one, whose
 * word diff shows struck and inserted words on their own washes.
 */
async function expectCardAndDialog(page: Page, ui: ClosedShadow, tone: Scheme, shots: string): Promise<void> {
  for (const [n, which] of [
    [1, 'verbatim'],
    [2, 'edited'],
  ] as const) {
    await page.mouse.move(0, 0);
    await page.locator('article p').nth(n).hover();
    await ui.waitFor('.tip button');
    expectReadable(await ui.call('.tip', paintMethod), await ui.call('.tip', textPaintsMethod), tone);
    await page.screenshot({ path: `test-results/${shots}-${which}-tooltip.png` });
    await ui.click('.tip button');
    await ui.waitFor('.dialog');
    const texts = await ui.call('.dialog', textPaintsMethod);
    if (which === 'edited') expect(texts.filter((t) => /^<(ins|del)\b/.test(t.label ?? '')).length).toBeGreaterThan(1);
    expectReadable(await ui.call('.dialog', paintMethod), texts, tone);
    await page.screenshot({ path: `test-results/${shots}-${which}-compare.png` });
    await page.keyboard.press('Escape');
    await ui.gone('.dialog');
  }
}

describe('Chromium: dark mode and contrast', () => {
  it('draws the tooltip and the comparison light in a light scheme, and dark in a dark one, text at 4.5:1 or more', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, ui } = await open('/demo.html', scheme);
      await expectCardAndDialog(page, ui, scheme, `chromium-${scheme}`);
      // A light page: its marks stay the light-page variant whatever the reader's scheme.
      expectMarks(await ui.callAll('.mark', paintMethod), await page.$eval('body', paintOf), 'light');
      await page.close();
    }
  });

  it("marks a dark page's blocks with the dark-page variant in a LIGHT scheme, bars at 3:1, each kind its own shape; its card is dark", async () => {
    const { page, ui } = await open('/dark.html', 'light');
    expectMarks(await ui.callAll('.mark', paintMethod), await page.$eval('body', paintOf), 'dark');
    await page.screenshot({ path: 'test-results/chromium-dark-page.png' });
    await expectCardAndDialog(page, ui, 'dark', 'chromium-dark-page');
    await page.close();
  });

  it("keeps its palette when the page sets Reprint's colour names on every element", async () => {
    const { page, ui } = await open('/palette-thief.html', 'light');
    const marks = await ui.callAll('.mark', paintMethod);
    expect(marks.filter((m) => [m.color, m.beforeColor, m.backgrounds[0]].some((c) => c.startsWith('rgb(255, 0, 0)')))).toEqual([]);
    expectMarks(marks, await page.$eval('body', paintOf), 'light');
    await expectCardAndDialog(page, ui, 'light', 'chromium-palette-thief');
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
    const shapes = await report.$$eval('td .kind', (els) =>
      els.map((el) => {
        const b = getComputedStyle(el, '::before');
        return { kind: el.getAttribute('data-kind'), radius: b.borderTopLeftRadius, transform: b.transform };
      }),
    );
    const of = (kind: string) => shapes.find((s) => s.kind === kind)!;
    expect(of('verbatim').transform).toBe('none');
    expect(parseFloat(of('verbatim').radius)).toBeLessThan(3);
    // rotate(45deg) computes to a matrix.
    expect(of('edited').transform).toMatch(/^matrix\(0\.70/);
    expect(of('reworded').radius).toBe('50%');
    await report.close();
    await page.close();
  });
});
