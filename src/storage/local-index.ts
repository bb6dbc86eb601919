import { applyPairs, findVersionPairs } from '../index/grouping';
import { docOfPid, indexOfPid, MAX_DOCUMENT_NUMBER, paragraphIds } from '../index/ids';
import { documentFacts, documentPostings, paragraphOf } from '../index/ingest';
import { BlockReader, buildBlock, FINE_PARTITIONS, lookup, mergeBlocks, partitionOf, splitBlock, WHOLE, type PartitionBlock } from '../index/partition';
import { Matcher, type IndexedParagraph, type IndexReader, type VersionLink } from '../match/matcher';
import type { Article, GramPostings } from '../types';
import type { IDBPTransaction } from 'idb';
import { DEFAULT_PACE, nextPace, type Pace } from './pace';
import { EMPTY_STATE, openIndexDb, STATE_KEY, type BlockRecord, type Db, type DocRecord, type IndexState, type ReprintDB, type SegmentInfo } from './db';

/** Staged articles indexed in one step: one transaction, one segment. */
const INDEX_BATCH = 200;
/** Staged articles this few are indexed before other work: a reader is waiting for them. */
export const FEW_STAGED = 20;
const fewStaged = (staged: number): boolean => staged > 0 && staged <= FEW_STAGED;
/** Segments of one level merged together (Lucene's merge factor). */
const MERGE_FACTOR = 10;
/** Partition blocks kept decoded in memory, in bytes. */
const CACHE_BYTES = 96 * 2 ** 20;
const DOC_CACHE = 2048;
/** Paragraphs kept with their links: a page's candidates, several pages over. */
const PARAGRAPH_CACHE = 20_000;

/** The state's pace, or the default where a state written before it has none. */
const paceOf = (state: IndexState): Pace => state.pace ?? DEFAULT_PACE;

/** Milliseconds since `started`. */
const since = (started: number): number => performance.now() - started;

/** What a step did, for progress reports. */
export type StepKind = 'index' | 'group' | 'merge' | 'clean' | 'idle';

/**
 * The corpus index in IndexedDB, read partition by partition: a page query
 * reads the partitions its grams fall in (cached, up to CACHE_BYTES), never
 * the whole index. All work is done in steps, each one transaction that
 * also records its progress, so a worker stopped anywhere resumes on its
 * next wake-up where the last committed step left off.
 */
export class LocalIndex implements IndexReader {
  private state: IndexState | undefined;
  /** Cached blocks by partition, each with the segment it belongs to. */
  private readonly blocks = new Map<number, CachedBlock[]>();
  private cachedBytes = 0;
  /** The output of a merge of fresh segments, while it is written a partition range a step. */
  private split: { output: number; blocks: Map<number, PartitionBlock> } | undefined;
  /** Bumped whenever stored blocks change: a read that began before does not fill the cache. */
  private generation = 0;
  private readonly docs = new Map<number, DocRecord>();
  /** Cached paragraphs, without and with their version links. */
  private readonly plain = new Map<number, IndexedParagraph>();
  private readonly linked = new Map<number, IndexedParagraph>();
  /** Collections the reader switched off: their documents are left out of matching. */
  private inactive = new Set<string>();
  /** Bumped when cached paragraphs are forgotten: a read that began before does not fill the cache. */
  private plainGeneration = 0;
  private linkGeneration = 0;
  readonly matcher = new Matcher(this);
  /** How long the last step of each kind took, its commit included: a restarted worker goes on at the stored pace. */
  private readonly took: Partial<Record<keyof Pace, number>> = {};

  private connection: Db | undefined;

  constructor(private readonly open: () => Promise<Db> = openIndexDb) {}

  /**
   * The database, with the caches forgotten when the connection is new:
   * another context may have replaced or upgraded it meanwhile.
   */
  private async db(): Promise<Db> {
    const db = await this.open();
    if (db !== this.connection) {
      if (this.connection) {
        this.state = undefined;
        this.docs.clear();
        this.forgetParagraphs();
        this.clearCache();
        this.matcher.forget();
      }
      this.connection = db;
    }
    return db;
  }

  /** Records which bundled corpus was staged, and the files it could not read. */
  async recordBundle(bundled: string, problems: string[]): Promise<void> {
    const tx = (await this.db()).transaction('state', 'readwrite');
    const state = { ...((await tx.store.get(STATE_KEY)) ?? EMPTY_STATE), bundled, problems };
    void tx.store.put(state, STATE_KEY);
    await tx.done;
    this.committed(state, false);
  }

