/**
 * The reader's own corpus, through the options page in real Chromium: a
 * folder of mixed formats chosen with the page's real folder input, its
 * copies highlighted on a news page, a document deleted from the library,
 * and the corpus exported and imported back unchanged.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Article } from '../../src/types';
import { launchChromium, type ChromiumHarness } from './chromium';
import { readReport } from './report-reads';
import { startServer } from './server';

const TEXT = {
  txt: 'The ferry to Holm Island will stop running on Sundays from April, the operator said, after passenger numbers on the winter timetable fell by a third.',
  html: 'Engineers found cracks in two of the bridge supports during a routine inspection, and the county closed the crossing to lorries until repairs are done.',
  json: 'A bakery on Mill Street won the regional bread prize for the third year running, beating forty entries with a rye loaf made to a family recipe.',
  md: 'Volunteers planted six hundred oak saplings along the old railway line, which the council plans to open as a walking and cycling path next summer.',
  feed: 'The village school will add two classrooms after the number of pupils starting in September rose to its highest level in twenty years.',
};

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reprint-import-'));
  const folder = path.join(dir, 'desk');
  mkdirSync(path.join(folder, 'web'), { recursive: true });
  writeFileSync(path.join(folder, 'ferry.txt'), `Ferry cuts Sunday service\n\n${TEXT.txt}\n`);
  writeFileSync(
    path.join(folder, 'web', 'bridge.html'),
    `<!doctype html><html><head><title>Bridge closed to lorries</title><meta property="og:site_name" content="County Times"><meta property="article:published_time" content="2025-02-03T08:00:00Z"></head><body><article><h1>Bridge closed to lorries</h1><p>${TEXT.html}</p><p>Drivers were told to use the ring road, which adds about ten minutes to the trip into town.</p></article></body></html>`,
  );
  writeFileSync(
    path.join(folder, 'bakery.jsonl'),
    `${JSON.stringify({ title: 'Bakery wins again', url: 'https://mill.example/bakery', text: TEXT.json })}\n{"title": 7, "text": "bad"}\n`,
  );
  writeFileSync(path.join(folder, 'oaks.md'), `# Oaks along the old line\n\n${TEXT.md}\n`);
  writeFileSync(
    path.join(folder, 'school.rss'),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley News</title><item><title>School to grow</title><link>https://valley.example/school</link><description><![CDATA[<p>${TEXT.feed}</p>]]></description></item></channel></rss>`,
  );
  writeFileSync(
    path.join(folder, 'broken.txt'),
    Buffer.concat([Buffer.from('Caf'), Buffer.from([0xc3, 0x28]), Buffer.from(' on the corner closed for good after forty years.\n')]),
  );
  server = await startServer({
    '/local-news.html': () =>
      `<!doctype html><html lang="en"><head><title>Local news</title></head><body><article>${Object.entries(TEXT)
        .map(([k, t]) => `<p id="${k}">${t}</p>`)
        .join(
          '',
        )}<p id="own">Our own reporter spent the day at the harbour, where the new pier is nearly finished and the cafe has reopened for the season.</p></article></body></html>`,
  });
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
