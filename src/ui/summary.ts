import type { Tracked } from '../dom/highlighter';
import type { MatchKind } from '../match/kinds';
import type { HighlightSummary, PageSummary } from '../messages';
import { nameOf, version } from './describe';
import { describeProvenance } from './words';

const EXCERPT_CHARS = 140;

export function summarize({ id, block, match, credited, credit }: Tracked): HighlightSummary {
  const text = block.text;
  const source = version(match, match.source).meta;
  const original = version(match, match.original).meta;
  return {
    id,
    elementId: block.element.id,
    kind: match.kind,
    source: match.source,
    sourceTitle: source.title,
    sourcePublisher: source.publisher ?? null,
    original: match.original,
    originalTitle: original.title,
    originalPublisher: original.publisher ?? null,
    sourceUrl: source.url ?? null,
    originalUrl: original.url ?? null,
    truncated: match.truncated === true,
    statement: describeProvenance(match.provenance, nameOf(match)),
    credited,
    credit,
    score: match.score,
    coverage: match.coverage,
    excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text,
  };
}

/** The page at a glance: how much is reprinted, from where, how, credited or not, and when. */
export function summarizePage(tracked: Tracked[], scannedChars: number): PageSummary {
  const kinds: Record<MatchKind, number> = { verbatim: 0, edited: 0, reworded: 0 };
  const sources = new Map<string, { docId: string; title: string; count: number }>();
  const dated = new Map<string, { docId: string; title: string; date: string }>();
  const undated = new Set<string>();
  let reprintedChars = 0;
  let credited = 0;
  for (const t of tracked) {
    kinds[t.match.kind]++;
    reprintedChars += t.block.text.length * t.match.coverage;
    if (t.credited) credited++;
    const meta = version(t.match, t.match.source).meta;
    const s = sources.get(t.match.source) ?? { docId: t.match.source, title: meta.title, publisher: meta.publisher ?? null, count: 0 };
    s.count++;
    sources.set(t.match.source, s);
    for (const v of t.match.versions) {
      if (v.meta.date) dated.set(v.docId, { docId: v.docId, title: v.meta.title, date: v.meta.date });
      else undated.add(v.docId);
    }
  }
  return {
    share: scannedChars > 0 ? Math.min(1, reprintedChars / scannedChars) : 0,
    kinds,
    credited,
    uncredited: tracked.length - credited,
    sources: [...sources.values()].sort((a, b) => b.count - a.count || a.docId.localeCompare(b.docId)),
    timeline: [...dated.values()].sort((a, b) => a.date.localeCompare(b.date)),
    undated: [...undated],
  };
}
