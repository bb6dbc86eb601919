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
  /** Word 3-shingle Jaccard from which a copy is "edited", not reworded (spins measure 0.12–0.35). */
  editedShingleJaccard: 0.5,
} as const;
