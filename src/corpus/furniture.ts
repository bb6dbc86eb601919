import { hashString } from '../fingerprint/hash';
import { normalizeText, words } from '../text/normalize';

/**
 * Site furniture (comment forms, share and newsletter prompts, bylines,
 * link lines) is text sites repeat on every page, so it says nothing about
 * who copied whom. These rules find it by shape, not by listing phrases.
 */

/** Fewer words than this is too little text to be evidence of copying. */
export const MIN_EVIDENCE_WORDS = 8;
/** Below this many words, a paragraph is "short" for the rules below. */
export const SHORT_WORDS = 25;
/** A paragraph this long ends the article body; short lines after it are its tail. */
const BODY_WORDS = 15;

// A web address: a fixed prefix and one more character, so each position costs the same.
const WEB_ADDRESS = /(?:^|\W)(?:https?:\/\/|www\.)\S/i;

/**
 * Whether some word of the text is an e-mail address (`x@y.z`, as
 * /\S+@\S+\.\w+/ read it). That regex backtracked from every position of a
 * long unbroken token: quadratic in Node, and "too much recursion" in Firefox.
 * Here each word is read once: its first "@" after the first character, then
 * a "." followed by a word character at least two characters later.
 */
function hasEmailAddress(text: string): boolean {
  return text.split(/\s+/).some((w) => {
    const at = w.indexOf('@', 1);
    return at > 0 && /\.\w/.test(w.slice(at + 2));
  });
}

const hasAddress = (text: string): boolean => WEB_ADDRESS.test(text) || hasEmailAddress(text);

/**
 * Rules that need only the paragraph itself (used on pages too): too short
 * to be evidence, or a short link line. A short line speaking to the reader
 * ("you", "your") is not furniture by its words alone: short ledes and quoted
 * speech ("Do you have it in you?") speak so too. A reader prompt is
 * furniture by evidence instead: it repeats across documents, sits in an
 * article's tail, or, on a page, in a form, footer or aside.
 */
export function isFurnitureText(text: string): boolean {
  const n = words(text).length;
  if (n < MIN_EVIDENCE_WORDS) return true;
  return n < SHORT_WORDS && hasAddress(text);
}

/**
 * A box set into the article (a newsletter form, a poll) is a run of at
 * least BOX_LINES short lines between two full paragraphs, at least
 * BOX_TINY_LINES of them too short to be evidence, one of them printed again
 * elsewhere in the document (the box's title, above it and in it; case and
 * punctuation aside). Seed 004's form is one: "Do you trust the main stream
 * media?", "* indicates required fields", "Do You Trust The Main Stream
 * Media*", "By submitting your email, you will gain access to our premium
 * UNCENSORED newsletter!". Measured: without the printed-again condition,
 * runs in 7 paragraphs of Clough's texts (numbered steps, formula lines)
 * had the shape; with it, none of those, and no run in the 261 article
 * paragraphs of the 12 Readability news pages. A short lede comes before the
 * first full paragraph, so it is never inside a box.
 */
const BOX_LINES = 3;
const BOX_TINY_LINES = 2;

/** Which paragraphs sit in a box inside the article, from their word lists. */
function boxed(paragraphWords: string[][]): boolean[] {
  const lengths = paragraphWords.map((w) => w.length);
  const keys = paragraphWords.map((w) => w.join(' '));
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  const out = lengths.map(() => false);
  let i = 0;
  while (i < lengths.length) {
    if (lengths[i] >= SHORT_WORDS) {
      i++;
      continue;
    }
    let j = i;
    let tiny = 0;
    let printedAgain = false;
    for (; j < lengths.length && lengths[j] < SHORT_WORDS; j++) {
      if (lengths[j] < MIN_EVIDENCE_WORDS) tiny++;
      if ((seen.get(keys[j]) ?? 0) > 1 && lengths[j] > 0) printedAgain = true;
    }
    if (i > 0 && j < lengths.length && j - i >= BOX_LINES && tiny >= BOX_TINY_LINES && printedAgain) out.fill(true, i, j);
    i = j;
  }
  return out;
}

/**
 * Marks the furniture among a document's paragraphs: the text rules above,
 * short lines repeated within the document (share bars at top and bottom,
 * the headline printed again), short lines repeated across documents, a box
 * of short lines set into the article, and the run of short lines after the
 * last full paragraph (signature, date, comment form). Nothing here reads
 * the words themselves: a short line is furniture by where it sits and how
 * often it recurs.
 */
export function furnitureMask(paragraphs: string[], documentFrequency?: Map<string, number>, title?: string): boolean[] {
  const keys = paragraphs.map((p) => normalizeText(p));
  const titleKey = title === undefined ? undefined : normalizeText(title);
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const paragraphWords = paragraphs.map((p) => words(p));
  const lengths = paragraphWords.map((w) => w.length);
  let lastFull = -1;
  lengths.forEach((n, i) => {
    if (n >= BODY_WORDS) lastFull = i;
  });
  const box = boxed(paragraphWords);
  return paragraphs.map((p, i) => {
    if (isFurnitureText(p)) return true;
    if (lengths[i] >= SHORT_WORDS) return false;
    if (box[i]) return true;
    // A repeated headline is page chrome, like a share bar.
    if ((counts.get(keys[i]) ?? 0) > 1 || keys[i] === titleKey) return true;
    if ((documentFrequency?.get(keys[i]) ?? 0) >= SHARED_LINE_DOCS) return true;
    // A document with no full paragraph (a single sentence, a short note) has no tail.
    return lastFull >= 0 && i > lastFull;
  });
}

/** How many documents carry each short paragraph (normalised). */
export function shortParagraphFrequency(documents: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const paragraphs of documents) {
    const seen = new Set<string>();
    for (const p of paragraphs) {
      if (words(p).length >= SHORT_WORDS) continue;
      const k = normalizeText(p);
      if (!seen.has(k)) {
        seen.add(k);
        df.set(k, (df.get(k) ?? 0) + 1);
      }
    }
  }
  return df;
}

/**
 * A short paragraph's key for counting the documents that carry it (0 for
 * long ones): with three or more, it is furniture. Counts are kept by the
 * index and updated as documents come and go.
 */
export function shortLineKey(text: string): number {
  return words(text).length >= SHORT_WORDS ? 0 : hashString(normalizeText(text)) || 1;
}

/** Documents that must carry a short paragraph for it to be furniture. */
export const SHARED_LINE_DOCS = 3;
