import { prepare, type IndexedParagraph, type IndexReader, type Matcher, type VersionLink } from '../match/matcher';
import { docOfPid } from './ids';

/** Two paragraphs of different documents that are versions of each other. */
export interface VersionPair {
  a: number;
  b: number;
  kind: VersionLink['kind'];
  score: number;
}

/**
 * Versions of newly indexed documents among all the others. Each pair is
 * judged from one fixed side, the document whose id sorts first, so the
 * links do not depend on which of the two arrived first.
 */
export async function findVersionPairs(matcher: Matcher, reader: IndexReader, docs: IndexedParagraph[][]): Promise<VersionPair[]> {
  const out = new Map<string, VersionPair>();
  const all = docs.flat();
  const byKey = new Map(all.map((p) => [p.key, p]));
  const found = await matcher.versionsOf(all, docOfPid);
  const others = await reader.paragraphs([...new Set([...found.values()].flat().map((l) => l.key))].filter((k) => !byKey.has(k)));
  for (const [key, links] of found) {
    const p = byKey.get(key)!;
    for (const link of links) {
      const q = others.get(link.key) ?? byKey.get(link.key);
      if (!q) continue;
      const judged = p.docId <= q.docId ? link : judgeFrom(matcher, q, p);
      const [a, b] = p.key < q.key ? [p.key, q.key] : [q.key, p.key];
      if (judged) out.set(`${a}:${b}`, { a, b, kind: judged.kind, score: judged.score });
    }
  }
  return [...out.values()];
}

/** The link from `page` to `source`, aligning `page` as a page block. */
function judgeFrom(matcher: Matcher, page: IndexedParagraph, source: IndexedParagraph): VersionLink | undefined {
  for (const a of matcher.align(prepare(page.text), [source]))
    if (a.parts.some((p) => p.key === source.key)) return { key: source.key, kind: a.kind, score: a.score };
  return undefined;
}

/** Adds pairs to per-paragraph link lists, replacing an older link between the same two. */
export function applyPairs(pairs: VersionPair[], linksOf: (pid: number) => VersionLink[]): Set<number> {
  const touched = new Set<number>();
  const upsert = (from: number, to: number, pair: VersionPair) => {
    const list = linksOf(from);
    const i = list.findIndex((l) => l.key === to);
    const link = { key: to, kind: pair.kind, score: pair.score };
    if (i >= 0) list[i] = link;
    else list.push(link);
    touched.add(from);
  };
  for (const pair of pairs) {
    upsert(pair.a, pair.b, pair);
    upsert(pair.b, pair.a, pair);
  }
  return touched;
}
