/**
 * axe-core on every screen of Reprint in real Firefox: the page with the
 * tooltip and with the comparison open (inside Reprint's closed shadow
 * roots), the popup, the report, the options page with and without its
 * dialogs, and the sidebar; in the light and the dark colour scheme, and on
 * a page whose own design is dark. Zero violations, each one printed with
 * its rule, element and fix.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import { launchFirefox, setViewport, type FirefoxHarness } from './firefox';
import { FirefoxShadow } from './firefox-shadow';
import { axeClosedRootsFirefox, axePageFirefox, axeSelfTestPage, darkDemoPage, nothingCopiedPage, pageSees, type AxeReport } from './axe';
import { checkEveryHighlight, expectClean as expectCleanIn, expectHarnessFindsViolations } from './axe-checks';
import { EXPECTED_DEMO } from './expectations';
import { CHECKED_QUOTE, writeDeskFolder } from './import-fixtures';
import { readReport, type ReportState } from './report-reads';
import { startServer } from './server';

let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  dir = mkdtempSync(path.join(os.tmpdir(), 'reprint-axe-import-'));
  writeDeskFolder(dir);
  server = await startServer({ '/axe-self-test.html': axeSelfTestPage, '/demo-dark-design.html': darkDemoPage, '/nothing-copied.html': nothingCopiedPage });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

let opened = 0;
/** A fixture's address, unique to this opening: a tab a failed test left open is never taken for the next test's. */
const fresh = (p: string) => `${server.url(p)}?open=${++opened}`;

/** `expectClean` of tests/e2e/axe-checks.ts, its log labelled Firefox's. */
const expectClean = (label: string, report: AxeReport) => expectCleanIn('Firefox', label, report);

async function poll<T>(fn: () => Promise<T>, done: (v: T) => boolean, what: string, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined && done(v)) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Firefox in a colour scheme. Dark: a profile whose prefs.js overrides the
 * scheme every page sees (`layout.css.prefers-color-scheme.content-override`,
 * 0 = dark); puppeteer keeps a profile's prefs.js and writes only user.js.
 */
function firefoxIn(scheme: 'light' | 'dark') {
  const state: { ff?: FirefoxHarness; profile?: string } = {};
  beforeAll(async () => {
    if (scheme === 'dark') {
      state.profile = mkdtempSync(path.join(os.tmpdir(), 'reprint-axe-dark-'));
      writeFileSync(path.join(state.profile, 'prefs.js'), 'user_pref("layout.css.prefers-color-scheme.content-override", 0);\n');
    }
    state.ff = await launchFirefox({ profile: state.profile });
  });
  afterAll(async () => {
    await state.ff?.close();
    if (state.profile) rmSync(state.profile, { recursive: true, force: true });
  });
  return () => state.ff!;
}

/** A fixture page, once its report lists every highlight, in front, with Reprint's UI reachable. */
async function openDemo(ff: FirefoxHarness, p = '/demo.html'): Promise<{ page: Page; report: Page; ui: FirefoxShadow; rows: ReportState['rows'] }> {
  const page = await ff.newPage(fresh(p));
  const report = await ff.openReport(page);
  const { rows } = await poll(
    () => report.evaluate(readReport),
    (s) => s.ready && s.rows.length >= EXPECTED_DEMO.length,
    'the report to list the demo page',
  );
  await page.bringToFront();
  return { page, report, ui: FirefoxShadow.of(page), rows };
}

/** Every highlight of a demo page, its tooltip and its comparison checked while open (`checkEveryHighlight`). */
async function checkInPageUi(ff: FirefoxHarness, label: string, p?: string) {
  const { page, report, ui, rows } = await openDemo(ff, p);
  await checkEveryHighlight(
    {
      browser: 'Firefox',
      move: (x, y) => page.mouse.move(x, y),
      hoverExcerpt: (excerpt) => page.hover(`p ::-p-text(${JSON.stringify(excerpt.slice(0, 40))})`),
      press: (key) => page.keyboard.press(key as KeyInput),
      axeRoots: () => axeClosedRootsFirefox(page),
    },
    ui,
    rows,
    label,
  );
  await report.close();
  await page.close();
}