  async currentState(): Promise<IndexState> {
    const db = await this.db();
    this.state ??= (await db.get('state', STATE_KEY)) ?? EMPTY_STATE;
    return this.state;
  }

  /** A few articles are staged, as this context last wrote: a reader who added a page waits for them. */
  get readerWaiting(): boolean {
    return this.state !== undefined && fewStaged(this.state.staged);
  }

  /** Accepts articles for indexing; they are safe once this resolves. */
  async stage(articles: Article[]): Promise<void> {
    const tx = (await this.db()).transaction(['staging', 'state'], 'readwrite');
    for (const a of articles) void tx.objectStore('staging').add(a);
    const state = { ...((await tx.objectStore('state').get(STATE_KEY)) ?? EMPTY_STATE) };
    state.staged += articles.length;
    void tx.objectStore('state').put(state, STATE_KEY);
    await tx.done;
    this.committed(state, false);
  }

  /** The stored state, read afresh: another context may have staged articles since it was cached. */
  async snapshot(): Promise<IndexState> {
    return (await (await this.db()).get('state', STATE_KEY)) ?? EMPTY_STATE;
  }

  /**
   * Articles staged and not yet indexed, as the state counts them: an
   * IndexedDB count() walks the records, and with 50,000 articles staged it
   * took 264 ms in Chromium, on every step of an import (a 60,000-article
   * import spent 77 of its first 133 s counting).
   */
  async stagedCount(): Promise<number> {
    return (await this.snapshot()).staged;
  }

  /**
   * Does one step of pending work. Grouping and merging come before more
   * indexing, so a long import keeps its backlog and its segment count small;
   * but a few articles (a page the reader added) are indexed first.
   */
  async step(): Promise<StepKind> {
    const state = await this.currentState();
    // Document numbers are never reused; a corpus that used them all indexes nothing more (README, limits).
    const staged = state.nextDoc <= MAX_DOCUMENT_NUMBER ? await this.stagedCount() : 0;
    if (fewStaged(staged)) return this.indexStaged();
    if (state.grouping.length) return this.group();
    if (state.merge || mergeCandidates(state.segments)) return this.mergeStep();
    if (staged) return this.indexStaged();
    if (state.dead) return this.cleanStep();
    return 'idle';
  }

  /**
   * Indexes the oldest staged articles as one new segment. The articles are
   * read, then fingerprinted outside any transaction, then written in one
   * short transaction that also removes them from staging: a transaction
   * kept open through the CPU work lost its writes in Firefox when the
   * browser closed mid-step, while its deletions from staging held.
   */
  private async indexStaged(): Promise<StepKind> {
    const db = await this.db();
    const read = db.transaction(['state', 'staging']);
    const before = (await read.objectStore('state').get(STATE_KEY)) ?? EMPTY_STATE;
    const room = Math.min(INDEX_BATCH, MAX_DOCUMENT_NUMBER + 1 - before.nextDoc);
    const [keys, staged] = await Promise.all([read.objectStore('staging').getAllKeys(null, room), read.objectStore('staging').getAll(null, room)]);
    // The latest of several articles with one id wins, as a replace.
    const articles = [...new Map(staged.map((a) => [a.id, a])).values()];
    const first = before.nextDoc;
    const postings = { grams: [] as number[], pids: [] as number[] };
    const records: DocRecord[] = articles.map((article, i) => {
      const facts = documentFacts(article);
      documentPostings(first + i, article, facts, postings);
      return {
        num: first + i,
        id: article.id,
        meta: article.meta,
        collection: article.collection,
        added: Date.now(),
        paragraphs: article.paragraphs,
        ...facts,
      };
    });
    const block = buildBlock(postings.grams, postings.pids);

    const tx = db.transaction(['staging', 'docs', 'blocks', 'shortLines', 'state', 'links'], 'readwrite');
    const state = { ...((await tx.objectStore('state').get(STATE_KEY)) ?? EMPTY_STATE) };
    // Another writer numbered documents meanwhile: fingerprint again on the next step.
    if (state.nextDoc !== first) return 'index';
    for (const key of keys) void tx.objectStore('staging').delete(key);
    state.staged -= keys.length;
    for (const record of records) {
      const old = await tx.objectStore('docs').index('id').get(record.id);
      if (old) await removeDocument(tx, state, old);
    }
    const shortCounts = new Map<number, number>();
    for (const record of records) {
      void tx.objectStore('docs').put(record);
      for (const k of new Set(record.shortKeys)) if (k) shortCounts.set(k, (shortCounts.get(k) ?? 0) + 1);
      state.documents++;
      state.paragraphs += record.furniture.filter((f) => !f).length;
    }
    for (const [k, n] of shortCounts) void tx.objectStore('shortLines').put(((await tx.objectStore('shortLines').get(k)) ?? 0) + n, k);
    state.nextDoc = first + records.length;
    state.grouping = [...state.grouping, ...records.map((r) => r.num)];
    if (records.length) {
      // A fresh segment is one block (level 0); merges split segments into fine partitions.
      const segment: SegmentInfo = { id: state.nextSegment++, first, last: state.nextDoc - 1, level: 0, deleted: [] };
      void tx.objectStore('blocks').put({ segment: segment.id, block }, [WHOLE, segment.id]);
      state.segments = [...state.segments, segment];
    }
    void tx.objectStore('state').put(state, STATE_KEY);
    await tx.done;
    this.committed(state);
    this.forgetParagraphs();
    // The page that added them is scanned next: its documents are read from here, not storage.
    for (const record of records) this.remember(record);
    // The cached whole-segment blocks stay valid with the new one added.
    const whole = this.blocks.get(WHOLE);
    if (whole && records.length) {
      const reader = new BlockReader(block);
      whole.push({ segments: [state.nextSegment - 1], reader });
      this.cachedBytes += reader.bytes;
    }
    return 'index';
  }

