import { furnitureMask, isFurnitureText, shortParagraphFrequency } from '../corpus/furniture';
import type { CorpusDocument, DocumentMeta } from '../corpus/document';
import { LshIndex, type SerializedLsh } from '../fingerprint/lsh';
import { alignBlock, type DocAlignment, type SourceParagraph } from './align';
import { LSH_PARAMS, unitKeys } from './fingerprint';
import { THRESHOLDS, type MatchKind } from './kinds';
import { creditsOf } from './outlets';
import { rankVersions, type Provenance } from './provenance';
import { sentenceGrams, unitWindows, windowsOf, type Window } from './windows';
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
  lsh: SerializedLsh;
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

/** Fingerprints a corpus: furniture marked, every other paragraph indexed, versions grouped. */
export function buildCorpusData(docs: CorpusDocument[]): CorpusData {
  const df = shortParagraphFrequency(docs.map((d) => d.paragraphs));
  const paragraphs: StoredParagraph[] = [];
  const ids: number[] = [];
  const entries: Uint32Array[] = [];
  for (const doc of docs) {
    const mask = furnitureMask(doc.paragraphs, df, doc.meta.title);
    const credits = creditsOf(doc.paragraphs, mask);
    doc.paragraphs.forEach((text, index) => {
      const key = paragraphs.length;
      paragraphs.push({ key, docId: doc.id, index, text, furniture: mask[index], cites: credits[index], versions: [] });
      if (mask[index]) return;
      for (const keys of unitKeys(sentenceGrams(text))) {
        ids.push(key);
        entries.push(keys);
      }
    });
  }
  const data: CorpusData = {
    documents: docs.map(({ id, meta }) => ({ id, meta })),
    paragraphs,
    lsh: LshIndex.build(LSH_PARAMS, ids, entries).serialize(),
  };
  groupVersions(data);
  return data;
}

/** Links each paragraph to its versions in other documents, by the same verification as pages get. */
function groupVersions(data: CorpusData): void {
  const matcher = new CorpusMatcher(data);
  for (const p of data.paragraphs) {
    if (p.furniture) continue;
    const others = matcher.candidates(p.text).filter((c) => c.docId !== p.docId);
    for (const a of matcher.align(p.text, matcher.windows(p), others)) {
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
  private readonly metas: Map<string, DocumentMeta>;
  private readonly windowCache = new Map<number, Window[]>();
  private readonly gramCache = new Map<number, Uint32Array>();

  constructor(readonly data: CorpusData) {
    this.lsh = LshIndex.from(data.lsh);
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
   * could reach the overlap threshold (too few of a sentence's grams occur
   * anywhere in it) is dropped first: lossless, and it spares the window
   * comparisons for LSH's chance collisions.
   */
  align(text: string, windows: Window[], candidates: SourceParagraph[]): DocAlignment[] {
    const units = unitWindows(windows);
    const viable = candidates.filter((p) => {
      const g = this.grams(p);
      return units.some((u) => containment(u.grams, g) >= THRESHOLDS.unitOverlap);
    });
    return viable.length ? alignBlock(text, viable, (p) => this.windows(p), windows) : [];
  }

  /** Candidate paragraphs from LSH, before verification. */
  candidates(text: string, unitGrams = sentenceGrams(text)): StoredParagraph[] {
    const keys = new Set<number>();
    for (const k of unitKeys(unitGrams)) for (const id of this.lsh.query(k)) keys.add(id);
    return [...keys].sort((a, b) => a - b).map((k) => this.data.paragraphs[k]);
  }

  match(text: string): BlockMatch | null {
    if (isFurnitureText(text)) return null;
    // Sentences, windows and their grams are computed once, for LSH, the filter and the alignment.
    const windows = windowsOf(text);
    const candidates = this.candidates(text, unitWindows(windows).map((w) => w.grams));
    if (candidates.length === 0) return null;
    const alignments = this.align(text, windows, candidates);
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
