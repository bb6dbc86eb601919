import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The `minhash` package is the oracle: our estimates must agree with its estimates.
import { Minhash as OracleMinhash } from 'minhash';
import { charGrams, containment, containsAtLeast, intersectionSize, jaccard } from '../../src/fingerprint/grams';
import { estimateJaccard, MinHasher } from '../../src/fingerprint/minhash';
import { hashRange, hashString, seededStream } from '../../src/fingerprint/hash';
import { canonical } from '../../src/text/normalize';

function wordsOf(n: number, seed: number): string[] {
  const next = seededStream(seed);
  return Array.from({ length: n }, () => `w${next() % 2000}`);
}

const hashSet = (xs: string[]) => Uint32Array.from(new Set(xs.map(hashString))).sort();

describe('MinHasher', () => {
  it('is deterministic: same text, same signature, across instances', () => {
    const g = charGrams(canonical('Senior Chinese officials told senior Russian officials'));
    expect(new MinHasher().signature(g)).toEqual(new MinHasher().signature(g));
  });

  it('has a fixed first value, so every engine must reproduce it bit for bit', () => {
    const sig = new MinHasher().signature(charGrams('hello world'));
    expect(sig.length).toBe(128);
    expect(Array.from(sig.slice(0, 4))).toMatchSnapshot();
  });

  it('agrees with the minhash package on Jaccard estimates of the same sets', () => {
    const ours = new MinHasher();
    let sumDiff = 0;
    let sumAbsErr = 0;
    const trials = 40;
    for (let t = 0; t < trials; t++) {
      const base = wordsOf(200, t * 7 + 1);
      const other = [...base.slice(0, 40 + t * 4), ...wordsOf(200 - (40 + t * 4), t * 13 + 5)];
      const setA = new Set(base);
      const setB = new Set(other);
      const truth = [...setA].filter((x) => setB.has(x)).length / new Set([...setA, ...setB]).size;
      const oa = new OracleMinhash({ n: 128 });
      const ob = new OracleMinhash({ n: 128 });
      base.forEach((w) => oa.update(w));
      other.forEach((w) => ob.update(w));
      const oracle = oa.jaccard(ob);
      const mine = estimateJaccard(ours.signature(hashSet(base)), ours.signature(hashSet(other)));
      sumDiff += mine - oracle;
      sumAbsErr += Math.abs(mine - truth);
    }
    // No systematic bias between the two estimators, and ours is close to the truth.
    expect(Math.abs(sumDiff / trials)).toBeLessThan(0.03);
    expect(sumAbsErr / trials).toBeLessThan(0.05);
  });

  it('estimates the exact Jaccard of character 5-gram sets', () => {
    const a = charGrams(
      canonical('After one diplomatic exchange in December, U.S. officials received intelligence showing Beijing had shared the information with Moscow'),
    );
    const b = charGrams(
      canonical('After a diplomatic exchange in December, US officials received intelligence indicating that Beijing had shared information with Moscow'),
    );
    const h = new MinHasher();
    expect(Math.abs(estimateJaccard(h.signature(a), h.signature(b)) - jaccard(a, b))).toBeLessThan(0.12);
  });
});

describe('gram sets', () => {
  it('charGrams is the sorted, distinct set of every 5-character window, whatever the text and however long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), (text) => {
        const want = new Set<number>();
        for (let i = 0; i + 5 <= text.length; i++) want.add(hashRange(text, i, i + 5));
        if (text.length > 0 && text.length <= 5) want.add(hashString(text));
        expect([...charGrams(text)]).toEqual([...want].sort((a, b) => a - b));
      }),
    );
  });

  it('intersectionSize counts the common values of two sorted sets', () => {
    const sorted = fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }).map((xs) => Uint32Array.from(xs).sort());
    fc.assert(
      fc.property(sorted, sorted, (a, b) => {
        const inB = new Set(b);
        expect(intersectionSize(a, b)).toBe(a.filter((x) => inB.has(x)).length);
      }),
    );
  });

  it('containsAtLeast stops early and answers as containment compared with the share does', () => {
    // Small values, so that the sets share many of them.
    const sorted = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40, size: 'max' }).map((xs) => Uint32Array.from(xs).sort());
    const share = fc.oneof(fc.constantFrom(0, 0.4, 0.45, 0.6, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(sorted, sorted, share, (a, b, s) => {
        expect(containsAtLeast(a, b, s)).toBe(a.length > 0 && containment(a, b) >= s);
      }),
      { numRuns: 1000 },
    );
  });
});
