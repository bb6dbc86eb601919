import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalBackend } from '../../src/backend/local';
import { closeIndexDb, EMPTY_STATE, openIndexDb, STATE_KEY } from '../../src/storage/db';
import { LocalIndex } from '../../src/storage/local-index';
import { paragraphIds } from '../../src/index/ids';
import { DEMO_COLLECTION, type Article } from '../../src/types';
import { dispatcher, type ContentToBackground } from '../../src/messages';
import { syntheticCorpus } from '../../scripts/lib/synth';
import { sampledCharGrams } from '../../src/fingerprint/sample';
import { canonical } from '../../src/text/normalize';
import { seedDocuments, seedFiles, seedManifest, seedParagraph } from './helpers/seeds';

let n = 0;
/** A fresh database per test, and a backend on it: what a worker has after a start. */
function fresh(name = `reprint-test-${n++}`) {
  const open = () => openIndexDb(name);
  const backend = () => new LocalBackend(new LocalIndex(open));
  return { name, open, backend };
}

const bundle = { files: seedFiles, manifest: seedManifest };
const articles = (docs: typeof seedDocuments, collection = 'Wire'): Article[] => docs.map((d) => ({ ...d, collection }));

afterEach(() => closeIndexDb());

/** Every tenth document, found by one of its paragraphs. */
async function expectSearchable(b: LocalBackend, docs: typeof seedDocuments): Promise<void> {
  const sources = docs.filter((_, i) => i % 10 === 7);
  expect((await b.match(sources.map((d) => d.paragraphs[2]))).map((m) => m?.source)).toEqual(sources.map((d) => d.id));
}

/** Lets IndexedDB (which schedules with setImmediate) and promise chains run `n` rounds. */
async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

/** Steps until a merge is halfway through writing its partitions; its output segment. */
async function mergeUnderWay(index: LocalIndex): Promise<number> {
  let state = await index.currentState();
  while (!state.merge?.next) {
    await index.step();
    state = await index.currentState();
  }
  return state.merge.output.id;
}

/** Ten imports of a tenth each: ten fresh segments, ready to merge. */
async function indexInTens(index: LocalIndex, docs: typeof seedDocuments): Promise<void> {
  const tenth = docs.length / 10;
  for (let i = 0; i < 10; i++) {
    await index.stage(articles(docs.slice(i * tenth, (i + 1) * tenth)));
    while ((await index.stagedCount()) > 0) await index.step();
  }
}

