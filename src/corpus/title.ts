/**
 * Whether a plain-text file's first line is its title. One rule for every
 * way a file reaches the corpus: the bundled seeds (the background), a
 * corpus folder or zip given to `npm run scan` and `npm run eval`, and the
 * options page's .txt and Markdown import. A first line that is not a title
 * is the article's first paragraph, and the caller titles the article by
 * its file name.
 *
 * Taking every first line as the title lost each untitled file's first
 * paragraph: with Clough & Stevenson's five source texts as they come (no
 * title line), reuse accuracy through `npm run scan` was 0.905, against
 * 0.947 with a title line added.
 */

/**
 * A first line is a title only when it is short: 15 words and 200 characters
 * hold the longest headlines (news headlines average 8–12 words), while a
 * first paragraph is longer and ends in sentence punctuation.
 */
export const MAX_TITLE_WORDS = 15;
export const MAX_TITLE_CHARS = 200;
/**
 * A first line set apart by a blank line may be longer: the seeds' headlines
 * run to 20 words (002) and 17 (004), each followed by a blank line. The
 * first paragraphs of Clough's sources run from 34 words up and end with a
 * full stop.
 */
export const MAX_SET_APART_TITLE_WORDS = 30;

const wordCount = (s: string): number => s.match(/\S+/g)?.length ?? 0;

/** White space runs as one space, trimmed. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Ends like a sentence: . ! ? : ; , or … before any closing quotes and
 * brackets. A headline has no final full stop; a question or exclamation
 * as the first line is as likely a lede ("Do you have it in you?") as a
 * headline, and losing a paragraph costs more than a title from the file name.
 */
const endsLikeSentence = (line: string): boolean => /[.!?:;,…]$/u.test(line.replace(/["'”’»)\]]+$/u, ''));

/**
 * Whether a first line reads as a title: it does not end like a sentence,
 * holds at most 200 characters, and at most 15 words, or 30 when a blank
 * line sets it apart from the text.
 */
export function readsAsTitle(line: string, setApart = false): boolean {
  if (line.length > MAX_TITLE_CHARS || endsLikeSentence(line)) return false;
  return wordCount(line) <= (setApart ? MAX_SET_APART_TITLE_WORDS : MAX_TITLE_WORDS);
}

export interface Titled {
  /** The first line when it is the title; null when the file has none (the caller names it by its file). */
  title: string | null;
  paragraphs: string[];
}

/**
 * Paragraphs (already split) and the title among them: the first is the
 * title when another follows and it reads as one, or when it is the title
 * the caller already knows (a manifest's), so a title stated twice is not
 * also a paragraph.
 */
export function titleOf(paragraphs: string[], setApart: boolean, knownTitle?: string | null): Titled {
  if (paragraphs.length < 2) return { title: null, paragraphs };
  const first = paragraphs[0];
  const known = knownTitle ? squash(knownTitle) === first : false;
  return known || readsAsTitle(first, setApart) ? { title: first, paragraphs: paragraphs.slice(1) } : { title: null, paragraphs };
}

/**
 * A plain-text file as the corpus reads it: every non-empty line (white space
 * squashed) is a paragraph, and the first is the title when titleOf says so.
 * A byte order mark is dropped.
 */
export function splitTitle(text: string, knownTitle?: string | null): Titled {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\u2028|\u2029/);
  const paragraphs: string[] = [];
  let setApart = false;
  for (let i = 0; i < raw.length; i++) {
    const line = squash(raw[i]);
    if (!line) continue;
    if (paragraphs.length === 0) setApart = i + 1 < raw.length && !squash(raw[i + 1]);
    paragraphs.push(line);
  }
  return titleOf(paragraphs, setApart, knownTitle);
}
