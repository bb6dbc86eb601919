/**
 * Plain text and Markdown: one article per file, id from the path.
 */
import { MAX_DOCUMENT_CHARS } from '../corpus/document';
import { splitTitle, titleOf } from '../corpus/title';
import { hasWords, httpUrl, nameTitle, normalizeDate, pathId, problem, squash } from './common';
import type { ImportedArticle, Problem } from './types';

export type ArticleOrProblem = { article: ImportedArticle } | { problem: Problem };

export interface Found {
  title: string | null;
  paragraphs: string[];
  publisher?: string | null;
  author?: string | null;
  date?: string | null;
  url?: string | null;
}

/**
 * The article of a file from what a reader found in it: the title falls back
 * to the file name; no paragraph with words means no article; over
 * MAX_DOCUMENT_CHARS (the corpus's own limit) is too large.
 */
export function articleOf(path: string, found: Found, id = pathId(path)): ArticleOrProblem {
  const paragraphs = found.paragraphs.filter(hasWords);
  if (paragraphs.length === 0) return { problem: problem(path, 'no-article-text') };
  let chars = 0;
  for (const p of paragraphs) chars += p.length + 1;
  if (chars > MAX_DOCUMENT_CHARS) return { problem: problem(path, 'too-large') };
  const title = (found.title && squash(found.title)) || nameTitle(path);
  return {
    article: {
      id,
      meta: { title, publisher: found.publisher ?? null, author: found.author ?? null, date: found.date ?? null, url: found.url ?? null },
      paragraphs,
    },
  };
}

/**
 * A .txt file, read as the corpus folder is (src/corpus/title.ts): every
 * non-empty line is a paragraph; the first is the title only when it reads
 * like one, else the title is the file name.
 */
export function readText(path: string, text: string): ArticleOrProblem {
  return articleOf(path, splitTitle(text));
}

/**
 * Markdown inline syntax removed, in one pass: runs of `*`, `_`, `~` and
 * backticks that open or close a span (next to a word on one side, space or
 * punctuation on the other) are dropped, those inside a word (snake_case) or
 * standing alone (`2 * 3`) are kept.
 */
function stripEmphasis(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  const isMark = (c: string) => c === '*' || c === '_' || c === '~' || c === '`';
  const isSpaceOrPunct = (c: string | undefined) => c === undefined || /[\s\p{P}\p{S}]/u.test(c);
  while (i < n) {
    const c = s[i];
    if (!isMark(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (j < n && isMark(s[j])) j++;
    const before = i > 0 ? s[i - 1] : undefined;
    const after = j < n ? s[j] : undefined;
    const opens = isSpaceOrPunct(before) && after !== undefined && !/\s/.test(after);
    const closes = isSpaceOrPunct(after) && before !== undefined && !/\s/.test(before);
    if (!(opens || closes) || (c === '_' && !(isSpaceOrPunct(before) || isSpaceOrPunct(after)))) out += s.slice(i, j);
    i = j;
  }
  return out;
}

/** Links, images, autolinks and inline HTML of one Markdown line, as their text. */
function stripInline(s: string): string {
  return stripEmphasis(
    s
      // Images carry no article text.
      .replace(/!\[[^[\]]*\]\([^()\s]*(?:\s[^()]*)?\)/g, '')
      // [text](url "title") and [text][ref] → text. Each bracket and paren class stops at the next bracket or paren, so no span is scanned twice.
      .replace(/\[([^[\]]*)\]\([^()\s]*(?:\s[^()]*)?\)/g, '$1')
      .replace(/\[([^[\]]*)\]\[[^[\]]*\]/g, '$1')
      .replace(/<(https?:[^<>\s]*)>/g, '$1')
      .replace(/<\/?[A-Za-z][^<>]*>/g, ''),
  );
}

const HEADING = /^ {0,3}(#{1,6})(?:\s+|$)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;
const RULE = /^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** `---` front matter's simple `key: value` lines, for the fields an article has. */
function frontMatter(all: string[]): { fields: Map<string, string>; rest: string[] } {
  const fields = new Map<string, string>();
  if (all[0]?.trim() !== '---') return { fields, rest: all };
  const close = all.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (close === -1) return { fields, rest: all };
  for (const line of all.slice(1, close)) {
    const m = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    if (m) fields.set(m[1].toLowerCase(), m[2].trim().replace(/^(["'])(.*)\1$/, '$2'));
  }
  return { fields, rest: all.slice(close + 1) };
}

/**
 * A Markdown file: `#` heading markers, emphasis, links (their text),
 * images, HTML tags and block quote markers are stripped; lines of a
 * paragraph are joined, every list item, heading and table row is a
 * paragraph of its own, fenced code keeps its lines as paragraphs. A leading
 * `# ` heading (or front matter `title:`) is the title; else the first
 * paragraph when it reads like a title (the corpus's rule; a blank line ends
 * every Markdown paragraph, so one sets nothing apart); else the file name.
 */
export function readMarkdown(path: string, text: string): ArticleOrProblem {
  const { fields, rest } = frontMatter(text.split(/\r\n|\r|\n/));
  const blocks: { text: string; heading: number }[] = [];
  let para: string[] = [];
  const flush = () => {
    const s = squash(stripInline(para.join(' ')));
    if (s) blocks.push({ text: s, heading: 0 });
    para = [];
  };
  let fence: string | null = null;
  for (const raw of rest) {
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) fence = null;
      else if (raw.trim()) blocks.push({ text: squash(raw), heading: 0 });
      continue;
    }
    const f = FENCE.exec(raw);
    if (f) {
      flush();
      fence = f[1];
      continue;
    }
    const line = raw.replace(/^(?: {0,3}>\s?)+/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    // Setext headings: a line of = or - under a paragraph's line.
    if (/^ {0,3}(?:=+|-+)\s*$/.test(line) && para.length > 0) {
      const level = line.trim()[0] === '=' ? 1 : 2;
      const s = squash(stripInline(para.join(' ')));
      para = [];
      if (s) blocks.push({ text: s, heading: level });
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flush();
      const s = squash(stripInline(line.slice(h[0].length).replace(/\s#+\s*$/, '')));
      if (s) blocks.push({ text: s, heading: h[1].length });
      continue;
    }
    // Reference definitions ([id]: url) are not text.
    if (/^ {0,3}\[[^[\]]+\]:\s/.test(line)) continue;
    const li = LIST_ITEM.exec(line);
    if (li || /^\s*\|/.test(line)) {
      flush();
      para.push(li ? line.slice(li[0].length) : line.replace(/\|/g, ' ').replace(/(?:^|\s)[-:]{3,}(?=\s|$)/g, ' '));
      continue;
    }
    para.push(line);
  }
  flush();
  let title: string | null = fields.get('title') || null;
  if (!title && blocks[0]?.heading === 1) title = blocks.shift()!.text;
  const paragraphs = blocks.map((b) => b.text);
  const found: Found = title ? { title, paragraphs } : titleOf(paragraphs, false);
  found.author = fields.get('author') || null;
  found.publisher = fields.get('publisher') || null;
  found.date = normalizeDate(fields.get('date'));
  found.url = httpUrl(fields.get('url'));
  return articleOf(path, found);
}
