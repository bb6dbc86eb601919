/**
 * `npm run eval`, part (c): Mozilla Readability's saved news pages
 * (`../shared/evaldata/readability_news_pages`), read with the extension's
 * own block extraction (src/dom/blocks.ts) in happy-dom, scripts off and no
 * network.
 *
 * 1. Extraction: how many of each page's gold paragraphs (expected.html's
 *    <p> texts) come out as a block, and how many blocks are not gold.
 * 2. Injection: seed paragraphs, verbatim or lightly edited by the
 *    deterministic edits below, inserted as new <p> elements among a page's
 *    own paragraphs; every block then goes through the Matcher. The
 *    issue's acceptance target: ≥ 95% of verbatim and ≥ 90% of lightly edited
 *    copies highlighted with a correct source, no page paragraph highlighted.
 *
 * Nothing here tunes the matcher or the extraction.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { candidateElements, extractBlock, isCandidate, readBlock, type Block } from '../src/dom/blocks';
import { hashString, seededStream } from '../src/fingerprint/hash';
import type { MemoryIndex } from '../src/index/memory';
import type { BlockMatch, IndexedParagraph, Matcher } from '../src/match/matcher';
import type { MatchKind } from '../src/match/kinds';
import { words } from '../src/text/normalize';
import type { ShingleBaseline } from './eval-lib';

export const NEWS_TARGETS = { verbatim: 0.95, edited: 0.9, falseAlarms: 0 } as const;
/** Injected copies per page, alternating verbatim and edited. */
const PER_PAGE = 6;
/** Seed paragraphs worth copying: at least this many words, not furniture. */
const MIN_SEED_WORDS = 25;

const ws = (s: string) => s.replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------ edits

export const EDIT_TYPES = ['punctuation', 'abbreviation', 'typo', 'dropped clause', 'added sentence'] as const;
export type EditType = (typeof EDIT_TYPES)[number];

type Rng = () => number;
/** An edited text and what was changed, for reports. */
export type Edited = [text: string, change: string];
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng() % xs.length];
const around = (text: string, at: number) => `«…${text.slice(Math.max(0, at - 18), at + 18)}…»`;

