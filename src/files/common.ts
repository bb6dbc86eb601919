/**
 * Helpers every reader shares: decoding bytes, ids, dates, paragraphs and
 * paths. Linear in their input: no nested loops over text, and every regular
 * expression either has no quantified group that can overlap itself or
 * is bounded.
 */
import { hashString } from '../fingerprint/hash';
import type { Problem, ProblemReason } from './types';

export type Decoded = { text: string } | { problem: Problem };

const problem = (file: string, reason: ProblemReason, detail?: string): Problem => (detail === undefined ? { file, reason } : { file, reason, detail });
export { problem };

/**
 * UTF-8 text of a file, or why not: over `maxBytes` (checked before anything
 * is read), NUL bytes (binary), invalid UTF-8, or nothing but white space.
 * A byte order mark is dropped.
 */
export function decodeUtf8(file: string, bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) return { problem: problem(file, 'too-large') };
  // Text never holds NUL; images, PDFs and office files do within their first bytes.
  if (bytes.indexOf(0) !== -1) return { problem: problem(file, 'binary') };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { problem: problem(file, 'not-utf8') };
  }
  if (!/\S/.test(text)) return { problem: problem(file, 'empty') };
  return { text };
}

/** White space runs (including no-break and line separators) as one space, trimmed. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Has at least one letter or digit: a line of only punctuation or rules is not a paragraph. */
export const hasWords = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

export const wordCount = (s: string): number => {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
};

/** Non-empty lines of a text, squashed: the corpus's paragraph rule. */
export function lines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const s = squash(line);
    if (s) out.push(s);
  }
  return out;
}

/** A path with forward slashes and no leading `./`. */
export const normalizePath = (p: string): string => p.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');

export const baseName = (p: string): string => {
  const n = normalizePath(p);
  return n.slice(n.lastIndexOf('/') + 1);
};

/** The extension, lower case, without the dot ('' when none). */
export const extension = (p: string): string => {
  const b = baseName(p);
  const dot = b.lastIndexOf('.');
  return dot > 0 ? b.slice(dot + 1).toLowerCase() : '';
};

/** The path without its extension: a single-article file's id, stable across imports of the same file. */
export function pathId(p: string): string {
  const n = normalizePath(p);
  const b = baseName(n);
  const dot = b.lastIndexOf('.');
  return dot > 0 ? n.slice(0, n.length - (b.length - dot)) : n;
}

/** The file name without its extension: the title of a file that has none of its own. */
export function nameTitle(p: string): string {
  const b = baseName(p);
  const dot = b.lastIndexOf('.');
  return squash(dot > 0 ? b.slice(0, dot) : b) || b;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/**
 * 64 bits of hash of a key as 16 hex digits: two 32-bit FNV-1a hashes from
 * different starting states. 32 bits alone collide by even odds near 77,000
 * articles; 64 bits, near 5 billion.
 */
export const hash64 = (key: string): string => hex8(hashString(key)) + hex8(hashString(`\u0001${key}`));

/**
 * The id of one article of a file holding many (JSON, JSONL, a feed): a
 * short slug for people, then a hash of the key (its id, URL or guid, else
 * its title and text), so the same article imported again replaces itself.
 */
export function keyedId(key: string, hint: string): string {
  const slug = hint
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return `${slug || 'article'}_${hash64(key)}`;
}

/** The last meaningful segment of a URL's path, for a slug. */
export function urlSlug(url: string): string {
  try {
    const segs = new URL(url).pathname.split('/').filter(Boolean);
    return decodeURIComponent(segs[segs.length - 1] ?? '').replace(/\.[a-z0-9]{1,5}$/i, '');
  } catch {
    return '';
  }
}

/** An absolute http(s) URL, or null. */
export function httpUrl(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = s.trim();
  if (!t || t.length > 2048) return null;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

function ymd(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1)) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date as YYYY-MM-DD, or null. Takes the calendar date as written (the
 * publisher's own day, not converted to UTC) from ISO 8601 (`2024-03-05`,
 * `2024-03-05T22:10:00-05:00`, `2024/03/05`), RFC 822 as feeds write it
 * (`Tue, 05 Mar 2024 10:00:00 GMT`), `March 5, 2024` and `5 March 2024`.
 */
export function normalizeDate(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = s.trim().slice(0, 100);
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(t);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) return ymd(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  m = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(t);
  if (m && MONTHS[m[1].toLowerCase()]) return ymd(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  return null;
}