  /** Finds versions of recently indexed documents and links both sides. */
  private async group(): Promise<StepKind> {
    const started = performance.now();
    const before = await this.currentState();
    const pace = this.paceFor(before, 'group');
    const nums = before.grouping.slice(0, pace.group);
    const records = await this.docsOf(nums);
    const read = await this.paragraphs([...records.values()].flatMap((d) => paragraphIds(d.num, d.paragraphs.length)));
    const docs = [...records.values()].map((d) => paragraphIds(d.num, d.paragraphs.length).flatMap((pid) => read.get(pid) ?? []));
    const pairs = await findVersionPairs(this.matcher, this, docs);
    const db = await this.db();
    const tx = db.transaction(['links', 'state', 'docs'], 'readwrite');
    const links = new Map<number, VersionLink[]>();
    for (const pid of new Set(pairs.flatMap((p) => [p.a, p.b]))) links.set(pid, (await tx.objectStore('links').get(pid)) ?? []);
    // A document deleted since it was found is not linked.
    const live = new Set<number>();
    for (const num of new Set([...links.keys()].map(docOfPid))) if (await tx.objectStore('docs').get(num)) live.add(num);
    const kept = pairs.filter((p) => live.has(docOfPid(p.a)) && live.has(docOfPid(p.b)));
    for (const pid of applyPairs(kept, (pid) => links.get(pid)!)) void tx.objectStore('links').put(links.get(pid)!, pid);
    const state = { ...(await tx.objectStore('state').get(STATE_KEY))! };
    const done = new Set(nums);
    state.grouping = state.grouping.filter((n) => !done.has(n));
    state.pace = { ...paceOf(state), group: pace.group };
    void tx.objectStore('state').put(state, STATE_KEY);
    await tx.done;
    this.took.group = since(started);
    this.forgetLinks();
    this.committed(state, false);
    return 'group';
  }

