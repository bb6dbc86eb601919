import { loadCorpusFiles, type CorpusFile, type Manifest } from '../corpus/load';
import { hashString, textHash } from '../fingerprint/hash';
import type { BlockMatch } from '../match/matcher';
import type { ArticleIdentity, CollectionSummary, CorpusStatus, DocumentSummary, OwnDocument } from '../messages';
import type { DocRecord } from '../storage/db';
import { urlKey, urlVariants } from '../text/urls';
import { FEW_STAGED, LocalIndex } from '../storage/local-index';
import { DEMO_COLLECTION, type Article } from '../types';
import type { CorpusBackend } from './backend';

/** A document as listings show it. */
const summary = (d: DocRecord): DocumentSummary => ({
  id: d.id,
  title: d.meta.title,
  publisher: d.meta.publisher,
  author: d.meta.author,
  url: d.meta.url,
  date: d.meta.date,
  collection: d.collection,
  added: d.added,
  paragraphs: d.paragraphs.length,
});

interface Identities {
  ids: Set<string>;
  byUrl: Map<string, string>;
  byText: Map<number, string>;
}

function remember(known: Identities, k: ArticleIdentity): void {
  known.ids.add(k.id);
  const url = k.url && urlKey(k.url);
  if (url) known.byUrl.set(url, k.id);
  known.byText.set(k.textHash, k.id);
}

/** The bundled corpus as the build packages it (seeds.json). */
export interface BundledCorpus {
  files: CorpusFile[];
  manifest: Manifest;
}

/**
 * Chrome stops a worker idle for 30 s, and work on IndexedDB alone does not
 * count as activity (measured: a 5,000-document build was lost at 41 s).
 * An extension API call every 20 s keeps it alive while steps remain.
 */
const KEEP_ALIVE_MS = 20_000;
/** How long a page query on an empty index waits for the articles being indexed (the seeds, after install). */
const SETTLE_WAIT_MS = 3_000;
/**
 * After a small import replies, background work (grouping the new article
 * first of all) waits this long for the page scan that follows. Grouping an
 * 800-word article reads 40–90 ms of cold partitions at 10,000 articles
 * (bench, add one article); run beside the rescan it doubled its time.
 */
const RESCAN_GRACE_MS = 100;
/**
 * After a page query, background work waits this long: a page scanned in
 * parts, or several frames, sends its queries one after another, and each
 * ran beside a background step started in between.
 */
const QUERY_GRACE_MS = 100;

/**
 * The corpus in this browser: the IndexedDB index, and the loop that works
 * through its pending steps. Holds no state of its own that storage lacks:
 * a new instance (a restarted worker) resumes where the last step committed.
 */
export class LocalBackend implements CorpusBackend {
  private running: Promise<void> | undefined;
  /** Called after every step: waiters for the staged articles to be indexed. */
  private afterStep: Array<() => void> = [];
  /** The bundled corpus being checked and staged, when a start began it. */
  private bundling: Promise<void> | undefined;
  /** Identities of stored articles, for recognising an import's duplicates; dropped on delete. */
  private known: Promise<Identities> | undefined;
  /** Page queries under way: background steps wait for them, so a reader never waits behind more than one step. */
  private queries = 0;
  /** Background steps wait until then: a page's next query, or the rescan that follows an added page, goes first. */
  private quietUntil = 0;

  constructor(
    readonly index = new LocalIndex(),
    private readonly keepAlive: () => Promise<unknown> = async () => undefined,
  ) {}

  async match(texts: string[]): Promise<Array<BlockMatch | null>> {
    // Just installed: the bundled corpus is on its way. Otherwise answer at once with what is searchable.
    if ((await this.index.documentCount()) === 0) {
      await this.bundling;
      await this.settled(SETTLE_WAIT_MS);
    }
    this.queries++;
    try {
      return await this.index.matcher.match(texts);
    } catch {
      // One text that breaks matching must not cost its neighbours their answers.
      return Promise.all(
        texts.map((t) =>
          this.index.matcher.match([t]).then(
            ([m]) => m,
            () => null,
          ),
        ),
      );
    } finally {
      this.quietUntil = Math.max(this.quietUntil, Date.now() + QUERY_GRACE_MS);
      if (--this.queries === 0) this.notify();
    }
  }

