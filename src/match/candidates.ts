import { sortedDistinct } from '../fingerprint/grams';
import { commonThreshold } from '../fingerprint/common';
import { sampleGrams } from '../fingerprint/sample';
import type { GramPostings } from '../types';

/**
 * Share of a sentence's sampled grams a corpus paragraph must hold to be a
 * candidate. A true copy at the lowest accepted overlap (0.40) holds about
 * 0.4 of them, Binomial-spread: with 0.12 a 25-gram unit needs 3, which such
 * a copy misses less than 1 time in 2,000; a 9-gram sentence needs 1.
 */
const CANDIDATE_SHARE = 0.12;
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
const QUOTE_HITS = 2;
/** Candidates for quoted fragments, beside MAX_CANDIDATES: verifying them is a word scan. */
const QUOTED_CANDIDATES = 2;

/** The sampled grams of each quote window of these sentence units. */
export function quoteWindows(units: string[], sample: (text: string) => Uint32Array): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (const text of units) {
    const words = [...text.matchAll(/\S+/g)];
    if (words.length <= QUOTE_WINDOW) continue;
    for (let i = 0; i < words.length - QUOTE_STEP; i += QUOTE_STEP) {
      const last = words[Math.min(words.length, i + QUOTE_WINDOW) - 1];
      out.push(sample(text.slice(words[i].index, last.index + last[0].length)));
    }
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

/**
 * Corpus paragraphs worth verifying for one text: those holding enough of
 * some unit's sampled grams, or of the whole text's. Grams common in the
 * corpus (in more than 1% of its documents) are left out on both sides of
 * the count, as they say nothing about copying. Best supported first; ties
 * by paragraph id.
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
  const support = new Map<number, number>();
  const count = (grams: Iterable<number>, least = 1, share = CANDIDATE_SHARE, into = support) => {
    const lists: Uint32Array[] = [];
    let n = 0;
    let total = 0;
    for (const g of grams) {
      const p = postings.get(g);
      if (p && p.docs > limit) continue;
      n++;
      if (p) {
        lists.push(p.pids);
        total += p.pids.length;
      }
    }
    // Hits per paragraph: every list's ids, sorted, counted by runs (a native sort beats a Map here).
    const all = new Uint32Array(total);
    let o = 0;
    for (const l of lists) {
      all.set(l, o);
      o += l.length;
    }
    all.sort();
    const need = Math.max(least, Math.floor(share * n));
    for (let i = 0; i < all.length;) {
      let j = i + 1;
      while (j < all.length && all[j] === all[i]) j++;
      const pid = all[i];
      if (j - i >= need && accept(pid)) into.set(pid, Math.max(into.get(pid) ?? 0, (j - i) / need));
      i = j;
    }
  };
  for (const u of units) count(u);
  if (units.length > 1) count(distinctGrams(units));
  const top = topCandidates(support, MAX_CANDIDATES);
  if (quotes.length === 0) return top;
  // A quoted fragment: QUOTE_HITS of a short window's samples, ranked apart so that it cannot push out a reworded copy.
  const quoted = new Map<number, number>();
  for (const q of quotes) count(q, QUOTE_HITS, 0, quoted);
  for (const pid of top) if (quoted.delete(pid)) quotedOut?.add(pid);
  const extra = topCandidates(quoted, QUOTED_CANDIDATES);
  for (const pid of extra) quotedOut?.add(pid);
  return [...top, ...extra];
}

/** The `max` best supported, ties by id, without sorting them all (support maps run to thousands of ids). */
function topCandidates(support: Map<number, number>, max: number): number[] {
  const top: Array<[number, number]> = [];
  const better = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const e of support) {
    if (top.length === max && !better(e, top[top.length - 1])) continue;
    let i = Math.min(top.length, max - 1);
    top[i] = e;
    while (i > 0 && better(top[i], top[i - 1])) {
      [top[i], top[i - 1]] = [top[i - 1], top[i]];
      i--;
    }
  }
  return top.map(([pid]) => pid);
}