  /**
   * One step of a merge: MERGE_FACTOR adjacent segments of one level become
   * one segment of the next (Lucene's log merge policy keeps segments
   * adjacent, so each covers a contiguous run of documents). The output is
   * written partition range by range, invisible to queries until the last
   * step swaps it in.
   */
  private async mergeStep(): Promise<StepKind> {
    const started = performance.now();
    const db = await this.db();
    const tx = db.transaction(['blocks', 'state'], 'readwrite');
    const blocks = tx.objectStore('blocks');
    const state = { ...(await tx.objectStore('state').get(STATE_KEY))! };
    state.pace = this.paceFor(state, 'merge');
    let job = state.merge;
    if (!job) {
      const inputs = mergeCandidates(state.segments)!;
      // Fresh segments holding few articles in all (single pages added one by one) merge into one
      // fresh segment: one block, written in one put. Splitting writes a block per partition.
      const docs = inputs.reduce((n, s) => n + s.last - s.first + 1 - s.deleted.length, 0);
      const level = inputs[0].level === 0 && docs < INDEX_BATCH ? 0 : inputs[0].level + 1;
      job = {
        inputs: inputs.map((s) => s.id),
        output: { id: state.nextSegment++, first: inputs[0].first, last: inputs[inputs.length - 1].last, level, deleted: [] },
        next: 0,
      };
    }
    const order = new Map(job.inputs.map((id, i) => [id, i]));
    const inputLevel = job.output.level === 0 ? 0 : job.output.level - 1;
    const deleted = new Set(state.segments.filter((s) => order.has(s.id)).flatMap((s) => s.deleted));
    const live = (doc: number) => !deleted.has(doc);
    const inOrder = (records: BlockRecord[]) => records.filter((r) => order.has(r.segment)).sort((x, y) => order.get(x.segment)! - order.get(y.segment)!);
    const output = job.output.id;
    let end: number;
    /** Every block of the output, when one step wrote them all. */
    let written: Map<number, PartitionBlock> | undefined;
    if (job.output.level <= 1) {
      // Fresh segments are single blocks: merged at once, then kept whole (one put) or split. The split
      // is written a pace of partitions a step: all 16,384 puts in one step took 0.9 s at 10,000
      // articles, and an added page waited for it. Between steps it is kept in memory; a restarted
      // worker computes it again from the same inputs.
      if (this.split?.output !== output) {
        const inputs = inOrder((await Promise.all(job.inputs.map((id) => blocks.get([WHOLE, id])))).filter(present));
        const merged = mergeBlocks(
          inputs.map((r) => r.block),
          live,
        );
        this.split = { output, blocks: job.output.level === 0 ? new Map([[WHOLE, merged]]) : splitBlock(merged) };
      }
      written = this.split.blocks;
      end = job.output.level === 0 ? FINE_PARTITIONS : Math.min(FINE_PARTITIONS, job.next + state.pace.merge);
      for (const [p, block] of written) if (p === WHOLE || (p >= job.next && p < end)) void blocks.put({ segment: output, block }, [p, output]);
    } else {
      end = Math.min(FINE_PARTITIONS, job.next + state.pace.merge);
      const range = IDBKeyRange.bound([job.next, 0], [end, 0], false, true);
      const [keys, values] = await Promise.all([blocks.getAllKeys(range), blocks.getAll(range)]);
      const byPartition = new Map<number, BlockRecord[]>();
      values.forEach((v, i) => byPartition.set(keys[i][0], [...(byPartition.get(keys[i][0]) ?? []), v]));
      for (const [p, list] of byPartition) {
        const block = mergeBlocks(
          inOrder(list).map((r) => r.block),
          live,
        );
        if (block.grams.length) void blocks.put({ segment: output, block }, [p, output]);
      }
    }
    job = { ...job, next: end };
    const done = end >= FINE_PARTITIONS;
    if (done) {
      const at = state.segments.findIndex((s) => order.has(s.id));
      state.segments = [...state.segments.slice(0, at), job.output, ...state.segments.filter((s, i) => i > at && !order.has(s.id))];
      state.merge = null;
      // A fresh segment's one block goes now; a merged segment's 16,384 wait for cleaning steps. Left to cleaning,
      // fresh blocks were deleted only at the end of a sweep that each merge started over: at 100,000 articles
      // 689 dead ones (206 MB) remained, and every cold page query read them all (1.2 s).
      if (inputLevel === 0) for (const id of job.inputs) void blocks.delete([WHOLE, id]);
      else markDead(state, job.inputs);
    } else state.merge = job;
    void tx.objectStore('state').put(state, STATE_KEY);
    await tx.done;
    this.took.merge = since(started);
    this.committed(state, false);
    if (done) {
      this.split = undefined;
      this.swapCached(job.inputs, output, written);
    }
    return 'merge';
  }

