/**
 * Words for people. The layers below return facts (kinds, bases, ids,
 * counts); this is where they become English, so wording changes in one
 * place and nothing under match/, dom/, diff/ or text/ says anything.
 * Pure functions of data: the background (badge) uses them too.
 */
import type { FactChange } from '../diff/facts';
import type { MatchKind } from '../match/kinds';
import type { Provenance } from '../match/provenance';

export const KIND_LABEL: Record<MatchKind, string> = {
  verbatim: 'Copied verbatim',
  edited: 'Lightly edited copy',
  reworded: 'Reworded copy',
};

/** "000_1314c5edfdd34a8c" reads as "000"; other ids stay whole. */
export const shortId = (id: string) => (/^\d+_[0-9a-f]+$/i.test(id) ? id.split('_')[0] : id);

/** "1 sentence", "2 sentences". */
/** "1 document", "10,000 documents": counts for people, with thousands separated. */
export const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A title as a sentence quotes it: in quotation marks, cut at a word past 48 characters. */
const TITLE_CHARS = 48;
export function quotedTitle(title: string): string {
  const cut = title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS).replace(/\s+\S*$/, '')}…` : title;
  return `“${cut}”`;
}

/**
 * The provenance claim in one sentence a reader can check against the
 * evidence. Documents are named as readers know them (`name`: the
 * publisher, or the title), never by id.
 */
export function describeProvenance(p: Provenance, name: (docId: string) => string): string {
  switch (p.basis) {
    case 'citation':
      return `Original: ${p.citedOutlet} (cited as source), quoted${p.quotedVerbatim ? ' verbatim' : ''} by ${listNames([...new Set(p.citedBy.map(name))])}`;
    case 'only':
      return `Only version in your corpus: ${name(p.original)}`;
    case 'date':
      return `Earliest in your corpus: ${name(p.original)} (${p.originalDate})${p.undated > 0 ? '; the others are undated' : ''}`;
    case 'consensus':
      return `Likely original: ${name(p.original)}, the version closest to all the others (no dates or credits to go by)`;
  }
}

const FACT_LABEL: Record<FactChange['type'], string> = {
  number: 'Number',
  money: 'Amount',
  date: 'Date',
  name: 'Name',
  quote: 'Quotation',
  attribution: 'Attribution',
};

/** "Number: “a half-dozen” → “several”", "Attribution dropped: “American officials said”". */
export function describeFact(f: FactChange): string {
  if (f.from && f.to) return `${FACT_LABEL[f.type]}: “${f.from}” → “${f.to}”`;
  if (f.from) return `${FACT_LABEL[f.type]} dropped: “${f.from}”`;
  return `${FACT_LABEL[f.type]} added: “${f.to}”`;
}

/** A highlight's kind as its marker's name says it: "reworded copy of ZeroHedge News". */
const KIND_OF: Record<MatchKind, string> = {
  verbatim: 'copied verbatim from',
  edited: 'lightly edited copy of',
  reworded: 'reworded copy of',
};

/** What a screen reader announces on a highlight's marker: "Reprint: reworded copy of ZeroHedge News, 86% similar". */
export const highlightLabel = (kind: MatchKind, source: string, similar: string): string => `Reprint: ${KIND_OF[kind]} ${source}, ${similar} similar`;

/** The toolbar button's tooltip. */
export function badgeTitle(count: number, paused = false): string {
  if (paused) return 'Reprint is paused on this page';
  return count > 0 ? `Reprint: ${plural(count, 'reprinted paragraph')} on this page` : 'Reprint';
}

/** The badge of a paused tab: short, and not a number. */
export const PAUSED_BADGE = 'off';

/** Why a file was not imported, in a reader's words (src/files gives the reason as a code). */
export const PROBLEM_REASON: Record<import('../files/types').ProblemReason, string> = {
  binary: 'not a text file',
  'not-utf8': 'not UTF-8 text',
  empty: 'empty',
  'too-large': 'too large',
  'no-article-text': 'no article text found',
  'bad-field': 'a field has the wrong type',
  'unsafe-path': 'a path outside the archive',
  'too-many-files': 'too many files in the archive',
  'zip-too-large': 'the archive unpacks to more than the limit',
  unreadable: 'could not be read',
};

/** The page's context-menu item. */
export const addPageMenuTitle = 'Add this page to Reprint';
export const checkMenuTitle = 'Check the selected text with Reprint';
