/**
 * Helpers for driving the corpus import API from an extension page, the
 * same way in both browsers: the functions run inside the page (pass them
 * to page.evaluate), where `chrome.runtime` / `browser.runtime` is the
 * extension's own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { BlockMatch } from '../../src/match/matcher';
import type { CorpusStatus, DocumentSummary } from '../../src/messages';
import { DEMO_COLLECTION, type Article } from '../../src/types';

type Message = { type: string } & Record<string, unknown>;
/** Sends a message from an extension page of the browser under test, and returns the answer. */
export type Ask = (message: Message) => Promise<unknown>;

/** Sends one typed message from an extension page and returns the answer. */
export function sendFromExtensionPage(message: Message): Promise<unknown> {
  const g = globalThis as unknown as {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  return (g.browser ?? g.chrome).runtime.sendMessage(message);
}

export const importMessage = (articles: Article[]) => ({ type: 'corpus/import', articles });

/** True once every accepted article is searchable and grouped. */
export const settled = (s: CorpusStatus) => s.staged === 0 && s.grouping === 0;

export const status = (ask: Ask) => ask({ type: 'corpus/status' }) as Promise<CorpusStatus>;

/** Polls the status until every accepted article is searchable and grouped. */
export async function waitSettled(ask: Ask, timeout = 120_000): Promise<CorpusStatus> {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await status(ask).catch(() => undefined);
    if (s && settled(s)) return s;
    if (Date.now() > end) throw new Error(`The import did not finish: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A document only the legacy database holds. */
export const legacyOnly: Article = {
  id: 'legacy-note',
  collection: DEMO_COLLECTION,
  meta: { title: 'A note kept by an earlier release', publisher: null, author: null, date: null, url: null },
  paragraphs: [
    'Volunteers at the lighthouse museum catalogued four hundred brass instruments over the winter, recording each maker and the ship it once served before the collection goes on display next spring.',
  ],
};

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

/** The seeds and `legacyOnly`, as a version-1 database held them. */
export const legacyDocuments = [
  ...readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const [title, ...paragraphs] = readFileSync(path.join(SEEDS, f), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      return { id: f.replace(/\.txt$/, ''), meta: { title, publisher: null, author: null, date: null, url: null }, paragraphs };
    }),
  legacyOnly,
];

/** After a version-1 database was written: every document is back, searchable, in the Demo collection. */
export async function expectMigrated(ask: Ask): Promise<void> {
  const done = await waitSettled(ask);
  expect(done.documents).toBe(legacyDocuments.length);
  const docs = (await ask({ type: 'corpus/documents' })) as DocumentSummary[];
  expect(docs.map((d) => d.id).sort()).toEqual(legacyDocuments.map((d) => d.id).sort());
  expect(docs.find((d) => d.id === legacyOnly.id)).toMatchObject({ collection: DEMO_COLLECTION, title: legacyOnly.meta.title });
  const [m] = (await ask({ type: 'content/scan', texts: legacyOnly.paragraphs })) as Array<BlockMatch | null>;
  expect(m).toMatchObject({ kind: 'verbatim', source: legacyOnly.id });
}

/** A legacy (version-1) database as an earlier release wrote it: the whole corpus in one record. */
export function writeLegacyDatabase(docs: Array<{ id: string; meta: unknown; paragraphs: string[] }>): Promise<void> {
  return new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase('reprint');
    del.onerror = () => reject(del.error);
    del.onblocked = () => reject(new Error('the database is still open elsewhere'));
    del.onsuccess = () => {
      const open = indexedDB.open('reprint', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('corpus');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('corpus', 'readwrite');
        tx.objectStore('corpus').put(
          {
            documents: docs.map(({ id, meta }) => ({ id, meta })),
            paragraphs: docs.flatMap((d) => d.paragraphs.map((text, index) => ({ docId: d.id, index, text }))),
            builtFrom: 'v3:legacy',
            problems: [],
          },
          'current',
        );
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    };
  });
}