  /** Deletes the blocks of merged-away segments, one partition range a step. */
  private async cleanStep(): Promise<StepKind> {
    const started = performance.now();
    const db = await this.db();
    const tx = db.transaction(['blocks', 'state'], 'readwrite');
    const state = { ...(await tx.objectStore('state').get(STATE_KEY))! };
    const dead = state.dead!;
    state.pace = this.paceFor(state, 'clean');
    // Fine partitions, then the whole-segment blocks (key WHOLE) in the last step.
    const end = Math.min(WHOLE + 1, dead.next + state.pace.clean);
    const gone = new Set(dead.segments);
    // Keys only, in one request: a key cursor's continue() per block took 100 ms for 8 partitions at 100,000
    // articles (40 dead segments), twice the time per partition of getAllKeys.
    const keys = await tx.objectStore('blocks').getAllKeys(IDBKeyRange.bound([dead.next, 0], [end, 0], false, true));
    for (const key of keys) if (gone.has(key[1])) void tx.objectStore('blocks').delete(key);
    state.dead = end <= WHOLE ? { ...dead, next: end } : dead.queued?.length ? { segments: dead.queued, next: 0 } : null;
    void tx.objectStore('state').put(state, STATE_KEY);
    await tx.done;
    this.took.clean = since(started);
    this.committed(state, false);
    return 'clean';
  }

  /** Deletes documents by id: their text, links and counts at once; their postings at the next merge. */
  async delete(ids: string[]): Promise<number> {
    const db = await this.db();
    const tx = db.transaction(['docs', 'links', 'shortLines', 'state', 'blocks', 'staging'], 'readwrite');
    const state = { ...((await tx.objectStore('state').get(STATE_KEY)) ?? EMPTY_STATE) };
    let n = 0;
    for (const id of ids) {
      const doc = await tx.objectStore('docs').index('id').get(id);
      if (!doc) continue;
      await removeDocument(tx, state, doc);
      n++;
    }
    void tx.objectStore('state').put(state, STATE_KEY);
    await tx.done;
    this.docs.clear();
    this.forgetParagraphs();
    this.committed(state, false);
    return n;
  }

  /** The first document whose URL is one of these, or undefined. */
  async byUrl(urls: string[]): Promise<DocRecord | undefined> {
    const index = (await this.db()).transaction('docs').store.index('url');
    return (await Promise.all(urls.map((url) => index.get(url)))).find((d) => d !== undefined);
  }

  /** The other documents that carry text of this one: its paragraphs' version links, by document. */
  async linkedDocuments(doc: DocRecord): Promise<DocRecord[]> {
    const tx = (await this.db()).transaction('links');
    const links = await Promise.all(paragraphIds(doc.num, doc.paragraphs.length).map((pid) => tx.store.get(pid)));
    const nums = new Set(links.flatMap((l) => (l ?? []).map((v) => docOfPid(v.key))).filter((n) => n !== doc.num));
    return [...(await this.docsOf([...nums])).values()];
  }

  /** One document by its id, or undefined. */
  async byId(id: string): Promise<DocRecord | undefined> {
    return (await this.db()).getFromIndex('docs', 'id', id);
  }

  /** Something of every document, read one record at a time: a 100,000-article corpus is never in memory at once. */
  async eachDocument<T>(pick: (doc: DocRecord) => T): Promise<T[]> {
    const out: T[] = [];
    let cursor = await (await this.db()).transaction('docs').store.openCursor();
    while (cursor) {
      out.push(pick(cursor.value));
      cursor = await cursor.continue();
    }
    return out;
  }

  /**
   * This step's pace: the stored one, scaled by how long the last step of
   * its kind took. The time counts the commit: a clean step's deletions took
   * 2–4 times as long to commit as its reads (100,000 articles), and a pace
   * set before the commit let steps grow to 250–450 ms.
   */
  private paceFor(state: IndexState, kind: keyof Pace): Pace {
    const took = this.took[kind];
    return took === undefined ? paceOf(state) : nextPace(paceOf(state), kind, took);
  }

  /** After a commit: the new state, and (when segments were added) reads under way must not fill the cache. */
  private committed(state: IndexState, segmentsAdded = true): void {
    this.state = state;
    if (segmentsAdded) this.generation++;
  }

  async documentCount(): Promise<number> {
    return (await this.currentState()).documents;
  }

