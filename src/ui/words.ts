/**
 * Words for people. The layers below return facts (kinds, bases, ids,
 * counts); this is where they become English, so wording changes in one
 * place and nothing under match/, dom/, diff/ or text/ says anything.
 * Pure functions of data: the background (badge) uses them too.
 */
import type { FactChange } from '../diff/facts';
import type { CreditEvidence, CreditPlace } from '../match/credit';
import type { MatchKind } from '../match/kinds';
import type { Provenance } from '../match/provenance';

export const KIND_LABEL: Record<MatchKind, string> = {
  verbatim: 'Copied verbatim',
  edited: 'Lightly edited copy',
  reworded: 'Reworded copy',
};

/** "000_1314c5edfdd34a8c" reads as "000"; other ids stay whole. */
export const shortId = (id: string) => (/^\d+_[0-9a-f]+$/i.test(id) ? id.split('_')[0] : id);

/** The locale these words are written in: plural rules and number formats follow it. */
export const LOCALE = 'en-GB';

/**
 * A word's forms by plural category (Intl.PluralRules): English needs `one`
 * and `other`; a translation gives what its language needs (`few`, `many`…),
 * falling back to `other`.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Intl.PluralRules(LOCALE);

/** The form of `word` for `n`: a plain English noun takes an s ("copy" needs its forms: { one: 'copy', other: 'copies' }). */
export const pluralForm = (n: number, word: string | PluralForms): string => {
  const forms = typeof word === 'string' ? { one: word, other: `${word}s` } : word;
  return forms[pluralRules.select(n)] ?? forms.other;
};

/** "1 document", "10,000 documents", "2 reworded copies": counts for people, with thousands separated. */
export const plural = (n: number, word: string | PluralForms) => `${n.toLocaleString(LOCALE)} ${pluralForm(n, word)}`;

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

/** "86% similar": a match's similarity, in the tooltip, the comparison and the popup. */
export const SIMILAR = (percent: string) => `${percent} similar`;

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

const CREDIT_PLACE: Record<CreditPlace, string> = {
  block: 'in this paragraph',
  before: 'just before it',
  after: 'just after it',
  quote: 'in the quotation’s source',
  page: 'in a credit line on this page',
};

/**
 * The credit check in a reader's words, as three parts: the words before
 * the name or site, the name or site itself (a field, to be isolated), and
 * the words after. Where no credit was found it says so, and claims nothing
 * more: Reprint may miss a credit, so this is never worded as an accusation.
 */
export function creditWords(e: CreditEvidence | null): [string, string, string] {
  if (!e) return [NO_CREDIT, '', ''];
  return e.via === 'name' ? ['Credited: names ', e.name, ` ${CREDIT_PLACE[e.place]}`] : ['Credited: links to ', e.site, ` ${CREDIT_PLACE[e.place]}`];
}
export const NO_CREDIT = 'No credit found nearby';

/** "partial: 45% of this paragraph": how much of a paragraph a partial copy covers. */
export const PARTIAL = {
  share: (percent: string, of: string) => `partial: ${percent} ${of}`,
  ofParagraph: 'of this paragraph',
};

/** The title of a control character shown instead of obeyed (src/ui/dom.ts). */
export const INVISIBLE_CHARACTER = 'Invisible character';

/** The link to a document's own address. */
export const OPEN_ORIGINAL = 'Open original';
/** The same link to the copied version, where the original's address is unknown. */
export const OPEN_SOURCE = 'Open source';
/** The same link where the document is one version among others (the report's source column). */
export const OPEN_DOCUMENT = 'Open';

/** The credit check as one line of plain text (downloads, the demo). */
export const creditLine = (e: CreditEvidence | null): string => creditWords(e).join('');

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

/*
 * The toolbar popup and the side panel. Where a sentence holds a field from the
 * page or the corpus, the function takes it as `T` (an isolated element in the
 * UI) and returns the sentence's parts in order, so a translation can move it.
 */

/** Kinds counted: "1 verbatim copy", "2 reworded copies". */
export const KIND_COUNT: Record<MatchKind, PluralForms> = {
  verbatim: { one: 'verbatim copy', other: 'verbatim copies' },
  edited: { one: 'lightly edited copy', other: 'lightly edited copies' },
  reworded: { one: 'reworded copy', other: 'reworded copies' },
};

const PARAGRAPH: PluralForms = { one: 'paragraph', other: 'paragraphs' };

