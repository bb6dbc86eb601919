/**
 * The reader's own corpus, through the options page in real Chromium: a
 * folder of mixed formats chosen with the page's real folder input, its
 * copies highlighted on a news page, a document deleted from the library,
 * and the corpus exported and imported back unchanged.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Article } from '../../src/types';
import { launchChromium, type ChromiumHarness } from './chromium';
import { readReport } from './report-reads';
import { CHECKED_QUOTE, IMPORT_ROUTES, OWN, TEXT, writeDeskFolder } from './import-fixtures';
import { startServer } from './server';

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reprint-import-'));
  writeDeskFolder(dir);
  server = await startServer(IMPORT_ROUTES);
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function options(): Promise<Page> {
  const page = await cr.context.newPage();
  await page.goto(`chrome-extension://${cr.extensionId}/options.html`);
  await page.waitForSelector('body[data-ready]');
  return page;
}

const ask = (page: Page, message: object) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

/** The ids highlighted on the local news page, once its first scan pass is reported. */
async function highlightedOnNews(): Promise<Array<string | null>> {
  const news = await cr.newPage(server.url('/local-news.html'));
  const report = await cr.openReport(news);
  await report.waitForFunction(() => Number(document.getElementById('scanned')?.getAttribute('data-passes')) > 0, null, { timeout: 20_000 });
  const { rows } = await report.evaluate(readReport);
  await report.close();
  await news.close();
  return rows.map((r) => r.elementId);
}

