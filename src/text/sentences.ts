/** A sentence of a raw text, with its offsets in that text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

let segmenter: Intl.Segmenter | undefined;

// ICU breaks after any period before a capital, so "Mr. Xi" and "Nov. 15" would
// end sentences. Titles, months and dotted initialisms do not end one.
const ABBREVIATIONS =
  '(?:Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Cmdr|Adm|Pres|St|Jr|Sr|Rev|Hon|No|Nos|Vol|Fig|Inc|Co|Corp|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|(?:\\p{Lu}\\.)+\\p{Lu}?|\\p{Lu})\\.$';
const ABBREVIATION = new RegExp(`(?:^|\\s|\\()${ABBREVIATIONS}`, 'u');
const ABBREVIATION_INSIDE = new RegExp(`(?:\\s|\\()${ABBREVIATIONS}`, 'u');
/**
 * Characters at the end of a sentence the abbreviation test reads. Testing
 * the whole sentence, which grows as abbreviations join its parts, made
 * splitting quadratic: 40 KB of "A. " took 1.2 s. The longest abbreviation,
 * a dotted initialism, is far shorter.
 */
const ABBREVIATION_TAIL = 64;

/** Whether raw[start, end) ends with an abbreviation, reading only its tail. */
function endsWithAbbreviation(raw: string, start: number, end: number): boolean {
  if (end - start <= ABBREVIATION_TAIL) return ABBREVIATION.test(raw.slice(start, end));
  return ABBREVIATION_INSIDE.test(raw.slice(end - ABBREVIATION_TAIL, end));
}

/**
 * Characters handed to Intl.Segmenter at a time. V8's segment iterator
 * costs time proportional to the whole string for every sentence it
 * returns, so one call over a long text was quadratic (80,000 newlines took
 * 2.4 s, 20,000 took 0.15 s); slices of this size keep it linear.
 */
const SLICE = 1024;

// What ends the look-ahead of the sentence rules (a letter, a paragraph separator, a terminator).
const DECIDES = /[\p{L}\n\r\u0085\u2028\u2029.!?\u3002\uFF01\uFF1F]/u;

/** Segments of raw[pos, end), in raw offsets; with `few`, only the first three. */
function segmentSlice(raw: string, pos: number, end: number, few: boolean): Array<[number, number]> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Array<[number, number]> = [];
  for (const { segment, index } of segmenter.segment(raw.slice(pos, end))) {
    out.push([pos + index, pos + index + segment.length]);
    if (few && out.length === 3) break;
  }
  return out;
}

/**
 * Intl.Segmenter's sentences of raw, as [start, end) offsets, read slice by
 * slice. A slice's last sentence may be cut short, so it is read again at
 * the start of the next slice; so is any sentence whose end the rules could
 * only decide by looking past the slice. A sentence longer than a slice is
 * read in doubling slices, taking only the first sentences of each.
 */
function segments(raw: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let pos = 0;
  let size = SLICE;
  while (pos < raw.length) {
    const end = Math.min(raw.length, pos + size);
    const segs = segmentSlice(raw, pos, end, size > SLICE);
    const last = segs[segs.length - 1];
    if (end === raw.length && last[1] === end) {
      out.push(...segs);
      break;
    }
    let kept = segs.length - 1;
    while (kept > 0 && !DECIDES.test(raw.slice(segs[kept][0], segs[kept][1]))) kept--;
    if (kept === 0) {
      size *= 2;
      continue;
    }
    out.push(...segs.slice(0, kept));
    pos = segs[kept][0];
    size = SLICE;
  }
  return out;
}

/**
 * Sentences of a raw (un-normalised) text, so that offsets point into what
 * the page shows. Intl.Segmenter follows Unicode rules for every script.
 */
export function splitSentences(raw: string): Span[] {
  const out: Array<Omit<Span, 'text'>> = [];
  for (const [index, to] of segments(raw)) {
    const segment = raw.slice(index, to);
    const lead = segment.length - segment.trimStart().length;
    const length = segment.trim().length;
    if (!length) continue;
    const start = index + lead;
    const prev = out[out.length - 1];
    if (prev && endsWithAbbreviation(raw, prev.start, prev.end)) prev.end = start + length;
    else out.push({ start, end: start + length });
  }
  return out.map(({ start, end }) => ({ start, end, text: raw.slice(start, end) }));
}
