import { charGrams, containment, intersectionSize, jaccard, wordShingles } from '../fingerprint/grams';
import { MIN_EVIDENCE_WORDS } from '../corpus/furniture';
import { canonical, normalizeText, words } from '../text/normalize';
import type { Span } from '../text/sentences';
import { THRESHOLDS, type MatchKind } from './kinds';
import type { Run } from './runs';
import { unitWindows, windowsOf, type Window } from './windows';

/** A corpus paragraph offered as a candidate source. */
export interface SourceParagraph {
  key: number;
  docId: string;
  index: number;
  text: string;
}

/** A stretch of a corpus paragraph that a page passage reproduces. */
export interface SourcePart {
  key: number;
  start: number;
  end: number;
}

/** How one corpus document's text appears in a page block. */
export interface DocAlignment {
  docId: string;
  kind: MatchKind;
  /** Similarity of the reprinted page text to its source text, 0–1. */
  score: number;
  /** Share of the block's text that this document's text accounts for. */
  coverage: number;
  /** Reprinted stretches of the block, in block offsets. */
  spans: Span[];
  parts: SourcePart[];
  /** The page's reprinted text and the source text it reproduces. */
  pageText: string;
  sourceText: string;
}

/** Shared character n-grams over the larger side's count. */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 0 : intersectionSize(a, b) / n;
}

function accepts(o: number, page: Window): boolean {
  if (o < THRESHOLDS.unitOverlap || page.words < MIN_EVIDENCE_WORDS) return false;
  return o >= THRESHOLDS.editedOverlap || page.words >= THRESHOLDS.rewordedMinWords;
}

function mergeSpans<T extends { start: number; end: number }>(spans: T[], join: (a: T, b: T) => T): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: T[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end + 1) out[out.length - 1] = join(last, s);
    else out.push(s);
  }
  return out;
}

/** Source stretches merged where they touch, in corpus order. */
function mergeParts(parts: SourcePart[]): SourcePart[] {
  const byKey = new Map<number, SourcePart[]>();
  for (const p of parts) {
    const list = byKey.get(p.key);
    if (list) list.push(p);
    else byKey.set(p.key, [p]);
  }
  return [...byKey.keys()]
    .sort((a, b) => a - b)
    .flatMap((key) => mergeSpans(byKey.get(key)!, (a, b) => ({ key, start: a.start, end: Math.max(a.end, b.end) })));
}

export function classify(pageText: string, sourceText: string): MatchKind {
  if (normalizeText(pageText) === normalizeText(sourceText)) return 'verbatim';
  const j = jaccard(wordShingles(words(pageText)), wordShingles(words(sourceText)));
  return j >= THRESHOLDS.editedShingleJaccard ? 'edited' : 'reworded';
}

/**
 * Exact verification of LSH candidates ("seed, extend, filter"): every
 * window of page sentences is compared with every window of each candidate
 * paragraph's sentences; windows that share enough character 5-grams mark
 * their page sentences as reprinted. Returns one alignment per source
 * document, best first, or an empty list when nothing is really shared.
 */
export function alignBlock(
  blockText: string,
  candidates: SourceParagraph[],
  sourceWindows: (p: SourceParagraph) => Window[] = (p) => windowsOf(p.text),
  pageWindows: Window[] = windowsOf(blockText),
  runsOf: (p: SourceParagraph) => Run[] = () => [],
): DocAlignment[] {
  const units = unitWindows(pageWindows);
  if (units.length === 0) return [];
  const unitGrams = units.map((w) => w.grams);
  // Per document, per page unit: best overlap and the source window behind it.
  const best = new Map<string, Map<number, { o: number; part: SourcePart }>>();
  for (const p of candidates) {
    for (const sw of sourceWindows(p)) {
      for (const pw of pageWindows) {
        // Overlap is at most the smaller side's count over the larger's: skip the merge when that cannot reach the threshold.
        if (Math.min(pw.grams.length, sw.grams.length) < THRESHOLDS.unitOverlap * Math.max(pw.grams.length, sw.grams.length)) continue;
        const o = overlap(pw.grams, sw.grams);
        if (!accepts(o, pw)) continue;
        let perUnit = best.get(p.docId);
        if (!perUnit) best.set(p.docId, (perUnit = new Map()));
        for (let u = pw.first; u <= pw.last; u++) {
          // A window of two passes on one strong sentence; each must hold its own.
          if (pw.first !== pw.last && containment(unitGrams[u], sw.grams) < THRESHOLDS.unitOverlap) continue;
          const cur = perUnit.get(u);
          if (!cur || o > cur.o) perUnit.set(u, { o, part: { key: p.key, start: sw.start, end: sw.end } });
        }
      }
    }
  }
  const byKey = new Map(candidates.map((p) => [p.key, p]));
  const total = units.reduce((n, u) => n + u.end - u.start, 0);
  // Quoted runs, per document: the same words inside sentences the windows did not pass.
  const quoted = new Map<string, Array<{ span: Span; part: SourcePart }>>();
  for (const p of candidates)
    for (const r of runsOf(p)) {
      const list = quoted.get(p.docId) ?? [];
      list.push({
        span: { start: r.pageStart, end: r.pageEnd, text: blockText.slice(r.pageStart, r.pageEnd) },
        part: { key: p.key, start: r.sourceStart, end: r.sourceEnd },
      });
      quoted.set(p.docId, list);
    }
  const out: DocAlignment[] = [];
  for (const docId of new Set([...best.keys(), ...quoted.keys()])) {
    const perUnit = best.get(docId) ?? new Map<number, { o: number; part: SourcePart }>();
    for (const [u, v] of [...perUnit]) if (v.o < THRESHOLDS.aloneOverlap && !perUnit.has(u - 1) && !perUnit.has(u + 1)) perUnit.delete(u);
    const inUnits = (s: Span) => [...perUnit.keys()].some((u) => units[u].start <= s.start && s.end <= units[u].end);
    const runs = (quoted.get(docId) ?? []).filter((q) => !inUnits(q.span));
    if (perUnit.size === 0 && runs.length === 0) continue;
    const spans = mergeSpans(
      [...[...perUnit.keys()].map((u) => ({ start: units[u].start, end: units[u].end, text: units[u].text })), ...runs.map((q) => q.span)],
      (a, b) => ({ start: a.start, end: Math.max(a.end, b.end), text: blockText.slice(a.start, Math.max(a.end, b.end)) }),
    );
    const parts = mergeParts([...[...perUnit.values()].map((v) => v.part), ...runs.map((q) => q.part)]);
    const pageText = spans.map((s) => s.text).join(' ');
    const sourceText = parts.map((s) => byKey.get(s.key)!.text.slice(s.start, s.end)).join(' ');
    const covered = spans.reduce((n, s) => n + s.end - s.start, 0);
    const kind = classify(pageText, sourceText);
    const score = kind === 'verbatim' ? 1 : overlap(charGrams(canonical(pageText)), charGrams(canonical(sourceText)));
    out.push({
      docId,
      kind,
      score: Math.round(score * 100) / 100,
      coverage: Math.min(1, Math.round((covered / total) * 100) / 100),
      spans,
      parts,
      pageText,
      sourceText,
    });
  }
  return out.sort((a, b) => b.coverage - a.coverage || b.score - a.score || a.docId.localeCompare(b.docId));
}
