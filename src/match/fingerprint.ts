import type { CommonGrams } from '../fingerprint/common';
import { bandKeys, optimalParams, type LshParams } from '../fingerprint/lsh';
import { MinHasher, NUM_PERM } from '../fingerprint/minhash';

/**
 * Jaccard of character 5-gram sets at which LSH should propose a pair.
 * Reworded sentences overlap 0.40–0.9 by 5-grams (over the larger side),
 * a Jaccard of about 0.25–0.8; 0.2 leaves margin below that, and the
 * verification drops the chance collisions this lets through cheaply.
 */
export const LSH_THRESHOLD = 0.2;

export const LSH_PARAMS: LshParams = (({ bands, rows }) => ({ bands, rows }))(optimalParams(LSH_THRESHOLD, NUM_PERM));

let hasher: MinHasher | undefined;
const minHasher = () => (hasher ??= new MinHasher());

/**
 * Band keys of a text's fingerprint units: each sentence unit, and the whole
 * text (the element-wise minimum of its units' signatures, which is the
 * signature of the union of their grams, without hashing twice). The
 * corpus's common grams are left out; a unit made only of them has no keys,
 * since empty sets would all collide with each other.
 */
export function unitKeys(unitGrams: Uint32Array[], common: CommonGrams): Uint32Array[] {
  const sigs = unitGrams
    .map((g) => common.filter(g))
    .filter((g) => g.length > 0)
    .map((g) => minHasher().signature(g));
  if (sigs.length === 0) return [];
  const keys = sigs.map((s) => bandKeys(s, LSH_PARAMS));
  if (sigs.length > 1) {
    const whole = sigs[0].slice();
    for (const s of sigs.slice(1)) for (let i = 0; i < whole.length; i++) if (s[i] < whole[i]) whole[i] = s[i];
    keys.push(bandKeys(whole, LSH_PARAMS));
  }
  return keys;
}
