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

export type ProvenanceBasis = 'date' | 'citation' | 'consensus' | 'only';

export interface Provenance {
  /** The corpus document ranked first. */
  original: string;
  basis: ProvenanceBasis;
  /** An outside outlet the versions credit, named as the original. */
  citedOutlet: string | null;
  /** Versions whose text credits that outlet. */
  citedBy: string[];
  /** One sentence a reader can check against the evidence. */
  statement: string;
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
  const citedBy = versions.filter((v) => v.cites).map((v) => v.docId).sort();
  const outlets = [...new Set(versions.map((v) => v.cites).filter((c): c is string => !!c))];
  const citedOutlet = outlets.length === 1 ? outlets[0] : null;
  const dated = versions.filter((v) => v.meta.date);

  if (citedOutlet) {
    const verbatim = citedBy.length > 1 && citedBy.every((a) => citedBy.every((b) => a === b || kindBetween(a, b) === 'verbatim'));
    return {
      original: first.docId,
      basis: 'citation',
      citedOutlet,
      citedBy,
      ranking,
      statement: `Original: ${citedOutlet} (cited as source), quoted${verbatim ? ' verbatim' : ''} by ${list(citedBy)}`,
    };
  }
  if (versions.length === 1)
    return { original: first.docId, basis: 'only', citedOutlet: null, citedBy, ranking, statement: `Only version in the corpus: ${shortId(first.docId)}` };
  if (dated.length > 0 && first.meta.date)
    return {
      original: first.docId,
      basis: 'date',
      citedOutlet: null,
      citedBy,
      ranking,
      statement: `Earliest in corpus: ${shortId(first.docId)} (${first.meta.date})${dated.length < versions.length ? '; the others are undated' : ''}`,
    };
  return {
    original: first.docId,
    basis: 'consensus',
    citedOutlet: null,
    citedBy,
    ranking,
    statement: `Likely original: ${shortId(first.docId)}, the version closest to all the others (no dates or credits to go by)`,
  };
}

/** "000_1314c5edfdd34a8c" reads as "000"; other ids stay whole. */
export const shortId = (id: string) => (/^\d+_[0-9a-f]+$/i.test(id) ? id.split('_')[0] : id);

function list(ids: string[]): string {
  const short = ids.map(shortId);
  return short.length <= 1 ? short.join('') : `${short.slice(0, -1).join(', ')} and ${short[short.length - 1]}`;
}
