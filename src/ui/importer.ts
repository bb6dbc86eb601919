import { textHash } from '../fingerprint/hash';
import { sendToBackground } from '../messages';
import { readSettings, updateSettings } from '../settings';
import type { ImportedArticle, Problem } from '../files/types';
import type { Article } from '../types';
import { DEFAULT_COLLECTION } from './add-page';
import { field, h } from './dom';
import type { ParseMessage, ParseRequest } from './import-worker';
// Vite bundles the worker with its imports and gives back its constructor.
import ImportWorker from './import-worker?worker';
import { plural, PROBLEM_REASON } from './words';

/** Articles per corpus/import message: small enough that each is stored quickly, and progress moves. */
const SEND_BATCH = 250;

type Choice = 'replace' | 'skip';

/**
 * The import section of the options page: files or a folder, by picker or
 * by drag and drop, parsed in a worker, checked for articles already in
 * the corpus (same id, URL or text), then stored in batches with a progress
 * bar, a count, time left and Cancel, and a summary of what could not be read.
 */
export class Importer {
  readonly element: HTMLElement;
  private readonly collection = h('input', { type: 'text', id: 'import-collection', list: 'collection-names', 'aria-label': 'Collection' });
  private readonly names = h('datalist', { id: 'collection-names' });
  private readonly progress = h('div', { class: 'progress', hidden: true });
  private readonly summary = h('div', { class: 'summary', role: 'status', 'aria-live': 'polite' });
  private worker: Worker | undefined;
  private cancelled = false;
  private onCancel: (() => void) | undefined;

