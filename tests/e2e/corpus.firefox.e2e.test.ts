import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { CorpusStatus, DocumentSummary } from '../../src/messages';
import type { BlockMatch } from '../../src/match/matcher';
import { DEMO_COLLECTION, type Article } from '../../src/types';
import { syntheticCorpus } from '../../scripts/lib/synth';
import { importMessage, sendFromExtensionPage, settled, writeLegacyDatabase } from './corpus-api';
import { launchFirefox, type FirefoxHarness } from './firefox';

const IMPORTED = 300;
const articles: Article[] = syntheticCorpus(IMPORTED, 0xf1ee).map((d, i) => ({ ...d, id: `ff-${i}`, collection: 'Wire' }));
const legacyOnly: Article = {
  id: 'legacy-note',
  collection: DEMO_COLLECTION,
  meta: { title: 'A note kept by an earlier release', publisher: null, author: null, date: null, url: null },
  paragraphs: [
    'Volunteers at the lighthouse museum catalogued four hundred brass instruments over the winter, recording each maker and the ship it once served before the collection goes on display next spring.',
  ],
};

// One profile for every launch: Firefox is closed and started again on it, as a reader's would be.
const profile = mkdtempSync(path.join(os.tmpdir(), 'reprint-firefox-'));
let ff: FirefoxHarness | undefined;

beforeAll(async () => {
  ff = await launchFirefox({ profile });
});
afterAll(async () => {
  await ff?.close();
  rmSync(profile, { recursive: true, force: true });
});

const status = (page: Page) => page.evaluate(sendFromExtensionPage, { type: 'corpus/status' }) as Promise<CorpusStatus>;

async function waitSettled(page: Page, timeout = 120_000): Promise<CorpusStatus> {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await status(page).catch(() => undefined);
    if (s && settled(s)) return s;
    if (Date.now() > end) throw new Error(`The import did not finish: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Firefox: the corpus index', () => {
  it('finishes an import after Firefox is closed in the middle of it, and loses nothing', async () => {
    let page = await ff!.extensionPage('seeds.json');
    await waitSettled(page);
    for (let i = 0; i < articles.length; i += 100) await page.evaluate(sendFromExtensionPage, importMessage(articles.slice(i, i + 100)));
    const before = await status(page);
    expect(settled(before)).toBe(false);
    await ff!.close();

    ff = await launchFirefox({ profile });
    page = await ff.extensionPage('seeds.json');
    const done = await waitSettled(page);
    expect(done.documents).toBe(IMPORTED + 5);
    const ids = ((await page.evaluate(sendFromExtensionPage, { type: 'corpus/documents' })) as DocumentSummary[]).map((d) => d.id);
    for (const a of articles) expect(ids).toContain(a.id);
    const last = articles[IMPORTED - 1];
    const [m] = (await page.evaluate(sendFromExtensionPage, { type: 'content/scan', texts: [last.paragraphs[1]] })) as Array<BlockMatch | null>;
    expect(m?.source).toBe(last.id);
  });

  it('upgrades a version-1 database left by an earlier release, losing nothing', async () => {
    const page = await ff!.extensionPage('seeds.json');
    const seeds = ((await page.evaluate(() => fetch('/seeds.json').then((r) => r.json()))) as { files: Array<{ name: string; text: string }> }).files.map(
      (f) => {
        const [title, ...paragraphs] = f.text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        return { id: f.name.replace(/\.txt$/, ''), meta: { title, publisher: null, author: null, date: null, url: null }, paragraphs };
      },
    );
    // The background closes its connection when another context deletes or upgrades the database.
    await page.evaluate(writeLegacyDatabase, [...seeds, legacyOnly]);
    const done = await waitSettled(page);
    expect(done.documents).toBe(seeds.length + 1);
    const docs = (await page.evaluate(sendFromExtensionPage, { type: 'corpus/documents' })) as DocumentSummary[];
    expect(docs.find((d) => d.id === 'legacy-note')).toMatchObject({ collection: DEMO_COLLECTION });
    const [m] = (await page.evaluate(sendFromExtensionPage, { type: 'content/scan', texts: legacyOnly.paragraphs })) as Array<BlockMatch | null>;
    expect(m).toMatchObject({ kind: 'verbatim', source: 'legacy-note' });
  });
});
