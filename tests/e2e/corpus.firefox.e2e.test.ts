import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { DocumentSummary } from '../../src/messages';
import type { BlockMatch } from '../../src/match/matcher';
import type { Article } from '../../src/types';
import { syntheticCorpus } from '../../scripts/lib/synth';
import {
  expectMigrated,
  importMessage,
  legacyDocuments,
  sendFromExtensionPage,
  settled,
  status,
  waitSettled,
  writeLegacyDatabase,
  type Ask,
} from './corpus-api';
import { launchFirefox, type FirefoxHarness } from './firefox';

const IMPORTED = 300;
const articles: Article[] = syntheticCorpus(IMPORTED, 0xf1ee).map((d, i) => ({ ...d, id: `ff-${i}`, collection: 'Wire' }));
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

const ask =
  (page: Page): Ask =>
  (message) =>
    page.evaluate(sendFromExtensionPage, message);

describe('Firefox: the corpus index', () => {
  it('finishes an import after Firefox is closed in the middle of it, and loses nothing', async () => {
    let page = await ff!.extensionPage('seeds.json');
    await waitSettled(ask(page));
    for (let i = 0; i < articles.length; i += 100) await page.evaluate(sendFromExtensionPage, importMessage(articles.slice(i, i + 100)));
    const before = await status(ask(page));
    expect(settled(before)).toBe(false);
    await ff!.close();

    ff = await launchFirefox({ profile });
    page = await ff.extensionPage('seeds.json');
    const done = await waitSettled(ask(page));
    expect(done.documents).toBe(IMPORTED + 5);
    const ids = ((await page.evaluate(sendFromExtensionPage, { type: 'corpus/documents' })) as DocumentSummary[]).map((d) => d.id);
    for (const a of articles) expect(ids).toContain(a.id);
    const last = articles[IMPORTED - 1];
    const [m] = (await page.evaluate(sendFromExtensionPage, { type: 'content/scan', texts: [last.paragraphs[1]] })) as Array<BlockMatch | null>;
    expect(m?.source).toBe(last.id);
  });

  it('upgrades a version-1 database left by an earlier release, losing nothing', async () => {
    const page = await ff!.extensionPage('seeds.json');
    // The background closes its connection when another context deletes or upgrades the database.
    await page.evaluate(writeLegacyDatabase, legacyDocuments);
    await expectMigrated(ask(page));
  });
});
