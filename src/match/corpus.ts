import { furnitureMask, isFurnitureText, shortParagraphFrequency } from '../corpus/furniture';
import type { CorpusDocument, DocumentMeta } from '../corpus/document';
import { CommonGrams, GramFrequency } from '../fingerprint/common';
import { GramFilters, type SerializedGramFilters } from '../fingerprint/filters';
import { LshIndex, type SerializedLsh } from '../fingerprint/lsh';
import { alignBlock, type DocAlignment, type SourceParagraph } from './align';
import { LSH_PARAMS, unitKeys } from './fingerprint';
import { THRESHOLDS, type MatchKind } from './kinds';
import { creditsOf } from './outlets';
import { rankVersions, type Provenance } from './provenance';
import { sentenceGrams, sentenceUnits, windowsOf, type Window } from './windows';
import { charGrams, containment } from '../fingerprint/grams';
import { canonical } from '../text/normalize';

/** Another document's paragraph that is a version of this one. */
export interface VersionLink {
  key: number;
  kind: MatchKind;
  score: number;
}

export interface StoredParagraph extends SourceParagraph {
  furniture: boolean;
  /** Outlet the paragraph (or its neighbours) credits as its source. */
  cites: string | null;
  /** Versions in other documents, found at index time. */
  versions: VersionLink[];
}

/** Everything matching needs, in a form IndexedDB stores as is. */
export interface CorpusData {
  documents: Array<{ id: string; meta: DocumentMeta }>;
  paragraphs: StoredParagraph[];
  /** Buckets of the grams common across the corpus, left out of fingerprints (see CommonGrams). */
  common: Uint32Array;
  lsh: SerializedLsh;
  /** Each paragraph's grams as a bit set, by key: the first, cheap test of a candidate. */
  filters: SerializedGramFilters;
}

/** One corpus document's version of a page passage. */
export interface VersionMatch extends Omit<DocAlignment, 'spans' | 'parts'> {
  meta: DocumentMeta;
  /** Corpus keys of the paragraphs the passage comes from. */
  keys: number[];
  cites: string | null;
  /** 'page' when compared with the page text; 'corpus' when known only as a version of one that was. */
  via: 'page' | 'corpus';
}

/** What a page block reprints: the contract's data-reprint-* values and the evidence. */
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
}

/**
 * Fingerprints a corpus: furniture marked, the corpus's common grams found,
 * every other paragraph's sentences indexed, versions grouped.
 */
export function buildCorpusData(docs: CorpusDocument[]): CorpusData {
  const { paragraphs, units, common, filters } = readParagraphs(docs);
  const commonGrams = new CommonGrams(common);
  const ids: number[] = [];
  const entries: Uint32Array[] = [];
  const keysOf = units.map((us, key) => {
    const keys = unitKeys(us, commonGrams);
    for (const k of keys) {
      ids.push(key);
      entries.push(k);
    }
    return keys;
  });
  const data: CorpusData = {
    documents: docs.map(({ id, meta }) => ({ id, meta })),
    paragraphs,
    common,
    lsh: LshIndex.build(LSH_PARAMS, ids, entries).serialize(),
    filters,
  };
  groupVersions(new CorpusMatcher(data), units, keysOf);
  return data;
}

/**
 * Every paragraph with its furniture mark and credit, its sentences' grams
 * (none for furniture), and what the whole paragraphs' grams give: document
 * frequencies and bit sets. Those grams are dropped on return.
 */
function readParagraphs(docs: CorpusDocument[]) {
  const df = shortParagraphFrequency(docs.map((d) => d.paragraphs));
  const paragraphs: StoredParagraph[] = [];
  const units: Uint32Array[][] = [];
  const whole: Uint32Array[] = [];
  const frequency = new GramFrequency(docs.length);
  for (const doc of docs) {
    const mask = furnitureMask(doc.paragraphs, df, doc.meta.title);
    const credits = creditsOf(doc.paragraphs, mask);
    const first = units.length;
    doc.paragraphs.forEach((text, index) => {
      paragraphs.push({ key: paragraphs.length, docId: doc.id, index, text, furniture: mask[index], cites: credits[index], versions: [] });
      units.push(mask[index] ? [] : sentenceGrams(text));
      whole.push(mask[index] ? new Uint32Array(0) : charGrams(canonical(text)));
    });
    frequency.addDocument(whole.slice(first));
  }
  return { paragraphs, units, common: frequency.commonBuckets(), filters: GramFilters.build(whole).serialize() };
}

/**
 * Links each paragraph to its versions in other documents, by the same
 * verification as pages get, re-using the grams and band keys of the build.
 */
function groupVersions(matcher: CorpusMatcher, units: Uint32Array[][], keysOf: Uint32Array[][]): void {
  for (const p of matcher.data.paragraphs) {
    if (p.furniture) continue;
    const others = matcher.candidatesFor(keysOf[p.key]).filter((c) => c.docId !== p.docId);
    for (const a of matcher.align(p.text, units[p.key], () => matcher.windows(p), others)) {
      for (const part of a.parts) {
        if (!p.versions.some((v) => v.key === part.key)) p.versions.push({ key: part.key, kind: a.kind, score: a.score });
      }
    }
  }
}

