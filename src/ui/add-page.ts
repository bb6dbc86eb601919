import { keyedId } from '../files/common';
import type { ImportedArticle, Problem } from '../files/types';
import { sendToBackground, sendToTab } from '../messages';
import { updateSettings } from '../settings';
import type { Article } from '../types';
import type { ParseMessage, ParseRequest } from './import-worker';
import ImportWorker from './import-worker?worker';
import { IMPORT, PROBLEM_REASON } from './words';

export const DEFAULT_COLLECTION = IMPORT.defaultCollection;

/** Reads a page's HTML as the .html import does, in the import worker. */
function readPage(html: string): Promise<{ articles: ImportedArticle[]; problems: Problem[] }> {
  const worker = new ImportWorker();
  return new Promise<{ articles: ImportedArticle[]; problems: Problem[] }>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ParseMessage>) => e.data.type === 'file' && resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ type: 'parse', files: [{ path: 'page.html', file: new Blob([html], { type: 'text/html' }) }] } satisfies ParseRequest);
  }).finally(() => worker.terminate());
}

/**
 * Adds the tab's page to the corpus: its article text and metadata, read
 * as an .html import is, under the page's canonical address (so the page
 * is recognised as its own original), searchable when this resolves.
 * Returns the article's title, or why it could not be added.
 */
export async function addPage(tabId: number, collection: string): Promise<{ title: string } | { problem: string }> {
  const { html, url } = await sendToTab(tabId, { type: 'tab/page-html' });
  const { articles, problems } = await readPage(html);
  const [found] = articles;
  if (!found) return { problem: problems[0] ? PROBLEM_REASON[problems[0].reason] : PROBLEM_REASON['no-article-text'] };
  const article: Article = {
    ...found,
    id: keyedId(url, found.meta.title),
    meta: { ...found.meta, url: found.meta.url ?? url },
    collection,
  };
  await sendToBackground({ type: 'corpus/import', articles: [article] });
  await updateSettings(() => ({ lastCollection: collection }));
  // Every frame of the page: the added text may be a frame's.
  await sendToTab(tabId, { type: 'tab/recheck' }, null).catch(() => false);
  return { title: article.meta.title };
}
