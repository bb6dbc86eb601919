/**
 * The options page's parser, off the main thread: files in, articles and
 * problems out, one file at a time so the page can show progress. Cancel
 * is the page terminating this worker.
 */
import { readFiles } from '../files/read';
import { exportCorpus, type ExportDocument } from '../files/reprint';
import type { ImportedArticle, Problem } from '../files/types';
import { textHash } from '../fingerprint/hash';
import type { ArticleIdentity } from '../messages';

/** Articles per message to the page. */
const POST_BATCH = 250;

export type ParseRequest =
  | { type: 'parse'; files: Array<{ path: string; file: Blob }> }
  /** The page has stored the last part and wants the next one. */
  | { type: 'next' }
  | { type: 'export'; docs: ExportDocument[] };

export type ParseMessage =
  | { type: 'file'; done: number; total: number; articles: ImportedArticle[]; keys: ArticleIdentity[]; problems: Problem[]; collections?: string[] }
  | { type: 'done' }
  | { type: 'zip'; bytes: Uint8Array };

/**
 * Parts go out one at a time, each when the page asks: pushed all at once,
 * a 10,000-article file sat whole on the page's heap while the page stored
 * the first parts. Here the parsed file waits in this worker's heap, and
 * the page holds one part at a time.
 */
let granted = 0;
let waiting: (() => void) | undefined;
/** Waits for the page to ask for a part. An ask may come first, while the next file is still being read: it is counted. */
async function nextAsked(): Promise<void> {
  if (granted === 0) await new Promise<void>((resolve) => (waiting = resolve));
  granted--;
}

self.onmessage = async (e: MessageEvent<ParseRequest>) => {
  if (e.data.type === 'next') {
    granted++;
    waiting?.();
    waiting = undefined;
    return;
  }
  if (e.data.type === 'export') {
    const bytes = exportCorpus(e.data.docs);
    (self as unknown as Worker).postMessage({ type: 'zip', bytes } satisfies ParseMessage, [bytes.buffer]);
    return;
  }
  const { files } = e.data;
  let first = true;
  for (let i = 0; i < files.length; i++) {
    const { path, file } = files[i];
    let result: { articles: ImportedArticle[]; problems: Problem[] };
    try {
      result = readFiles([{ path, bytes: new Uint8Array(await file.arrayBuffer()) }]);
    } catch (err) {
      result = { articles: [], problems: [{ file: path, reason: 'unreadable', detail: String(err).slice(0, 200) }] };
    }
    // In parts: one message of a 10,000-article file took the page 334 ms to receive.
    for (let k = 0; k === 0 || k < result.articles.length; k += POST_BATCH) {
      if (!first) await nextAsked();
      first = false;
      const articles = result.articles.slice(k, k + POST_BATCH);
      (self as unknown as Worker).postMessage({
        type: 'file',
        done: k + POST_BATCH >= result.articles.length ? i + 1 : i,
        total: files.length,
        articles,
        // What the corpus recognises an article by, computed here, not on the page.
        keys: articles.map((a) => ({ id: a.id, url: a.meta.url, textHash: textHash(a.paragraphs) })),
        problems: k === 0 ? result.problems : [],
      } satisfies ParseMessage);
    }
  }
  if (!first) await nextAsked();
  (self as unknown as Worker).postMessage({ type: 'done' } satisfies ParseMessage);
};
