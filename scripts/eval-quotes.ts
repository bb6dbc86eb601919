/**
 * `npm run eval`, sub-sentence quotes (issue 11): a fragment of a corpus
 * sentence quoted inside a sentence of new writing, at the start, middle
 * or end of its sentence, between quotation marks or not. Measured on two
 * corpora: the seeds (the team's, tuned on) and Mozilla Readability's 12
 * saved news pages' gold paragraphs (not tuned on). A fragment is found
 * when the block's match names its document and a highlighted span holds it.
 */
import type { CorpusDocument } from '../src/corpus/document';
import { splitSentences } from '../src/text/sentences';
import { matcherFor } from './eval-lib';
import { goldParagraphs } from './eval-news';

/** New writing around a quote: [before, after, between quotation marks]. */
const FRAMES: Array<[string, string, boolean]> = [
  ['Commentators recalled that "', '," a claim that few of them had expected to hear repeated this year.', true],
  ['In a briefing on Tuesday, a spokesperson repeated the claim that ', ' and declined to answer further questions.', false],
  ['Critics were quick to point out that the report said ', ', which they described as a convenient framing.', false],
  ['The line — “', '” — has since been shared widely online, often without any context at all.', true],
  ['As one analyst put it this week, ', ', though few in the capital seem to agree with that reading.', false],
  ['Asked about it on Friday, the minister replied: “', '.” She did not elaborate.', true],
];
const LENGTHS = [8, 10, 14, 18, 25];

export interface QuoteResult {
  corpus: string;
  /** Per fragment length: [found, tried]. */
  byLength: Map<number, [number, number]>;
}

/** Fragments of each sentence of 16 words or more, at three positions, in rotating frames. */
async function measure(corpus: string, docs: CorpusDocument[]): Promise<QuoteResult> {
  const matcher = await matcherFor(docs);
  const byLength = new Map<number, [number, number]>(LENGTHS.map((k) => [k, [0, 0]]));
  let n = 0;
  for (const d of docs)
    for (const p of d.paragraphs)
      for (const s of splitSentences(p)) {
        const w = s.text.split(/\s+/).filter(Boolean);
        if (w.length < 16) continue;
        for (const k of LENGTHS) {
          if (k > w.length - 3) continue;
          for (const at of [0, Math.floor((w.length - k) / 2), w.length - k]) {
            const [before, after, quoted] = FRAMES[n++ % FRAMES.length];
            // Eight words count only between quotation marks (match/runs.ts): unquoted frames start at 10.
            if (k < 10 && !quoted) continue;
            const fragment = w
              .slice(at, at + k)
              .join(' ')
              .replace(/^[“"‘'(]+|[.,;:”"’')]+$/g, '');
            const page = `${before}${fragment}${after}`;
            const [m] = await matcher.match([page]);
            const found = m !== null && m.versions.some((v) => v.docId === d.id) && m.spans.some((sp) => sp.end - sp.start >= fragment.length * 0.8);
            const e = byLength.get(k)!;
            e[1]++;
            if (found) e[0]++;
          }
        }
      }
  return { corpus, byLength };
}

/** The seeds, and the Readability pages' gold paragraphs (`newsDir`) as 12 documents. */
export async function quoteResults(seeds: CorpusDocument[], newsDir: string | null): Promise<QuoteResult[]> {
  const out = [await measure('seeds (tuned on)', seeds)];
  if (newsDir) {
    const byPage = new Map<string, string[]>();
    for (const g of goldParagraphs(newsDir)) byPage.set(g.page, [...(byPage.get(g.page) ?? []), g.text]);
    const docs: CorpusDocument[] = [...byPage].map(([id, paragraphs]) => ({
      id,
      meta: { title: id, publisher: null, author: null, date: null, url: null },
      paragraphs,
    }));
    out.push(await measure('Readability news pages, gold paragraphs (not tuned on)', docs));
  }
  return out;
}

/** The table `npm run eval` prints. */
export function quoteReport(results: QuoteResult[]): string[] {
  const pct = ([f, t]: [number, number]) => (t ? `${(f / t).toFixed(3)} (${f}/${t})` : '—');
  const tenUp = (r: QuoteResult) => [...r.byLength].filter(([k]) => k >= 10).reduce<[number, number]>((a, [, [f, t]]) => [a[0] + f, a[1] + t], [0, 0]);
  return [
    'Sub-sentence quotes: a fragment of a corpus sentence inside a sentence of new writing (start, middle or end of its sentence; 6 frames, half with quotation marks; 8 words only between them):',
    '',
    `| corpus | ${LENGTHS.map((k) => `${k} words`).join(' | ')} | 10–25 words |`,
    `| --- | ${LENGTHS.map(() => '---').join(' | ')} | --- |`,
    ...results.map((r) => `| ${r.corpus} | ${LENGTHS.map((k) => pct(r.byLength.get(k)!)).join(' | ')} | ${pct(tenUp(r))} |`),
  ];
}