/** One comma dropped and double quotes made single ("…" → '…'). */
function punctuation(text: string, rng: Rng): Edited {
  const commas = [...text.matchAll(/,(?=\s)/g)].map((m) => m.index!);
  const changes: string[] = [];
  let out = text;
  if (commas.length) {
    const at = pick(rng, commas);
    changes.push(`comma dropped in ${around(text, at)}`);
    out = out.slice(0, at) + out.slice(at + 1);
  }
  const quotes = (out.match(/[\u201C\u201D"]/g) ?? []).length;
  if (quotes) changes.push(`${quotes} double quotes made single`);
  out = out.replace(/[\u201C\u201D"]/g, "'");
  return out === text ? [text.replace(/\.$/, '!'), 'final "." made "!"'] : [out, changes.join(', ')];
}

/** Style swaps a copy desk makes; one kind per copy, every occurrence of it. */
const ABBREVIATIONS: Array<[from: string, re: RegExp, to: string]> = [
  ['U.S.', /\bU\.S\.(?!\w)/g, 'US'],
  ['US', /\bUS\b/g, 'U.S.'],
  ['United States', /\bUnited States\b/g, 'U.S.'],
  ['Mr.', /\bMr\.(?= )/g, 'Mr'],
  ['New York Times', /\bNew York Times\b/g, 'NYT'],
  ['NYT', /\bNYT\b/g, 'New York Times'],
  ['Feb.', /\bFeb\.(?= )/g, 'February'],
  ['February', /\bFebruary\b/g, 'Feb.'],
  ['Nov.', /\bNov\.(?= )/g, 'November'],
  ['November', /\bNovember\b/g, 'Nov.'],
  ['December', /\bDecember\b/g, 'Dec.'],
  ['President', /\bPresident\b/g, 'Pres.'],
  ['percent', /\bpercent\b/g, '%'],
  ['American', /\bAmerican\b/g, 'US'],
  ['British', /\bBritish\b/g, 'UK'],
  ['television', /\btelevision\b/g, 'TV'],
  ['Representative', /\bRepresentative\b/g, 'Rep.'],
  ['European Union', /\bEuropean Union\b/g, 'EU'],
  ['For example', /\bFor example\b/g, 'E.g.'],
  ['for example', /\bfor example\b/g, 'e.g.'],
];

function abbreviation(text: string, rng: Rng): Edited {
  const start = rng() % ABBREVIATIONS.length;
  for (let i = 0; i < ABBREVIATIONS.length; i++) {
    const [from, re, to] = ABBREVIATIONS[(start + i) % ABBREVIATIONS.length];
    const n = (text.match(re) ?? []).length;
    if (n) return [text.replace(re, to), `${from} → ${to} (×${n})`];
  }
  if (/\band\b/.test(text)) return [text.replace(/\band\b/, '&'), 'first "and" → "&"'];
  const n = (text.match(/n['\u2019]t\b/g) ?? []).length;
  const expanded = text
    .replace(/\b([Cc]a|[Ww]o)n['\u2019]t\b/g, (_, w: string) => (w.toLowerCase() === 'ca' ? `${w[0]}an` : `${w[0]}ill`) + ' not')
    .replace(/n['\u2019]t\b/g, ' not');
  return [expanded, `n't → not (×${n})`];
}

/** Two neighbouring letters swapped inside one longer word (not the first word). */
function typo(text: string, rng: Rng): Edited {
  const candidates = [...text.matchAll(/\p{L}{6,}/gu)].filter((m) => m.index! > 0);
  if (!candidates.length) return [text, 'no word to misspell'];
  const m = pick(rng, candidates);
  const w = m[0];
  const n = w.length - 3;
  const first = rng() % n;
  for (let k = 0; k < n; k++) {
    const i = 1 + ((first + k) % n);
    if (w[i] !== w[i + 1]) {
      const swapped = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      return [text.slice(0, m.index!) + swapped + text.slice(m.index! + w.length), `${w} → ${swapped}`];
    }
  }
  return [text, 'no word to misspell'];
}

/** Titles whose full stop ends no clause ("Mr. Xi"). */
const TITLE = String.raw`(?:Mr|Mrs|Ms|Dr|St)`;
/** One character of a clause: no clause punctuation or quotes, except a title's full stop. */
const C = String.raw`(?:(?<=\b${TITLE})\.|[^,.;:!?"\u201C\u201D])`;
const NOT_TITLE = String.raw`(?<!\b${TITLE})`;
/** Between two commas: ", X, " (not the comma of "5,000"). */
const CLAUSE = new RegExp(String.raw`,(${C}+?)(?=, )`, 'g');
/** After the last comma of a sentence: ", X." */
const CLOSING_CLAUSE = new RegExp(String.raw`,(${C}+)${NOT_TITLE}(?=\.)`, 'g');
/** A sentence's introductory phrase up to its first comma ("On February 4, …", "According to …, "). */
const OPENING_PHRASE = new RegExp(
  String.raw`(?<=^|[.!?]["\u201D]? )((?:According|On|In|At|During|Over|After|Before|When|While|As|Following|Since|Until|Despite|For|With|By|Under|Amid|However|Meanwhile)\b${C}*?), (?=\p{L})`,
  'gu',
);
/** A subordinate clause that ends a sentence (" as they discussed when …."). */
const CLOSING_SUBORDINATE = new RegExp(String.raw` ((?:as|when|because|after|before|while|which|since|until) ${C}+?)${NOT_TITLE}(?=\.)`, 'g');
/** A phrase from a preposition to the next clause boundary, at every start (overlapping). */
const PHRASE = new RegExp(String.raw`(?= ((?:at|in|on|for|with|during|over|across|to|of) ${C}+?)${NOT_TITLE}(?=["\u201D]?[,.;!?]))`, 'g');
/** Phrases cut short by another abbreviation's full stop ("… of Feb", "… the U"). */
const ABBREVIATED = /(?:\b(?:Sen|Rep|Gov|Gen|Jan|Feb|Aug|Sept|Oct|Nov|Dec)|\b\p{L})$/u;

const clauseWords = (m: RegExpMatchArray) => {
  const n = words(m[1]).length;
  return n >= 2 && n <= 10;
};

/**
 * A clause dropped: one between two commas (", X," → ","); else a
 * sentence's opening phrase ("On February 4, Russian…" → "Russian…");
 * else a closing one (", X." → "."); else a closing subordinate clause
 * (" as they discussed …." → "."); else a prepositional phrase that ends a
 * clause.
 */
function droppedClause(text: string, rng: Rng): Edited {
  const inner = [...text.matchAll(CLAUSE)].filter(clauseWords);
  if (inner.length) {
    const m = pick(rng, inner);
    return [text.slice(0, m.index!) + text.slice(m.index! + m[0].length), `dropped «${m[0]}»`];
  }
  const opening = [...text.matchAll(OPENING_PHRASE)].filter(clauseWords);
  if (opening.length) {
    const m = pick(rng, opening);
    const rest = text.slice(m.index! + m[0].length);
    return [text.slice(0, m.index!) + rest[0].toUpperCase() + rest.slice(1), `dropped «${m[0].trim()}»`];
  }
  for (const re of [CLOSING_CLAUSE, CLOSING_SUBORDINATE]) {
    const closing = [...text.matchAll(re)].filter(clauseWords);
    if (closing.length) {
      const m = pick(rng, closing);
      return [text.slice(0, m.index!) + text.slice(m.index! + m[0].length), `dropped «${m[0].trim()}»`];
    }
  }
  // Last resort: a prepositional phrase that ends a clause (" in breach of its assurances to Russia," → ",").
  const phrases = [...text.matchAll(PHRASE)]
    .map((m) => ({ at: m.index!, x: m[1] }))
    .filter(({ x }) => words(x).length >= 3 && words(x).length <= 10 && !ABBREVIATED.test(x));
  if (phrases.length) {
    const { at, x } = pick(rng, phrases);
    return [text.slice(0, at) + text.slice(at + x.length + 1), `dropped «${x}»`];
  }
  return [text, 'no clause to drop'];
}

const ADDED_SENTENCES = [
  'Officials declined to comment further.',
  'The report could not be independently verified.',
  'Neither side responded to requests for comment.',
  'The talks are expected to continue next week.',
  'Analysts said the move was widely expected.',
];

function addedSentence(text: string, rng: Rng): Edited {
  const added = pick(rng, ADDED_SENTENCES);
  return [`${text} ${added}`, `added «${added}»`];
}

const EDITS: Record<EditType, (text: string, rng: Rng) => Edited> = {
  punctuation,
  abbreviation,
  typo,
  'dropped clause': droppedClause,
  'added sentence': addedSentence,
};

/** A lightly edited copy: one edit of the given type, seeded (same seed, same copy). */
export function editCopy(text: string, type: EditType, seed: number): Edited {
  return EDITS[type](text, seededStream(seed));
}

// ------------------------------------------------------------------ pages

export interface GoldParagraph {
  page: string;
  para_index: number;
  text: string;
}

interface PageDom {
  document: Document;
  close: () => Promise<void>;
  /** URLs the page tried to fetch (all refused). */
  requests: string[];
}

/** A saved page as a DOM with real Ranges: no scripts, no style sheets, no frames, no network. */
function parsePage(html: string): PageDom {
  const requests: string[] = [];
  const refuse = (url: string): never => {
    requests.push(url);
    throw new Error(`eval: network disabled (${url})`);
  };
  const window = new Window({
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      enableImageFileLoading: false,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ request }) => refuse(request.url),
          beforeSyncRequest: ({ request }) => refuse(request.url),
        },
      },
    },
  });
  window.document.write(html);
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close(), requests };
}

function extractBlocks(document: Document): Block[] {
  return candidateElements(document.body)
    .map((el) => extractBlock(el))
    .filter((b): b is Block => b !== null);
}

/**
 * A page the browser shows only once its scripts run: an anti-flicker style
 * (`body { visibility: hidden }`, removed by the A/B-testing script) leaves
 * the whole body invisible when scripts are off.
 */
const HIDES_PAGE = /(?:^|[\s,;}/])(?:html|body)\s*\{[^}]*(?:visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d])|display\s*:\s*none)/i;

function bodyHidden(document: Document): boolean {
  return (document.body as HTMLElement).checkVisibility?.({ visibilityProperty: true } as CheckVisibilityOptions) === false;
}

/** Removes page-hiding styles, as the page's own script would; returns how many. */
function unhide(document: Document): number {
  const styles = [...document.querySelectorAll('style')].filter((s) => HIDES_PAGE.test(s.textContent ?? ''));
  for (const s of styles) s.remove();
  return styles.length;
}

// ------------------------------------------------------------- extraction

export interface ExtractionRow {
  page: string;
  gold: number;
  goldFound: number;
  blocks: number;
  nonGold: number;
  /** Non-gold blocks whose text is in Readability's article (lists, short paragraphs, quotes). */
  nonGoldInArticle: number;
  missed: Array<{ text: string; why: string }>;
  noise: string[];
}

const BLOCK_TAGS = 'p, li, blockquote, dd, td, div, section, article, main';
/** Elements whose text the block reader leaves to no block (blocks.ts NOT_INLINE, minus the block tags). */
const UNREAD = new Set([
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'FORM',
  'DT',
  'TH',
  'TABLE',
  'PRE',
  'BUTTON',
]);

/** Why a gold paragraph did not come out as a block. */
function whyMissed(document: Document, gold: string): string {
  if (bodyHidden(document)) return 'page body hidden without scripts';
  const holder = [...document.body.querySelectorAll('*')]
    .filter((el) => !el.closest('script, style, noscript, template'))
    .reverse()
    .find((el) => ws(el.textContent ?? '').includes(gold));
  if (!holder) return 'text only in scripts or not in source.html';
  const block = holder.closest(BLOCK_TAGS);
  for (let el: Element | null = holder; el && el !== block; el = el.parentElement)
    if (UNREAD.has(el.tagName.toUpperCase())) return `in <${el.tagName.toLowerCase()}>, text no block reads`;
  if (!block) return `in <${holder.tagName.toLowerCase()}>, outside any block element`;
  if (!isCandidate(block)) return `its <${block.tagName.toLowerCase()}> is in an excluded container or invisible`;
  const read = readBlock(block);
  if (read.linkChars > 0.7 * read.text.length) return `its <${block.tagName.toLowerCase()}> is mostly link text (a link line, skipped)`;
  if (extractBlock(block) === null) return `its <${block.tagName.toLowerCase()}> is too short`;
  return `block text differs: «${clip(read.text, 80)}»`;
}

function extraction(page: string, document: Document, gold: string[], article: string): ExtractionRow {
  const texts = extractBlocks(document).map((b) => ws(b.text));
  const found = gold.filter((g) => texts.some((t) => t.includes(g)));
  const nonGold = texts.filter((t) => !gold.some((g) => t.includes(g) || g.includes(t)));
  return {
    page,
    gold: gold.length,
    goldFound: found.length,
    blocks: texts.length,
    nonGold: nonGold.length,
    nonGoldInArticle: nonGold.filter((t) => article.includes(t)).length,
    missed: gold.filter((g) => !found.includes(g)).map((text) => ({ text, why: whyMissed(document, text) })),
    noise: nonGold.filter((t) => !article.includes(t)),
  };
}

// -------------------------------------------------------------- injection

export type InjectedKind = 'verbatim' | 'edited';

export interface Injection {
  page: string;
  kind: InjectedKind;
  edit: EditType | null;
  /** What the edit changed. */
  change: string | null;
  origin: string;
  originIndex: number;
  text: string;
  /** Matcher verdict on the injected block; undefined when no block came out of it. */
  match?: BlockMatch | null;
  extracted: boolean;
  right: boolean;
  /** Right only through the source paragraph's versions (not the origin document itself). */
  viaVersion?: string;
  /** The 3-shingle baseline on the same block: right source, wrong source, or nothing. */
  base: 'right' | 'wrong' | null;
}

export interface FalseAlarm {
  page: string;
  text: string;
  match: BlockMatch;
}

export interface InjectionRow {
  page: string;
  hidden: boolean;
  injections: Injection[];
  ownBlocks: number;
  /** Per own block: the matcher's kind (null: not highlighted) and whether the baseline flags it. */
  own: Array<{ kind: MatchKind | null; base: boolean }>;
  falseAlarms: FalseAlarm[];
  /** Seed baseline (3-shingle Jaccard ≥ 0.5) on the page's own blocks. */
  baseFalseAlarms: number;
}

interface SeedPick {
  docId: string;
  index: number;
  text: string;
}

/** The matcher, and every corpus paragraph by id: the seeds to copy, and the version links sources are judged by. */
interface Corpus {
  matcher: Matcher;
  paragraphs: Map<number, IndexedParagraph>;
}

/** Substantive seed paragraphs, interleaved across documents so that every seed comes up early and often. */
function seedPicks(paragraphs: Corpus['paragraphs']): SeedPick[] {
  const all = [...paragraphs.values()];
  const byDoc = [...new Set(all.map((p) => p.docId))].map((id) => all.filter((p) => p.docId === id && !p.furniture && words(p.text).length >= MIN_SEED_WORDS));
  const out: SeedPick[] = [];
  for (let i = 0; i < Math.max(...byDoc.map((x) => x.length)); i++)
    for (const ps of byDoc) if (i < ps.length) out.push({ docId: ps[i].docId, index: ps[i].index, text: ps[i].text });
  return out;
}

/** Slot k's gold <p> (index into the page's gold <p> elements): after every 2nd or 3rd, else spread evenly. */
function slots(goldCount: number, n: number): number[] {
  const out: number[] = [];
  let at = 1;
  for (let k = 0; k < n; k++, at += k % 2 ? 2 : 3) out.push(at);
  if (out[n - 1] < goldCount) return out;
  return Array.from({ length: n }, (_, k) => Math.min(goldCount - 1, Math.floor(((k + 1) * goldCount) / (n + 1))));
}

/** Accepted: the origin document, or a source whose matched paragraph lists a version in the origin document. */
function judge(paragraphs: Corpus['paragraphs'], m: BlockMatch | null, origin: string): { right: boolean; viaVersion?: string } {
  if (!m) return { right: false };
  if (m.source === origin) return { right: true };
  const v = m.versions.find((x) => x.docId === m.source);
  for (const key of v?.keys ?? [])
    for (const link of paragraphs.get(key)!.versions) {
      const p = paragraphs.get(link.key)!;
      if (p.docId === origin)
        return { right: true, viaVersion: `${m.source.slice(0, 3)}¶${paragraphs.get(key)!.index} ~ ${origin.slice(0, 3)}¶${p.index} (${link.kind})` };
    }
  return { right: false };
}

/** The baseline's document is right when it is the origin or holds a version of the origin paragraph. */
function baseRight(paragraphs: Corpus['paragraphs'], docId: string, inj: Injection): boolean {
  if (docId === inj.origin) return true;
  const p = [...paragraphs.values()].find((x) => x.docId === inj.origin && x.index === inj.originIndex)!;
  return p.versions.some((l) => paragraphs.get(l.key)!.docId === docId);
}

async function inject(
  page: string,
  document: Document,
  gold: string[],
  picks: SeedPick[],
  counter: { i: number },
  { matcher, paragraphs }: Corpus,
  baseline: ShingleBaseline,
): Promise<InjectionRow> {
  const goldSet = new Set(gold);
  const goldPs = [...document.body.querySelectorAll('p')].filter((p) => goldSet.has(ws(p.textContent ?? '')));
  const injections: Injection[] = [];
  const injected = new Map<Element, Injection>();
  const at = goldPs.length ? slots(goldPs.length, PER_PAGE) : [];
  // Insert from the last slot back so equal slots keep their order.
  const planned = at.map((slot) => {
    const i = counter.i++;
    const seed = picks[i % picks.length];
    // Second pass over the seeds flips verbatim/edited, so paragraphs are copied both ways.
    const kind: InjectedKind = (i + Math.floor(i / picks.length)) % 2 === 0 ? 'verbatim' : 'edited';
    const edit = kind === 'edited' ? EDIT_TYPES[Math.floor(i / 2) % EDIT_TYPES.length] : null;
    const [text, change] = edit ? editCopy(seed.text, edit, hashString(`${page}:${i}`)) : [seed.text, null];
    const inj: Injection = { page, kind, edit, change, origin: seed.docId, originIndex: seed.index, text, extracted: false, right: false, base: null };
    return { slot, inj };
  });
  for (let k = planned.length - 1; k >= 0; k--) {
    const { slot, inj } = planned[k];
    const p = document.createElement('p');
    p.textContent = inj.text;
    goldPs[slot].after(p);
    injected.set(p, inj);
  }
  injections.push(...planned.map((x) => x.inj));
  const falseAlarms: FalseAlarm[] = [];
  const own: InjectionRow['own'] = [];
  const blocks = extractBlocks(document);
  const matches = await matcher.match(blocks.map((b) => b.text));
  for (const [i, b] of blocks.entries()) {
    const m = matches[i];
    const base = baseline.match(b.text);
    const inj = injected.get(b.element);
    if (inj) {
      inj.extracted = true;
      inj.match = m;
      Object.assign(inj, judge(paragraphs, m, inj.origin));
      inj.base = base === null ? null : baseRight(paragraphs, base, inj) ? 'right' : 'wrong';
    } else {
      own.push({ kind: m?.kind ?? null, base: base !== null });
      if (m) falseAlarms.push({ page, text: b.text, match: m });
    }
  }
  return {
    page,
    hidden: bodyHidden(document),
    injections,
    ownBlocks: own.length,
    own,
    falseAlarms,
    baseFalseAlarms: own.filter((x) => x.base).length,
  };
}

// ------------------------------------------------------------------ run

export interface NewsResult {
  extraction: ExtractionRow[];
  /** Pages whose body is hidden without scripts, with extraction once the hiding style is removed. */
  unhidden: ExtractionRow[];
  injection: InjectionRow[];
  /** Injection on the same pages with page-hiding styles removed (only the pages that had one differ). */
  injectionUnhidden: InjectionRow[];
  requests: number;
  seedParagraphs: number;
  seedsUsed: number;
}

/** The pages' own paragraphs: expected.html's <p> texts, as expected_paragraphs.jsonl lists them. */
export function goldParagraphs(dir: string): GoldParagraph[] {
  return readFileSync(join(dir, 'expected_paragraphs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldParagraph);
}

/** Parses `<page>/source.html` fresh for each pass: extraction, injection as saved, injection unhidden. */
export async function runNewsPages(dir: string, index: MemoryIndex, baseline: ShingleBaseline): Promise<NewsResult> {
  const gold = goldParagraphs(dir);
  const pages = [...new Set(gold.map((g) => g.page))];
  const corpus: Corpus = { matcher: index.matcher, paragraphs: await index.allParagraphs() };
  const picks = seedPicks(corpus.paragraphs);
  const result: NewsResult = {
    extraction: [],
    unhidden: [],
    injection: [],
    injectionUnhidden: [],
    requests: 0,
    seedParagraphs: picks.length,
    seedsUsed: 0,
  };
  const counter = { i: 0 };
  for (const page of pages) {
    const html = readFileSync(join(dir, page, 'source.html'), 'utf8');
    const pageGold = gold.filter((g) => g.page === page).map((g) => ws(g.text));
    const expected = parsePage(readFileSync(join(dir, page, 'expected.html'), 'utf8'));
    const article = ws(expected.document.body.textContent ?? '');
    await expected.close();

    const a = parsePage(html);
    result.extraction.push(extraction(page, a.document, pageGold, article));
    const hidden = bodyHidden(a.document);
    if (hidden && unhide(a.document) > 0) result.unhidden.push(extraction(page, a.document, pageGold, article));
    result.requests += a.requests.length;
    await a.close();

    const start = counter.i;
    const b = parsePage(html);
    result.injection.push(await inject(page, b.document, pageGold, picks, counter, corpus, baseline));
    result.requests += b.requests.length;
    await b.close();

    if (hidden) {
      const c = parsePage(html);
      unhide(c.document);
      result.injectionUnhidden.push(await inject(page, c.document, pageGold, picks, { i: start }, corpus, baseline));
      result.requests += c.requests.length;
      await c.close();
    } else result.injectionUnhidden.push(result.injection[result.injection.length - 1]);
  }
  result.seedsUsed = new Set(result.injection.flatMap((r) => r.injections.map((x) => `${x.origin}:${x.originIndex}`))).size;
  return result;
}

// --------------------------------------------------------------- report

const pct = (k: number, n: number) => (n === 0 ? '—' : `${(k / n).toFixed(3)} (${k}/${n})`);
const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const clip = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function describeMatch(m: BlockMatch | null | undefined): string {
  if (m === undefined) return 'no block extracted';
  if (m === null) return 'no match';
  return `${m.kind} from ${m.source.slice(0, 3)} (score ${m.score}, coverage ${m.coverage}; versions ${m.versions
    .map((v) => `${v.docId.slice(0, 3)}:${v.kind}`)
    .join(', ')})`;
}

interface Tally {
  v: number;
  vOk: number;
  e: number;
  eOk: number;
  own: number;
  fa: number;
}

function tally(rows: InjectionRow[]): Tally {
  const inj = rows.flatMap((r) => r.injections);
  const v = inj.filter((x) => x.kind === 'verbatim');
  const e = inj.filter((x) => x.kind === 'edited');
  return {
    v: v.length,
    vOk: v.filter((x) => x.right).length,
    e: e.length,
    eOk: e.filter((x) => x.right).length,
    own: rows.reduce((n, r) => n + r.ownBlocks, 0),
    fa: rows.reduce((n, r) => n + r.falseAlarms.length, 0),
  };
}

const meets = (t: Tally) =>
  t.v > 0 && t.vOk / t.v >= NEWS_TARGETS.verbatim && t.e > 0 && t.eOk / t.e >= NEWS_TARGETS.edited && t.fa <= NEWS_TARGETS.falseAlarms;

function tallyCells(name: string, t: Tally, rows: InjectionRow[]): Array<string | number> {
  const inj = rows.flatMap((r) => r.injections);
  const kinds = (['verbatim', 'edited', 'reworded'] as MatchKind[]).map((k) => inj.filter((x) => x.right && x.match?.kind === k).length).join('/');
  return [name, pct(t.vOk, t.v), pct(t.eOk, t.e), kinds, t.own, pct(t.fa, t.own), rows.reduce((n, r) => n + r.baseFalseAlarms, 0)];
}

/** The report: extraction table, injection table, verdict, misses. Markdown lines. */
export function newsReport(r: NewsResult, details = false): string[] {
  const out: string[] = [];
  out.push('## Readability news pages (12 saved real pages, ../shared/evaldata/readability_news_pages)\n');
  out.push(
    "Read with the extension's candidateElements + extractBlock in happy-dom: scripts not run, no style sheet, frame or network loads " +
      `(requests attempted and refused: ${r.requests}). Gold = expected.html's <p> texts (expected_paragraphs.jsonl), whitespace-normalised; ` +
      'a gold paragraph is found when an extracted block equals or contains it. Non-gold = blocks that neither contain nor lie inside a gold paragraph; ' +
      '"in article" = of those, text that is in Readability\'s expected article (bullet lists, short paragraphs, quotes) rather than page chrome.\n',
  );
  out.push('### 1. Extraction (as saved)\n');
  out.push(line(['page', 'gold ¶', 'gold found', 'gold recall', 'blocks', 'non-gold blocks', 'non-gold share', 'of which in article']));
  out.push(line(Array(8).fill('---')));
  const ex = r.extraction;
  for (const e of ex)
    out.push(line([e.page, e.gold, e.goldFound, pct(e.goldFound, e.gold), e.blocks, e.nonGold, pct(e.nonGold, e.blocks), e.nonGoldInArticle]));
  const sum = (f: (e: ExtractionRow) => number, rows = ex) => rows.reduce((n, e) => n + f(e), 0);
  out.push(
    line([
      '**total**',
      sum((e) => e.gold),
      sum((e) => e.goldFound),
      `**${pct(
        sum((e) => e.goldFound),
        sum((e) => e.gold),
      )}**`,
      sum((e) => e.blocks),
      sum((e) => e.nonGold),
      `**${pct(
        sum((e) => e.nonGold),
        sum((e) => e.blocks),
      )}**`,
      sum((e) => e.nonGoldInArticle),
    ]),
  );
  out.push('');
  for (const u of r.unhidden) {
    const before = ex.find((e) => e.page === u.page)!;
    const totalFound = sum((e) => e.goldFound) - before.goldFound + u.goldFound;
    out.push(
      `${u.page}: the saved page hides its body with an anti-flicker style (\`body { visibility: hidden }\`) that its own script removes, so without scripts nothing is visible and nothing is extracted. ` +
        `With that style removed: gold ${pct(u.goldFound, u.gold)}, ${u.blocks} blocks, ${u.nonGold} non-gold (${u.nonGoldInArticle} in article); total gold recall would be ${pct(
          totalFound,
          sum((e) => e.gold),
        )}.\n`,
    );
  }
  const missed = ex.flatMap((e) => (r.unhidden.find((u) => u.page === e.page) ?? e).missed.map((m) => ({ page: e.page, ...m })));
  if (missed.length) {
    out.push(`Gold paragraphs not extracted${r.unhidden.length ? ` (${r.unhidden.map((u) => u.page).join(', ')} with the hiding style removed)` : ''}:`);
    for (const m of missed) out.push(`- ${m.page}: «${clip(m.text, 90)}» — ${m.why}`);
    out.push('');
  }

  out.push(
    '### 2. Injected seed paragraphs (acceptance: ≥ 95% verbatim and ≥ 90% lightly edited copies highlighted with a correct source, 0 page paragraphs highlighted)\n',
  );
  out.push(
    `${PER_PAGE} seed paragraphs per page (≥ ${MIN_SEED_WORDS} words, not furniture: ${r.seedParagraphs} in the seeds, ${r.seedsUsed} used), each a new <p> after every 2nd/3rd gold <p> ` +
      '(spread evenly on short pages), alternating verbatim and edited; edits rotate through ' +
      `${EDIT_TYPES.join(', ')} (one per copy, seeded). A correct source is the origin document, or a document whose matched paragraph lists a version in the origin document. ` +
      'False alarm = one of the page\'s own blocks highlighted at all; "base FA" = the 3-shingle Jaccard baseline over seed paragraphs on the same blocks.\n',
  );
  out.push(line(['page', 'verbatim recall', 'edited recall', 'found as V/E/R', 'own blocks', 'false alarms', 'base FA']));
  out.push(line(Array(7).fill('---')));
  for (const row of r.injection) out.push(line(tallyCells(row.page + (row.hidden ? ' (body hidden, as saved)' : ''), tally([row]), [row])));
  const all = tally(r.injection);
  out.push(line(tallyCells('**total, as saved**', all, r.injection).map((c, i) => (i === 0 ? c : `**${c}**`))));
  const hiddenPages = r.injection.filter((x) => x.hidden).map((x) => x.page);
  const unhiddenTally = tally(r.injectionUnhidden);
  if (hiddenPages.length)
    out.push(
      line(
        tallyCells(`**total, ${hiddenPages.join(', ')} with the hiding style removed**`, unhiddenTally, r.injectionUnhidden).map((c, i) =>
          i === 0 ? c : `**${c}**`,
        ),
      ),
    );
  out.push('');
  const byEdit = EDIT_TYPES.map((t) => {
    const xs = r.injectionUnhidden.flatMap((x) => x.injections).filter((x) => x.edit === t);
    const found = xs.filter((x) => x.right);
    const kinds = (['verbatim', 'edited', 'reworded'] as MatchKind[]).map((k) => found.filter((x) => x.match?.kind === k).length).join('/');
    return `${t} ${found.length}/${xs.length} (as V/E/R ${kinds})`;
  });
  out.push(`Edited recall by edit type${hiddenPages.length ? ' (hiding style removed)' : ''}: ${byEdit.join(', ')}.`);
  const injAll = r.injectionUnhidden.flatMap((x) => x.injections);
  const baseFound = injAll.filter((x) => x.base === 'right').length;
  const baseFa = r.injectionUnhidden.reduce((n, x) => n + x.baseFalseAlarms, 0);
  out.push(
    `Baseline (3-shingle Jaccard ≥ 0.5 against each seed paragraph) on the same blocks: ${pct(baseFound, injAll.length)} of the copies with the right source, ${baseFa} false alarms` +
      (baseFound === injAll.length && baseFa === 0 ? ' — at this edit strength the test does not separate the matcher from the baseline.' : '.'),
  );
  const via = r.injectionUnhidden.flatMap((x) => x.injections).filter((x) => x.viaVersion);
  if (via.length)
    out.push(
      `Counted right through a version link (source ≠ origin): ${via.map((x) => `${x.page} ${x.kind} ${x.origin.slice(0, 3)}¶${x.originIndex} via ${x.viaVersion}`).join('; ')}.`,
    );
  out.push('');

  const verdict = (t: Tally) =>
    `verbatim ${pct(t.vOk, t.v)} ${t.v && t.vOk / t.v >= NEWS_TARGETS.verbatim ? '≥' : '<'} 0.95, edited ${pct(t.eOk, t.e)} ${t.e && t.eOk / t.e >= NEWS_TARGETS.edited ? '≥' : '<'} 0.90, false alarms ${t.fa}${t.fa <= NEWS_TARGETS.falseAlarms ? '' : ' > 0'} → ${meets(t) ? 'MET' : 'NOT MET'}`;
  out.push(
    `**Verdict (issue target):** as saved: ${verdict(all)}` +
      (hiddenPages.length
        ? `; with ${hiddenPages.join(', ')}'s hiding style removed (as the page renders once its script runs): ${verdict(unhiddenTally)}.`
        : '.'),
  );
  out.push('');

  const misses = r.injectionUnhidden.flatMap((x) => x.injections).filter((x) => !x.right);
  const hiddenMisses = r.injection
    .filter((x) => x.hidden)
    .flatMap((x) => x.injections)
    .filter((x) => !x.right);
  if (hiddenMisses.length)
    out.push(`As saved, the ${hiddenMisses.length} copies on ${hiddenPages.join(', ')} are all missed: no block is extracted from a hidden body.`);
  if (misses.length) {
    out.push(`Missed copies${hiddenPages.length ? ' (hiding style removed)' : ''}:`);
    for (const m of misses)
      out.push(
        `- ${m.page}: ${m.kind}${m.edit ? ` (${m.edit}: ${m.change})` : ''} of ${m.origin.slice(0, 3)}¶${m.originIndex}: got ${describeMatch(m.extracted ? m.match : undefined)}; text «${clip(m.text, 160)}»`,
      );
  } else out.push(`Missed copies${hiddenPages.length ? ' (hiding style removed)' : ''}: none.`);
  const fas = r.injectionUnhidden.flatMap((x) => x.falseAlarms);
  if (fas.length) {
    out.push('False alarms (page blocks highlighted):');
    for (const f of fas) out.push(`- ${f.page}: «${clip(f.text, 160)}» → ${describeMatch(f.match)}`);
  } else out.push('False alarms: none.');
  out.push('');
  if (details) {
    out.push(`### Every injected copy${hiddenPages.length ? ' (hiding style removed)' : ''}\n`);
    for (const x of r.injectionUnhidden.flatMap((row) => row.injections))
      out.push(
        `- ${x.page}: ${x.kind}${x.edit ? ` (${x.edit}: ${x.change})` : ''} of ${x.origin.slice(0, 3)}¶${x.originIndex} → ${x.right ? 'right' : 'WRONG'}: ${describeMatch(x.extracted ? x.match : undefined)}`,
      );
    out.push('');
    out.push('### Non-gold blocks outside the Readability article (page chrome)\n');
    for (const e of r.extraction) {
      const u = r.unhidden.find((x) => x.page === e.page) ?? e;
      for (const t of u.noise) out.push(`- ${e.page}: «${clip(t, 120)}»`);
    }
    out.push('');
  }
  return out;
}
