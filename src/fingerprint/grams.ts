import { hashRange, hashString } from './hash';

/** Character n-gram length: survives synonym swaps that break word shingles. */
export const CHAR_GRAM = 5;
/** Word shingle length of the naive baseline and the edit measure. */
export const WORD_SHINGLE = 3;

/** The distinct values of `a`, sorted, as a new array; `a` itself is sorted and overwritten. */
export function sortedDistinct(a: Uint32Array): Uint32Array {
  a.sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (n === 0 || a[i] !== a[n - 1]) a[n++] = a[i];
  return a.slice(0, n);
}

const sortedUnique = (values: number[]): Uint32Array => sortedDistinct(Uint32Array.from(values));

// Reused between calls: a text allocates only its result.
let scratch = new Uint32Array(1024);

/**
 * Hashes of the character n-grams of a canonical string, one per position,
 * in order; a string no longer than n is one gram. Written into `into` when
 * it has room.
 */
export function gramHashes(canon: string, n = CHAR_GRAM, into?: Uint32Array): Uint32Array {
  if (canon.length === 0) return new Uint32Array(0);
  if (canon.length <= n) return Uint32Array.of(hashString(canon));
  const count = canon.length - n + 1;
  const out = into && into.length >= count ? into.subarray(0, count) : new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = hashRange(canon, i, i + n);
  return out;
}

/**
 * Hashes of the distinct character n-grams of a canonical string, sorted.
 * Hashed straight into a typed array: through a plain array and
 * Uint32Array.from, this was a tenth of a warm page query (profile, 10,000
 * documents) and 1.3-1.6× slower.
 */
export function charGrams(canon: string, n = CHAR_GRAM): Uint32Array {
  if (scratch.length < canon.length) scratch = new Uint32Array(canon.length);
  return sortedDistinct(gramHashes(canon, n, scratch));
}

/** Hashes of the distinct k-word shingles, sorted. */
export function wordShingles(ws: string[], k = WORD_SHINGLE): Uint32Array {
  if (ws.length === 0) return new Uint32Array(0);
  if (ws.length < k) return Uint32Array.of(hashString(ws.join(' ')));
  const out: number[] = [];
  for (let i = 0; i + k <= ws.length; i++) out.push(hashString(ws.slice(i, i + k).join(' ')));
  return sortedUnique(out);
}

/**
 * |a ∩ b| for two sorted, duplicate-free arrays, or with `need`, counted
 * only until the count reaches it or can no longer reach it (what then
 * matters is whether it did). Branch-free steps: the merge's compares are
 * unpredictable, and this form ran 1.4× the if/else one on
 * unit-against-paragraph gram sets (the bulk of alignment's work); the two
 * stopping tests are predictable.
 */
export function intersectionSize(a: Uint32Array, b: Uint32Array, need?: number): number {
  const na = a.length;
  const nb = b.length;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < na && j < nb) {
    const x = a[i];
    const y = b[j];
    n += +(x === y);
    i += +(x <= y);
    j += +(y <= x);
    if (need !== undefined && (n >= need || n + na - i < need)) break;
  }
  return n;
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const inter = intersectionSize(a, b);
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

/** Share of a's grams that b also has. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  return a.length === 0 ? 0 : intersectionSize(a, b) / a.length;
}

/**
 * containment(a, b) >= share, with the merge stopped as soon as the answer
 * is known: when enough grams were found, or too few are left to find. Most
 * candidates a page text is checked against share a tenth of its grams, and
 * are known to fall short early; the check was a tenth of a warm page query
 * in the worker (CPU profile, 10,000 articles).
 */
export function containsAtLeast(a: Uint32Array, b: Uint32Array, share: number): boolean {
  const na = a.length;
  if (na === 0) return false;
  // The fewest shared grams whose share reaches `share`, as containment's division decides it.
  let need = Math.max(0, Math.ceil(share * na) - 1);
  while (need / na < share) need++;
  return need <= na && intersectionSize(a, b, need) >= need;
}
