/**
 * 32-bit hashing with integer math only, so Node, Chromium and Firefox
 * produce the same fingerprints bit for bit.
 */

/** MurmurHash3's finaliser: spreads every input bit over the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units of s[start, end), finalised. */
export function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

export const hashString = (s: string): number => hashRange(s, 0, s.length);

/** An article's text as one hash: identical text, whatever its id or URL, is the same article imported twice. */
export const textHash = (paragraphs: string[]): number => hashString(paragraphs.join('\n'));

/** A seeded stream of 32-bit values (splitmix32); replaces Math.random. */
export function seededStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
}
