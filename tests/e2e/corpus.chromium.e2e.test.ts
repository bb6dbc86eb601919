import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seededStream } from '../../src/fingerprint/hash';
import type { DocumentSummary } from '../../src/messages';
import type { BlockMatch } from '../../src/match/matcher';
import type { Article } from '../../src/types';
import { syntheticCorpus } from '../../scripts/lib/synth';
import { launchChromium, type ChromiumHarness } from './chromium';
import {
  expectMigrated,
  importMessage,
  legacyDocuments,
  legacyOnly,
  sendFromExtensionPage,
  settled,
  status,
  waitSettled,
  writeLegacyDatabase,
  type Ask,
} from './corpus-api';
import { readReport } from './report-reads';
import { startServer } from './server';

const IMPORTED = 600;
const articles: Article[] = syntheticCorpus(IMPORTED, 0x1a2b).map((d, i) => ({ ...d, id: `wire-${i}`, collection: 'Wire' }));
const last = articles[IMPORTED - 1];
const first = articles[0];
let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;

/** The sources of a page's highlights, read from its report once its first scan pass is done. */
async function sourcesOn(path: string): Promise<Array<string | null>> {
  const news = await cr.newPage(server.url(path));
  const report = await cr.openReport(news);
  await report.waitForFunction(() => Number(document.getElementById('scanned')?.getAttribute('data-passes')) > 0, null, { timeout: 20_000 });
  const { rows } = await report.evaluate(readReport);
  await report.close();
  await news.close();
  return rows.map((r) => r.source);
}

const copyPage = () =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Copies</title></head><body><article>` +
  `<p id="last">${last.paragraphs[1]}</p><p id="first">${first.paragraphs[2]}</p>` +
  `<p>Nothing here was copied from anywhere: the harbour committee met on Tuesday to talk about the new ferry timetable and the car park.</p>` +
  `</article></body></html>`;

beforeAll(async () => {
  server = await startServer({ '/copies.html': copyPage });
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

/** An extension page that does not talk to the background by itself. */
async function extensionPage(): Promise<Page> {
  const page = await cr.context.newPage();
  await page.goto(`chrome-extension://${cr.extensionId}/seeds.json`);
  return page;
}

const ask =
  (page: Page): Ask =>
  (message) =>
    page.evaluate(sendFromExtensionPage, message);

describe('Chromium: the corpus index', () => {
  it('imports articles through the typed API while the worker is stopped three times, and loses none', async () => {
    const page = await extensionPage();
    await waitSettled(ask(page));
    for (let i = 0; i < articles.length; i += 100) {
      const answer = await page.evaluate(sendFromExtensionPage, importMessage(articles.slice(i, i + 100)));
      expect(answer).toEqual({ staged: Math.min(100, articles.length - i) });
    }
    // Stop the worker at seeded random moments while work remains; any message wakes it, and it resumes.
    const random = seededStream(0x5709);
    let stops = 0;
    while (stops < 3) {
      await page.waitForTimeout(50 + (random() % 400));
      const s = await status(ask(page));
      if (settled(s)) break;
      await cr.stopServiceWorker();
      stops++;
    }
    expect(stops).toBe(3);
    const done = await waitSettled(ask(page));
    expect(done.documents).toBe(IMPORTED + 5);
    const ids = ((await page.evaluate(sendFromExtensionPage, { type: 'corpus/documents' })) as DocumentSummary[]).map((d) => d.id);
    expect(new Set(ids).size).toBe(IMPORTED + 5);
    for (const a of articles) expect(ids).toContain(a.id);

    const found = await sourcesOn('/copies.html');
    expect(found.sort()).toEqual([first.id, last.id].sort());
    await page.close();
  });

  it('forgets a deleted article: its copy is no longer highlighted', async () => {
    const page = await extensionPage();
    expect(await page.evaluate(sendFromExtensionPage, { type: 'corpus/delete', ids: [last.id] })).toEqual({ deleted: 1 });
    expect(await sourcesOn('/copies.html')).toEqual([first.id]);
    await page.close();
  });

  it('finds a newly added article on the next scan', async () => {
    const page = await extensionPage();
    const fresh: Article = { ...legacyOnly, id: 'fresh-one', collection: 'Mine' };
    await page.evaluate(sendFromExtensionPage, importMessage([fresh]));
    const [m] = (await page.evaluate(sendFromExtensionPage, { type: 'content/scan', texts: fresh.paragraphs })) as Array<BlockMatch | null>;
    expect(m?.source).toBe('fresh-one');
    await page.evaluate(sendFromExtensionPage, { type: 'corpus/delete', ids: ['fresh-one'] });
    await page.close();
  });

  it('upgrades a version-1 database left by an earlier release, losing nothing', async () => {
    const page = await extensionPage();
    await waitSettled(ask(page));
    // The worker closes its connection when another context deletes or upgrades the database,
    // and its next read opens the database at version 2 and migrates it.
    await page.evaluate(writeLegacyDatabase, legacyDocuments);
    await expectMigrated(ask(page));
    await page.close();
  });
});