export const POPUP = {
  name: 'Reprint',
  addThisPage: 'Add this page',
  addTo: 'Add this page to ',
  add: 'Add',
  collection: 'Collection',
  reading: 'Reading the page…',
  added: (title: string, collection: string) => `Added “${title}” to ${collection}.`,
  notAdded: (problem: string) => `Could not add this page: ${problem}.`,
  pauseOn: (site: string) => `Pause on ${site}`,
  pauseEverywhere: 'Pause everywhere',
  cannotRead: 'Reprint cannot read this page.',
  pausedEverywhere: 'Reprint is paused everywhere.',
  pausedHere: 'Reprint is paused on this site.',
  nothingFound: 'No reprinted paragraphs found on this page.',
  own: <T>(collection: T) => ['This article is in your corpus (', collection, ').'],
  ownCopies: 'Its copies in your corpus: ',
  ownNoCopies: 'No other document in your corpus carries its text.',
  selection: 'Selected text',
  selectionNotFound: 'The selected text is not in your corpus.',
  similar: SIMILAR,
  /** A partial copy's share of its paragraph: "partial: 43% of text". */
  ofText: 'of text',
  summaryLabel: 'Page summary',
  /**
   * The summary in one line: "38% reprinted · 49 paragraphs · 37 credited".
   * Credit found is counted, not its absence: where Reprint finds none, the
   * page may still credit in a way it cannot see.
   */
  summaryLine: (share: string, count: number, credited: number) =>
    [`${share} reprinted`, ` · ${plural(count, PARAGRAPH)} · ${credited === count ? 'all credited' : `${credited.toLocaleString(LOCALE)} credited`}`] as const,
  /** "1 credited, 3 with no credit found". */
  creditCounts: (credited: number, uncredited: number) =>
    `${credited.toLocaleString(LOCALE)} credited, ${uncredited.toLocaleString(LOCALE)} with no credit found`,
  sources: 'Sources',
  /** A source and what the page takes from it: "ZeroHedge News · 3 paragraphs". */
  sourceCount: (count: number) => plural(count, PARAGRAPH),
  moreSources: (n: number) => `and ${plural(n, { one: 'more source', other: 'more sources' })}`,
  timeline: 'Versions by date',
  undated: (n: number) => plural(n, { one: 'undated version', other: 'undated versions' }),
  noDates: 'No version carries a date.',
  list: 'Reprinted paragraphs',
  credited: 'credited',
  uncredited: 'no credit found',
  /** A whole entry: Enter or a click opens its comparison. */
  compareHint: 'Open the comparison on the page',
  show: 'Show',
  showLabel: 'Show on the page',
  openReport: 'Open report',
  yourCorpus: 'Your corpus',
  corpus: (documents: number, paragraphs: number) =>
    `Corpus: ${plural(documents, 'document')}, ${plural(paragraphs, PARAGRAPH)}. Everything stays on this device.`,
};

/**
 * What the popup's live region says after an update: only what changed
 * ("3 more reprinted paragraphs found"), or nothing. A screen reader then
 * hears one sentence, not the whole popup again.
 */
export function popupChange(before: PopupState | null, after: PopupState): string {
  if (!before) return '';
  if (after.paused !== before.paused) return after.paused ? 'Reprint is paused.' : 'Reprint is on again.';
  if (after.paused || after.count === before.count) return '';
  if (after.count === 0) return POPUP.nothingFound;
  if (before.count === 0) return `${plural(after.count, 'reprinted paragraph')} found.`;
  const more = after.count - before.count;
  return more > 0
    ? `${plural(more, { one: 'more reprinted paragraph', other: 'more reprinted paragraphs' })} found.`
    : `${plural(after.count, 'reprinted paragraph')} now.`;
}

/** What the popup announces changes of: its highlight count, and whether Reprint is paused. */
export interface PopupState {
  count: number;
  paused: boolean;
}

/* The report page (report.html?tab=ID). */
export const REPORT = {
  title: 'Reprint report',
  cannotRead: 'Reprint cannot read this tab. It may be closed, still loading, or a page extensions are not allowed on.',
  own: <T>(collection: T) => ['This article is in your corpus (', collection, '): it is the original, and nothing on it is marked as a copy.'],
  ownCopies: ' Its copies in your corpus: ',
  paused: 'Reprint is paused on this page.',
  /** "103 paragraphs scanned · 4 reprinted · 1 credited, 3 with no credit found": the two counts are elements the tests read. */
  figures: <T>(scanned: T, scannedCount: number, reprinted: T, credited: number, uncredited: number) => [
    scanned,
    ` ${pluralForm(scannedCount, PARAGRAPH)} scanned · `,
    reprinted,
    ` reprinted · ${POPUP.creditCounts(credited, uncredited)}`,
  ],
  downloadJson: 'Download JSON',
  downloadCsv: 'Download CSV',
  caption: 'Reprinted paragraphs, in page order',
  none: 'No reprinted paragraphs found so far.',
  columns: ['Kind', 'Similarity', 'Credit', 'Source', 'Provenance', 'Excerpt'],
  truncated: 'Very long paragraph: only its first part was compared.',
  ofText: 'of text',
};

