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
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i];
  return all.slice(0, n);
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
): number[] {
  const limit = commonThreshold(documents);
  const support = new Map<number, number>();
  const count = (grams: Iterable<number>) => {
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
    const need = Math.max(1, Math.floor(CANDIDATE_SHARE * n));
    for (let i = 0; i < all.length;) {
      let j = i + 1;
      while (j < all.length && all[j] === all[i]) j++;
      const pid = all[i];
      if (j - i >= need && accept(pid)) support.set(pid, Math.max(support.get(pid) ?? 0, (j - i) / need));
      i = j;
    }
  };
  for (const u of units) count(u);
  if (units.length > 1) count(new Set(units.flatMap((u) => Array.from(u))));
  return topCandidates(support);
}

/** The MAX_CANDIDATES best supported, ties by id, without sorting them all (support maps run to thousands of ids). */
function topCandidates(support: Map<number, number>): number[] {
  const top: Array<[number, number]> = [];
  const better = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const e of support) {
    if (top.length === MAX_CANDIDATES && !better(e, top[top.length - 1])) continue;
    let i = Math.min(top.length, MAX_CANDIDATES - 1);
    top[i] = e;
    while (i > 0 && better(top[i], top[i - 1])) {
      [top[i], top[i - 1]] = [top[i - 1], top[i]];
      i--;
    }
  }
  return top.map(([pid]) => pid);
}