  /**
   * Accepts articles; they are stored before this resolves, and indexed in
   * steps. A few articles (a reader adding a page) are searchable when it
   * resolves, unless a large import is ahead of them.
   */
  async import(articles: Article[]): Promise<{ staged: number }> {
    await this.index.stage(articles);
    // Wakes the loop if it pauses for a page: articles a reader waits for go first.
    this.notify();
    if (this.known) {
      const known = await this.known;
      for (const a of articles) remember(known, { id: a.id, url: a.meta.url, textHash: textHash(a.paragraphs) });
    }
    // Imports this small wait until they are searchable: the index takes them before other work.
    if (articles.length <= FEW_STAGED) {
      await this.settled(SETTLE_WAIT_MS);
      this.quietUntil = Date.now() + RESCAN_GRACE_MS;
    } else void this.work();
    return { staged: articles.length };
  }

  async delete(ids: string[]): Promise<{ deleted: number }> {
    this.known = undefined;
    const deleted = await this.index.delete(ids);
    this.work();
    return { deleted };
  }

  async status(): Promise<CorpusStatus> {
    const state = await this.index.snapshot();
    const staged = state.staged;
    // Work can appear without a call here: a migration, or another context's writes.
    if (staged || state.grouping.length || state.merge || state.dead) void this.work();
    return {
      documents: state.documents,
      paragraphs: state.paragraphs,
      problems: state.problems,
      staged,
      grouping: state.grouping.length,
      segments: state.segments.length,
      merging: state.merge !== null,
      cleaning: state.dead !== null,
    };
  }

  setInactive(collections: Iterable<string>): void {
    this.index.setInactive(collections);
  }

  async articles(collection?: string): Promise<Article[]> {
    const all = await this.index.eachDocument((d) => ({ id: d.id, meta: d.meta, paragraphs: d.paragraphs, collection: d.collection }));
    return collection === undefined ? all : all.filter((a) => a.collection === collection);
  }

  async collections(): Promise<CollectionSummary[]> {
    const counts = new Map<string, number>();
    for (const c of await this.index.eachDocument((d) => d.collection)) counts.set(c, (counts.get(c) ?? 0) + 1);
    return [...counts].map(([name, documents]) => ({ name, documents })).sort((a, b) => a.name.localeCompare(b.name));
  }

  async renameCollection(from: string, to: string): Promise<{ moved: number }> {
    return { moved: from === to ? 0 : await this.index.renameCollection(from, to) };
  }

  /** Stages the bundled corpus again, whatever was staged before: the reader restores the Demo collection. */
  async restoreBundled(bundle: BundledCorpus | Promise<BundledCorpus>): Promise<{ staged: number }> {
    const b = await bundle;
    const { documents } = loadCorpusFiles(b.files, b.manifest);
    await this.index.stage(documents.map((d) => ({ ...d, collection: DEMO_COLLECTION })));
    await this.settled(SETTLE_WAIT_MS);
    return { staged: documents.length };
  }

  async search(query: string, limit: number): Promise<DocumentSummary[]> {
    const q = query.trim().toLowerCase();
    const found = await this.index.eachDocument((d) =>
      !q || d.meta.title.toLowerCase().includes(q) || d.paragraphs.some((p) => p.toLowerCase().includes(q)) ? summary(d) : null,
    );
    return found.filter((d): d is DocumentSummary => d !== null).slice(0, limit);
  }

  async article(id: string): Promise<Article | null> {
    const d = await this.index.byId(id);
    return d ? { id: d.id, meta: d.meta, paragraphs: d.paragraphs, collection: d.collection } : null;
  }

  /** The corpus document a page is, by its addresses (as written, or another way of writing them), with the documents that carry its text. */
  async ownDocument(urls: string[]): Promise<OwnDocument | null> {
    const doc = await this.index.byUrl([...new Set(urls.flatMap(urlVariants))]);
    if (!doc) return null;
    const copies = (await this.index.linkedDocuments(doc)).map((d) => ({ id: d.id, title: d.meta.title, publisher: d.meta.publisher }));
    return { id: doc.id, title: doc.meta.title, collection: doc.collection, copies };
  }

