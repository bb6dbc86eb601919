import { hashString } from '../fingerprint/hash';
import { FUNCTION_WORDS } from '../text/function-words';

/**
 * Quoted runs: the same words, in the same order, in a page block and a
 * candidate paragraph ("seed and extend", as passim and PAN's text
 * alignment do it). Sentence windows judge whole sentences; a fragment
 * of 10–25 words quoted inside a longer sentence of new writing shares
 * too little of that sentence's grams to pass them, and was found one time
 * in five (seeds, five sentence frames, 1,041 fragments).
 */

/** Words a run between quotation marks needs: the "a fragment of 8 or more words". */
export const MIN_RUN_WORDS = 8;
/**
 * Words a run needs without quotation marks. Eight unquoted words are a
 * phrase two writers can share: one of Clough's 38 independent answers
 * shares "to find the best decisions one after another" with its source.
 * Ten: every run of 10–25 words in the seed harness is still found.
 */
export const MIN_UNQUOTED_WORDS = 10;
/**
 * And characters: eight short words ("and it is not in the way of") are a
 * phrase anyone writes. At 40, 8-word quotes of the Readability pages'
 * sentences were found 325 times of 437; at 30, 389, with no fixture
 * negative or Clough independent answer flagged (MSRP's same-story
 * negatives, many of them real reuse: 66 flagged of 200, then 67).
 */
export const MIN_RUN_CHARS = 30;
/**
 * Lower-case content words a run needs: a long name with its office
 * ("Representative Mike Gallagher, a Wisconsin Republican and member of the
 * House Intelligence Committee", 14 words, one such word) is shared by any
 * story about that person. At 3, the seed harness found 10-word fragments
 * 219 times of 255 (the seeds are dense with names); at 2, 236, and none
 * of the 8 name-sharing negatives of the fixtures.
 */
export const MIN_RUN_PLAIN_WORDS = 2;
/** Source positions tried per seed: a word triple repeated more often than this is not what marks a quote. */
const SEED_POSITIONS = 4;
const SEED = 3;

/** The words of a text: spans, and keys that ignore case (typed arrays: a long page has tens of thousands). */
export interface Tokens {
  length: number;
  start: Uint32Array;
  end: Uint32Array;
  key: Uint32Array;
  /** 1 for a lower-case word that is not a function word: what a name is not. */
  plain: Uint8Array;
}

/** A run of the same words: page and source spans in their texts' offsets. */
export interface Run {
  pageStart: number;
  pageEnd: number;
  sourceStart: number;
  sourceEnd: number;
  words: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, in one pass. */
export function tokens(text: string): Tokens {
  const start: number[] = [];
  const end: number[] = [];
  const key: number[] = [];
  const plain: number[] = [];
  const word = new RegExp(WORD);
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const lower = m[0].toLowerCase();
    start.push(m.index);
    end.push(m.index + m[0].length);
    key.push(hashString(lower));
    plain.push(lower === m[0] && !FUNCTION_WORDS.has(lower) && !/^\d+$/.test(lower) ? 1 : 0);
  }
  return {
    length: start.length,
    start: Uint32Array.from(start),
    end: Uint32Array.from(end),
    key: Uint32Array.from(key),
    plain: Uint8Array.from(plain),
  };
}

const seedKey = (k: Uint32Array, i: number) => (Math.imul(k[i], 31) ^ Math.imul(k[i + 1], 961) ^ k[i + 2]) >>> 0;

/** A quotation mark just before `start` or just after `end` (spaces and punctuation between). */
function quoted(text: string, start: number, end: number): boolean {
  const near = text.slice(Math.max(0, start - 3), start) + text.slice(end, end + 3);
  return QUOTE_MARK.test(near);
}
const QUOTE_MARK = /["“”„«»‘’']/;

/**
 * The runs that `page` shares with `source`, in page order, not
 * overlapping on the page: at least MIN_RUN_CHARS characters and
 * MIN_RUN_PLAIN_WORDS lower-case content words, and MIN_UNQUOTED_WORDS
 * words (MIN_RUN_WORDS between quotation marks). Linear in the two
 * lengths: each page position tries at most SEED_POSITIONS seeds; an
 * extension under MIN_RUN_WORDS words costs under that many steps, and
 * one that reaches it is skipped past, whether it counts or not.
 */
export function quotedRuns(pageText: string, page: Tokens, source: Tokens): Run[] {
  if (page.length < MIN_RUN_WORDS || source.length < MIN_RUN_WORDS) return [];
  const seeds = new Map<number, number[]>();
  const pk = page.key;
  const sk = source.key;
  for (let j = 0; j + SEED <= source.length; j++) {
    const k = seedKey(sk, j);
    const list = seeds.get(k);
    if (!list) seeds.set(k, [j]);
    else if (list.length < SEED_POSITIONS) list.push(j);
  }
  const runs: Run[] = [];
  let floor = 0;
  for (let i = 0; i + SEED <= page.length;) {
    let best: { from: number; to: number; src: number } | undefined;
    for (const j of seeds.get(seedKey(pk, i)) ?? []) {
      let fwd = 0;
      while (i + fwd < page.length && j + fwd < source.length && pk[i + fwd] === sk[j + fwd]) fwd++;
      let back = 0;
      while (back < MIN_RUN_WORDS && i - back - 1 >= floor && j - back - 1 >= 0 && pk[i - back - 1] === sk[j - back - 1]) back++;
      if (!best || fwd + back > best.to - best.from) best = { from: i - back, to: i + fwd, src: j - back };
    }
    if (best && best.to - best.from >= MIN_RUN_WORDS) {
      const run = {
        pageStart: page.start[best.from],
        pageEnd: page.end[best.to - 1],
        sourceStart: source.start[best.src],
        sourceEnd: source.end[best.src + best.to - best.from - 1],
        words: best.to - best.from,
      };
      let plain = 0;
      for (let k = best.from; k < best.to; k++) plain += page.plain[k];
      if (
        run.pageEnd - run.pageStart >= MIN_RUN_CHARS &&
        plain >= MIN_RUN_PLAIN_WORDS &&
        (run.words >= MIN_UNQUOTED_WORDS || quoted(pageText, run.pageStart, run.pageEnd))
      ) {
        runs.push(run);
        floor = best.to;
      }
      // Past a long run even when it does not count (a name, no quotation marks): its inner positions hold the
      // same words again, and extending from each of them was quadratic ("A.A.A…": 1.5 s at 20,000 characters).
      i = best.to;
      continue;
    }
    i++;
  }
  return runs;
}
