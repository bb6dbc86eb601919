import { describe, expect, it } from 'vitest';
import { bandKeys, collisionProbability, LshIndex, optimalParams } from '../../src/fingerprint/lsh';
import { MinHasher } from '../../src/fingerprint/minhash';
import { charGrams } from '../../src/fingerprint/grams';
import { LSH_PARAMS } from '../../src/match/fingerprint';

describe('optimalParams', () => {
  it('picks bands × rows within the permutations, steeper for higher thresholds', () => {
    const low = optimalParams(0.25, 128);
    const high = optimalParams(0.7, 128);
    expect(low.bands * low.rows).toBeLessThanOrEqual(128);
    expect(high.rows).toBeGreaterThan(low.rows);
    // The S-curve crosses one half near the threshold.
    const mid = (t: number, p: typeof low) => collisionProbability(t, p);
    expect(mid(0.45, low)).toBeGreaterThan(0.9);
    expect(mid(0.1, low)).toBeLessThan(0.1);
  });

  it('is what the matcher uses: 28 bands of 2 rows at 0.2', () => {
    expect(LSH_PARAMS).toEqual({ bands: 28, rows: 2 });
  });
});

describe('LshIndex', () => {
  const h = new MinHasher();
  const keys = (s: string) => bandKeys(h.signature(charGrams(s)), LSH_PARAMS);
  const docs = [
    'senior american officials decided to present intelligence on the russian troop buildup',
    'residents near the harbour met to discuss plans for the new library and its funding',
    'the chinese foreign ministry said it hoped for talks between the two parties soon',
  ];
  const index = LshIndex.build(LSH_PARAMS, [0, 1, 2], docs.map(keys));

  it('finds a near copy and not unrelated text', () => {
    const found = index.query(keys('senior american officials decided to present the intelligence on the russian troop build-up'));
    expect([...found]).toEqual([0]);
  });

  it('answers an empty set for bands it has never seen (the minhash package throws here)', () => {
    expect(index.query(keys('zzzz qqqq xxxx wwww vvvv')).size).toBe(0);
  });

  it('survives serialisation, as IndexedDB stores it', () => {
    const again = LshIndex.from(structuredClone(index.serialize()));
    expect([...again.query(keys(docs[2]))]).toEqual([2]);
  });
});
