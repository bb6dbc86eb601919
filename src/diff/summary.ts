import { charGrams } from '../fingerprint/grams';
import { THRESHOLDS } from '../match/kinds';
import { overlap } from '../match/align';
import { splitSentences } from '../text/sentences';
import { canonical } from '../text/normalize';
import { compareFacts, type FactChange } from './facts';
import { changedShare, wordDiff, type DiffPart } from './wordDiff';

export interface ChangeSummary {
  parts: DiffPart[];
  /** Share of the two passages' words that differ. */
  changedShare: number;
  /** Source sentences with no counterpart on the page, and page sentences with none in the source. */
  droppedSentences: string[];
  addedSentences: string[];
  facts: FactChange[];
}

/**
 * Sentences of the other text a sentence is compared with: those near its
 * own place, proportionally. Comparing every pair was quadratic in the
 * sentence count (40,000 characters of "Hi. " took seconds); a paragraph has
 * far fewer sentences than this, so there every pair is still compared.
 */
const NEAR_SENTENCES = 64;

function unmatched(from: string, to: string): string[] {
  const targets = splitSentences(to).map((u) => charGrams(canonical(u.text)));
  const sources = splitSentences(from);
  return sources
    .filter((u, i) => {
      const g = charGrams(canonical(u.text));
      const at = Math.floor((i * targets.length) / sources.length);
      const near = targets.slice(Math.max(0, at - NEAR_SENTENCES), at + NEAR_SENTENCES + 1);
      return !near.some((t) => overlap(g, t) >= THRESHOLDS.unitOverlap || intersects(g, t));
    })
    .map((u) => u.text);
}

/** Half a sentence kept inside a longer one still counts as kept. */
function intersects(a: Uint32Array, b: Uint32Array): boolean {
  const small = a.length < b.length ? a : b;
  const large = small === a ? b : a;
  return small.length > 0 && overlap(small, large) * (large.length / small.length) >= 0.8;
}

/** Everything the comparison says about how a page passage differs from a version. */
export function summarizeChanges(sourceText: string, pageText: string): ChangeSummary {
  const parts = wordDiff(sourceText, pageText);
  return {
    parts,
    changedShare: changedShare(parts),
    droppedSentences: unmatched(sourceText, pageText),
    addedSentences: unmatched(pageText, sourceText),
    facts: compareFacts(sourceText, pageText),
  };
}