  async postings(grams: Uint32Array, maxDocs?: number): Promise<Map<number, GramPostings>> {
    const state = await this.currentState();
    const live = new Set(state.segments.map((s) => s.id));
    const first = new Map(state.segments.map((s) => [s.id, s.first]));
    const keys = [WHOLE, ...new Set(Array.from(grams, partitionOf))];
    const missing = keys.filter((p) => !this.blocks.has(p));
    if (missing.length) {
      const generation = this.generation;
      const tx = (await this.db()).transaction('blocks');
      // Fresh segments' blocks by their keys: the range would also return blocks merged away and not yet deleted.
      const fresh = state.segments.filter((s) => s.level === 0).map((s): [number, number] => [WHOLE, s.id]);
      const read = await Promise.all(
        missing.map((p) =>
          p === WHOLE
            ? Promise.all(fresh.map((key) => tx.store.get(key))).then((rs) => rs.filter(present))
            : tx.store.getAll(IDBKeyRange.bound([p, 0], [p + 1, 0], false, true)),
        ),
      );
      if (generation !== this.generation) return this.postings(grams, maxDocs);
      missing.forEach((p, i) =>
        this.cache(
          p,
          combined(
            read[i].filter((r) => live.has(r.segment)).map((r) => ({ segments: [r.segment], reader: new BlockReader(r.block) })),
            first,
          ),
        ),
      );
    }
    const whole = this.wholeReaders(first);
    const out = new Map<number, GramPostings>();
    // The grams ascend, so their partitions come one after another.
    let partition = -1;
    let list = whole;
    for (const g of grams) {
      if (partitionOf(g) !== partition) {
        partition = partitionOf(g);
        const cached = this.blocks.get(partition);
        list = cached ? [...whole, ...cached.map((c) => c.reader)] : whole;
      }
      const found = lookup(list, g, maxDocs);
      if (found) out.set(g, found);
    }
    return out;
  }

  /**
   * After a merge: the cache without the input segments, and with the
   * output's blocks where this step wrote them all (a merge of fresh
   * segments), so the next page query reads nothing again. A merge written
   * over several steps empties the cache.
   */
  private swapCached(inputs: number[], output: number, written: Map<number, PartitionBlock> | undefined): void {
    if (!written) return this.clearCache();
    this.generation++;
    const gone = new Set(inputs);
    for (const [p, list] of this.blocks) {
      // A partition whose blocks were combined across segments is read again rather than taken apart.
      if (list.some((c) => c.segments.length > 1 && c.segments.some((s) => gone.has(s)))) {
        this.blocks.delete(p);
        continue;
      }
      const kept = list.filter((c) => !gone.has(c.segments[0]));
      const block = written.get(p);
      if (block?.grams.length) kept.push({ segments: [output], reader: new BlockReader(block) });
      this.blocks.set(p, kept);
    }
    this.cachedBytes = [...this.blocks.values()].reduce((n, list) => n + cachedBytes(list), 0);
  }

  /**
   * The fresh segments' blocks, read by every lookup, as one reader: an
   * index step adds its block apart, and it is combined with the others
   * here. During an import up to ten are fresh, and a lookup searched each
   * and joined their lists: lookups were a fifth of the worker's busy time
   * while a 10,000-article import grouped versions (CPU profile), two thirds
   * of that with the blocks combined. (Combining the merged segments' blocks
   * of each partition as well, up to five during that import, gained nothing.)
   */
  private wholeReaders(first: Map<number, number>): BlockReader[] {
    const list = this.blocks.get(WHOLE) ?? [];
    const one = combined(list, first);
    if (one !== list) {
      this.blocks.set(WHOLE, one);
      this.cachedBytes += cachedBytes(one) - cachedBytes(list);
    }
    return one.map((c) => c.reader);
  }

  private clearCache(): void {
    this.generation++;
    this.blocks.clear();
    this.cachedBytes = 0;
  }

  private cache(p: number, readers: CachedBlock[]): void {
    const bytes = cachedBytes(readers);
    // The whole-segment blocks are read by every lookup: they are never evicted.
    while (this.cachedBytes + bytes > CACHE_BYTES && this.blocks.size > 1) {
      const [oldest, list] = [...this.blocks.entries()].find(([k]) => k !== WHOLE)!;
      this.cachedBytes -= cachedBytes(list);
      this.blocks.delete(oldest);
    }
    this.blocks.set(p, readers);
    this.cachedBytes += bytes;
  }

