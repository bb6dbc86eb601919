import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charGrams } from '../../src/fingerprint/grams';
import { sampleGrams } from '../../src/fingerprint/sample';
import { docOfPid, indexOfPid, pidOf } from '../../src/index/ids';
import { MemoryIndex } from '../../src/index/memory';
import { BlockReader, buildPartitions, mergeBlocks, PRUNE_DOCS } from '../../src/index/partition';
import { candidatesFor } from '../../src/match/candidates';
import type { CorpusDocument } from '../../src/types';
import { syntheticCorpus } from '../../scripts/lib/synth';
import { seedDocuments, seedParagraph } from './helpers/seeds';

describe('paragraph ids', () => {
  it('pack a document number and a paragraph index, and unpack them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 20 - 1 }), fc.integer({ min: 0, max: 4095 }), (doc, index) => {
        const pid = pidOf(doc, index);
        expect(pid).toBeLessThan(2 ** 32);
        expect([docOfPid(pid), indexOfPid(pid)]).toEqual([doc, index]);
      }),
    );
  });
});

describe('partition blocks', () => {
  const lookup = (blocks: Map<number, import('../../src/index/partition').PartitionBlock>, gram: number) =>
    new BlockReader(blocks.get(gram >>> 16) ?? { grams: new Uint16Array(), counts: new Uint16Array(), docs: new Uint16Array(), pids: new Uint32Array() }).get(gram);

  it('find every posting they were built from, with document counts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 24 })), { maxLength: 300 }), (pairs) => {
        const blocks = buildPartitions(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        for (const [gram] of pairs) {
          const want = [...new Set(pairs.filter((p) => p[0] === gram).map((p) => p[1]))].sort((a, b) => a - b);
          const found = lookup(blocks, gram)!;
          expect(Array.from(found.pids)).toEqual(want);
          expect(found.docs).toBe(new Set(want.map(docOfPid)).size);
        }
      }),
    );
  });

  it('merge to the same lists as one build, leaving out deleted documents', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5000 })), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 4 }), (pairs, parts) => {
        const gram = (g: number) => (g * 0x9e3779b1) >>> 0;
        const slices = Array.from({ length: parts }, (_, i) => pairs.filter((_, k) => k % parts === i));
        const built = slices.map((s) => buildPartitions(s.map((p) => gram(p[0])), s.map((p) => p[1])));
        const dead = (doc: number) => doc % 3 === 0;
        for (const [g] of pairs) {
          const p = gram(g) >>> 16;
          const merged = mergeBlocks(built.flatMap((b) => (b.has(p) ? [b.get(p)!] : [])), (d) => !dead(d));
          const want = [...new Set(pairs.filter((x) => x[0] === g && !dead(docOfPid(x[1]))).map((x) => x[1]))].sort((a, b) => a - b);
          expect(Array.from(new BlockReader(merged).get(gram(g))?.pids ?? [])).toEqual(want);
        }
      }),
    );
  });

  it('drop the list of a gram in more than PRUNE_DOCS documents, keeping its count', () => {
    const n = PRUNE_DOCS + 1;
    const blocks = buildPartitions(new Array(n).fill(12345), Array.from({ length: n }, (_, d) => pidOf(d, 0)));
    expect(lookup(blocks, 12345)).toMatchObject({ docs: n, pids: new Uint32Array() });
  });
});

describe('candidates', () => {
  it('skip grams common in the corpus', () => {
    const unit = sampleGrams(charGrams('the quick brown fox jumps over the lazy dog near the river bank today'));
    const postings = new Map([...unit].map((g) => [g, { docs: 50, pids: Uint32Array.of(7) }]));
    // Under 20 documents nothing is common; in 4,000, a gram in 50 (1.25%) is; in 6,000 (0.8%) it is not.
    expect(candidatesFor([unit], postings, 10)).toEqual([7]);
    expect(candidatesFor([unit], postings, 4000)).toEqual([]);
    expect(candidatesFor([unit], postings, 6000)).toEqual([7]);
  });
});

/** Matches of some texts, as comparable values. */
async function answers(index: MemoryIndex, texts: string[]) {
  return (await index.matcher.match(texts)).map((m) =>
    m ? { kind: m.kind, source: m.source, original: m.original, score: m.score, coverage: m.coverage, versions: m.versions.map((v) => [v.docId, v.kind, v.score, v.via]).sort() } : null,
  );
}

describe('the index grows one article at a time', { timeout: 120_000 }, () => {
  const filler = syntheticCorpus(25, 0xabc);
  const docs: CorpusDocument[] = [...seedDocuments, ...filler];
  const texts = [
    seedParagraph('000', 'Days after President Biden'),
    seedParagraph('001', 'Days after President Biden spoke with Xi'),
    seedParagraph('004', 'Negotiations between American and Chinese officials'),
    seedParagraph('003', 'The previously unreported'),
    filler[3].paragraphs[1],
    'Nothing in the corpus says anything like this sentence, which is new.',
  ];

  it('gives the same matches whatever order and batches the articles came in', async () => {
    const reference = await answers(await MemoryIndex.of(docs), texts);
    expect(reference[0]).toMatchObject({ kind: 'verbatim' });
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), fc.integer({ min: 1, max: 8 }), async (order, batch) => {
        const index = new MemoryIndex();
        for (let i = 0; i < order.length; i += batch) await index.add(order.slice(i, i + batch));
        expect(await answers(index, texts)).toEqual(reference);
      }),
      { numRuns: 6 },
    );
  });

  it('forgets a deleted article as if it had never been added', async () => {
    const without = docs.filter((d) => !d.id.startsWith('002'));
    const reference = await answers(await MemoryIndex.of(without), texts);
    const index = await MemoryIndex.of(docs);
    index.delete([docs.find((d) => d.id.startsWith('002'))!.id]);
    expect(await answers(index, texts)).toEqual(reference);
  });
});
