/** A sentence of a raw text, with its offsets in that text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Sentences of a raw (un-normalised) text, so that offsets point into what
 * the page shows. Intl.Segmenter follows Unicode rules for every script.
 */
export function splitSentences(raw: string): Span[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Span[] = [];
  for (const { segment, index } of segmenter.segment(raw)) {
    const lead = segment.length - segment.trimStart().length;
    const text = segment.trim();
    if (text) out.push({ start: index + lead, end: index + lead + text.length, text });
  }
  return out;
}
