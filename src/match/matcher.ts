import { isFurnitureText } from '../corpus/furniture';
import { commonThreshold } from '../fingerprint/common';
import { charGrams, containsAtLeast, gramHashes, sortedDistinct } from '../fingerprint/grams';
import type { GramPostings } from '../types';
import { canonical } from '../text/normalize';
import { siteOf } from '../text/sites';
import { MAX_BLOCK_CHARS } from './limits';
import type { DocumentMeta } from '../types';
import { alignBlock, type DocAlignment, type SourceParagraph } from './align';
import { candidatesFor, distinctGrams, quoteWindows, sampledUnits } from './candidates';
import { quotedRuns, tokens, type Tokens } from './runs';
import { THRESHOLDS, type MatchKind } from './kinds';
import { rankVersions, type Provenance } from './provenance';
import { sentenceUnits, windowsOf, type Window } from './windows';

/** Another document's paragraph that is a version of this one, found at index time. */
export interface VersionLink {
  key: number;
  kind: MatchKind;
  score: number;
}

/** A corpus paragraph as matching reads it. `key` is its paragraph id. */
export interface IndexedParagraph extends SourceParagraph {
  meta: DocumentMeta;
  /** Outlet the paragraph (or its neighbours) credits as its source. */
  cites: string | null;
  /** Site furniture never matches. */
  furniture: boolean;
  versions: VersionLink[];
}

/**
 * What matching needs of an index: posting lists, the corpus size, and the
 * paragraphs behind ids. The IndexedDB index and the in-memory one used by
 * the CLI both provide it; nothing here assumes where the corpus lives.
 */
export interface IndexReader {
  documentCount(): Promise<number>;
  /**
   * Posting lists of sorted, distinct grams; grams the index lacks are
   * absent. A gram in more than `maxDocs` documents may come back with its
   * document count and no paragraph ids.
   */
  postings(grams: Uint32Array, maxDocs?: number): Promise<Map<number, GramPostings>>;
  /**
   * Paragraphs by id; ids of deleted documents are absent. Their version
   * links are read only when asked for (`versions` is empty otherwise):
   * candidates need text, and only matched paragraphs need links.
   */
  paragraphs(ids: number[], withVersions?: boolean): Promise<Map<number, IndexedParagraph>>;
}

/** One corpus document's version of a page passage. */
export interface VersionMatch extends Omit<DocAlignment, 'spans' | 'parts'> {
  meta: DocumentMeta;
  /** The registrable domain of the document's address (src/text/sites.ts), for the page's credit check; null when unknown. */
  site: string | null;
  /** Corpus keys of the paragraphs the passage comes from. */
  keys: number[];
  cites: string | null;
  /** 'page' when compared with the page text; 'corpus' when known only as a version of one that was. */
  via: 'page' | 'corpus';
}

/** What a page block reprints, and the evidence. */
export interface BlockMatch {
  kind: MatchKind;
  source: string;
  original: string;
  score: number;
  coverage: number;
  /** Reprinted stretches in block-text offsets. */
  spans: Array<{ start: number; end: number }>;
  /** Every corpus document carrying the passage, best match first. */
  versions: VersionMatch[];
  provenance: Provenance;
  /** Set when the text was longer than MAX_BLOCK_CHARS: only its start was matched. */
  truncated?: true;
}

export { MAX_BLOCK_CHARS };

/** Bounded caches: corpus windows and grams are re-used across blocks and pages. */
const CACHE_SIZE = 4096;

class Lru<T> {
  private readonly map = new Map<number, T>();
  clear(): void {
    this.map.clear();
  }

  get(key: number, make: () => T): T {
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= CACHE_SIZE) this.map.delete(this.map.keys().next().value!);
      v = make();
    } else this.map.delete(key);
    this.map.set(key, v);
    return v;
  }
}

/** A text prepared once for candidates, filtering and alignment. */
interface Prepared {
  text: string;
  units: ReturnType<typeof sentenceUnits>;
  unitGrams: Uint32Array[];
  sampled: Uint32Array[];
  /** Sampled grams of short windows inside long sentences, for quoted fragments. */
  quotes: Uint32Array[];
  /** Candidates the quote windows proposed (filled by candidates()). */
  quoted: Set<number>;
}

/**
 * Matches texts against an index: sampled grams propose candidates, exact
 * alignment decides. Stateless but for caches, so a stopped worker loses
 * nothing by losing it.
 */
export class Matcher {
  private readonly windowCache = new Lru<Window[]>();
  private readonly gramCache = new Lru<Uint32Array>();
  private readonly tokenCache = new Lru<Tokens>();

