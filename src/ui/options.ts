import { sendToBackground, type CollectionSummary, type CorpusStatus, type DocumentSummary } from '../messages';
import { readSettings, settingsItem, updateSettings, type Settings } from '../settings';
import { DEMO_COLLECTION, type Article, type DocumentMeta } from '../types';
import { bylineParts } from './describe';
import { field, fields, h } from './dom';
import { exportToFile } from './importer';
import { OPTIONS } from './words';

/** Library rows shown at once; the search narrows the rest. */
const LIBRARY_LIMIT = 100;
/**
 * Library rows added per task, a frame apart. Drawn in one task, 100 rows
 * (1,300 elements) took 132 ms of style, layout and paint with the CPU
 * slowed 3x, and 50 rows still 82-150 ms; added 10 at a time, the longest
 * task was 64 ms slowed, about 20 ms at full speed.
 */
const ROWS_PER_TASK = 10;
const FRAME_MS = 16;
/** How often the page reads the figures again while articles are being indexed. */
const INDEXING_POLL_MS = 1500;
/** How long "Undo" stays offered after a collection is deleted. */
const UNDO_MS = 15_000;

type Sort = 'title' | 'date' | 'added' | 'collection';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function section(id: string, title: string, ...children: Array<Node | null>): HTMLElement {
  return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

/**
 * The options page: the reader's collections, their library of documents,
 * figures, and the settings. The import section is added by the caller
 * (src/ui/importer.ts). Every change goes through the typed messages of
 * src/messages.ts; every field from the corpus is an isolated text node.
 */
export class OptionsPage {
  private settings!: Settings;
  private collections: CollectionSummary[] = [];
  private status!: CorpusStatus;
  private query = '';
  private sort: Sort = 'added';
  private following: ReturnType<typeof setTimeout> | undefined;
  /** Counts the library's redraws, so an older one still adding rows stops. */
  private drawing = 0;
  private readonly figures = h('div', { class: 'figures' });
  private readonly collectionList = h('div', { class: 'collections' });
  private readonly notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  private readonly library = h('tbody');
  private readonly libraryNote = h('p', { class: 'muted' });
  private readonly sitesList = h('ul', { class: 'sites' });
  private readonly pauseAll = h('input', { type: 'checkbox', id: 'pause-all' });
  private readonly dialog = h('dialog', { class: 'doc-dialog' });

  constructor(app: HTMLElement, importSection: HTMLElement) {
    const search = h('input', { type: 'search', id: 'library-search', placeholder: OPTIONS.searchPlaceholder, 'aria-label': OPTIONS.searchLabel });
    let timer: ReturnType<typeof setTimeout> | undefined;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.query = search.value;
        void this.refreshLibrary();
      }, 200);
    });
    const sort = h(
      'select',
      { id: 'library-sort', 'aria-label': OPTIONS.sortLabel, onchange: () => ((this.sort = sort.value as Sort), void this.refreshLibrary()) },
      ...(['added', 'title', 'date', 'collection'] as const).map((v) => h('option', { value: v }, OPTIONS.sorts[v])),
    );
    this.pauseAll.addEventListener('change', () => void updateSettings(() => ({ paused: this.pauseAll.checked })));
    app.replaceChildren(
      h('h1', {}, OPTIONS.name),
      h('p', { class: 'lede muted' }, OPTIONS.lede),
      this.notice,
      section('corpus', OPTIONS.collections, this.collectionList, this.figures),
      importSection,
      section(
        'library',
        OPTIONS.library,
        h('div', { class: 'library-tools' }, search, sort),
        this.libraryNote,
        h(
          'table',
          { id: 'documents' },
          // The row actions' column has no heading: an empty cell, as an empty header would be announced as a header with no name (axe: empty-table-header).
          h('thead', {}, h('tr', {}, ...OPTIONS.columns.map((c) => (c ? h('th', { scope: 'col' }, c) : h('td', {}))))),
          this.library,
        ),
      ),
      section(
        'settings',
        OPTIONS.settings,
        h('p', {}, this.pauseAll, ' ', h('label', { for: 'pause-all' }, OPTIONS.pauseAll), h('span', { class: 'muted' }, OPTIONS.pauseAllKey)),
        h('h3', {}, OPTIONS.pausedSites),
        this.sitesList,
      ),
      this.dialog,
    );
    settingsItem.watch(() => void this.refresh());
  }

  /** Reads everything again: after an import, a delete, or a change in another window. */
  async refresh(): Promise<void> {
    [this.settings, this.collections, this.status] = await Promise.all([
      readSettings(),
      sendToBackground({ type: 'corpus/collections' }),
      sendToBackground({ type: 'corpus/status' }),
    ]);
    this.renderCollections();
    this.renderSettings();
    await Promise.all([this.renderFigures(), this.refreshLibrary()]);
    document.body.setAttribute('data-ready', '');
    this.followIndexing();
  }

  /** While articles are being indexed, the figures follow them; the rest is read again once indexing is done. */
  private followIndexing(): void {
    clearTimeout(this.following);
    if (!this.status.staged && !this.status.grouping) return;
    this.following = setTimeout(async () => {
      this.status = await sendToBackground({ type: 'corpus/status' });
      if (this.status.staged || this.status.grouping) {
        await this.renderFigures();
        this.followIndexing();
      } else await this.refresh();
    }, INDEXING_POLL_MS);
  }

  /** Collection names the import can offer. */
  get collectionNames(): string[] {
    return this.collections.map((c) => c.name);
  }

  private say(message: string, action?: HTMLElement): void {
    this.notice.replaceChildren(h('span', {}, message), ...(action ? [' ', action] : []));
  }

  private async renderFigures(): Promise<void> {
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    const s = this.status;
    this.figures.replaceChildren(
      h('p', {}, OPTIONS.figures(s.documents, s.paragraphs), estimate?.usage ? OPTIONS.stored(estimate.usage) : ''),
      ...(s.staged || s.grouping ? [h('p', { class: 'muted' }, OPTIONS.indexing(s.staged + s.grouping))] : []),
    );
  }

  private renderCollections(): void {
    const inactive = new Set(this.settings.inactiveCollections);
    const rows = this.collections.map((c) => {
      const id = `active-${c.name.replace(/[^\w-]/g, '_')}`;
      const box = h('input', { type: 'checkbox', id, ...(inactive.has(c.name) ? {} : { checked: true }) });
      box.addEventListener('change', () =>
        updateSettings((s) => ({
          inactiveCollections: box.checked ? s.inactiveCollections.filter((x) => x !== c.name) : [...new Set([...s.inactiveCollections, c.name])],
        })),
      );
      return h(
        'div',
        { class: 'collection', 'data-collection': c.name },
        box,
        h('label', { for: id }, field(c.name, 'name'), h('span', { class: 'muted' }, OPTIONS.documents(c.documents))),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', onclick: () => void exportToFile(c.name) }, OPTIONS.export),
        h('button', { type: 'button', onclick: () => this.rename(c.name) }, OPTIONS.rename),
        h('button', { type: 'button', class: 'danger', onclick: () => void this.deleteCollection(c) }, OPTIONS.delete),
      );
    });
    const demoGone = !this.collections.some((c) => c.name === DEMO_COLLECTION);
    this.collectionList.replaceChildren(
      ...(rows.length ? rows : [h('p', { class: 'muted' }, OPTIONS.noDocuments)]),
      h(
        'p',
        { class: 'buttons' },
        ...(rows.length ? [h('button', { type: 'button', onclick: () => void exportToFile() }, OPTIONS.exportAll)] : []),
        ...(demoGone ? [h('button', { type: 'button', class: 'restore', onclick: () => void this.restoreDemo() }, OPTIONS.restoreDemo)] : []),
      ),
    );
  }

  private rename(from: string): void {
    const input = h('input', { type: 'text', value: from, 'aria-label': OPTIONS.newNameFor(from) });
    const form = h(
      'form',
      { class: 'rename', method: 'dialog' },
      h('label', {}, OPTIONS.newName, input),
      h('button', { type: 'submit', value: 'ok' }, OPTIONS.rename),
      h('button', { type: 'submit', value: 'cancel', formnovalidate: true }, OPTIONS.cancel),
    );
    this.dialog.replaceChildren(h('h3', {}, OPTIONS.renameCollection), form);
    this.dialog.onclose = async () => {
      const to = input.value.trim();
      if (this.dialog.returnValue !== 'ok' || !to || to === from) return;
      await sendToBackground({ type: 'corpus/rename-collection', from, to });
      await updateSettings((s) => ({ inactiveCollections: s.inactiveCollections.map((x) => (x === from ? to : x)) }));
      this.say(OPTIONS.renamed(from, to));
      await this.refresh();
    };
    this.dialog.showModal();
  }

  /** Deletes a collection, keeping its articles here for a while so that Undo can import them back. */
  private async deleteCollection(c: CollectionSummary): Promise<void> {
    const kept: Article[] = await sendToBackground({ type: 'corpus/articles', collection: c.name });
    await sendToBackground({ type: 'corpus/delete', ids: kept.map((a) => a.id) });
    let undone = false;
    const undo = h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          if (undone) return;
          undone = true;
          this.say(OPTIONS.restoring(c.name));
          await sendToBackground({ type: 'corpus/import', articles: kept });
          this.say(OPTIONS.restored(c.name));
          await this.refresh();
        },
      },
      OPTIONS.undo,
    );
    this.say(OPTIONS.deletedWith(c.name, kept.length), undo);
    setTimeout(() => undo.isConnected && !undone && this.say(OPTIONS.deleted(c.name)), UNDO_MS);
    await this.refresh();
  }

  private async restoreDemo(): Promise<void> {
    const { staged } = await sendToBackground({ type: 'corpus/restore-demo' });
    this.say(OPTIONS.restoredDemo(staged));
    await this.refresh();
  }

  private async refreshLibrary(): Promise<void> {
    const found = await sendToBackground({ type: 'corpus/search', query: this.query, limit: LIBRARY_LIMIT + 1 });
    const by: Record<Sort, (a: DocumentSummary, b: DocumentSummary) => number> = {
      title: (a, b) => a.title.localeCompare(b.title),
      date: (a, b) => (b.date ?? '').localeCompare(a.date ?? ''),
      added: (a, b) => b.added - a.added,
      collection: (a, b) => a.collection.localeCompare(b.collection) || a.title.localeCompare(b.title),
    };
    const shown = found.slice(0, LIBRARY_LIMIT).sort(by[this.sort]);
    this.libraryNote.textContent =
      found.length > LIBRARY_LIMIT ? OPTIONS.showingFirst(LIBRARY_LIMIT) : this.query ? OPTIONS.matching(found.length, this.query) : '';
    const drawing = ++this.drawing;
    this.library.replaceChildren();
    for (let i = 0; i < shown.length; i += ROWS_PER_TASK) {
      if (i) await new Promise((r) => setTimeout(r, FRAME_MS));
      if (drawing !== this.drawing) return;
      this.library.append(...shown.slice(i, i + ROWS_PER_TASK).map((d) => this.libraryRow(d)));
    }
  }

  private libraryRow(d: DocumentSummary): HTMLElement {
    return h(
      'tr',
      { 'data-id': d.id },
      // The title heads its row: a screen reader names the document with each of the row's cells, its Edit and Delete buttons too.
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => void this.read(d.id) }, field(d.title))),
      h('td', { class: 'muted' }, fields(bylineParts({ title: d.title, publisher: d.publisher, author: d.author, date: d.date, url: d.url }))),
      h('td', {}, field(d.collection)),
      h('td', { class: 'muted' }, day(d.added)),
      h(
        'td',
        { class: 'row-actions' },
        h('button', { type: 'button', onclick: () => void this.edit(d.id) }, OPTIONS.edit),
        h(
          'button',
          {
            type: 'button',
            class: 'danger',
            onclick: async () => {
              await sendToBackground({ type: 'corpus/delete', ids: [d.id] });
              this.say(OPTIONS.deleted(d.title));
              await this.refresh();
            },
          },
          OPTIONS.delete,
        ),
      ),
    );
  }

  /** The read view: a document's text as stored. */
  private async read(id: string): Promise<void> {
    const a = await sendToBackground({ type: 'corpus/article', id });
    if (!a) return;
    this.dialog.replaceChildren(
      h(
        'form',
        { method: 'dialog', class: 'read' },
        h('h3', {}, field(a.meta.title)),
        fields(bylineParts(a.meta), 'muted'),
        ...a.paragraphs.map((p) => h('p', {}, field(p))),
        h('button', { type: 'submit' }, OPTIONS.close),
      ),
    );
    this.dialog.onclose = null;
    this.dialog.showModal();
  }

  /** Edits a document's metadata: saved as a replace of the same article. */
  private async edit(id: string): Promise<void> {
    const a = await sendToBackground({ type: 'corpus/article', id });
    if (!a) return;
    const keys = (['title', 'publisher', 'author', 'date', 'url'] as const).map((k): [keyof DocumentMeta, string] => [k, OPTIONS.fields[k]]);
    const inputs = keys.map(
      ([k, label]) => [k, h('input', { type: k === 'date' ? 'date' : k === 'url' ? 'url' : 'text', value: a.meta[k] ?? '', 'aria-label': label })] as const,
    );
    this.dialog.replaceChildren(
      h(
        'form',
        { method: 'dialog', class: 'edit' },
        h('h3', {}, OPTIONS.editDetails),
        ...inputs.map(([k, input]) => h('label', {}, keys.find(([x]) => x === k)![1], input)),
        h(
          'div',
          { class: 'buttons' },
          h('button', { type: 'submit', value: 'ok' }, OPTIONS.save),
          h('button', { type: 'submit', value: 'cancel', formnovalidate: true }, OPTIONS.cancel),
        ),
      ),
    );
    this.dialog.onclose = async () => {
      if (this.dialog.returnValue !== 'ok') return;
      const meta = { ...a.meta };
      for (const [k, input] of inputs) meta[k] = (input.value.trim() || (k === 'title' ? a.meta.title : null)) as never;
      await sendToBackground({ type: 'corpus/import', articles: [{ ...a, meta }] });
      this.say(OPTIONS.saved(meta.title));
      await this.refresh();
    };
    this.dialog.showModal();
  }

  private renderSettings(): void {
    this.pauseAll.checked = this.settings.paused;
    const sites = this.settings.pausedSites;
    this.sitesList.replaceChildren(
      ...(sites.length
        ? sites.map((site) =>
            h(
              'li',
              {},
              field(site),
              ' ',
              h(
                'button',
                { type: 'button', onclick: () => void updateSettings((s) => ({ pausedSites: s.pausedSites.filter((x) => x !== site) })) },
                OPTIONS.resume,
              ),
            ),
          )
        : [h('li', { class: 'muted' }, OPTIONS.noPausedSites)]),
    );
  }
}