  /** Which of these articles the corpus already holds, by id, URL or identical text: [index, stored id]. */
  async duplicates(keys: ArticleIdentity[]): Promise<Array<[number, string]>> {
    const known = await this.identities();
    const out: Array<[number, string]> = [];
    keys.forEach((k, i) => {
      const id = known.ids.has(k.id) ? k.id : ((k.url && known.byUrl.get(urlKey(k.url) ?? '')) ?? known.byText.get(k.textHash));
      if (id) out.push([i, id]);
    });
    return out;
  }

  /**
   * What recognises a stored article, read once and kept while articles
   * arrive: an import asks for every batch of 250, and reading 10,000
   * documents for each would cost seconds. A restarted worker reads it again.
   */
  private async identities(): Promise<Identities> {
    this.known ??= this.index
      .eachDocument((d) => ({ id: d.id, url: d.meta.url, textHash: textHash(d.paragraphs) }))
      .then((all) => {
        const known: Identities = { ids: new Set(), byUrl: new Map(), byText: new Map() };
        for (const k of all) remember(known, k);
        return known;
      });
    return this.known;
  }

  async documents(): Promise<DocumentSummary[]> {
    return this.index.eachDocument(summary);
  }

  /**
   * Stages the bundled corpus as the Demo collection when it changed since
   * it was last staged (install, update, or a first run after migration).
   */
  ensureBundled(bundle: BundledCorpus | Promise<BundledCorpus>): Promise<void> {
    this.bundling = Promise.resolve(bundle).then((b) => this.stageBundle(b));
    return this.bundling;
  }

  private async stageBundle(bundle: BundledCorpus): Promise<void> {
    const hash = `b${hashString(JSON.stringify(bundle))}`;
    const state = await this.index.currentState();
    if (state.bundled !== hash) {
      const { documents, problems } = loadCorpusFiles(bundle.files, bundle.manifest);
      const ids = new Set(documents.map((d) => d.id));
      const gone = (await this.documents()).filter((d) => d.collection === DEMO_COLLECTION && !ids.has(d.id)).map((d) => d.id);
      if (gone.length) await this.index.delete(gone);
      await this.index.stage(documents.map((d) => ({ ...d, collection: DEMO_COLLECTION })));
      await this.index.recordBundle(hash, problems);
    }
    this.work();
  }

  /** Runs pending steps until none is left; one loop at a time. */
  work(): Promise<void> {
    this.running ??= (async () => {
      let last = Date.now();
      try {
        for (;;) {
          await this.quiet();
          if ((await this.index.step()) === 'idle') break;
          this.notify();
          if (Date.now() - last > KEEP_ALIVE_MS) {
            last = Date.now();
            await this.keepAlive();
          }
        }
      } finally {
        this.running = undefined;
        this.notify();
      }
    })();
    return this.running;
  }

  /** Waits until nothing is staged, or `ms` passed. */
  async settled(ms = Infinity): Promise<void> {
    const end = Date.now() + ms;
    while ((await this.index.stagedCount()) > 0 && Date.now() < end) {
      const next = new Promise<void>((resolve) => {
        this.afterStep.push(resolve);
        setTimeout(resolve, Math.min(end - Date.now(), 2 ** 31 - 1));
      });
      void this.work();
      await next;
    }
  }

  /** Resolves when no page query is under way and the grace after one is over, or when a reader waits for added articles. */
  private async quiet(): Promise<void> {
    for (;;) {
      const wait = this.quietUntil - Date.now();
      if (this.index.readerWaiting || (this.queries === 0 && wait <= 0)) return;
      await new Promise<void>((resolve) => {
        this.afterStep.push(resolve);
        if (wait > 0) setTimeout(resolve, wait);
      });
    }
  }

  private notify(): void {
    const waiting = this.afterStep;
    this.afterStep = [];
    for (const resolve of waiting) resolve();
  }
}