describe('Chromium: the options page', () => {
  it('imports a folder of mixed formats, lists what it could not read, and highlights the copies on a page', async () => {
    const page = await options();
    await page.fill('#import-collection', 'Desk');
    await page.setInputFiles('#import-folder', path.join(dir, 'desk'));
    await page.waitForSelector('.summary .result', { timeout: 30_000 });
    const summary = (await page.textContent('.summary'))!;
    expect(summary).toContain('Imported 5 articles');
    expect(summary).toContain('broken.txt');
    expect(summary).toContain('not UTF-8 text');
    expect(summary).toContain('bakery.jsonl');
    await page.screenshot({ path: 'test-results/chromium-options-imported.png', fullPage: true });
    expect(await page.textContent('#corpus')).toContain('Desk');
    expect((await highlightedOnNews()).sort()).toEqual(Object.keys(TEXT).sort());

    // The same folder again: recognised, and skipped on request.
    await page.setInputFiles('#import-folder', path.join(dir, 'desk'));
    await page.getByRole('button', { name: 'Skip them' }).click();
    await page.waitForFunction(() => document.querySelector('.summary .result')?.textContent?.includes('skipped 5'));
    await page.close();
  });

  it('deletes a document from the library: its copy is no longer highlighted', async () => {
    const page = await options();
    await page.fill('#library-search', 'Holm Island');
    await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr').length === 1);
    expect(await page.textContent('#documents tbody')).toContain('Ferry cuts Sunday service');
    await page.locator('#documents tbody tr').getByRole('button', { name: 'Delete' }).click();
    await page.waitForFunction(() => document.querySelector('.notice')?.textContent?.includes('Deleted'));
    expect((await highlightedOnNews()).sort()).toEqual(['feed', 'html', 'json', 'md']);
    await page.close();
  });

  it('exports the corpus and imports it back unchanged', async () => {
    const page = await options();
    const before = ((await ask(page, { type: 'corpus/articles' })) as Article[]).sort((a, b) => a.id.localeCompare(b.id));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the whole corpus' }).click()]);
    const zip = path.join(dir, 'export.zip');
    await download.saveAs(zip);
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');

    // Delete the Desk collection, then bring everything back from the export.
    await page.locator('.collection[data-collection="Desk"]').getByRole('button', { name: 'Delete' }).click();
    await page.waitForFunction(() => !document.querySelector('.collection[data-collection="Desk"]'));
    await page.setInputFiles('#import-files', zip);
    // The Demo articles are still there: they are offered for replacing, with themselves.
    await page.waitForSelector('.ask, .summary .result', { timeout: 30_000 });
    if (await page.locator('.ask').count()) await page.getByRole('button', { name: 'Replace them' }).click();
    await page.waitForSelector('.summary .result', { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('.collection[data-collection="Desk"]'));
    const after = ((await ask(page, { type: 'corpus/articles' })) as Article[]).sort((a, b) => a.id.localeCompare(b.id));
    expect(after).toEqual(before);
    await page.close();
  });
});

describe('Chromium: adding the page being read', () => {
  it('adds the page from the popup; the page is then its own original, and a copy elsewhere is found at once', async () => {
    const page = await cr.newPage(server.url('/own-article.html'));
    const report = await cr.openReport(page);
    await report.waitForFunction(() => Number(document.getElementById('scanned')?.getAttribute('data-passes')) > 0);
    const popup = await cr.popupFor(page);
    await popup.getByRole('button', { name: 'Add this page' }).click();
    await popup.getByRole('combobox', { name: 'Collection' }).fill('Mine');
    await popup.getByRole('button', { name: 'Add', exact: true }).click();
    await popup.waitForFunction(() => document.querySelector('.add-page [role="status"]')?.textContent?.startsWith('Added'), null, { timeout: 20_000 });
    expect(await popup.textContent('.add-page [role="status"]')).toBe('Added “Tide gauge goes digital” to Mine.');

    // The page is the article: nothing on it is a copy, and the popup says so.
    await expect
      .poll(
        async () =>
          (await popup.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'tab/report' }), Number(new URL(popup.url()).searchParams.get('tab')))) as {
            own: { title: string } | null;
          },
      )
      .toMatchObject({ own: { title: 'Tide gauge goes digital', collection: 'Mine' }, items: [] });
    await popup.reload();
    await popup.waitForSelector('body[data-ready]');
    expect(await popup.textContent('header')).toContain('This article is in your corpus');
    await popup.screenshot({ path: 'test-results/chromium-popup-own.png' });

    // Another page carrying its text: highlighted, with the added article as its source, stored under the page's canonical address.
    const copy = await cr.newPage(server.url('/reprint-of-own.html'));
    const copyReport = await cr.openReport(copy);
    await copyReport.waitForFunction(() => !!document.querySelector('#highlights tr[data-element-id="copied"]'), null, { timeout: 20_000 });
    const [row] = (await copyReport.evaluate(readReport)).rows;
    const added = (await ask(copyReport, { type: 'corpus/article', id: row.source })) as Article;
    expect(added.meta).toMatchObject({ title: 'Tide gauge goes digital', url: 'https://coast.example/2025/tide-gauge' });
    expect(added.collection).toBe('Mine');
    expect(added.paragraphs).toEqual(OWN);
    for (const p of [copyReport, copy, popup, report, page]) await p.close();
  });

  it('checks a selection: the popup shows where the text comes from, once', async () => {
    // The context menu cannot be clicked from automation; its handler leaves the selection in session storage, as here.
    const sw = await cr.serviceWorker();
    await sw.evaluate((text) => chrome.storage.session.set({ checkSelection: text }), CHECKED_QUOTE);
    const popup = await cr.context.newPage();
    await popup.goto(`chrome-extension://${cr.extensionId}/popup.html?check=1`);
    await popup.waitForSelector('body[data-ready]');
    const checked = (await popup.textContent('.checked'))!;
    expect(checked).toContain('Copied verbatim');
    expect(checked).toContain('China Told Russia To Delay Ukraine Invasion');
    expect(checked).toContain('Original: The New York Times');
    await popup.screenshot({ path: 'test-results/chromium-popup-checked.png' });
    await popup.reload();
    await popup.waitForSelector('body[data-ready]');
    expect(await popup.locator('.checked').count()).toBe(0);
    await popup.close();
  });

  it('checks a selection in the side panel, which stays open and shows each new one', async () => {
    const manifest = await (await cr.serviceWorker()).evaluate(() => chrome.runtime.getManifest());
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toContain('sidePanel');
    const panel = await cr.context.newPage();
    await panel.setViewportSize({ width: 360, height: 700 });
    await panel.goto(`chrome-extension://${cr.extensionId}/sidepanel.html`);
    await panel.waitForSelector('body[data-ready]');
    expect(await panel.locator('.checked').count()).toBe(0);
    // The context menu's handler stores the selection while the panel is open.
    const sw = await cr.serviceWorker();
    await sw.evaluate(() => chrome.storage.session.set({ checkSelection: 'Nothing in any corpus reads quite like this sentence about tide gauges.' }));
    await expect.poll(() => panel.locator('.checked').textContent()).toContain('not in your corpus');
    await sw.evaluate((text) => chrome.storage.session.set({ checkSelection: text }), CHECKED_QUOTE);
    await expect.poll(() => panel.locator('.checked').textContent()).toContain('Copied verbatim');
    await panel.screenshot({ path: 'test-results/chromium-sidepanel-checked.png' });
    await panel.close();
  });
});
