import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charGrams, gramHashes } from '../../src/fingerprint/grams';
import { sampledCharGrams, sampleGrams } from '../../src/fingerprint/sample';
import { docOfPid, indexOfPid, pidOf } from '../../src/index/ids';
import { MemoryIndex } from '../../src/index/memory';
import { BlockReader, buildBlock, lookup, mergeBlocks, partitionOf, PRUNE_DOCS, splitBlock } from '../../src/index/partition';
import { CANDIDATE_SHARE, candidatesFor, distinctGrams, MAX_CANDIDATES, QUOTE_HITS, QUOTED_CANDIDATES, quoteWindows } from '../../src/match/candidates';
import { canonical } from '../../src/text/normalize';
import { commonThreshold } from '../../src/fingerprint/common';
import type { CorpusDocument, GramPostings } from '../../src/types';
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
  const byPid = (pairs: Array<[number, number]>) => [...pairs].sort((x, y) => x[1] - y[1]);
  const build = (pairs: Array<[number, number]>) =>
    buildBlock(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  const listOf = (pairs: Array<[number, number]>, gram: number) => [...new Set(pairs.filter((p) => p[0] === gram).map((p) => p[1]))].sort((a, b) => a - b);
  const gramArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });

  it('find every posting they were built from, with document counts, also once split into partitions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(gramArb, fc.integer({ min: 0, max: 2 ** 24 })), { maxLength: 300 }), (raw) => {
        const pairs = byPid(raw);
        const block = build(pairs);
        const parts = splitBlock(block);
        for (const [gram] of pairs) {
          const want = listOf(pairs, gram);
          for (const found of [new BlockReader(block).get(gram)!, new BlockReader(parts.get(partitionOf(gram))!).get(gram)!]) {
            expect(Array.from(found.pids)).toEqual(want);
            expect(found.docs).toBe(new Set(want.map(docOfPid)).size);
          }
        }
      }),
    );
  });

  it('look a gram up through their directory as a map of every gram finds it, present or absent', () => {
    // Grams near one base share long prefixes (a fine partition's block); spread ones share none.
    const near = fc.integer({ min: 0, max: 2 ** 32 - 1 }).chain((base) =>
      fc.array(
        fc.integer({ min: 0, max: 4096 }).map((d) => Math.min(2 ** 32 - 1, base + d)),
        { minLength: 1, maxLength: 3000, size: 'max' },
      ),
    );
    fc.assert(
      fc.property(fc.oneof(near, fc.array(gramArb, { maxLength: 3000, size: 'max' })), fc.array(gramArb, { maxLength: 20 }), (grams, absent) => {
        const pairs = grams.map((g, i): [number, number] => [g, i]);
        const reader = new BlockReader(build(pairs));
        const at = new Map(Array.from(reader.block.grams, (g, i) => [g, i]));
        const probes = [...grams, ...absent, ...grams.map((g) => g + 1), ...grams.map((g) => g - 1)];
        expect(probes.map((g) => reader.indexOf(g))).toEqual(probes.map((g) => at.get(g) ?? -1));
      }),
    );
  });

  it('merge adjacent segments to the lists of one build, leaving out deleted documents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5000 })), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 4 }),
        (raw, parts) => {
          const gram = (g: number) => (g * 0x9e3779b1) >>> 0;
          const pairs = byPid(raw.map(([g, pid]) => [gram(g), pid] as [number, number]));
          // Segments hold adjacent runs of documents, as imports and merges keep them.
          const cut = Math.ceil(pairs.length / parts);
          const segments = Array.from({ length: parts }, (_, i) => build(pairs.slice(i * cut, (i + 1) * cut)));
          const dead = (doc: number) => doc % 3 === 0;
          const merged = new BlockReader(mergeBlocks(segments, (d) => !dead(d)));
          for (const [g] of pairs) expect(Array.from(merged.get(g)?.pids ?? [])).toEqual(listOf(pairs, g).filter((pid) => !dead(docOfPid(pid))));
        },
      ),
    );
  });

  it('are read across segments as one list, and as a count alone for a gram in more documents than asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 2 ** 16 })), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 10 }),
        (raw, parts, maxDocs) => {
          const gram = (g: number) => (g * 0x9e3779b1) >>> 0;
          const pairs = byPid(raw.map(([g, pid]) => [gram(g), pid] as [number, number]));
          // Each document in one segment, segments in document order, as imports and merges keep them.
          const segmentOf = (pid: number) => Math.floor((docOfPid(pid) * parts) / (docOfPid(2 ** 16) + 1));
          const readers = Array.from({ length: parts }, (_, i) => new BlockReader(build(pairs.filter((p) => segmentOf(p[1]) === i))));
          for (const [g] of pairs) {
            const want = listOf(pairs, g);
            const docs = new Set(want.map(docOfPid)).size;
            expect(lookup(readers, g)).toEqual({ docs, pids: Uint32Array.from(want) });
            expect(lookup(readers, g, maxDocs)).toEqual({ docs, pids: Uint32Array.from(docs > maxDocs ? [] : want) });
          }
        },
      ),
    );
  });

  it('drop the list of a gram in more than PRUNE_DOCS documents, keeping its count through merges', () => {
    const n = PRUNE_DOCS + 1;
    const block = buildBlock(
      new Array(n).fill(12345),
      Array.from({ length: n }, (_, d) => pidOf(d, 0)),
    );
    expect(new BlockReader(block).get(12345)).toMatchObject({ docs: n, pids: new Uint32Array() });
    const merged = mergeBlocks([block, buildBlock([12345], [pidOf(n, 0)])], () => true);
    expect(new BlockReader(merged).get(12345)).toMatchObject({ docs: n + 1, pids: new Uint32Array() });
  });
});

