/**
 * axe-core on every screen of Reprint in real Chromium: the page with the
 * tooltip and with the comparison open (inside Reprint's closed shadow
 * roots), the popup, the report, the options page with and without its
 * dialogs, and the side panel; in the light and the dark colour scheme,
 * and on a page whose own design is dark. Zero violations, each one printed
 * with its rule, element and fix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';
import { ClosedShadow } from './chromium-shadow';
import { axeClosedRootsChromium, axePageChromium, axeSelfTestPage, darkDemoPage, nothingCopiedPage, pageSees, type AxeReport } from './axe';
import { checkEveryHighlight, expectClean as expectCleanIn, expectHarnessFindsViolations } from './axe-checks';
import { EXPECTED_DEMO } from './expectations';
import { CHECKED_QUOTE, writeDeskFolder } from './import-fixtures';
import { readReport, type ReportState } from './report-reads';
import { startServer } from './server';

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reprint-axe-import-'));
  writeDeskFolder(dir);
  server = await startServer({ '/axe-self-test.html': axeSelfTestPage, '/demo-dark-design.html': darkDemoPage, '/nothing-copied.html': nothingCopiedPage });
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `expectClean` of tests/e2e/axe-checks.ts, its log labelled Chromium's. */
const expectClean = (label: string, report: AxeReport) => expectCleanIn('Chromium', label, report);

type Scheme = 'light' | 'dark';