describe('Firefox: the axe harness, and more of what a reader sees', () => {
  const ff = firefoxIn('light');

  it('reports violations in a page, and inside a closed shadow root, and leaves the page nothing to see', async () => {
    const page = await ff().newPage(fresh('/axe-self-test.html'));
    const inRoots = await axeClosedRootsFirefox(page);
    // Read before the run on the whole page, which loads axe into the page's own realm.
    const seen = await page.evaluate(pageSees);
    expectHarnessFindsViolations(inRoots, seen, await axePageFirefox(page));
    await page.close();
  });

  it('finds no violations in the tooltips and comparisons on a page with a dark design of its own', async () => {
    await checkInPageUi(ff(), 'a dark-design page', '/demo-dark-design.html');
  });

  it('finds no violations in the popup and the report of a page where nothing is copied', async () => {
    const page = await ff().newPage(fresh('/nothing-copied.html'));
    const report = await ff().openReport(page);
    const state = await poll(
      () => report.evaluate(readReport),
      (s) => s.ready && s.passes > 0,
      'the first scan pass',
    );
    expect(state.rows).toEqual([]);
    expectClean('the report of a page where nothing is copied', await axePageFirefox(report));
    const popup = await ff().openPopup(page);
    expectClean('the popup of a page where nothing is copied', await axePageFirefox(popup));
    await popup.close();
    await report.close();
    await page.close();
  });

  it('finds no violations in the popup that checks a selection', async () => {
    // The context menu cannot be clicked from automation; its handler leaves the selection in session storage, as here.
    const options = await ff().openOptions();
    await options.evaluate((text) => (globalThis as any).browser.storage.session.set({ checkSelection: text }), CHECKED_QUOTE);
    await options.close();
    const popup = await ff().extensionPage('popup.html?check=1');
    await poll(() => popup.evaluate(() => document.body.hasAttribute('data-ready') && !!document.querySelector('.checked')), Boolean, 'the checked selection');
    expectClean('the popup checking a selection', await axePageFirefox(popup));
    await popup.close();
  });

  it("finds no violations in the importer's results, its list of unreadable files, and its question about duplicates", async () => {
    const options = await ff().openOptions();
    // The folder's files through #import-files: WebDriver BiDi cannot set a directory input.
    const files = readdirSync(path.join(dir, 'desk'), { recursive: true, encoding: 'utf8' })
      .map((f) => path.join(dir, 'desk', f))
      .filter((f) => statSync(f).isFile());
    const choose = async () => ((await options.$('#import-files')) as ElementHandle<HTMLInputElement>).uploadFile(...files);
    await choose();
    await poll(() => options.evaluate(() => document.querySelector('.summary .result')?.textContent ?? ''), Boolean, 'the import to finish', 30_000);
    expect(await options.evaluate(() => document.querySelector('.summary')?.textContent)).toContain('could not be read');
    expectClean('the options page after an import', await axePageFirefox(options));
    // The same files again: Reprint asks what to do with the articles it already has.
    await choose();
    await poll(() => options.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Skip them')), Boolean, 'the question');
    expectClean('the options page asking about duplicates', await axePageFirefox(options));
    // A real click: Reprint's buttons answer only trusted events.
    const skip = await options.evaluateHandle(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Skip them')!);
    await (skip as ElementHandle<HTMLButtonElement>).click();
    await poll(() => options.evaluate(() => document.querySelector('.summary .result')?.textContent?.includes('skipped')), Boolean, 'the duplicates skipped');
    await options.close();
  });
});

describe.each(['light', 'dark'] as const)('Firefox, %s colour scheme: axe-core finds no accessibility violations', (scheme) => {
  const ff = firefoxIn(scheme);

  it('reads the colour scheme it is meant to', async () => {
    const page = await ff().newPage(fresh('/demo.html'));
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    await page.close();
  });

  it('on the demo page, with each tooltip and each comparison open', async () => {
    await checkInPageUi(ff(), `the demo page (${scheme})`);
  });

  it('on the popup', async () => {
    const { page, report } = await openDemo(ff());
    const popup = await ff().openPopup(page);
    expectClean(`the popup (${scheme})`, await axePageFirefox(popup));
    await popup.close();
    await report.close();
    await page.close();
  });

  it('on the report page', async () => {
    const { page, report } = await openDemo(ff());
    await report.bringToFront();
    expectClean(`the report page (${scheme})`, await axePageFirefox(report));
    await report.close();
    await page.close();
  });

  it('on the options page, and with each of its dialogs open', async () => {
    const options = await ff().openOptions();
    await poll(
      () => options.evaluate(() => document.querySelectorAll('#documents tbody tr').length),
      (n) => n > 0,
      'the library',
    );
    expectClean(`the options page (${scheme})`, await axePageFirefox(options));
    const dialogs: [string, string][] = [
      ['a document read', '#documents tbody tr:first-child button.link'],
      ["a document's details edited", '#documents tbody tr:first-child .row-actions button:first-child'],
      ['a collection renamed', '.collection button ::-p-text(Rename)'],
    ];
    for (const [what, opener] of dialogs) {
      await options.click(opener);
      await poll(() => options.evaluate(() => !!document.querySelector('dialog[open]')), Boolean, `the dialog with ${what}`);
      expectClean(`the options page with ${what} (${scheme})`, await axePageFirefox(options));
      await options.keyboard.press('Escape');
      await poll(() => options.evaluate(() => !document.querySelector('dialog[open]')), Boolean, `the dialog with ${what} to close`);
    }
    await options.close();
  });

  it('on the sidebar', async () => {
    const panel = await ff().extensionPage('sidepanel.html');
    await setViewport(panel, { width: 360, height: 700 });
    await poll(() => panel.evaluate(() => document.body.hasAttribute('data-ready')), Boolean, 'the sidebar to render');
    expectClean(`the sidebar (${scheme})`, await axePageFirefox(panel));
    await panel.close();
  });
});
