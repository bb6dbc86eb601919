/**
 * Helpers for driving the corpus import API from an extension page, the
 * same way in both browsers: the functions run inside the page (pass them
 * to page.evaluate), where `chrome.runtime` / `browser.runtime` is the
 * extension's own.
 */
import type { Article } from '../../src/types';
import type { CorpusStatus } from '../../src/messages';

/** Sends one typed message from an extension page and returns the answer. */
export function sendFromExtensionPage(message: { type: string } & Record<string, unknown>): Promise<unknown> {
  const g = globalThis as unknown as {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  return (g.browser ?? g.chrome).runtime.sendMessage(message);
}

export const importMessage = (articles: Article[]) => ({ type: 'corpus/import', articles });

/** True once every accepted article is searchable and grouped. */
export const settled = (s: CorpusStatus) => s.staged === 0 && s.grouping === 0;

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