/** A page of the test's, in the reader's colour scheme. */
async function inScheme(page: Page, scheme: Scheme): Promise<Page> {
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

/** A fixture page, once its report lists every highlight, in front, with Reprint's UI reachable. */
async function openDemo(scheme: Scheme, path = '/demo.html'): Promise<{ page: Page; report: Page; ui: ClosedShadow; rows: ReportState['rows'] }> {
  const page = await inScheme(await cr.newPage(server.url(path)), scheme);
  const report = await inScheme(await cr.openReport(page), scheme);
  await expect.poll(async () => (await report.evaluate(readReport)).rows.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(EXPECTED_DEMO.length);
  const { rows } = await report.evaluate(readReport);
  await page.bringToFront();
  return { page, report, ui: await ClosedShadow.of(page), rows };
}

/** Every highlight of a demo page in the scheme, its tooltip and its comparison checked while open (`checkEveryHighlight`). */
async function checkInPageUi(label: string, scheme: Scheme, path?: string) {
  const { page, report, ui, rows } = await openDemo(scheme, path);
  await checkEveryHighlight(
    {
      browser: 'Chromium',
      move: (x, y) => page.mouse.move(x, y),
      hoverExcerpt: (excerpt) =>
        page
          .locator('p', { hasText: excerpt.slice(0, 60) })
          .first()
          .hover(),
      press: (key) => page.keyboard.press(key),
      axeRoots: () => axeClosedRootsChromium(page),
    },
    ui,
    rows,
    label,
  );
  await report.close();
  await page.close();
}

/** The options page after its first render: the corpus (the Demo collection), the library, the settings. */
async function openOptions(scheme: Scheme): Promise<Page> {
  const options = await inScheme(await cr.context.newPage(), scheme);
  await options.goto(`chrome-extension://${cr.extensionId}/options.html`);
  await options.waitForSelector('body[data-ready]');
  await options.waitForSelector('#documents tbody tr');
  return options;
}

describe('Chromium: the axe harness', () => {
  it('reports violations in a page, and inside a closed shadow root, and leaves the page nothing to see', async () => {
    const page = await cr.newPage(server.url('/axe-self-test.html'));
    const inRoots = await axeClosedRootsChromium(page);
    // Read before the run on the whole page, which loads axe into the page's own realm.
    const seen = await page.evaluate(pageSees);
    expectHarnessFindsViolations(inRoots, seen, await axePageChromium(page));
    await page.close();
  });
});

describe.each(['light', 'dark'] as const)('Chromium, %s colour scheme: axe-core finds no accessibility violations', (scheme) => {
  it('on the demo page, with each tooltip and each comparison open', async () => {
    await checkInPageUi(`the demo page (${scheme})`, scheme);
  });

  it('on the popup', async () => {
    const { page, report } = await openDemo(scheme);
    const popup = await inScheme(await cr.popupFor(page), scheme);
    expectClean(`the popup (${scheme})`, await axePageChromium(popup));
    await popup.close();
    await report.close();
    await page.close();
  });

  it('on the report page', async () => {
    const { page, report } = await openDemo(scheme);
    await report.bringToFront();
    expectClean(`the report page (${scheme})`, await axePageChromium(report));
    await report.close();
    await page.close();
  });

  it('on the options page, and with each of its dialogs open', async () => {
    const options = await openOptions(scheme);
    expectClean(`the options page (${scheme})`, await axePageChromium(options));
    const dialogs: [string, string][] = [
      ['a document read', '#documents tbody tr:first-child button.link'],
      ["a document's details edited", '#documents tbody tr:first-child .row-actions button:first-child'],
      ['a collection renamed', '.collection button:has-text("Rename")'],
    ];
    for (const [what, opener] of dialogs) {
      await options.click(opener);
      await options.waitForSelector('dialog[open]');
      expectClean(`the options page with ${what} (${scheme})`, await axePageChromium(options));
      await options.keyboard.press('Escape');
      await options.waitForSelector('dialog[open]', { state: 'detached' });
    }
    await options.close();
  });

  it('on the side panel', async () => {
    const panel = await inScheme(await cr.context.newPage(), scheme);
    await panel.setViewportSize({ width: 360, height: 700 });
    await panel.goto(`chrome-extension://${cr.extensionId}/sidepanel.html`);
    await panel.waitForSelector('body[data-ready]');
    expectClean(`the side panel (${scheme})`, await axePageChromium(panel));
    await panel.close();
  });
});

describe('Chromium: axe-core on more of what a reader sees', () => {
  it('finds no violations in the tooltips and comparisons on a page with a dark design of its own', async () => {
    await checkInPageUi('a dark-design page', 'light', '/demo-dark-design.html');
  });

  it('finds no violations in the popup and the report of a page where nothing is copied', async () => {
    const page = await cr.newPage(server.url('/nothing-copied.html'));
    const report = await cr.openReport(page);
    await expect.poll(async () => (await report.evaluate(readReport)).passes, { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await report.evaluate(readReport)).rows).toEqual([]);
    expectClean('the report of a page where nothing is copied', await axePageChromium(report));
    const popup = await cr.popupFor(page);
    expectClean('the popup of a page where nothing is copied', await axePageChromium(popup));
    await popup.close();
    await report.close();
    await page.close();
  });

  it('finds no violations in the popup that checks a selection', async () => {
    // The context menu's handler leaves the selection in session storage, as here.
    await (await cr.serviceWorker()).evaluate((text) => chrome.storage.session.set({ checkSelection: text }), CHECKED_QUOTE);
    const popup = await cr.context.newPage();
    await popup.goto(`chrome-extension://${cr.extensionId}/popup.html?check=1`);
    await popup.waitForSelector('body[data-ready]');
    await popup.waitForSelector('.checked');
    expectClean('the popup checking a selection', await axePageChromium(popup));
    await popup.close();
  });

  it("finds no violations in the importer's results, its list of unreadable files, and its question about duplicates", async () => {
    const options = await openOptions('light');
    await options.fill('#import-collection', 'Desk');
    await options.setInputFiles('#import-folder', path.join(dir, 'desk'));
    await options.waitForSelector('.summary .result', { timeout: 30_000 });
    expect(await options.textContent('.summary')).toContain('could not be read');
    expectClean('the options page after an import', await axePageChromium(options));
    // The same folder again: Reprint asks what to do with the articles it already has.
    await options.setInputFiles('#import-folder', path.join(dir, 'desk'));
    await options.waitForSelector('button:has-text("Skip them")');
    expectClean('the options page asking about duplicates', await axePageChromium(options));
    await options.click('button:has-text("Skip them")');
    await options.waitForFunction(() => document.querySelector('.summary .result')?.textContent?.includes('skipped'));
    await options.close();
  });
});
