/**
 * The options page's parser, off the main thread: files in, articles and
 * problems out, one file at a time so the page can show progress. Cancel
 * is the page terminating this worker.
 */
import { readFiles } from '../files/read';
import { exportCorpus, type ExportDocument } from '../files/reprint';
import type { ImportedArticle, Problem } from '../files/types';

export type ParseRequest = { type: 'parse'; files: Array<{ path: string; file: Blob }> } | { type: 'export'; docs: ExportDocument[] };

export type ParseMessage =
  | { type: 'file'; done: number; total: number; articles: ImportedArticle[]; problems: Problem[]; collections?: string[] }
  | { type: 'done' }
  | { type: 'zip'; bytes: Uint8Array };

self.onmessage = async (e: MessageEvent<ParseRequest>) => {
  if (e.data.type === 'export') {
    const bytes = exportCorpus(e.data.docs);
    (self as unknown as Worker).postMessage({ type: 'zip', bytes } satisfies ParseMessage, [bytes.buffer]);
    return;
  }
  const { files } = e.data;
  for (let i = 0; i < files.length; i++) {
    const { path, file } = files[i];
    let message: ParseMessage;
    try {
      const result = readFiles([{ path, bytes: new Uint8Array(await file.arrayBuffer()) }]);
      message = { type: 'file', done: i + 1, total: files.length, ...result };
    } catch (err) {
      message = {
        type: 'file',
        done: i + 1,
        total: files.length,
        articles: [],
        problems: [{ file: path, reason: 'unreadable', detail: String(err).slice(0, 200) }],
      };
    }
    (self as unknown as Worker).postMessage(message);
  }
  (self as unknown as Worker).postMessage({ type: 'done' } satisfies ParseMessage);
};
