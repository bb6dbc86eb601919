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

function unmatched(from: string, to: string): string[] {
  const targets = splitSentences(to).map((u) => charGrams(canonical(u.text)));
  return splitSentences(from)
    .filter((u) => {
      const g = charGrams(canonical(u.text));
      return !targets.some((t) => overlap(g, t) >= THRESHOLDS.unitOverlap || intersects(g, t));
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