  constructor(private readonly reader: IndexReader) {}

  /** Forgets cached paragraphs, when the index behind the ids was replaced. */
  forget(): void {
    this.windowCache.clear();
    this.gramCache.clear();
    this.tokenCache.clear();
  }

  private windows(p: SourceParagraph): Window[] {
    return this.windowCache.get(p.key, () => windowsOf(p.text));
  }

  private grams(p: SourceParagraph): Uint32Array {
    return this.gramCache.get(p.key, () => charGrams(canonical(p.text)));
  }

  private tokens(p: SourceParagraph): Tokens {
    return this.tokenCache.get(p.key, () => tokens(p.text));
  }

  /**
   * Candidates for each text, by paragraph id, after the postings of all
   * texts were read in one pass. With `ownDocs`, each text's own document
   * is left out (grouping versions at index time).
   */
  async candidates(texts: Prepared[], ownDocs?: number[], docOf?: (pid: number) => number): Promise<number[][]> {
    const documents = await this.reader.documentCount();
    // Grams common in the corpus are skipped (candidatesFor): their lists are not needed.
    const postings = await this.reader.postings(distinctGrams(texts.flatMap((t) => [...t.sampled, ...t.quotes])), commonThreshold(documents));
    return texts.map((t, i) => candidatesFor(t.sampled, postings, documents, ownDocs && docOf && ((pid) => docOf(pid) !== ownDocs[i]), t.quotes, t.quoted));
  }

  /**
   * Exact verification: a candidate none of whose sentences could reach the
   * overlap threshold is dropped before the window comparisons.
   */
  align(t: Prepared, candidates: IndexedParagraph[]): DocAlignment[] {
    const min = THRESHOLDS.unitOverlap;
    let page: Tokens | undefined;
    const runs = new Map<number, ReturnType<typeof quotedRuns>>();
    // Word runs are scanned where they can matter: a candidate some sentence aligns with (a quote inside it),
    // or one the quote windows proposed. Scanning every candidate cost a 100-paragraph page a third more time.
    const viable = candidates.filter((p) => {
      if (p.furniture) return false;
      const aligns = t.unitGrams.some((u) => containsAtLeast(u, this.grams(p), min));
      if (aligns || t.quoted.has(p.key)) runs.set(p.key, quotedRuns(t.text, (page ??= tokens(t.text)), this.tokens(p)));
      return aligns || (runs.get(p.key)?.length ?? 0) > 0;
    });
    return viable.length
      ? alignBlock(
          t.text,
          viable,
          (p) => this.windows(p),
          windowsOf(t.text, t.units, t.unitGrams),
          (p) => runs.get(p.key) ?? [],
        )
      : [];
  }

  /**
   * Matches each text; null where nothing in the corpus carries it. Only a
   * text's first MAX_BLOCK_CHARS characters are read (`truncated` says so).
   * A text whose matching throws is answered null; the others still get
   * their answers. A failing index read fails the whole call.
   */
  async match(texts: string[]): Promise<Array<BlockMatch | null>> {
    const prepared = texts.map((text) =>
      guard(() => {
        const read = cut(text);
        return isFurnitureText(read) ? null : prepare(read);
      }),
    );
    const live = prepared.filter((p): p is Prepared => p !== null);
    const found = await this.candidates(live);
    const candidates = await this.reader.paragraphs([...new Set(found.flat())]);
    const alignments = live.map(
      (t, i) =>
        guard(() =>
          this.align(
            t,
            found[i].flatMap((pid) => candidates.get(pid) ?? []),
          ),
        ) ?? [],
    );
    // The matched paragraphs with their version links, then the versions they link to.
    const matched = await this.reader.paragraphs([...new Set(alignments.flatMap((as) => as.flatMap((a) => a.parts.map((p) => p.key))))], true);
    const linked = [...matched.values()].flatMap((p) => p.versions.map((v) => v.key)).filter((k) => !matched.has(k));
    const paragraphs = new Map([...(await this.reader.paragraphs([...new Set(linked)], true)), ...matched]);
    const answers = new Map(live.map((t, i) => [t, guard(() => this.blockMatch(t.text, alignments[i], paragraphs))]));
    return prepared.map((p, i) => {
      const answer = p ? (answers.get(p) ?? null) : null;
      return answer && texts[i].length > p!.text.length ? { ...answer, truncated: true } : answer;
    });
  }

