import { seededStream } from './hash';

/** Fixed seed: every build and browser must agree on the permutations. */
export const MINHASH_SEED = 0x5eed2024;
export const NUM_PERM = 128;

/**
 * MinHash signatures over 32-bit shingle hashes. Each permutation is an
 * xor with a seeded salt followed by a two-multiply mix, all in Math.imul.
 */
export class MinHasher {
  readonly salts: Uint32Array;

  constructor(
    readonly numPerm = NUM_PERM,
    seed = MINHASH_SEED,
  ) {
    const next = seededStream(seed);
    this.salts = new Uint32Array(numPerm);
    for (let i = 0; i < numPerm; i++) this.salts[i] = next();
  }

  signature(shingles: Uint32Array): Uint32Array {
    const sig = new Uint32Array(this.numPerm).fill(0xffffffff);
    const salts = this.salts;
    for (let s = 0; s < shingles.length; s++) {
      const x = shingles[s];
      for (let i = 0; i < sig.length; i++) {
        let h = Math.imul(x ^ salts[i], 0x9e3779b1);
        h ^= h >>> 15;
        h = Math.imul(h, 0x85ebca6b);
        h = (h ^ (h >>> 13)) >>> 0;
        if (h < sig[i]) sig[i] = h;
      }
    }
    return sig;
  }
}

/** Share of equal positions: an unbiased estimate of the sets' Jaccard. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return eq / a.length;
}
