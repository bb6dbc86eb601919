/**
 * How much one background step takes on. A page query, or an article the
 * reader just added, waits for the step under way, so every step aims at
 * its STEP_TARGET_MS whatever the corpus size. Fixed sizes could not: a merge
 * step over 1/32 of the index took 35–205 ms at 10,000 articles but
 * 0.5–2.1 s at 100,000 (bench, add one article), since a partition range
 * holds ten times the postings. Each kind of step scales its size by how
 * long the last one took, and the size is kept in the index state, so a
 * restarted worker starts at the pace it had reached.
 */
export interface Pace {
  /** Fine partitions merged in one step. */
  merge: number;
  /** Fine partitions cleaned in one step. */
  clean: number;
  /** Documents whose versions are grouped in one step. */
  group: number;
}

/**
 * What each kind of step aims at, commit included. Merging and grouping
 * carry an import forward, and shorter steps would slow it by their fixed
 * cost. Cleaning only frees space, and runs for minutes after a large
 * import (100,000 articles), while a reader's added article waits for the
 * step under way: its steps are kept short.
 */
export const STEP_TARGET_MS: Record<keyof Pace, number> = { merge: 60, group: 60, clean: 25 };

/** Sizes at a fresh install, and the bounds of each: a step always does something, and never the whole index at once. */
export const DEFAULT_PACE: Pace = { merge: 512, clean: 64, group: 50 };
const LIMITS: Record<keyof Pace, [min: number, max: number]> = { merge: [8, 2048], clean: [1, 1024], group: [1, 200] };

/**
 * The next step's size: scaled by target / took, by at most half or double
 * at a time, so one step slowed by something else (a page query, the
 * machine) does not swing the pace.
 */
export function nextPace(pace: Pace, kind: keyof Pace, tookMs: number): Pace {
  const factor = Math.min(2, Math.max(0.5, STEP_TARGET_MS[kind] / Math.max(1, tookMs)));
  const [min, max] = LIMITS[kind];
  return { ...pace, [kind]: Math.max(min, Math.min(max, Math.round(pace[kind] * factor))) };
}