  /**
   * Paragraphs with their furniture counts, and with their version links
   * when asked. Kept until documents or counts change; the linked ones only
   * until links change. A warm 100-paragraph page read them in three
   * transactions, for every scan, before this cache. Candidates need no
   * links: a 10,000-article import read a link for every candidate its
   * grouping checked (up to six a paragraph), and dropped every cached
   * paragraph after each grouping step. Reading paragraphs took 26 s of
   * that import's 109 s in Chromium; now 8 s.
   */
  async paragraphs(ids: number[], withVersions = false): Promise<Map<number, IndexedParagraph>> {
    const plain = await this.plainParagraphs(ids);
    if (!withVersions) return plain;
    const out = new Map<number, IndexedParagraph>();
    const missing = [...plain.keys()].filter((pid) => {
      const cached = this.linked.get(pid);
      if (cached) out.set(pid, cached);
      return !cached;
    });
    if (missing.length === 0) return out;
    const generation = this.linkGeneration;
    const tx = (await this.db()).transaction('links');
    const found = await Promise.all(missing.map((pid) => tx.store.get(pid)));
    missing.forEach((pid, i) => {
      const p = { ...plain.get(pid)!, versions: found[i] ?? [] };
      out.set(pid, p);
      if (generation === this.linkGeneration) remember(this.linked, pid, p, PARAGRAPH_CACHE);
    });
    return out;
  }

  /** Paragraphs without their links (`versions` empty). */
  private async plainParagraphs(ids: number[]): Promise<Map<number, IndexedParagraph>> {
    const out = new Map<number, IndexedParagraph>();
    const missing = ids.filter((pid) => {
      const cached = this.plain.get(pid);
      if (cached) out.set(pid, cached);
      return !cached;
    });
    if (missing.length === 0) return out;
    const generation = this.plainGeneration;
    const docs = await this.docsOf([...new Set(missing.map(docOfPid))]);
    const wanted = missing.filter((pid) => {
      const doc = docs.get(docOfPid(pid));
      return doc !== undefined && !this.inactive.has(doc.collection) && indexOfPid(pid) < doc.paragraphs.length;
    });
    // Every request is issued before the first await, so the one transaction stays active.
    const tx = (await this.db()).transaction('shortLines');
    const counts = await Promise.all(
      wanted.map((pid) => {
        const key = docs.get(docOfPid(pid))!.shortKeys[indexOfPid(pid)];
        return key ? tx.store.get(key) : undefined;
      }),
    );
    wanted.forEach((pid, i) => {
      const doc = docs.get(docOfPid(pid))!;
      const p = paragraphOf({ id: doc.id, meta: doc.meta, paragraphs: doc.paragraphs }, doc, pid, indexOfPid(pid), () => counts[i] ?? 0, []);
      out.set(pid, p);
      if (generation === this.plainGeneration) remember(this.plain, pid, p, PARAGRAPH_CACHE);
    });
    return out;
  }

  /**
   * Leaves the documents of these collections out of matching: a candidate
   * or a linked version in one of them is not read, as if it were absent.
   */
  setInactive(collections: Iterable<string>): void {
    const next = new Set(collections);
    if (next.size === this.inactive.size && [...next].every((c) => this.inactive.has(c))) return;
    this.inactive = next;
    this.forgetParagraphs();
  }

  /** Renames a collection: every document in it moves, in one transaction. */
  async renameCollection(from: string, to: string): Promise<number> {
    const tx = (await this.db()).transaction('docs', 'readwrite');
    let n = 0;
    let cursor = await tx.store.index('collection').openCursor(from);
    while (cursor) {
      void cursor.update({ ...cursor.value, collection: to });
      n++;
      cursor = await cursor.continue();
    }
    await tx.done;
    this.docs.clear();
    this.forgetParagraphs();
    return n;
  }

  /** Documents or furniture counts changed: cached paragraphs may be stale. */
  private forgetParagraphs(): void {
    this.plain.clear();
    this.plainGeneration++;
    this.forgetLinks();
  }

  /** Links changed: cached paragraphs' versions may be stale. */
  private forgetLinks(): void {
    this.linked.clear();
    this.linkGeneration++;
  }

  /** Document records by number, from the cache or in one transaction. */
  private async docsOf(nums: number[]): Promise<Map<number, DocRecord>> {
    const out = new Map<number, DocRecord>();
    const missing = nums.filter((n) => {
      const cached = this.docs.get(n);
      if (cached) out.set(n, cached);
      return !cached;
    });
    if (missing.length) {
      const tx = (await this.db()).transaction('docs');
      const read = await Promise.all(missing.map((n) => tx.store.get(n)));
      read.forEach((doc) => {
        if (!doc) return;
        this.remember(doc);
        out.set(doc.num, doc);
      });
    }
    return out;
  }

