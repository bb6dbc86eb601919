import { CHAR_GRAM, sortedDistinct } from '../fingerprint/grams';
import { commonThreshold } from '../fingerprint/common';
import { isSampled, sampleGrams } from '../fingerprint/sample';
import type { GramPostings } from '../types';

/**
 * Share of a sentence's sampled grams a corpus paragraph must hold to be a
 * candidate. A true copy at the lowest accepted overlap (0.40) holds about
 * 0.4 of them, Binomial-spread: with 0.12 a 25-gram unit needs 3, which such
 * a copy misses less than 1 time in 2,000; a 9-gram sentence needs 1.
 */
export const CANDIDATE_SHARE = 0.12;
/**
 * Candidates verified per block, the best-supported first. True versions hold
 * far more sampled grams than topic neighbours, so the cut spares exact
 * alignment work without losing them: 4, 8 and 32 give the same recall on
 * the fixtures among 1,000 synthetic documents (reworded 0.94, no false
 * alarm), and 4 gives the same `npm run eval` table as 8 on every public
 * set. Grouping 2,000 synthetic documents takes 8.0 s at 4, 10.7 s at 32.
 */
export const MAX_CANDIDATES = 4;

/**
 * Quote windows: QUOTE_WINDOW words, every QUOTE_STEP words, of sentence
 * units longer than a window. Every run of 8 words lies inside one, and
 * holds about 5 of its sampled grams (40 grams, one in eight): needing
 * QUOTE_HITS = 2 misses such a run 3 times in 100 (binomial), a run of 10
 * words once in 100. A sentence's own share (CANDIDATE_SHARE) would need
 * 4 hits of a 60-word sentence, which an 8-word quote misses one time in four.
 */
const QUOTE_WINDOW = 14;
const QUOTE_STEP = 6;
export const QUOTE_HITS = 2;
/** Candidates for quoted fragments, beside MAX_CANDIDATES: verifying them is a word scan. */
export const QUOTED_CANDIDATES = 2;

/**
 * The sampled grams of each quote window of a sentence unit, from its
 * canonical text and the gram hash at each of its positions: a window's
 * grams are those lying inside its words. Hashing each window's text again
 * hashed every character about 2.3 times, and canonicalised it again: a
 * third of preparing a page's texts.
 */
export function quoteWindows(canon: string, hashes: Uint32Array): Uint32Array[] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < canon.length; i++) {
    if (canon[i] === ' ') continue;
    if (i === 0 || canon[i - 1] === ' ') starts.push(i);
    if (i + 1 === canon.length || canon[i + 1] === ' ') ends.push(i + 1);
  }
  const n = starts.length;
  if (n <= QUOTE_WINDOW) return [];
  const at: number[] = [];
  const kept: number[] = [];
  for (let p = 0; p < hashes.length; p++)
    if (isSampled(hashes[p])) {
      at.push(p);
      kept.push(hashes[p]);
    }
  const out: Uint32Array[] = [];
  let first = 0;
  for (let i = 0; i < n - QUOTE_STEP; i += QUOTE_STEP) {
    const from = starts[i];
    const last = ends[Math.min(n, i + QUOTE_WINDOW) - 1] - CHAR_GRAM;
    while (first < at.length && at[first] < from) first++;
    let end = first;
    while (end < at.length && at[end] <= last) end++;
    out.push(sortedDistinct(Uint32Array.from(kept.slice(first, end))));
  }
  return out;
}

/** A text's sampled grams per sentence unit, and all of them, sorted. */
export function sampledUnits(unitGrams: Uint32Array[]): Uint32Array[] {
  return unitGrams.map(sampleGrams);
}

/** Distinct grams of several gram sets, sorted. */
export function distinctGrams(sets: Uint32Array[]): Uint32Array {
  const all = new Uint32Array(sets.reduce((n, s) => n + s.length, 0));
  let o = 0;
  for (const s of sets) {
    all.set(s, o);
    o += s.length;
  }
  return sortedDistinct(all);
}

/** Room for a gram's number beside a paragraph id in one float64 sort key: more than the distinct grams of MAX_BLOCK_CHARS. */
const GRAM_SLOTS = 2 ** 20;

/**
 * Corpus paragraphs worth verifying for one text: those holding enough of
 * some unit's sampled grams, or of the whole text's. Grams common in the
 * corpus (in more than 1% of its documents) are left out on both sides of
 * the count, as they say nothing about copying. Best supported first; ties
 * by paragraph id.
 *
 * All gram sets (each unit, the whole text, each quote window) are counted
 * in one pass: the postings of the text's distinct grams are sorted once by
 * paragraph, and each paragraph's grams credit the sets that hold them; a
 * paragraph is then offered to the short lists of the best. Sorting each
 * set's postings apart sorted every posting about four times (quote windows
 * overlap), and keeping every paragraph's support in a map cost 97,000 map
 * writes a 100-paragraph page at 10,000 documents: candidates took a
 * quarter of the page's time, now a tenth.
 */
