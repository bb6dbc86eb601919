import { charGrams } from '../fingerprint/grams';
import { canonical, words } from '../text/normalize';
import { splitSentences, type Span } from '../text/sentences';

/** Sentences shorter than this lean on a neighbour: alone they prove nothing. */
const MIN_UNIT_WORDS = 5;

/** A run of consecutive sentences of a text, fingerprinted. */
export interface Window extends Span {
  /** First and last sentence unit covered (inclusive). */
  first: number;
  last: number;
  words: number;
  grams: Uint32Array;
}

/**
 * Sentences, with very short ones merged into their neighbour. A merged
 * unit's words are its sentences' words added up: counting them again over
 * the growing span was quadratic on runs of short sentences ("Hi. Hi. …").
 */
export function sentenceUnits(text: string): Span[] {
  const units: Array<Omit<Span, 'text'>> = [];
  let pending: { start: number; end: number; words: number } | undefined;
  for (const s of splitSentences(text)) {
    const n = (pending?.words ?? 0) + words(s.text).length;
    const start = pending?.start ?? s.start;
    if (n < MIN_UNIT_WORDS) {
      pending = { start, end: s.end, words: n };
      continue;
    }
    pending = undefined;
    units.push({ start, end: s.end });
  }
  if (pending) {
    const last = units.pop();
    units.push({ start: last?.start ?? pending.start, end: pending.end });
  }
  return units.map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
}

function makeWindow(text: string, units: Span[], first: number, last: number, grams?: Uint32Array): Window {
  const start = units[first].start;
  const end = units[last].end;
  const slice = text.slice(start, end);
  return { start, end, text: slice, first, last, words: words(slice).length, grams: grams ?? charGrams(canonical(slice)) };
}

/** The one-unit windows of a text's windows, in order: its sentence units. */
export const unitWindows = (windows: Window[]) => windows.filter((w) => w.first === w.last);

/**
 * Windows of one and two consecutive units, plus the whole text: a copy may
 * split or merge sentences, or restructure a paragraph entirely. `unitGrams`,
 * when the caller has them, are the units' grams (charGrams of each one's canonical text).
 */
export function windowsOf(text: string, units = sentenceUnits(text), unitGrams?: Uint32Array[]): Window[] {
  const out: Window[] = [];
  for (let i = 0; i < units.length; i++) {
    out.push(makeWindow(text, units, i, i, unitGrams?.[i]));
    if (i + 1 < units.length) out.push(makeWindow(text, units, i, i + 1));
  }
  if (units.length > 2) out.push(makeWindow(text, units, 0, units.length - 1));
  return out;
}
