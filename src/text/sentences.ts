/** A sentence of a raw text, with its offsets in that text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

let segmenter: Intl.Segmenter | undefined;

// ICU breaks after any period before a capital, so "Mr. Xi" and "Nov. 15" would
// end sentences. Titles, months and dotted initialisms do not end one.
const ABBREVIATION =
  /(?:^|\s|\()(?:Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Cmdr|Adm|Pres|St|Jr|Sr|Rev|Hon|No|Nos|Vol|Fig|Inc|Co|Corp|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|(?:\p{Lu}\.)+\p{Lu}?|\p{Lu})\.$/u;

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
    if (!text) continue;
    const start = index + lead;
    const prev = out[out.length - 1];
    if (prev && ABBREVIATION.test(prev.text)) {
      prev.end = start + text.length;
      prev.text = raw.slice(prev.start, prev.end);
    } else out.push({ start, end: start + text.length, text });
  }
  return out;
}
