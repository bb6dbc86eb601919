import { words } from '../text/normalize';
import { FUNCTION_WORDS } from '../text/function-words';

/** Content words, with a plural or possessive "s" dropped, so "officials" and "official's" meet. */
function contentWords(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words(text)) {
    if (FUNCTION_WORDS.has(w) || /^\d+$/.test(w)) continue;
    const k = w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** One letter added, dropped, changed or two swapped: a typo, not a new word. */
function typo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 4) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let ea = a.length - 1;
  let eb = b.length - 1;
  while (ea >= i && eb >= i && a[ea] === b[eb]) {
    ea--;
    eb--;
  }
  const left = ea - i + 1;
  const right = eb - i + 1;
  if (left <= 1 && right <= 1) return true;
  return left === 2 && right === 2 && a[i] === b[i + 1] && a[i + 1] === b[i];
}

/**
 * The share of content words replaced between two versions of a passage:
 * content words one side lacks that the other side has in their place,
 * min(lost, gained), over the larger side's count. A dropped clause loses
 * words and gains none (0); a synonym swap loses one and gains one. Typos
 * pair up first. Linear but for the typo pairing, which only compares the
 * few words left over on each side (capped).
 */
export function replacedShare(pageText: string, sourceText: string): number {
  const page = contentWords(pageText);
  const source = contentWords(sourceText);
  const lost: string[] = [];
  const gained: string[] = [];
  let pageTotal = 0;
  let sourceTotal = 0;
  for (const [w, n] of source) {
    sourceTotal += n;
    for (let k = page.get(w) ?? 0; k < n; k++) lost.push(w);
  }
  for (const [w, n] of page) {
    pageTotal += n;
    for (let k = source.get(w) ?? 0; k < n; k++) gained.push(w);
  }
  const total = Math.max(pageTotal, sourceTotal);
  if (total === 0) return 0;
  // Typos: a lost word and a gained word one letter apart are the same word (quadratic only in the leftovers, capped).
  let typos = 0;
  if (lost.length * gained.length <= TYPO_PAIRS) {
    const free = [...gained];
    for (const w of lost) {
      const j = free.findIndex((g) => typo(w, g));
      if (j >= 0) {
        free.splice(j, 1);
        typos++;
      }
    }
  }
  return (Math.min(lost.length, gained.length) - typos) / total;
}

/** Leftover pairs compared for typos: a passage of two long sentences, rewritten. */
const TYPO_PAIRS = 2500;
