/**
 * The reader's own corpus, through the options page in real Firefox: a
 * folder of mixed formats imported through the page's file input, its
 * copies highlighted on a news page (read from Reprint's report), a
 * document deleted from the library, and the corpus exported (a real
 * download into the profile's download folder) and imported back unchanged.
 * Then the page being read, added from the toolbar popup (opened as a page,
 * with real clicks and typing), and a selection checked in the popup.
 *
 * The folder goes in through `#import-files`, not `#import-folder`: WebDriver
 * BiDi's input.setFiles in Firefox ESR 140 refuses a directory ("unsupported
 * operation … File error: Is directory", NS_ERROR_FILE_IS_DIRECTORY), and
 * no other protocol way drives the folder picker or a dropped folder (the
 * drop handler takes trusted drops only). So every file of the folder,
 * subfolders included, is chosen at once, as a reader could in the file
 * picker; the folder input itself is covered in Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Article } from '../../src/types';
import { sendFromExtensionPage } from './corpus-api';
import { launchFirefox, type FirefoxHarness } from './firefox';
import { readReport, type ReportState } from './report-reads';
import { CHECKED_QUOTE, IMPORT_ROUTES, OWN, TEXT, writeDeskFolder } from './import-fixtures';
import { startServer } from './server';

let ff: FirefoxHarness;
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
let downloads: string;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  dir = mkdtempSync(path.join(os.tmpdir(), 'reprint-import-'));
  downloads = path.join(dir, 'downloads');
  mkdirSync(downloads);
  writeDeskFolder(dir);
  server = await startServer(IMPORT_ROUTES);
  ff = await launchFirefox({ downloads });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every file under a folder, subfolders included. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(folder, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

const ask = (page: Page, message: { type: string } & Record<string, unknown>) => page.evaluate(sendFromExtensionPage, message);

const articles = async (page: Page) => ((await ask(page, { type: 'corpus/articles' })) as Article[]).sort((a, b) => a.id.localeCompare(b.id));

/**
 * Polls `fn` in the page until it returns something truthy. (puppeteer's
 * waitForFunction and its text selectors build functions with Function(),
 * which an extension page's CSP blocks.)
 */
async function until<T>(page: Page, fn: (arg: any) => T, arg?: unknown, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, arg).catch(() => undefined);
    if (v) return v as T;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The page's first element matching `selector` whose text contains `text`, once there is one. */
async function byText(page: Page, selector: string, text: string): Promise<ElementHandle<Element>> {
  await until(page, ([sel, t]: string[]) => [...document.querySelectorAll(sel)].some((e) => e.textContent?.includes(t)), [selector, text], 10_000);
  const handle = await page.evaluateHandle((sel, t) => [...document.querySelectorAll(sel)].find((e) => e.textContent?.includes(t))!, selector, text);
  return handle as ElementHandle<Element>;
}

/** Chooses files in an `<input type=file>` of the page, as the file picker would. */
async function choose(page: Page, selector: string, files: string[]) {
  const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`No ${selector}`);
  await input.uploadFile(...files);
}

let opened = 0;
/**
 * The ids highlighted on the local news page, read from its report once its
 * first scan pass is done and the rows have stopped changing. Polls until
 * `expected` is shown (or times out with what the report shows).
 */