/* The options page: collections, library and settings. */
export const OPTIONS = {
  name: 'Reprint',
  lede: 'Your corpus lives in this browser only. Nothing you import leaves this device.',
  collections: 'Collections',
  library: 'Library',
  settings: 'Settings',
  searchPlaceholder: 'Search titles and text',
  searchLabel: 'Search the library',
  sortLabel: 'Sort the library',
  sorts: { added: 'Newest added', title: 'Title', date: 'Date published', collection: 'Collection' },
  columns: ['Title', 'Publisher and date', 'Collection', 'Added', ''],
  pauseAll: 'Pause Reprint on every site',
  pauseAllKey: ' (Alt+Shift+P)',
  pausedSites: 'Paused sites',
  noPausedSites: 'None. Pause a site from the toolbar button.',
  resume: 'Resume',
  figures: (documents: number, paragraphs: number) => `${plural(documents, 'document')}, ${plural(paragraphs, 'searchable paragraph')}`,
  /** " · 4.2 MB stored". */
  stored: (bytes: number) =>
    ` · ${bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`} stored`,
  indexing: (documents: number) => `Still indexing: ${plural(documents, 'document')}.`,
  documents: (n: number) => ` · ${plural(n, 'document')}`,
  export: 'Export',
  rename: 'Rename',
  delete: 'Delete',
  noDocuments: 'No documents yet. Import some below.',
  exportAll: 'Export the whole corpus',
  restoreDemo: 'Restore the Demo collection',
  newNameFor: (name: string) => `New name for ${name}`,
  newName: 'New name ',
  cancel: 'Cancel',
  renameCollection: 'Rename collection',
  renamed: (from: string, to: string) => `Renamed “${from}” to “${to}”.`,
  restoring: (name: string) => `Restoring “${name}”…`,
  restored: (name: string) => `Restored “${name}”.`,
  undo: 'Undo',
  deletedWith: (name: string, n: number) => `Deleted “${name}” (${plural(n, 'document')}).`,
  deleted: (name: string) => `Deleted “${name}”.`,
  restoredDemo: (n: number) => `Restored the Demo collection (${plural(n, 'document')}).`,
  showingFirst: (n: number) => `Showing the first ${n}: search to narrow.`,
  matching: (n: number, query: string) => `${plural(n, 'document')} ${n === 1 ? 'matches' : 'match'} “${query}”.`,
  edit: 'Edit',
  close: 'Close',
  editDetails: 'Edit details',
  fields: { title: 'Title', publisher: 'Publisher', author: 'Author', date: 'Date published (YYYY-MM-DD)', url: 'Address (URL)' },
  save: 'Save',
  saved: (title: string) => `Saved “${title}”.`,
};

/* The import section of the options page, and "Add this page". */
export const IMPORT = {
  /** The collection a page or an import goes into when the reader names none. */
  defaultCollection: 'My articles',
  title: 'Import',
  into: 'Into the collection ',
  collection: 'Collection',
  drop: 'Drop files, a folder or a .zip here, or',
  chooseFiles: 'Choose files',
  chooseFolder: 'Choose a folder',
  formats: 'Text (.txt, .md), web pages (.html), JSON (.json, .jsonl), RSS and Atom feeds, .zip archives of these, and Reprint exports.',
  cancel: 'Cancel',
  timeLeft: (seconds: number) => ` · about ${seconds} s left`,
  progress: (stored: number, filesDone: number, files: number) => `${plural(stored, 'article')} stored · read ${filesDone} of ${plural(files, 'file')}`,
  already: 'Articles already in your corpus',
  alreadyExplained: 'Some of these articles are already in your corpus (the same address or the same text).',
  replace: 'Replace them',
  skip: 'Skip them',
  imported: (n: number) => `Imported ${plural(n, 'article')}`,
  replaced: (n: number) => `replaced ${n.toLocaleString(LOCALE)}`,
  skipped: (n: number) => `skipped ${n.toLocaleString(LOCALE)} already in your corpus`,
  cancelled: 'Import cancelled. Nothing already stored was lost.',
  unreadable: (n: number) => `${plural(n, 'file')} could not be read:`,
  reason: (reason: string) => ` — ${reason}`,
};

/* The hover card (src/ui/tooltip.ts). */
export const TOOLTIP = {
  label: 'Reprint: where this paragraph comes from',
  similar: SIMILAR,
  versions: (n: number) => plural(n, 'version'),
  compare: 'Compare versions',
};

/* The comparison dialog (src/ui/compare.ts). */
export const COMPARE = {
  close: 'Close comparison',
  closeTitle: 'Close (Esc)',
  rank: (rank: number, of: number) => (rank === 0 ? 'Ranked first' : `Ranked ${rank + 1} of ${of}`),
  similar: SIMILAR,
  changedWords: (percent: string) => `${percent} of words changed`,
  droppedSentences: (n: number) => `${plural(n, 'sentence')} dropped`,
  addedSentences: (n: number) => `${plural(n, 'sentence')} added`,
  ofPageParagraph: 'of the page paragraph reprinted',
  changedFacts: 'Changed facts',
  noFacts: 'No numbers, dates, names, quotations or attributions changed.',
  versionsHeading: 'Versions in the corpus',
  versionsLabel: 'Versions',
  credits: ', credits ',
  whatChanged: 'What changed',
  legend: 'Struck through: only in the corpus version · Underlined: only on this page',
  /** The link to the shown version's own address: the original's, or another version's. */
  openVersion: (isOriginal: boolean) => (isOriginal ? OPEN_ORIGINAL : 'Open this version'),
};