describe('the background corpus', { timeout: 60_000 }, () => {
  it('stages the bundled corpus as the Demo collection, and a restarted worker answers from storage without re-indexing', async () => {
    const db = fresh();
    const first = db.backend();
    await first.ensureBundled(bundle);
    await first.work();
    expect(await first.status()).toMatchObject({ documents: 5, staged: 0, grouping: 0 });
    expect((await first.documents()).every((d) => d.collection === DEMO_COLLECTION)).toBe(true);

    closeIndexDb();
    const second = db.backend();
    await second.ensureBundled(bundle);
    expect(await second.index.stagedCount()).toBe(0);
    const [m] = await second.match([seedParagraph('000', 'Days after President Biden')]);
    expect(m?.kind).toBe('verbatim');
    expect(m?.versions.length).toBeGreaterThan(1);
  });

  it('re-stages when the bundled corpus changes, and reports unreadable files', async () => {
    const b = fresh().backend();
    await b.ensureBundled({ ...bundle, files: [...seedFiles, { name: 'broken.txt', text: 'binary\u0000data' }] });
    await b.work();
    const status = await b.status();
    expect(status.problems).toEqual([expect.stringContaining('broken')]);
    expect(status.documents).toBe(5);
  });

  it('answers typed scan messages and ignores messages for other listeners', async () => {
    const b = fresh().backend();
    await b.ensureBundled(bundle);
    const listen = dispatcher<ContentToBackground>({
      'content/scan': ({ texts }) => b.match(texts),
      'content/highlights': () => undefined,
      'content/own': () => null,
    });
    const answer = (await listen(
      { type: 'content/scan', texts: [seedParagraph('003', 'The previously unreported'), 'Nothing to see here at all, just words.'] },
      {},
    )) as unknown[];
    expect(answer[0]).toMatchObject({ kind: 'verbatim' });
    expect(answer[1]).toBeNull();
    expect(listen({ type: 'someone-else' }, {})).toBeUndefined();
  });

  it('upgrades a version-1 database without losing its documents', async () => {
    const db = fresh();
    const legacy = await openDB(db.name, 1, { upgrade: (d) => void d.createObjectStore('corpus') });
    await legacy.put(
      'corpus',
      {
        documents: seedDocuments.map(({ id, meta }) => ({ id, meta })),
        paragraphs: seedDocuments.flatMap((d) => d.paragraphs.map((text, index) => ({ docId: d.id, index, text }))),
      },
      'current',
    );
    legacy.close();
    const b = db.backend();
    await b.work();
    const docs = await b.documents();
    expect(docs.map((d) => d.id).sort()).toEqual(seedDocuments.map((d) => d.id).sort());
    expect(docs.every((d) => d.collection === DEMO_COLLECTION)).toBe(true);
    expect((await b.match([seedParagraph('000', 'Days after President Biden')]))[0]?.kind).toBe('verbatim');
    expect((await db.open()).objectStoreNames.contains('corpus' as never)).toBe(false);
  });

  it('upgrades a version-3 database with articles staged: the state counts them, and they are indexed', async () => {
    const db = fresh();
    const v3 = await openDB(db.name, 3, {
      upgrade(d) {
        const docs = d.createObjectStore('docs', { keyPath: 'num' });
        docs.createIndex('id', 'id', { unique: true });
        docs.createIndex('collection', 'collection');
        docs.createIndex('url', 'meta.url');
        for (const name of ['blocks', 'links', 'shortLines', 'state']) d.createObjectStore(name);
        d.createObjectStore('staging', { autoIncrement: true });
      },
    });
    const { staged: _, ...version3State } = EMPTY_STATE;
    await v3.put('state', version3State, STATE_KEY);
    for (const a of articles(seedDocuments.slice(0, 3))) await v3.add('staging', a);
    v3.close();
    const b = db.backend();
    expect(await b.status()).toMatchObject({ documents: 0, staged: 3 });
    await b.work();
    expect(await b.status()).toMatchObject({ documents: 3, staged: 0 });
  });

  it('knows a page that is itself in the corpus, and an article imported again, however their addresses are written', async () => {
    const b = fresh().backend();
    const [doc] = articles(seedDocuments.slice(0, 1));
    await b.import([{ ...doc, meta: { ...doc.meta, url: 'https://www.example.com/news/story-1/' } }]);
    await b.work();
    expect(await b.ownDocument(['http://example.com/news/story-1?utm_source=newsletter#top'])).toMatchObject({ id: doc.id });
    expect(await b.ownDocument(['https://example.com/news/story-2'])).toBeNull();
    const identity = (url: string) => ({ id: 'another-id', url, textHash: 1 });
    expect(await b.duplicates([identity('https://example.com/news/story-1?fbclid=x'), identity('https://example.com/news/story-2')])).toEqual([[0, doc.id]]);
  });

  it('resumes an import after the worker stops between steps, and loses nothing', async () => {
    const db = fresh();
    const docs = syntheticCorpus(260, 7);
    await db.backend().index.stage(articles(docs));
    // One step, then the worker is gone: nothing held in memory survives.
    await new LocalIndex(db.open).step();
    closeIndexDb();
    const b = db.backend();
    expect(await b.index.stagedCount()).toBe(60);
    await b.work();
    expect(await b.status()).toMatchObject({ documents: 260, staged: 0, grouping: 0 });
    const [m] = await b.match([docs[230].paragraphs[2]]);
    expect(m?.source).toBe(docs[230].id);
  });

  it('adds articles as small segments, merges them, and forgets deleted documents', async () => {
    const b = fresh().backend();
    const docs = seedDocuments;
    // Twelve one-article imports: twelve segments, ten of which merge into one.
    const filler = syntheticCorpus(7, 3);
    for (const d of [...docs, ...filler]) {
      await b.import(articles([d]));
      await b.work();
    }
    const status = await b.status();
    expect(status.documents).toBe(12);
    expect(status.segments).toBe(3);
    // Twelve articles are too few to split into partitions: the merged segment is one block, as fresh ones are.
    expect((await b.index.currentState()).segments.map((s) => s.level)).toEqual([0, 0, 0]);
    expect((await b.match([seedParagraph('003', 'The previously unreported')]))[0]?.kind).toBe('verbatim');

    const victim = docs.find((d) => d.id.startsWith('003'))!;
    await b.delete([victim.id]);
    const [after] = await b.match([seedParagraph('003', 'The previously unreported')]);
    expect(after?.versions.map((v) => v.docId) ?? []).not.toContain(victim.id);
    expect((await b.status()).documents).toBe(11);
  });

  it('keeps its cache right across merges: a warm worker answers as a restarted one does', async () => {
    const db = fresh();
    const b = db.backend();
    const docs = syntheticCorpus(250, 11);
    const sources = docs.filter((_, i) => i % 25 === 3);
    const probes = sources.map((d) => d.paragraphs[1]);
    // Ten imports of 25: ten fresh segments, 250 articles in all, merged and split into partitions.
    for (let i = 0; i < 10; i++) {
      await b.import(articles(docs.slice(i * 25, (i + 1) * 25)));
      await b.work();
      await b.match(probes);
    }
    expect((await b.index.currentState()).segments.map((s) => s.level)).toEqual([1]);
    const warm = await b.match(probes);
    expect(warm.map((m) => m?.source)).toEqual(sources.map((d) => d.id));
    const grams = Uint32Array.from(new Set(probes.flatMap((p) => Array.from(sampledCharGrams(canonical(p)))))).sort();
    const warmPostings = await b.index.postings(grams);
    closeIndexDb();
    const restarted = db.backend();
    expect(await restarted.match(probes)).toEqual(warm);
    expect(await restarted.index.postings(grams)).toEqual(warmPostings);
  });

  it('keeps cached paragraphs right as versions are grouped: a warm worker reads what a restarted one does', async () => {
    const db = fresh();
    const index = db.backend().index;
    const pids = seedDocuments.flatMap((d, num) => paragraphIds(num, d.paragraphs.length));
    const read = async (from: LocalIndex) => [await from.paragraphs(pids), await from.paragraphs(pids, true)];
    // One article at a time, read before and after each step: the step's links and counts make the cache stale.
    for (const doc of seedDocuments) {
      await index.stage(articles([doc]));
      for (let step: string | undefined; step !== 'idle';) {
        await read(index);
        step = await index.step();
        expect(await read(index)).toEqual(await read(new LocalIndex(db.open)));
      }
    }
    let warm = await read(index);
    expect([...warm[1].values()].filter((p) => p.versions.length).length).toBeGreaterThan(10);
    await index.delete([seedDocuments[1].id]);
    warm = await read(index);
    expect(warm[1].size).toBe(pids.length - seedDocuments[1].paragraphs.length);
    closeIndexDb();
    expect(await read(db.backend().index)).toEqual(warm);
  });

  it('resumes a merge stopped halfway through writing its partitions', async () => {
    const db = fresh();
    const docs = syntheticCorpus(250, 13);
    const index = new LocalIndex(db.open);
    await indexInTens(index, docs);
    await mergeUnderWay(index);
    expect((await index.currentState()).merge!.next).toBeLessThan(16384);
    closeIndexDb();
    const b = db.backend();
    await b.work();
    expect((await b.index.currentState()).segments.map((s) => s.level)).toEqual([1]);
    await expectSearchable(b, docs);
  });

  it('keeps no block of a segment merged away or abandoned: fresh blocks go with their merge, the rest with cleaning', async () => {
    const db = fresh();
    const docs = syntheticCorpus(250, 19);
    const index = new LocalIndex(db.open);
    await indexInTens(index, docs);
    // A block an earlier release left for cleaning to find: a merged-away fresh segment's.
    const idb = await db.open();
    const stale = 9_999;
    await idb.put(
      'blocks',
      { segment: stale, block: { grams: new Uint32Array(0), counts: new Uint16Array(0), docs: new Uint16Array(0), pids: new Uint32Array(0) } },
      [16_384, stale],
    );
    await idb.put('state', { ...(await index.currentState()), dead: { segments: [stale], next: 16_384, fine: false } }, STATE_KEY);
    closeIndexDb();
    const index2 = new LocalIndex(db.open);
    // Two merges abandoned halfway by deletions: their partly written outputs wait for the sweep under way to end.
    const first = await mergeUnderWay(index2);
    await index2.delete([docs[3].id]);
    const second = await mergeUnderWay(index2);
    await index2.delete([docs[4].id]);
    expect((await index2.currentState()).dead).toMatchObject({ segments: [stale], queued: [first, second] });
    while ((await index2.step()) !== 'idle');
    const state = await index2.currentState();
    expect(state.dead).toBeNull();
    const live = new Set(state.segments.map((s) => s.id));
    const keys = (await (await db.open()).getAllKeys('blocks')) as Array<[number, number]>;
    expect(keys.filter(([, segment]) => !live.has(segment))).toEqual([]);
    await expectSearchable(new LocalBackend(index2), docs);
  });

  it('sizes each step by its pace, kept in the state: a merge at the smallest pace takes many steps and gives the same index', async () => {
    const db = fresh();
    const docs = syntheticCorpus(250, 17);
    const index = new LocalIndex(db.open);
    await indexInTens(index, docs);
    // The pace a worker slowed by a huge corpus would have reached.
    const idb = await db.open();
    await idb.put('state', { ...(await index.currentState()), pace: { merge: 8, clean: 8, group: 50 } }, STATE_KEY);
    closeIndexDb();
    const slow = new LocalIndex(db.open);
    while ((await slow.currentState()).grouping.length) expect(await slow.step()).toBe('group');
    expect(await slow.step()).toBe('merge');
    const state = await slow.currentState();
    expect(state.merge?.next).toBe(8);
    expect(state.pace?.merge).toBeGreaterThanOrEqual(8);
    let steps = 1;
    while ((await slow.step()) === 'merge') steps++;
    expect(steps).toBeGreaterThan(8);
    const b = db.backend();
    await b.work();
    expect((await b.index.currentState()).segments.map((s) => s.level)).toEqual([1]);
    await expectSearchable(b, docs);
  });

  it('switches collections off and on, renames them, and gives back their whole articles', async () => {
    const b = fresh().backend();
    const [wire, mine] = [seedDocuments.slice(0, 2), seedDocuments.slice(2)];
    await b.import(articles(wire, 'Wire'));
    await b.import(articles(mine, 'Mine'));
    await b.work();
    const text = wire[0].paragraphs.find((p) => p.split(' ').length > 30)!;
    expect((await b.match([text]))[0]?.source).toBe(wire[0].id);

    b.setInactive(['Wire']);
    // A reprint of a Wire article elsewhere in the corpus may still match, but never a Wire document.
    const [off] = await b.match([text]);
    expect(off?.versions.map((v) => v.docId) ?? []).not.toContain(wire[0].id);
    b.setInactive([]);
    expect((await b.match([text]))[0]?.source).toBe(wire[0].id);

    expect(await b.collections()).toEqual([
      { name: 'Mine', documents: mine.length },
      { name: 'Wire', documents: wire.length },
    ]);
    expect(await b.renameCollection('Wire', 'Agency copy')).toEqual({ moved: 2 });
    const back = await b.articles('Agency copy');
    expect(back.map((a) => a.id).sort()).toEqual(wire.map((d) => d.id).sort());
    expect(back.find((a) => a.id === wire[0].id)).toEqual({ ...wire[0], collection: 'Agency copy' });
  });

  it("pauses background work for a moment after each page query, so the same page's next query does not run beside a step", async () => {
    const b = fresh().backend();
    await b.import(articles(seedDocuments));
    await b.work();
    await b.index.stage(articles(syntheticCorpus(30, 5)));
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      const steps = vi.spyOn(b.index, 'step');
      await b.match([seedDocuments[1].paragraphs[3]]);
      const loop = b.work();
      await ticks(50);
      expect(steps).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(100);
      await ticks(50);
      expect(steps).toHaveBeenCalled();
      vi.useRealTimers();
      await loop;
    } finally {
      vi.useRealTimers();
    }
  });

  it('indexes an article a reader adds at once, without the pause that follows a page query', async () => {
    const b = fresh().backend();
    await b.import(articles(seedDocuments.slice(1)));
    await b.work();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      // Time stands still: the pause after this query would never end.
      await b.match([seedDocuments[1].paragraphs[3]]);
      await b.import(articles(seedDocuments.slice(0, 1)));
      const [m] = await b.match([seedDocuments[0].paragraphs[3]]);
      expect(m?.source).toBe(seedDocuments[0].id);
    } finally {
      vi.useRealTimers();
    }
  });

  it('replaces an article imported again under the same id', async () => {
    const b = fresh().backend();
    const [d] = seedDocuments;
    await b.import(articles([d]));
    await b.import(articles([{ ...d, meta: { ...d.meta, title: 'Retitled' } }]));
    await b.work();
    const docs = await b.documents();
    expect(docs).toHaveLength(1);
    expect(docs[0].title).toBe('Retitled');
  });
});
