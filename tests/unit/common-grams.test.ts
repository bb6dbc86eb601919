import { describe, expect, it } from 'vitest';
import { commonThreshold, CommonGrams, GramFrequency } from '../../src/fingerprint/common';
import { charGrams } from '../../src/fingerprint/grams';
import { LshIndex } from '../../src/fingerprint/lsh';
import { buildCorpusData, CorpusMatcher } from '../../src/match/corpus';
import { LSH_PARAMS, unitKeys } from '../../src/match/fingerprint';
import { sentenceGrams } from '../../src/match/windows';
import { syntheticCorpus } from '../../scripts/lib/synth';

const grams = (s: string) => charGrams(s);

describe('commonThreshold', () => {
  it('drops nothing in small corpora, then grams in over 1% of documents', () => {
    expect(commonThreshold(5)).toBe(Infinity);
    expect(commonThreshold(19)).toBe(Infinity);
    expect(commonThreshold(20)).toBe(20);
    expect(commonThreshold(2000)).toBe(20);
    expect(commonThreshold(10_000)).toBe(100);
  });
});

describe('GramFrequency and CommonGrams', () => {
  const shared = grams('the council said');
  const rare = grams('zygomorphic quokka');
  const frequencyOf = (docs: number) => {
    const f = new GramFrequency(docs);
    for (let d = 0; d < docs; d++) f.addDocument(d < 3 ? [shared, rare, rare] : [shared, grams(`unique text ${d}`)]);
    return f;
  };

  it('finds grams in more documents than the threshold, counting each document once', () => {
    const common = new CommonGrams(frequencyOf(40).commonBuckets());
    expect(common.filter(shared)).toHaveLength(0);
    expect(common.filter(rare)).toEqual(rare);
    expect([...shared].every((g) => common.has(g))).toBe(true);
  });

  it('leaves every gram alone below the minimum corpus size', () => {
    const f = frequencyOf(10);
    expect(f.commonBuckets()).toHaveLength(0);
    const none = new CommonGrams(f.commonBuckets());
    expect(none.filter(shared)).toBe(shared);
  });
});

describe('a corpus with common grams', () => {
  const docs = syntheticCorpus(300, 0xc0ffee);
  const data = buildCorpusData(docs);
  const matcher = new CorpusMatcher(data);

  it('stores them, and they are the function-word grams', () => {
    expect(data.common.length).toBeGreaterThan(100);
    const common = new CommonGrams(data.common);
    expect(common.has(grams(' the ')[0])).toBe(true);
  });

  it('still finds a copied paragraph, with far fewer chance candidates than an index of every gram', () => {
    expect(matcher.match(docs[123].paragraphs[4])?.source).toBe(docs[123].id);
    const none = new CommonGrams(new Uint32Array(0));
    const ids: number[] = [];
    const entries: Uint32Array[] = [];
    for (const p of data.paragraphs)
      for (const k of unitKeys(sentenceGrams(p.text), none)) {
        ids.push(p.key);
        entries.push(k);
      }
    const everyGram = LshIndex.build(LSH_PARAMS, ids, entries);
    const unrelated = syntheticCorpus(5, 0xbad).flatMap((d) => d.paragraphs);
    const chance = (query: (t: string) => number) => unrelated.reduce((n, t) => n + query(t), 0);
    const withCommon = chance((t) => new Set(unitKeys(sentenceGrams(t), none).flatMap((k) => [...everyGram.query(k)])).size);
    const without = chance((t) => matcher.candidates(sentenceGrams(t)).length);
    expect(without).toBeLessThan(withCommon / 3);
  });
});