  private blockMatch(text: string, alignments: DocAlignment[], paragraphs: Map<number, IndexedParagraph>): BlockMatch | null {
    if (alignments.length === 0) return null;
    const versions = [...alignments.map((a) => direct(a, paragraphs)), ...indirect(alignments, text, paragraphs)];
    const [best] = alignments;
    const provenance = rankWithLinks(versions, paragraphs);
    return {
      kind: best.kind,
      source: best.docId,
      original: provenance.original,
      score: best.score,
      coverage: best.coverage,
      spans: best.spans.map(({ start, end }) => ({ start, end })),
      versions,
      provenance,
    };
  }

  /**
   * The versions of corpus paragraphs among the other documents: each
   * paragraph is matched as a page block would be, leaving out its own
   * document (`docOf` tells a paragraph id's document).
   */
  async versionsOf(paragraphs: IndexedParagraph[], docOf: (pid: number) => number): Promise<Map<number, VersionLink[]>> {
    const own = paragraphs.filter((p) => !p.furniture);
    const prepared = own.map((p) => prepare(p.text));
    const found = await this.candidates(
      prepared,
      own.map((p) => docOf(p.key)),
      docOf,
    );
    const others = await this.reader.paragraphs([...new Set(found.flat())]);
    const out = new Map<number, VersionLink[]>();
    own.forEach((p, i) => {
      const links: VersionLink[] = [];
      for (const a of this.align(
        prepared[i],
        found[i].flatMap((pid) => others.get(pid) ?? []),
      ))
        for (const part of a.parts) if (!links.some((l) => l.key === part.key)) links.push({ key: part.key, kind: a.kind, score: a.score });
      if (links.length) out.set(p.key, links);
    });
    return out;
  }
}

/** A text's first MAX_BLOCK_CHARS characters, not splitting a surrogate pair. */
export function cut(text: string): string {
  if (text.length <= MAX_BLOCK_CHARS) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_BLOCK_CHARS - 1]) ? MAX_BLOCK_CHARS - 1 : MAX_BLOCK_CHARS;
  return text.slice(0, end);
}

/** f's value, or null when it throws: one text's failure stays its own. */
function guard<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

export function prepare(text: string): Prepared {
  const units = sentenceUnits(text);
  const canons = units.map((u) => canonical(u.text));
  // Each unit's gram at each position serves its quote windows, then becomes its sorted gram set.
  const hashes = canons.map((c) => gramHashes(c));
  const quotes = canons.flatMap((c, i) => quoteWindows(c, hashes[i]));
  const unitGrams = hashes.map(sortedDistinct);
  return { text, units, unitGrams, sampled: sampledUnits(unitGrams), quotes, quoted: new Set() };
}

function direct({ spans: _spans, parts, ...a }: DocAlignment, paragraphs: Map<number, IndexedParagraph>): VersionMatch {
  const ps = parts.map((p) => paragraphs.get(p.key)!);
  return {
    ...a,
    meta: ps[0].meta,
    site: siteOf(ps[0].meta.url),
    keys: [...new Set(ps.map((p) => p.key))],
    cites: ps.map((p) => p.cites).find(Boolean) ?? null,
    via: 'page',
  };
}

/** Versions known from the corpus grouping that the page text alone did not reach. */
function indirect(alignments: DocAlignment[], text: string, paragraphs: Map<number, IndexedParagraph>): VersionMatch[] {
  const seen = new Set(alignments.map((a) => a.docId));
  const out: VersionMatch[] = [];
  for (const a of alignments)
    for (const part of a.parts)
      for (const link of paragraphs.get(part.key)?.versions ?? []) {
        const p = paragraphs.get(link.key);
        if (!p || p.furniture || seen.has(p.docId)) continue;
        seen.add(p.docId);
        out.push({
          docId: p.docId,
          kind: link.kind,
          score: link.score,
          coverage: a.coverage,
          pageText: text,
          sourceText: p.text,
          meta: p.meta,
          site: siteOf(p.meta.url),
          keys: [p.key],
          cites: p.cites,
          via: 'corpus',
        });
      }
  return out;
}

function rankWithLinks(versions: VersionMatch[], paragraphs: Map<number, IndexedParagraph>): Provenance {
  const keysOf = new Map(versions.map((v) => [v.docId, v.keys]));
  const link = (a: string, b: string) => {
    for (const k of keysOf.get(a) ?? []) for (const l of paragraphs.get(k)?.versions ?? []) if (paragraphs.get(l.key)?.docId === b) return l;
    return undefined;
  };
  return rankVersions(
    versions.map((v) => ({
      docId: v.docId,
      meta: v.meta,
      cites: v.cites,
      consensus: versions.reduce((n, u) => n + (u.docId === v.docId ? 0 : (link(v.docId, u.docId)?.score ?? 0)), 0),
    })),
    (a, b) => link(a, b)?.kind ?? null,
  );
}