async function highlightedOnNews(expected: string[]): Promise<string[]> {
  const news = await ff.newPage(server.url(`/local-news.html?open=${++opened}`));
  const report = await ff.openReport(news);
  const end = Date.now() + 20_000;
  let last: ReportState | undefined;
  let lastJson = '';
  let stableSince = 0;
  try {
    for (;;) {
      const s = await report.evaluate(readReport).catch(() => undefined);
      if (s) {
        const json = JSON.stringify(s.rows);
        if (json !== lastJson) [lastJson, stableSince] = [json, Date.now()];
        last = s;
        const ids = s.rows.map((r) => r.elementId ?? '').sort();
        if (s.ready && s.passes > 0 && Date.now() - stableSince >= 500 && JSON.stringify(ids) === JSON.stringify([...expected].sort())) return ids;
      }
      if (Date.now() > end) return (last?.rows ?? []).map((r) => r.elementId ?? '').sort();
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await report.close();
    await news.close();
  }
}

/** The one file the export left in the download folder, once Firefox has finished writing it. */
async function downloaded(): Promise<string> {
  const end = Date.now() + 20_000;
  for (;;) {
    const names = readdirSync(downloads);
    const zips = names.filter((n) => n.endsWith('.zip'));
    if (zips.length === 1 && !names.some((n) => n.endsWith('.part'))) {
      const file = path.join(downloads, zips[0]);
      // Complete: the central directory's end record is there.
      if (existsSync(file) && readFileSync(file).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))) return file;
    }
    if (Date.now() > end) throw new Error(`No finished export in ${downloads}: ${JSON.stringify(names)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Firefox: the options page', () => {
  it('imports a folder of mixed formats, lists what it could not read, and highlights the copies on a page', async () => {
    const page = await ff.openOptions();
    const name = (await page.$('#import-collection'))!;
    await name.click({ count: 3 });
    await name.type('Desk');
    expect(await page.$eval('#import-collection', (e) => (e as HTMLInputElement).value)).toBe('Desk');
    const files = filesUnder(path.join(dir, 'desk'));
    expect(files.map((f) => path.relative(dir, f))).toContain(path.join('desk', 'web', 'bridge.html'));
    await choose(page, '#import-files', files);
    await until(page, () => !!document.querySelector('.summary .result'));
    const summary = (await page.$eval('.summary', (e) => e.textContent))!;
    expect(summary).toContain('Imported 5 articles');
    expect(summary).toContain('broken.txt');
    expect(summary).toContain('not UTF-8 text');
    expect(summary).toContain('bakery.jsonl');
    await page.screenshot({ path: 'test-results/firefox-options-imported.png', fullPage: true });
    await until(page, () => !!document.querySelector('.collection[data-collection="Desk"]'));
    expect(await page.$eval('#corpus', (e) => e.textContent)).toContain('Desk');
    expect(await highlightedOnNews(Object.keys(TEXT))).toEqual(Object.keys(TEXT).sort());
    await page.close();

    // The same files again: recognised, and skipped on request. On a newly opened options page: the page does not
    // clear its input after an import, and WebDriver BiDi's input.setFiles (Firefox 140) fires `cancel`, not `change`,
    // when the files chosen are the ones already chosen, so in the same page no import would start at all
    // (a product issue, reported).
    const again = await ff.openOptions();
    await choose(again, '#import-files', files);
    await (await byText(again, '.ask button', 'Skip them')).click();
    await until(again, () => document.querySelector('.summary .result')?.textContent?.includes('skipped 5'));
    await again.close();
  });

  it('deletes a document from the library: its copy is no longer highlighted', async () => {
    const page = await ff.openOptions();
    await (await page.$('#library-search'))!.type('Holm Island');
    await until(page, () => document.querySelectorAll('#documents tbody tr').length === 1, undefined, 10_000);
    expect(await page.$eval('#documents tbody', (e) => e.textContent)).toContain('Ferry cuts Sunday service');
    await (await byText(page, '#documents tbody tr button', 'Delete')).click();
    await until(page, () => document.querySelector('.notice')?.textContent?.includes('Deleted'), undefined, 10_000);
    expect(await highlightedOnNews(['feed', 'html', 'json', 'md'])).toEqual(['feed', 'html', 'json', 'md']);
    await page.close();
  });

  it('exports the corpus and imports it back unchanged', async () => {
    const page = await ff.openOptions();
    const before = await articles(page);
    await (await byText(page, '#corpus button', 'Export the whole corpus')).click();
    const zip = await downloaded();
    expect(path.basename(zip)).toMatch(/^reprint-corpus-\d{4}-\d\d-\d\d\.zip$/);
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');

    // Delete the Desk collection, then bring everything back from the export.
    await (await byText(page, '.collection[data-collection="Desk"] button', 'Delete')).click();
    await until(page, () => !document.querySelector('.collection[data-collection="Desk"]'), undefined, 10_000);
    expect((await articles(page)).some((a) => a.collection === 'Desk')).toBe(false);
    await choose(page, '#import-files', [zip]);
    // The Demo articles are still there: they are offered for replacing, with themselves.
    await until(page, () => !!document.querySelector('.ask, .summary .result'));
    if (await page.$('.ask')) await (await byText(page, '.ask button', 'Replace them')).click();
    await until(page, () => !!document.querySelector('.summary .result'));
    await until(page, () => !!document.querySelector('.collection[data-collection="Desk"]'), undefined, 10_000);
    expect(await articles(page)).toEqual(before);
    await page.close();
  });
});

/**
 * Reloads an extension page and waits for its new document's first render
 * (BiDi reports no navigations of extension documents, so page.reload() would wait for nothing).
 */
async function reloadExtensionPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { reprintOld: boolean }).reprintOld = true;
    setTimeout(() => location.reload(), 0);
  });
  await until(page, () => !(window as unknown as { reprintOld?: boolean }).reprintOld && document.body.hasAttribute('data-ready'), undefined, 15_000);
}

describe('Firefox: adding the page being read', () => {
  it('adds the page from the popup; the page is then its own original, and a copy elsewhere is found at once', async () => {
    const page = await ff.newPage(server.url('/own-article.html'));
    const report = await ff.openReport(page);
    await until(report, () => Number(document.getElementById('scanned')?.getAttribute('data-passes')) > 0, undefined, 20_000);
    const popup = await ff.openPopup(page);
    // Read in the page: BiDi reports no navigations of extension documents, so popup.url() lags.
    const tabId = Number(await popup.evaluate(() => new URLSearchParams(location.search).get('tab')));
    // The popup's controls answer only trusted events: real clicks and typing.
    await (await byText(popup, 'header .controls button', 'Add this page')).click();
    const collection = (await popup.$('form.add-page input[aria-label="Collection"]'))!;
    expect(await collection.evaluate((e) => (e as HTMLInputElement).list?.id)).toBe('popup-collections');
    await collection.click({ count: 3 });
    await collection.type('Mine');
    expect(await collection.evaluate((e) => (e as HTMLInputElement).value)).toBe('Mine');
    await (await byText(popup, 'form.add-page button[type="submit"]', 'Add')).click();
    // The status is shown until the popup re-renders (300 ms later): polled often.
    const statusText = () => popup.evaluate(() => document.querySelector('.add-page [role="status"]')?.textContent ?? '').catch(() => '');
    const end = Date.now() + 20_000;
    let added = await statusText();
    while (!added.startsWith('Added')) {
      if (added.startsWith('Could not')) throw new Error(added);
      if (Date.now() > end) throw new Error(`No "Added" status; last: ${JSON.stringify(added)}`);
      await new Promise((r) => setTimeout(r, 20));
      added = await statusText();
    }
    expect(added).toBe('Added “Tide gauge goes digital” to Mine.');

    // The page is the article: nothing on it is a copy, and the popup says so.
    await expect
      .poll(() => popup.evaluate((id) => (globalThis as any).browser.tabs.sendMessage(id, { type: 'tab/report' }), tabId).catch(() => undefined), {
        timeout: 10_000,
      })
      .toMatchObject({ own: { title: 'Tide gauge goes digital', collection: 'Mine' }, items: [] });
    await reloadExtensionPage(popup);
    expect(await popup.$eval('header', (e) => e.textContent)).toContain('This article is in your corpus');
    await popup.screenshot({ path: 'test-results/firefox-popup-own.png' });

    // Another page carrying its text: highlighted, with the added article as its source, stored under the page's canonical address.
    const copy = await ff.newPage(server.url('/reprint-of-own.html'));
    const copyReport = await ff.openReport(copy);
    await until(copyReport, () => !!document.querySelector('#highlights tr[data-element-id="copied"]'), undefined, 20_000);
    const [row] = (await copyReport.evaluate(readReport)).rows;
    expect(row.elementId).toBe('copied');
    const article = (await ask(copyReport, { type: 'corpus/article', id: row.source })) as Article;
    expect(article.meta).toMatchObject({ title: 'Tide gauge goes digital', url: 'https://coast.example/2025/tide-gauge' });
    expect(article.collection).toBe('Mine');
    expect(article.paragraphs).toEqual(OWN);
    for (const p of [copyReport, copy, popup, report, page]) await p.close();
  });

  it('checks a selection: the popup shows where the text comes from, once', async () => {
    // The context menu cannot be clicked from automation; its handler leaves the selection in session storage, as here.
    const options = await ff.openOptions();
    await options.evaluate((text) => (globalThis as any).browser.storage.session.set({ checkSelection: text }), CHECKED_QUOTE);
    await options.close();
    const popup = await ff.extensionPage('popup.html?check=1');
    await until(popup, () => document.body.hasAttribute('data-ready'), undefined, 15_000);
    const checked = (await popup.$eval('.checked', (e) => e.textContent))!;
    expect(checked).toContain('Copied verbatim');
    expect(checked).toContain('China Told Russia To Delay Ukraine Invasion');
    expect(checked).toContain('Original: The New York Times');
    await popup.screenshot({ path: 'test-results/firefox-popup-checked.png' });
    await reloadExtensionPage(popup);
    expect(await popup.$$('.checked')).toHaveLength(0);
    await popup.close();
  });

  it('checks a selection in the sidebar, which stays open and shows each new one', async () => {
    const panel = await ff.extensionPage('sidepanel.html');
    await until(panel, () => document.body.hasAttribute('data-ready'), undefined, 15_000);
    const manifest = await panel.evaluate(() => (globalThis as any).browser.runtime.getManifest());
    expect(manifest.sidebar_action.default_panel).toMatch(/\/sidepanel\.html$/);
    expect(await panel.$$('.checked')).toHaveLength(0);
    await panel.evaluate((text) => (globalThis as any).browser.storage.session.set({ checkSelection: text }), CHECKED_QUOTE);
    await until(panel, () => document.querySelector('.checked')?.textContent?.includes('Copied verbatim') ?? false, undefined, 15_000);
    await panel.screenshot({ path: 'test-results/firefox-sidepanel-checked.png' });
    await panel.close();
  });
});
