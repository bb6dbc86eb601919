/**
 * Each corpus paragraph's grams as a small bit set (a one-hash Bloom
 * filter), stored with the index. Counting a sentence's grams whose bits are
 * set gives at least the number the paragraph really shares with it, never
 * fewer: a candidate ruled out this way could not pass the exact overlap
 * test either. LSH's chance candidates are dismissed in a few hundred bit
 * tests, without computing or merging their grams.
 */

/** About 8 bits per gram: a gram the paragraph lacks tests positive about 12% of the time. */
const BITS_PER_GRAM = 8;
const MIN_WORDS = 4;

export interface SerializedGramFilters {
  /** Start of paragraph i's words in `bits`; its length is the next start minus this. */
  offsets: Uint32Array;
  bits: Uint32Array;
}

/** Words for n grams: a power of two, so a gram's bit is a mask of its hash. */
function wordsFor(n: number): number {
  let words = MIN_WORDS;
  while (words * 32 < n * BITS_PER_GRAM) words *= 2;
  return words;
}

export class GramFilters {
  private constructor(
    private readonly offsets: Uint32Array,
    private readonly bits: Uint32Array,
  ) {}

  /** One filter per gram set, by index (an empty set gets an empty filter). */
  static build(sets: Uint32Array[]): GramFilters {
    const offsets = new Uint32Array(sets.length + 1);
    for (let i = 0; i < sets.length; i++) offsets[i + 1] = offsets[i] + (sets[i].length ? wordsFor(sets[i].length) : 0);
    const bits = new Uint32Array(offsets[sets.length]);
    sets.forEach((grams, i) => {
      const base = offsets[i];
      const mask = (offsets[i + 1] - base) * 32 - 1;
      for (const g of grams) {
        const b = g & mask;
        bits[base + (b >>> 5)] |= 1 << (b & 31);
      }
    });
    return new GramFilters(offsets, bits);
  }

  static from({ offsets, bits }: SerializedGramFilters): GramFilters {
    return new GramFilters(offsets, bits);
  }

  serialize(): SerializedGramFilters {
    return { offsets: this.offsets, bits: this.bits };
  }

  /**
   * Whether set i may hold at least `need` of `grams`: false only when it
   * certainly does not. Stops as soon as the answer is known.
   */
  mayHold(i: number, grams: Uint32Array, need: number): boolean {
    const base = this.offsets[i];
    const words = this.offsets[i + 1] - base;
    if (need <= 0) return true;
    if (words === 0 || grams.length < need) return false;
    const mask = words * 32 - 1;
    let n = 0;
    for (let k = 0; k < grams.length; k++) {
      const b = grams[k] & mask;
      n += (this.bits[base + (b >>> 5)] >>> (b & 31)) & 1;
      if (n >= need) return true;
      if (n + grams.length - k - 1 < need) return false;
    }
    return false;
  }
}
