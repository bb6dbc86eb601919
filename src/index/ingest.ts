import { furnitureMask, SHARED_LINE_DOCS, shortLineKey } from '../corpus/furniture';
import { sampledCharGrams } from '../fingerprint/sample';
import type { IndexedParagraph, VersionLink } from '../match/matcher';
import { creditsOf } from '../match/outlets';
import { canonical } from '../text/normalize';
import type { CorpusDocument } from '../types';
import { MAX_INDEXED_PARAGRAPHS, pidOf } from './ids';

/** What the index keeps of a document besides its text, computed once when it arrives. */
export interface DocumentFacts {
  /** Furniture by the document's own shape (repeats, tail, text rules); shared short lines are counted apart. */
  furniture: boolean[];
  /** Per paragraph, its shortLineKey (0 for long paragraphs). */
  shortKeys: number[];
  cites: Array<string | null>;
}

export function documentFacts(doc: CorpusDocument): DocumentFacts {
  const furniture = furnitureMask(doc.paragraphs, undefined, doc.meta.title);
  return { furniture, shortKeys: doc.paragraphs.map(shortLineKey), cites: creditsOf(doc.paragraphs, furniture) };
}

/** Postings of one document: each searchable paragraph's sampled grams. */
export function documentPostings(num: number, doc: CorpusDocument, facts: DocumentFacts, out: { grams: number[]; pids: number[] }): void {
  const n = Math.min(doc.paragraphs.length, MAX_INDEXED_PARAGRAPHS);
  for (let i = 0; i < n; i++) {
    if (facts.furniture[i]) continue;
    const pid = pidOf(num, i);
    const grams = sampledCharGrams(canonical(doc.paragraphs[i]));
    for (let k = 0; k < grams.length; k++) {
      out.grams.push(grams[k]);
      out.pids.push(pid);
    }
  }
}

/** A stored paragraph as matching reads it; shared short lines are furniture. */
export function paragraphOf(
  doc: CorpusDocument,
  facts: DocumentFacts,
  pid: number,
  index: number,
  sharedBy: (key: number) => number,
  versions: VersionLink[],
): IndexedParagraph {
  const key = facts.shortKeys[index];
  return {
    key: pid,
    docId: doc.id,
    index,
    text: doc.paragraphs[index],
    meta: doc.meta,
    cites: facts.cites[index],
    furniture: facts.furniture[index] || (key !== 0 && sharedBy(key) >= SHARED_LINE_DOCS),
    versions,
  };
}