  constructor(
    private readonly collections: () => string[],
    private readonly changed: () => void,
  ) {
    const files = h('input', { type: 'file', id: 'import-files', multiple: true, hidden: true });
    const folder = h('input', { type: 'file', id: 'import-folder', multiple: true, webkitdirectory: true, hidden: true });
    for (const input of [files, folder])
      input.addEventListener('change', () => {
        const chosen = [...(input.files ?? [])].map((f) => ({ path: f.webkitRelativePath || f.name, file: f }));
        // Cleared, so choosing the same files again is a change too (browsers fire "cancel" otherwise).
        input.value = '';
        void this.start(chosen);
      });
    const drop = h(
      'div',
      { class: 'dropzone' },
      h('p', {}, 'Drop files, a folder or a .zip here, or'),
      h(
        'p',
        {},
        h('button', { type: 'button', onclick: () => files.click() }, 'Choose files'),
        ' ',
        h('button', { type: 'button', onclick: () => folder.click() }, 'Choose a folder'),
      ),
      h('p', { class: 'muted' }, 'Text (.txt, .md), web pages (.html), JSON (.json, .jsonl), RSS and Atom feeds, .zip archives of these, and Reprint exports.'),
      files,
      folder,
    );
    drop.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.isTrusted) void this.dropped(e.dataTransfer);
    });
    this.element = h(
      'section',
      { id: 'import', 'aria-labelledby': 'import-title' },
      h('h2', { id: 'import-title' }, 'Import'),
      h('p', {}, h('label', { for: 'import-collection' }, 'Into the collection '), this.collection, this.names),
      drop,
      this.progress,
      this.summary,
    );
    void readSettings().then((s) => (this.collection.value ||= s.lastCollection ?? DEFAULT_COLLECTION));
  }

  /** Files and folders dropped: folders are walked (webkitGetAsEntry), so a dropped folder imports like a chosen one. */
  private async dropped(data: DataTransfer | null): Promise<void> {
    if (!data) return;
    const out: Array<{ path: string; file: File }> = [];
    const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
      if (entry.isFile) out.push({ path: prefix + entry.name, file: await new Promise<File>((r, j) => (entry as FileSystemFileEntry).file(r, j)) });
      else if (entry.isDirectory) {
        const reader = (entry as FileSystemDirectoryEntry).createReader();
        for (;;) {
          const batch = await new Promise<FileSystemEntry[]>((r, j) => reader.readEntries(r, j));
          if (!batch.length) break;
          for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
        }
      }
    };
    const entries = [...data.items].map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
    for (const e of entries) await walk(e, '');
    await this.start(out);
  }

  private async start(files: Array<{ path: string; file: File }>): Promise<void> {
    if (!files.length) return;
    this.names.replaceChildren(...this.collections().map((n) => h('option', { value: n })));
    const collection = this.collection.value.trim() || DEFAULT_COLLECTION;
    await updateSettings(() => ({ lastCollection: collection }));
    this.cancelled = false;
    this.summary.replaceChildren();
    const started = Date.now();
    const bar = h('progress', { max: String(files.length), value: '0' });
    const label = h('span', {});
    const cancel = h('button', { type: 'button', onclick: () => this.cancel() }, 'Cancel');
    this.progress.hidden = false;
    this.progress.replaceChildren(h('p', {}, label, ' ', cancel), bar);
    const show = (done: number, total: number, what: string) => {
      bar.max = total;
      bar.value = done;
      const left = done > 0 ? ((Date.now() - started) / done) * (total - done) : NaN;
      label.textContent = `${what} ${done} of ${total}${Number.isFinite(left) && done < total ? ` · about ${Math.max(1, Math.round(left / 1000))} s left` : ''}`;
    };

    // 1. Parse, off the main thread.
    const articles: ImportedArticle[] = [];
    const problems: Problem[] = [];
    const parsed = await new Promise<boolean>((resolve) => {
      this.onCancel = () => resolve(false);
      this.worker = new ImportWorker();
      this.worker.onmessage = (e: MessageEvent<ParseMessage>) => {
        if (e.data.type === 'done') return resolve(true);
        if (e.data.type !== 'file') return;
        articles.push(...e.data.articles);
        problems.push(...e.data.problems);
        show(e.data.done, e.data.total, 'Reading file');
      };
      this.worker.onerror = () => resolve(false);
      this.worker.postMessage({ type: 'parse', files } satisfies ParseRequest);
    });
    this.worker?.terminate();
    this.worker = undefined;
    if (!parsed || this.cancelled) return this.finish({ cancelled: true, imported: 0, skipped: 0, replaced: 0, problems });

    // 2. Articles already in the corpus: by id, by URL, or by identical text.
    const known = await sendToBackground({ type: 'corpus/identities' });
    const byId = new Set(known.map((k) => k.id));
    const byUrl = new Map(known.filter((k) => k.url).map((k) => [k.url!, k.id]));
    const byText = new Map(known.map((k) => [k.textHash, k.id]));
    const ready: Article[] = articles.map((a) => {
      // The same article under another id replaces that one: it takes its id.
      const same = byUrl.get(a.meta.url ?? '') ?? byText.get(textHash(a.paragraphs));
      return { ...a, id: same ?? a.id, collection: a.collection ?? collection };
    });
    const duplicates = ready.filter((a) => byId.has(a.id));
    const choice: Choice = duplicates.length ? await this.ask(duplicates.length) : 'replace';
    const sending = choice === 'skip' ? ready.filter((a) => !byId.has(a.id)) : ready;

    // 3. Store, in batches.
    let stored = 0;
    for (let i = 0; i < sending.length && !this.cancelled; i += SEND_BATCH) {
      const batch = sending.slice(i, i + SEND_BATCH);
      await sendToBackground({ type: 'corpus/import', articles: batch });
      stored += batch.length;
      show(stored, sending.length, 'Storing article');
    }
    const replaced = choice === 'replace' ? Math.min(duplicates.length, stored) : 0;
    this.finish({ cancelled: this.cancelled, imported: stored - replaced, replaced, skipped: choice === 'skip' ? duplicates.length : 0, problems });
  }

  private cancel(): void {
    this.cancelled = true;
    this.worker?.terminate();
    this.onCancel?.();
  }

  /** Asks once, for all of them, whether articles already in the corpus are replaced or skipped. */
  private ask(count: number): Promise<Choice> {
    return new Promise((resolve) => {
      const done = (c: Choice) => {
        box.remove();
        resolve(c);
      };
      const box = h(
        'div',
        { class: 'ask', role: 'group', 'aria-label': 'Articles already in your corpus' },
        h('p', {}, `${plural(count, 'article')} ${count === 1 ? 'is' : 'are'} already in your corpus (same address or same text).`),
        h(
          'p',
          { class: 'buttons' },
          h('button', { type: 'button', onclick: () => done('replace') }, 'Replace them'),
          h('button', { type: 'button', onclick: () => done('skip') }, 'Skip them'),
        ),
      );
      this.progress.append(box);
      box.querySelector('button')?.focus();
    });
  }

  private finish(r: { cancelled: boolean; imported: number; replaced: number; skipped: number; problems: Problem[] }): void {
    this.progress.hidden = true;
    const counts = [
      `Imported ${plural(r.imported, 'article')}`,
      r.replaced ? `replaced ${r.replaced}` : '',
      r.skipped ? `skipped ${r.skipped} already in your corpus` : '',
    ].filter(Boolean);
    const lines: HTMLElement[] = [h('p', { class: 'result' }, r.cancelled ? 'Import cancelled. Nothing already stored was lost.' : `${counts.join(', ')}.`)];
    if (r.problems.length)
      lines.push(
        h('p', {}, `${plural(r.problems.length, 'file')} could not be read:`),
        h(
          'ul',
          { class: 'problems' },
          ...r.problems.map((p) => h('li', {}, field(p.file), ` — ${PROBLEM_REASON[p.reason]}`, ...(p.detail ? [' (', field(p.detail), ')'] : []))),
        ),
      );
    this.summary.replaceChildren(...lines);
    this.changed();
  }
}

/** The corpus, or one collection, as Reprint's export zip, built in a worker and downloaded. */
export async function exportToFile(collection?: string): Promise<number> {
  const docs = await sendToBackground({ type: 'corpus/articles', ...(collection === undefined ? {} : { collection }) });
  const worker = new ImportWorker();
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ParseMessage>) => e.data.type === 'zip' && resolve(e.data.bytes);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ type: 'export', docs } satisfies ParseRequest);
  }).finally(() => worker.terminate());
  const name = `reprint-${collection ? collection.replace(/[^\p{L}\p{N}]+/gu, '-') : 'corpus'}-${new Date().toISOString().slice(0, 10)}.zip`;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
  h('a', { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return docs.length;
}
