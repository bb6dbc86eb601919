import { hashRange, hashString } from './hash';

/** Character n-gram length: survives synonym swaps that break word shingles. */
export const CHAR_GRAM = 5;
/** Word shingle length of the naive baseline and the edit measure. */
export const WORD_SHINGLE = 3;

function sortedUnique(values: number[]): Uint32Array {
  const a = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[n - 1]) a[n++] = a[i];
  return a.slice(0, n);
}

/** Hashes of the distinct character n-grams of a canonical string, sorted. */
export function charGrams(canon: string, n = CHAR_GRAM): Uint32Array {
  if (canon.length === 0) return new Uint32Array(0);
  if (canon.length <= n) return Uint32Array.of(hashString(canon));
  const out: number[] = new Array(canon.length - n + 1);
  for (let i = 0; i + n <= canon.length; i++) out[i] = hashRange(canon, i, i + n);
  return sortedUnique(out);
}

/** Hashes of the distinct k-word shingles, sorted. */
export function wordShingles(ws: string[], k = WORD_SHINGLE): Uint32Array {
  if (ws.length === 0) return new Uint32Array(0);
  if (ws.length < k) return Uint32Array.of(hashString(ws.join(' ')));
  const out: number[] = [];
  for (let i = 0; i + k <= ws.length; i++) out.push(hashString(ws.slice(i, i + k).join(' ')));
  return sortedUnique(out);
}

/** |a ∩ b| for two sorted, duplicate-free arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
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
