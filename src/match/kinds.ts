/** How a page passage relates to its corpus version. Kept open for new kinds. */
export type MatchKind = 'verbatim' | 'edited' | 'reworded';

export const KINDS: readonly MatchKind[] = ['verbatim', 'edited', 'reworded'];

/**
 * Thresholds, measured on the seeds and the team's fixtures (README, "How
 * matching decides"). Overlap is shared character 5-grams over the larger
 * side's, between a page sentence window and a corpus sentence window.
 */
export const THRESHOLDS = {
  /**
   * Below this overlap two windows are unrelated; same-topic prose peaks near
   * 0.35. Between it and `aloneOverlap` a sentence counts only in a chain:
   * a neighbouring sentence must align to the same document too (the
   * "extend" of seed-extend-filter), which independent writing rarely does.
   */
  unitOverlap: 0.4,
  /** A sentence with no aligned neighbour needs this much on its own. */
  aloneOverlap: 0.5,
  /** Windows under this overlap are reworded, and must be long to count. */
  editedOverlap: 0.7,
  /** Fewest words of a reworded window: short lines reach 0.45 by chance. */
  rewordedMinWords: 15,
  /**
   * Share of content words replaced (match/replaced.ts) up to which a copy
   * is "edited", not reworded. On the fixtures, light edits measure
   * 0.00–0.05 (punctuation, spelling, a dropped clause, a few words) and
   * spins 0.09–0.49. Word 3-shingle Jaccard, used before, called one
   * contraction and one typo in a 15-word sentence a rewording.
   */
  editedReplaced: 0.07,
  /**
   * Character overlap from which a copy is edited however many words look
   * replaced: the fixtures' spins reach 0.86, and PAN-13's OCR-degraded
   * copies, cut mid-word at the passage's edge, scored 0.92–0.95 with a
   * tenth of their words "replaced" by the cut.
   */
  editedScore: 0.9,
} as const;