/** Bounded caches: corpus windows and grams are re-used across blocks of one page. */
const CACHE_SIZE = 4096;

function cached<T>(cache: Map<number, T>, key: number, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, (v = make()));
  }
  return v;
}

export class CorpusMatcher {
  private readonly lsh: LshIndex;
  private readonly common: CommonGrams;
  private readonly filters: GramFilters;
  private readonly metas: Map<string, DocumentMeta>;
  private readonly windowCache = new Map<number, Window[]>();
  private readonly gramCache = new Map<number, Uint32Array>();

  constructor(readonly data: CorpusData) {
    this.lsh = LshIndex.from(data.lsh);
    this.common = new CommonGrams(data.common);
    this.filters = GramFilters.from(data.filters);
    this.metas = new Map(data.documents.map((d) => [d.id, d.meta]));
  }

  windows(p: SourceParagraph): Window[] {
    return cached(this.windowCache, p.key, () => windowsOf(p.text));
  }

  private grams(p: SourceParagraph): Uint32Array {
    return cached(this.gramCache, p.key, () => charGrams(canonical(p.text)));
  }

  /**
   * Exact verification of candidates. A candidate none of whose sentences
   * could reach the overlap threshold is dropped first, by its bit set and
   * then by its grams: lossless, and it spares LSH's chance collisions the
   * window comparisons. The text's windows are only made when a candidate
   * survives.
   */
  align(text: string, unitGrams: Uint32Array[], windows: () => Window[], candidates: SourceParagraph[]): DocAlignment[] {
    const min = THRESHOLDS.unitOverlap;
    // Shared grams a sentence needs to reach the threshold: the least n with n / length ≥ min.
    const need = unitGrams.map((u) => Math.ceil(min * u.length - 1e-9));
    const viable = candidates.filter((p) =>
      unitGrams.some((u, i) => u.length > 0 && this.filters.mayHold(p.key, u, need[i]) && containment(u, this.grams(p)) >= min),
    );
    return viable.length ? alignBlock(text, viable, (p) => this.windows(p), windows()) : [];
  }

  /** Candidate paragraphs from LSH for a text's sentence grams, before verification. */
  candidates(unitGrams: Uint32Array[]): StoredParagraph[] {
    return this.candidatesFor(unitKeys(unitGrams, this.common));
  }

  /** Candidate paragraphs for band keys already computed. */
  candidatesFor(bandKeys: Uint32Array[]): StoredParagraph[] {
    const keys = new Set<number>();
    for (const k of bandKeys) for (const id of this.lsh.query(k)) keys.add(id);
    return Array.from(Uint32Array.from(keys).sort(), (k) => this.data.paragraphs[k]);
  }

  match(text: string): BlockMatch | null {
    if (isFurnitureText(text)) return null;
    // Sentence grams are computed once, for LSH, the filter and the alignment's windows.
    const units = sentenceUnits(text);
    const unitGrams = sentenceGrams(text, units);
    const candidates = this.candidates(unitGrams);
    if (candidates.length === 0) return null;
    const alignments = this.align(text, unitGrams, () => windowsOf(text, units, unitGrams), candidates);
    if (alignments.length === 0) return null;
    const versions = [...alignments.map((a) => this.direct(a)), ...this.indirect(alignments, text)];
    const [best] = alignments;
    const provenance = this.provenance(versions);
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

  private direct({ spans: _spans, parts, ...a }: DocAlignment): VersionMatch {
    const paragraphs = parts.map((p) => this.data.paragraphs[p.key]);
    return {
      ...a,
      meta: this.metas.get(a.docId)!,
      keys: [...new Set(paragraphs.map((p) => p.key))],
      cites: paragraphs.map((p) => p.cites).find(Boolean) ?? null,
      via: 'page',
    };
  }

  /** Versions known from the corpus grouping that the page text alone did not reach. */
  private indirect(alignments: DocAlignment[], text: string): VersionMatch[] {
    const seen = new Set(alignments.map((a) => a.docId));
    const out: VersionMatch[] = [];
    for (const a of alignments)
      for (const part of a.parts)
        for (const link of this.data.paragraphs[part.key].versions) {
          const p = this.data.paragraphs[link.key];
          if (seen.has(p.docId)) continue;
          seen.add(p.docId);
          out.push({
            docId: p.docId,
            kind: link.kind,
            score: link.score,
            coverage: a.coverage,
            pageText: text,
            sourceText: p.text,
            meta: this.metas.get(p.docId)!,
            keys: [p.key],
            cites: p.cites,
            via: 'corpus',
          });
        }
    return out;
  }

  private provenance(versions: VersionMatch[]): Provenance {
    const keysOf = new Map(versions.map((v) => [v.docId, v.keys]));
    const link = (a: string, b: string) => {
      for (const k of keysOf.get(a) ?? [])
        for (const l of this.data.paragraphs[k].versions) if (this.data.paragraphs[l.key].docId === b) return l;
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
}