  private remember(doc: DocRecord): void {
    remember(this.docs, doc.num, doc, DOC_CACHE);
  }
}

/**
 * Marks merged segments' blocks for deletion: a sweep of every partition,
 * or, while one is under way, the next (starting each over as segments
 * arrived, a sweep of 16,384 partitions seldom ended at 100,000 articles).
 */
function markDead(state: IndexState, segments: number[]): void {
  state.dead = state.dead ? { ...state.dead, queued: [...(state.dead.queued ?? []), ...segments] } : { segments, next: 0 };
}

/** Caches `value`, forgetting the oldest entry when the cache holds `size`. */
function remember<T>(cache: Map<number, T>, key: number, value: T, size: number): void {
  if (cache.size >= size) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

/** A block read by its key that was there. */
const present = (r: BlockRecord | undefined): r is BlockRecord => r !== undefined;

interface CachedBlock {
  /** The segments whose postings it holds: one, or several combined on reading. */
  segments: number[];
  reader: BlockReader;
}

/**
 * Cached blocks as the cache keeps them: the blocks of several segments
 * combined into one, in document order, so a lookup searches one block
 * instead of one per segment and joins no lists (binary searches per gram
 * per block were a third of a warm 100-paragraph page at 10,000 articles,
 * CPU profile in Chromium). `first` gives each segment's first document.
 */
function combined(list: CachedBlock[], first: Map<number, number>): CachedBlock[] {
  if (list.length < 2) return list;
  const ordered = [...list].sort((a, b) => first.get(a.segments[0])! - first.get(b.segments[0])!);
  return [
    {
      segments: ordered.flatMap((c) => c.segments),
      reader: new BlockReader(
        mergeBlocks(
          ordered.map((c) => c.reader.block),
          () => true,
        ),
      ),
    },
  ];
}

const cachedBytes = (list: CachedBlock[]) => list.reduce((n, c) => n + c.reader.bytes, 0);

/** The first run of MERGE_FACTOR adjacent segments of one level, if any. */
function mergeCandidates(segments: SegmentInfo[]): SegmentInfo[] | undefined {
  for (let i = 0; i + MERGE_FACTOR <= segments.length; i++) {
    const run = segments.slice(i, i + MERGE_FACTOR);
    if (run.every((s) => s.level === run[0].level)) return run;
  }
  return undefined;
}

/** Removes a document's record, links and short-line counts; its postings are left for the next merge. */
async function removeDocument(
  tx: IDBPTransaction<ReprintDB, Array<'docs' | 'links' | 'shortLines' | 'state' | 'blocks' | 'staging'>, 'readwrite'>,
  state: IndexState,
  doc: DocRecord,
): Promise<void> {
  void tx.objectStore('docs').delete(doc.num);
  for (const k of new Set(doc.shortKeys)) {
    if (!k) continue;
    const n = ((await tx.objectStore('shortLines').get(k)) ?? 1) - 1;
    void (n > 0 ? tx.objectStore('shortLines').put(n, k) : tx.objectStore('shortLines').delete(k));
  }
  for (const pid of paragraphIds(doc.num, doc.paragraphs.length)) {
    const links = await tx.objectStore('links').get(pid);
    for (const l of links ?? []) {
      const back = ((await tx.objectStore('links').get(l.key)) ?? []).filter((x) => x.key !== pid);
      void (back.length ? tx.objectStore('links').put(back, l.key) : tx.objectStore('links').delete(l.key));
    }
    if (links) void tx.objectStore('links').delete(pid);
  }
  state.documents--;
  state.paragraphs -= doc.furniture.filter((f) => !f).length;
  state.grouping = state.grouping.filter((n) => n !== doc.num);
  state.segments = state.segments.map((s) => (s.first <= doc.num && doc.num <= s.last ? { ...s, deleted: [...s.deleted, doc.num] } : s));
  if (state.merge && state.merge.output.first <= doc.num && doc.num <= state.merge.output.last) {
    // The merge under way may already have copied its postings: start it over, and clean up what it wrote.
    markDead(state, [state.merge.output.id]);
    state.merge = null;
  }
}
