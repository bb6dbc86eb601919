import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './firefox';
import { FirefoxShadow } from './firefox-shadow';
import { expectMarks, expectReadable, paintOf, textPaintsIn, type Paint } from './dark-checks';
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
 * Firefox in a colour scheme: WebDriver BiDi has no media emulation here
 * (puppeteer's emulateMediaFeatures is CDP only), so the preferences set
 * it, for web pages and Reprint's own pages alike.
 */
const launch = (scheme: Scheme) =>
  launchFirefox({
    prefs: {
      'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
      // 0 dark, 1 light.
      'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
    },
  });

let opened = 0;

/** A page, once Reprint has marked its blocks (at least three whole-block marks). */
async function open(ff: FirefoxHarness, path: string): Promise<{ page: Page; shadow: FirefoxShadow }> {
  const page = await ff.newPage(`${server.url(path)}?open=${++opened}`);
  const shadow = FirefoxShadow.of(page);
  const end = Date.now() + 20_000;
  while ((await shadow.queryAll('.mark.block', () => true)).length < 3) {
    if (Date.now() > end) throw new Error(`${path}: no marks`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { page, shadow };
}

/**
 * The tooltip and the comparison, in the tone expected, every text on them
 * at 4.5:1 or more: for the verbatim copy, and for the edited one, whose
 * word diff shows struck and inserted words on their own washes.
 */
async function expectCardAndDialog(page: Page, shadow: FirefoxShadow, tone: Scheme, shots: string): Promise<void> {
  for (const [n, which] of [
    [2, 'verbatim'],
    [3, 'edited'],
  ] as const) {
    await page.mouse.move(0, 0);
    await page.hover(`article p:nth-of-type(${n})`);
    await shadow.waitFor('.tip button');
    expectReadable((await shadow.query('.tip', paintOf))!, (await shadow.query('.tip', textPaintsIn))!, tone);
    await page.screenshot({ path: `test-results/${shots}-${which}-tooltip.png` });
    await shadow.click('.tip button');
    await shadow.waitFor('.dialog');
    const texts = (await shadow.query('.dialog', textPaintsIn))!;
    if (which === 'edited') expect(texts.filter((t) => /^<(ins|del)\b/.test(t.label ?? '')).length).toBeGreaterThan(1);
    expectReadable((await shadow.query('.dialog', paintOf))!, texts, tone);
    await page.screenshot({ path: `test-results/${shots}-${which}-compare.png` });
    await page.keyboard.press('Escape');
    await shadow.gone('.dialog');
  }
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

describe('Firefox in a light scheme: dark pages and contrast', () => {
  let ff: FirefoxHarness;
  beforeAll(async () => {
    ff = await launch('light');
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('draws the card, the comparison and the light-page marks light on a light page, text at 4.5:1, bars at 3:1', async () => {
    const { page, shadow } = await open(ff, '/demo.html');
    expectMarks(await shadow.queryAll('.mark', paintOf), await page.$eval('body', paintOf), 'light');
    await expectCardAndDialog(page, shadow, 'light', 'firefox-light');
    await expectOwnPages(ff, page, 'light');
    await page.close();
  });

  it("marks a dark page's blocks with the dark-page variant, bars at 3:1, each kind its own shape; its card is dark", async () => {
    const { page, shadow } = await open(ff, '/dark.html');
    expectMarks(await shadow.queryAll('.mark', paintOf), await page.$eval('body', paintOf), 'dark');
    await page.screenshot({ path: 'test-results/firefox-dark-page.png' });
    await expectCardAndDialog(page, shadow, 'dark', 'firefox-dark-page');
    await page.close();
  });

  it("keeps its palette when the page sets Reprint's colour names on every element", async () => {
    const { page, shadow } = await open(ff, '/palette-thief.html');
    const marks = await shadow.queryAll('.mark', paintOf);
    expect(marks.filter((m) => [m.color, m.beforeColor, m.backgrounds[0]].some((c) => c.startsWith('rgb(255, 0, 0)')))).toEqual([]);
    expectMarks(marks, await page.$eval('body', paintOf), 'light');
    await expectCardAndDialog(page, shadow, 'light', 'firefox-palette-thief');
    await page.close();
  });

  it('takes the dark canvas of a page that paints no background and asks for a dark colour scheme', async () => {
    const { page, shadow } = await open(ff, '/dark-canvas.html');
    // Firefox's dark canvas: the root's computed background is transparent.
    const canvas: Paint = { ...(await page.$eval('body', paintOf)), backgrounds: ['rgb(28, 27, 34)'] };
    expectMarks(await shadow.queryAll('.mark', paintOf), canvas, 'dark');
    await page.close();
  });

  it('tells kinds apart by shape in the kind labels: square, diamond, circle', async () => {
    const { page } = await open(ff, '/demo.html');
    const report = await ff.openReport(page);
    const shapes = await report.$$eval('td .kind', (els) =>
      els.map((el) => {
        const b = getComputedStyle(el, '::before');
        return { kind: el.getAttribute('data-kind'), radius: b.borderTopLeftRadius, transform: b.transform };
      }),
    );
    const of = (kind: string) => shapes.find((s) => s.kind === kind)!;
    expect(of('verbatim').transform).toBe('none');
    expect(parseFloat(of('verbatim').radius)).toBeLessThan(3);
    expect(of('edited').transform).toMatch(/^matrix\(0\.70/);
    expect(of('reworded').radius).toBe('50%');
    await report.close();
    await page.close();
  });
});

describe('Firefox in a dark scheme', () => {
  let ff: FirefoxHarness;
  beforeAll(async () => {
    ff = await launch('dark');
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('draws the card, the comparison, the popup, the report and the options page dark, text at 4.5:1; a light page keeps light-page marks', async () => {
    const { page, shadow } = await open(ff, '/demo.html');
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    expectMarks(await shadow.queryAll('.mark', paintOf), await page.$eval('body', paintOf), 'light');
    await expectCardAndDialog(page, shadow, 'dark', 'firefox-dark');
    await expectOwnPages(ff, page, 'dark');
    await page.close();
  });
});
