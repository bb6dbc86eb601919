import { furnitureMask, isFurnitureText, shortParagraphFrequency } from '../corpus/furniture';
import type { CorpusDocument, DocumentMeta } from '../corpus/document';
import { LshIndex, type SerializedLsh } from '../fingerprint/lsh';
import { alignBlock, type DocAlignment, type SourceParagraph } from './align';
import { LSH_PARAMS, unitKeys } from './fingerprint';
import type { MatchKind } from './kinds';
import { rankOriginal } from './provenance';
import { windowsOf, type Window } from './windows';

export interface StoredParagraph extends SourceParagraph {
  furniture: boolean;
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
  /** Indices of the document's paragraphs the passage comes from. */
  paragraphs: number[];
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
}

/** Fingerprints a corpus: furniture marked, every other paragraph indexed. */
export function buildCorpusData(docs: CorpusDocument[]): CorpusData {
  const df = shortParagraphFrequency(docs.map((d) => d.paragraphs));
  const paragraphs: StoredParagraph[] = [];
  const ids: number[] = [];
  const entries: Uint32Array[] = [];
  for (const doc of docs) {
    const mask = furnitureMask(doc.paragraphs, df, doc.meta.title);
    doc.paragraphs.forEach((text, index) => {
      const key = paragraphs.length;
      paragraphs.push({ key, docId: doc.id, index, text, furniture: mask[index] });
      if (mask[index]) return;
      for (const keys of unitKeys(text)) {
        ids.push(key);
        entries.push(keys);
      }
    });
  }
  return {
    documents: docs.map(({ id, meta }) => ({ id, meta })),
    paragraphs,
    lsh: LshIndex.build(LSH_PARAMS, ids, entries).serialize(),
  };
}

/** Bounded cache: corpus windows are re-used across blocks of one page. */
const WINDOW_CACHE_SIZE = 4096;

export class CorpusMatcher {
  private readonly lsh: LshIndex;
  private readonly metas: Map<string, DocumentMeta>;
  private readonly windowCache = new Map<number, Window[]>();

  constructor(readonly data: CorpusData) {
    this.lsh = LshIndex.from(data.lsh);
    this.metas = new Map(data.documents.map((d) => [d.id, d.meta]));
  }

  get documentCount(): number {
    return this.data.documents.length;
  }

  meta(id: string): DocumentMeta | undefined {
    return this.metas.get(id);
  }

  private windows(p: SourceParagraph): Window[] {
    let w = this.windowCache.get(p.key);
    if (!w) {
      if (this.windowCache.size >= WINDOW_CACHE_SIZE) this.windowCache.delete(this.windowCache.keys().next().value!);
      this.windowCache.set(p.key, (w = windowsOf(p.text)));
    }
    return w;
  }

  /** Candidate paragraphs from LSH, before verification. */
  candidates(text: string): StoredParagraph[] {
    const keys = new Set<number>();
    for (const k of unitKeys(text)) for (const id of this.lsh.query(k)) keys.add(id);
    return [...keys].sort((a, b) => a - b).map((k) => this.data.paragraphs[k]);
  }

  match(text: string): BlockMatch | null {
    if (isFurnitureText(text)) return null;
    const candidates = this.candidates(text);
    if (candidates.length === 0) return null;
    const alignments = alignBlock(text, candidates, (p) => this.windows(p));
    if (alignments.length === 0) return null;
    const byKey = new Map(candidates.map((p) => [p.key, p]));
    const versions: VersionMatch[] = alignments.map(({ spans: _spans, parts, ...a }) => ({
      ...a,
      meta: this.metas.get(a.docId)!,
      paragraphs: [...new Set(parts.map((p) => byKey.get(p.key)!.index))],
    }));
    const [best] = alignments;
    return {
      kind: best.kind,
      source: best.docId,
      original: rankOriginal(versions)[0].docId,
      score: best.score,
      coverage: best.coverage,
      spans: best.spans.map(({ start, end }) => ({ start, end })),
      versions,
    };
  }
}