/**
 * Candidates counted the plain way, set by set, every paragraph's support in
 * a map: what candidatesFor did before it counted all sets in one pass.
 */
function plainCandidates(units: Uint32Array[], postings: Map<number, GramPostings>, documents: number, quotes: Uint32Array[], quotedOut: Set<number>) {
  const limit = commonThreshold(documents);
  const count = (grams: Uint32Array, least: number, share: number, into: Map<number, number>) => {
    const hits = new Map<number, number>();
    let n = 0;
    for (const g of grams) {
      const p = postings.get(g);
      if (p && p.docs > limit) continue;
      n++;
      for (const pid of p?.pids ?? []) hits.set(pid, (hits.get(pid) ?? 0) + 1);
    }
    const need = Math.max(least, Math.floor(share * n));
    for (const [pid, h] of hits) if (h >= need) into.set(pid, Math.max(into.get(pid) ?? 0, h / need));
  };
  const best = (m: Map<number, number>, max: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, max)
      .map(([pid]) => pid);
  const support = new Map<number, number>();
  for (const u of units) count(u, 1, CANDIDATE_SHARE, support);
  if (units.length > 1) count(distinctGrams(units), 1, CANDIDATE_SHARE, support);
  const top = best(support, MAX_CANDIDATES);
  if (quotes.length === 0) return top;
  const quoted = new Map<number, number>();
  for (const q of quotes) count(q, QUOTE_HITS, 0, quoted);
  for (const pid of top) if (quoted.delete(pid)) quotedOut.add(pid);
  const extra = best(quoted, QUOTED_CANDIDATES);
  for (const pid of extra) quotedOut.add(pid);
  return [...top, ...extra];
}

/** Quote windows as first written: each window's raw words sliced out, canonicalised and sampled afresh. */
function plainQuoteWindows(unit: string): Uint32Array[] {
  const words = [...unit.matchAll(/\S+/g)];
  const out: Uint32Array[] = [];
  if (words.length <= 14) return out;
  for (let i = 0; i < words.length - 6; i += 6) {
    const last = words[Math.min(words.length, i + 14) - 1];
    out.push(sampledCharGrams(canonical(unit.slice(words[i].index, last.index + last[0].length))));
  }
  return out;
}

describe('candidates', () => {
  it('take quote windows from the unit grams by position, as sampling each window afresh does', () => {
    // Text whose raw words are its canonical words: there the two ways must agree to the gram.
    const word = fc.stringMatching(/^[a-z0-9]{1,9}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 10, maxLength: 60, size: 'max' }), (words) => {
        const unit = words.join(' ');
        expect(quoteWindows(unit, gramHashes(unit))).toEqual(plainQuoteWindows(unit));
      }),
      { numRuns: 300 },
    );
  });

  it('are the paragraphs the plain count finds, in its order, with the same quoted ones', () => {
    const gram = fc.integer({ min: 1, max: 20 });
    const set = fc.uniqueArray(gram, { maxLength: 15 }).map((xs) => Uint32Array.from(xs).sort());
    const list = fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }).map((xs) => Uint32Array.from(xs).sort());
    const postings = fc
      .array(fc.tuple(gram, fc.integer({ min: 1, max: 400 }), list), { maxLength: 50 })
      .map((entries) => new Map(entries.map(([g, docs, pids]) => [g, { docs, pids }])));
    fc.assert(
      fc.property(
        fc.array(set, { minLength: 1, maxLength: 4 }),
        fc.array(set, { maxLength: 5 }),
        postings,
        fc.integer({ min: 1, max: 30_000 }),
        (units, quotes, p, docs) => {
          const quoted = new Set<number>();
          const plainQuoted = new Set<number>();
          expect(candidatesFor(units, p, docs, undefined, quotes, quoted)).toEqual(plainCandidates(units, p, docs, quotes, plainQuoted));
          expect([...quoted].sort()).toEqual([...plainQuoted].sort());
        },
      ),
      { numRuns: 500 },
    );
  });

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
    m
      ? {
          kind: m.kind,
          source: m.source,
          original: m.original,
          score: m.score,
          coverage: m.coverage,
          versions: m.versions.map((v) => [v.docId, v.kind, v.score, v.via]).sort(),
        }
      : null,
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
