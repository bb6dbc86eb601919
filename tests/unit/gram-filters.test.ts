import { describe, expect, it } from 'vitest';
import { GramFilters } from '../../src/fingerprint/filters';
import { intersectionSize } from '../../src/fingerprint/grams';
import { seededStream } from '../../src/fingerprint/hash';

const next = seededStream(7);
const set = (n: number, pool: number) => Uint32Array.from(new Set(Array.from({ length: n }, () => next() % pool))).sort();

describe('GramFilters', () => {
  it('never rules out a set that holds the grams (lossless)', () => {
    const sets = Array.from({ length: 200 }, (_, i) => set(20 + (i % 400), 3000));
    const filters = GramFilters.from(GramFilters.build(sets).serialize());
    for (let i = 0; i < sets.length; i++) {
      const probe = set(60, 3000);
      const shared = intersectionSize(probe, sets[i]);
      expect(filters.mayHold(i, probe, shared)).toBe(true);
    }
  });

  it('rules out most unrelated sets at a 40% overlap', () => {
    const sets = Array.from({ length: 200 }, () => set(300, 2 ** 32));
    const filters = GramFilters.build(sets);
    const probe = set(80, 2 ** 32);
    const passed = sets.filter((_, i) => filters.mayHold(i, probe, 32)).length;
    expect(passed).toBe(0);
  });

  it('gives an empty set an empty filter that holds nothing', () => {
    const filters = GramFilters.build([new Uint32Array(0), Uint32Array.of(1, 2, 3)]);
    expect(filters.mayHold(0, Uint32Array.of(1), 1)).toBe(false);
    expect(filters.mayHold(0, Uint32Array.of(1), 0)).toBe(true);
    expect(filters.mayHold(1, Uint32Array.of(1, 2, 3), 3)).toBe(true);
  });
});
