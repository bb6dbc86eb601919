import type { DocumentMeta } from '../corpus/document';
import type { MatchKind } from './kinds';

/** What ranking needs to know of one version of a passage. */
export interface VersionEvidence {
  docId: string;
  meta: DocumentMeta;
  /** Outlet this version's text credits as its source, if any. */
  cites: string | null;
  /** Summed similarity to the other versions: quoters agree, rewrites drift. */
  consensus: number;
}

/**
 * What the ranking rests on: a credit to an outside outlet, the only
 * version there is, the earliest date, or (no dates, no credits) consensus.
 */
export type ProvenanceBasis = 'date' | 'citation' | 'consensus' | 'only';

/** Which version is likeliest the original, and why: facts only (src/ui/words.ts words them). */
export interface Provenance {
  /** The corpus document ranked first. */
  original: string;
  basis: ProvenanceBasis;
  /** An outside outlet the versions credit, named as the original. */
  citedOutlet: string | null;
  /** Versions whose text credits that outlet. */
  citedBy: string[];
  /** Whether two or more versions credit the outlet and all of them are verbatim copies of one another. */
  quotedVerbatim: boolean;
  /** The publication date of the version ranked first, where the manifest has one. */
  originalDate: string | null;
  /** How many versions have no date. */
  undated: number;
  /** Every version, the likeliest original first. */
  ranking: string[];
}

const NO_DATE = '\uffff';

/**
 * Ranks the versions of a passage, from evidence only: an earlier
 * publication date where the manifest has dates; then a credit to an
 * outside outlet (quoters of the original come before those who reworded
 * it); then consensus, the version closest to all the others.
 */
export function rankVersions(versions: VersionEvidence[], kindBetween: (a: string, b: string) => MatchKind | null): Provenance {
  const ranked = [...versions].sort(
    (a, b) =>
      (a.meta.date ?? NO_DATE).localeCompare(b.meta.date ?? NO_DATE) ||
      Number(!a.cites) - Number(!b.cites) ||
      b.consensus - a.consensus ||
      a.docId.localeCompare(b.docId),
  );
  const first = ranked[0];
  const ranking = ranked.map((v) => v.docId);
  const citedBy = versions
    .filter((v) => v.cites)
    .map((v) => v.docId)
    .sort();
  const outlets = [...new Set(versions.map((v) => v.cites).filter((c): c is string => !!c))];
  const citedOutlet = outlets.length === 1 ? outlets[0] : null;
  const undated = versions.filter((v) => !v.meta.date).length;
  const quotedVerbatim = !!citedOutlet && citedBy.length > 1 && citedBy.every((a) => citedBy.every((b) => a === b || kindBetween(a, b) === 'verbatim'));
  const basis: ProvenanceBasis = citedOutlet ? 'citation' : versions.length === 1 ? 'only' : first.meta.date ? 'date' : 'consensus';
  return { original: first.docId, basis, citedOutlet, citedBy, quotedVerbatim, originalDate: first.meta.date ?? null, undated, ranking };
}