export function candidatesFor(
  units: Uint32Array[],
  postings: Map<number, GramPostings>,
  documents: number,
  accept: (pid: number) => boolean = () => true,
  quotes: Uint32Array[] = [],
  /** Receives the candidates a quote window supports: only they need a word scan when no sentence aligns. */
  quotedOut?: Set<number>,
): number[] {
  const limit = commonThreshold(documents);
  const sets = units.length > 1 ? [...units, distinctGrams(units), ...quotes] : [...units, ...quotes];
  const firstQuote = sets.length - quotes.length;
  // Each distinct gram with postings, numbered, with the sets holding it; each set's hits needed.
  const numbers = new Map<number, number>();
  const holders: number[][] = [];
  const need = new Float64Array(sets.length);
  sets.forEach((grams, s) => {
    let n = 0;
    for (const g of grams) {
      const p = postings.get(g);
      if (p && p.docs > limit) continue;
      n++;
      if (!p) continue;
      let k = numbers.get(g);
      if (k === undefined) numbers.set(g, (k = holders.push([]) - 1));
      holders[k].push(s);
    }
    need[s] = s < firstQuote ? Math.max(1, Math.floor(CANDIDATE_SHARE * n)) : QUOTE_HITS;
  });
  // Gram k's sets are held[from[k]] .. held[from[k + 1] - 1].
  const from = new Uint32Array(holders.length + 1);
  holders.forEach((h, k) => (from[k + 1] = from[k] + h.length));
  const held = Uint32Array.from(holders.flat());
  let total = 0;
  for (const g of numbers.keys()) total += postings.get(g)!.pids.length;
  const keys = new Float64Array(total);
  let o = 0;
  for (const [g, k] of numbers) for (const pid of postings.get(g)!.pids) keys[o++] = pid * GRAM_SLOTS + k;
  keys.sort();

  const top = new Best(MAX_CANDIDATES);
  // A quoted fragment: QUOTE_HITS of a short window's samples, ranked apart so that it cannot push out a reworded
  // copy. Enough are kept to leave QUOTED_CANDIDATES once those among the top are taken out.
  const quoted = new Best(MAX_CANDIDATES + QUOTED_CANDIDATES);
  const hits = new Uint32Array(sets.length);
  const touched = new Uint32Array(sets.length);
  for (let i = 0; i < keys.length;) {
    // Paragraph ids are below 2^32, so the quotient truncates with >>> 0.
    const pid = (keys[i] / GRAM_SLOTS) >>> 0;
    const end = (pid + 1) * GRAM_SLOTS;
    let t = 0;
    for (; i < keys.length && keys[i] < end; i++) {
      const k = keys[i] - pid * GRAM_SLOTS;
      for (let j = from[k]; j < from[k + 1]; j++) if (hits[held[j]]++ === 0) touched[t++] = held[j];
    }
    let support = 0;
    let quote = 0;
    for (let j = 0; j < t; j++) {
      const s = touched[j];
      if (hits[s] >= need[s]) {
        if (s < firstQuote) support = Math.max(support, hits[s] / need[s]);
        else quote = Math.max(quote, hits[s] / need[s]);
      }
      hits[s] = 0;
    }
    if ((support || quote) && accept(pid)) {
      if (support) top.offer(pid, support, quote > 0);
      if (quote) quoted.offer(pid, quote);
    }
  }
  const chosen = top.entries.map((e) => e.pid);
  for (const e of top.entries) if (e.quoted) quotedOut?.add(e.pid);
  const extra = quoted.entries
    .filter((e) => !chosen.includes(e.pid))
    .slice(0, QUOTED_CANDIDATES)
    .map((e) => e.pid);
  for (const pid of extra) quotedOut?.add(pid);
  return [...chosen, ...extra];
}

interface Offer {
  pid: number;
  support: number;
  /** A quote window supports it too. */
  quoted: boolean;
}

const better = (a: Offer, b: Offer) => a.support > b.support || (a.support === b.support && a.pid < b.pid);

/** The `max` best supported paragraphs offered, ties by id, kept without sorting them all (a page offers thousands). */
class Best {
  readonly entries: Offer[] = [];
  constructor(private readonly max: number) {}

  offer(pid: number, support: number, quoted = false): void {
    const e = this.entries;
    const offered = { pid, support, quoted };
    if (e.length === this.max && !better(offered, e[e.length - 1])) return;
    let i = Math.min(e.length, this.max - 1);
    e[i] = offered;
    while (i > 0 && better(e[i], e[i - 1])) {
      [e[i], e[i - 1]] = [e[i - 1], e[i]];
      i--;
    }
  }
}
