import { sendToBackground, type ArticleIdentity } from '../messages';
import { readSettings, updateSettings } from '../settings';
import type { ImportedArticle, Problem } from '../files/types';
import type { Article } from '../types';
import { DEFAULT_COLLECTION } from './add-page';
import { download, field, h } from './dom';
import type { ParseMessage, ParseRequest } from './import-worker';
// Vite bundles the worker with its imports and gives back its constructor.
import ImportWorker from './import-worker?worker';
import { IMPORT, PROBLEM_REASON } from './words';

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
  private readonly collection = h('input', { type: 'text', id: 'import-collection', list: 'collection-names', 'aria-label': IMPORT.collection });
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
      h('p', {}, IMPORT.drop),
      h(
        'p',
        {},
        h('button', { type: 'button', onclick: () => files.click() }, IMPORT.chooseFiles),
        ' ',
        h('button', { type: 'button', onclick: () => folder.click() }, IMPORT.chooseFolder),
      ),
      h('p', { class: 'muted' }, IMPORT.formats),
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
      h('h2', { id: 'import-title' }, IMPORT.title),
      h('p', {}, h('label', { for: 'import-collection' }, IMPORT.into), this.collection, this.names),
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
    const cancel = h('button', { type: 'button', onclick: () => this.cancel() }, IMPORT.cancel);
    this.progress.hidden = false;
    this.progress.replaceChildren(h('p', {}, label, ' ', cancel), bar);
    const show = (done: number, total: number, text: string) => {
      bar.max = total;
      // One big file: progress within it is unknown, so the bar only says "working".
      if (total === 1) bar.removeAttribute('value');
      else bar.value = done;
      const left = done > 0 && total > 1 ? ((Date.now() - started) / done) * (total - done) : NaN;
      label.textContent = `${text}${Number.isFinite(left) && done < total ? IMPORT.timeLeft(Math.max(1, Math.round(left / 1000))) : ''}`;
    };

    // Parsed in a worker; each part is checked against the corpus and stored as it comes, so the page
    // never holds a whole import (10,000 articles held at once cost it GC pauses of 60–90 ms). The worker
    // sends the next part only when asked, so at most one part is here at a time.
    const problems: Problem[] = [];
    const parts: Array<{ articles: ImportedArticle[]; keys: ArticleIdentity[] }> = [];
    let filesDone = 0;
    let parsed: boolean | undefined;
    let wake: (() => void) | undefined;
    const woken = () => new Promise<void>((r) => (wake = r));
    this.onCancel = () => ((parsed = false), wake?.());
    this.worker = new ImportWorker();
    this.worker.onmessage = (e: MessageEvent<ParseMessage>) => {
      if (e.data.type === 'done') parsed = true;
      else if (e.data.type === 'file') {
        parts.push({ articles: e.data.articles, keys: e.data.keys });
        problems.push(...e.data.problems);
        filesDone = e.data.done;
      }
      wake?.();
    };
    this.worker.onerror = () => ((parsed = false), wake?.());
    this.worker.postMessage({ type: 'parse', files } satisfies ParseRequest);

    let choice: Choice | undefined;
    let stored = 0;
    let replaced = 0;
    let skipped = 0;
    for (;;) {
      const part = parts.shift();
      if (!part) {
        if (parsed !== undefined || this.cancelled) break;
        await woken();
        continue;
      }
      // Articles already in the corpus (same id, URL or identical text) take the stored id: a replace.
      const same = new Map(await sendToBackground({ type: 'corpus/duplicates', keys: part.keys }));
      if (same.size) choice ??= await this.ask();
      if (this.cancelled) break;
      const batch: Article[] = part.articles
        .map((a, i) => ({ ...a, id: same.get(i) ?? a.id, collection: a.collection ?? collection }))
        .filter((_, i) => choice !== 'skip' || !same.has(i));
      if (choice === 'skip') skipped += same.size;
      else replaced += same.size;
      for (let i = 0; i < batch.length; i += SEND_BATCH) await sendToBackground({ type: 'corpus/import', articles: batch.slice(i, i + SEND_BATCH) });
      stored += batch.length;
      show(filesDone, files.length, IMPORT.progress(stored, filesDone, files.length));
      this.worker?.postMessage({ type: 'next' } satisfies ParseRequest);
    }
    this.worker?.terminate();
    this.worker = undefined;
    this.finish({ cancelled: this.cancelled || parsed === false, imported: stored - replaced, replaced, skipped, problems });
  }

  private cancel(): void {
    this.cancelled = true;
    this.worker?.terminate();
    this.onCancel?.();
  }

  /** Asks once, for the whole import, whether articles already in the corpus are replaced or skipped. */
  private ask(): Promise<Choice> {
    return new Promise((resolve) => {
      const done = (c: Choice) => {
        box.remove();
        resolve(c);
      };
      const box = h(
        'div',
        { class: 'ask', role: 'group', 'aria-label': IMPORT.already },
        h('p', {}, IMPORT.alreadyExplained),
        h(
          'p',
          { class: 'buttons' },
          h('button', { type: 'button', onclick: () => done('replace') }, IMPORT.replace),
          h('button', { type: 'button', onclick: () => done('skip') }, IMPORT.skip),
        ),
      );
      this.progress.append(box);
      box.querySelector('button')?.focus();
    });
  }

  private finish(r: { cancelled: boolean; imported: number; replaced: number; skipped: number; problems: Problem[] }): void {
    this.progress.hidden = true;
    const counts = [IMPORT.imported(r.imported), r.replaced ? IMPORT.replaced(r.replaced) : '', r.skipped ? IMPORT.skipped(r.skipped) : ''].filter(Boolean);
    const lines: HTMLElement[] = [h('p', { class: 'result' }, r.cancelled ? IMPORT.cancelled : `${counts.join(', ')}.`)];
    if (r.problems.length)
      lines.push(
        h('p', {}, IMPORT.unreadable(r.problems.length)),
        h(
          'ul',
          { class: 'problems' },
          ...r.problems.map((p) => h('li', {}, field(p.file), IMPORT.reason(PROBLEM_REASON[p.reason]), ...(p.detail ? [' (', field(p.detail), ')'] : []))),
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
  download(name, new Blob([bytes as BlobPart], { type: 'application/zip' }));
  return docs.length;
}
