/**
 * One file of any format but zip, chosen by its extension, else by sniffing
 * its first bytes. Every size limit is checked on the byte count before
 * the bytes are decoded.
 */
import { decodeUtf8, extension } from './common';
import { isFeed, readFeed } from './feed';
import { readHtml } from './html';
import { readJson, readJsonl } from './json';
import { MAX_HTML_BYTES, MAX_LIST_BYTES, MAX_TEXT_BYTES } from './limits';
import { readMarkdown, readText, type ArticleOrProblem } from './text';
import type { ReadResult } from './types';
import { isZip } from './zip';

export type Format = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'feed' | 'zip' | 'binary' | 'unknown';

const BY_EXTENSION: Record<string, Format> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
  zip: 'zip',
};

/**
 * Extensions of files that are never article text (images, audio, video,
 * documents, archives): reported as binary without being inflated or
 * decoded, so a zip of articles with photos beside them still loads.
 */
const BINARY = new Set(
  'png jpg jpeg gif webp avif bmp ico tif tiff heic psd mp3 m4a wav ogg flac mp4 m4v mov webm mkv avi pdf doc docx xls xlsx ppt pptx odt epub gz tgz bz2 xz 7z rar tar exe dll so dylib woff woff2 ttf otf'.split(
    ' ',
  ),
);

/** The format a path names; 'unknown' when its extension says nothing. */
export function formatOf(path: string): Format {
  const ext = extension(path);
  return Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : BINARY.has(ext) ? 'binary' : 'unknown';
}

/** The most bytes a file of a format may have, before it is decoded (see limits.ts for each number's reason). */
export function maxBytes(format: Format): number {
  if (format === 'text' || format === 'markdown') return MAX_TEXT_BYTES;
  if (format === 'html') return MAX_HTML_BYTES;
  return MAX_LIST_BYTES;
}

const single = (r: ArticleOrProblem): ReadResult => ('article' in r ? { articles: [r.article], problems: [] } : { articles: [], problems: [r.problem] });

/** A format from the text itself: a feed, an HTML page, JSON, JSON Lines, else plain text. */
function sniff(text: string): Format {
  const head = text.slice(0, 1024).trimStart();
  if (head.startsWith('<')) {
    if (isFeed(text)) return 'feed';
    if (/^(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(head)) return 'html';
  }
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const firstLine = text.slice(0, text.search(/\r|\n/) === -1 ? undefined : text.search(/\r|\n/)).trim();
    return firstLine.endsWith('}') && text.trim().length > firstLine.length ? 'jsonl' : 'json';
  }
  return 'text';
}

/**
 * One non-zip file as articles and problems. A zip here (inside a zip) is
 * 'unreadable' with detail 'zip': archives are read one level deep.
 */
export function readOne(path: string, bytes: Uint8Array): ReadResult {
  let format = formatOf(path);
  if (format === 'zip' || isZip(bytes)) return { articles: [], problems: [{ file: path, reason: 'unreadable', detail: 'zip' }] };
  if (format === 'binary') return { articles: [], problems: [{ file: path, reason: 'binary' }] };
  const decoded = decodeUtf8(path, bytes, maxBytes(format));
  if ('problem' in decoded) return { articles: [], problems: [decoded.problem] };
  const text = decoded.text;
  if (format === 'unknown') format = sniff(text);
  switch (format) {
    case 'markdown':
      return single(readMarkdown(path, text));
    case 'html':
      return single(readHtml(path, text));
    case 'json':
      return readJson(path, text);
    case 'jsonl':
      return readJsonl(path, text);
    case 'feed':
      return isFeed(text) ? readFeed(path, text) : { articles: [], problems: [{ file: path, reason: 'unreadable', detail: 'xml' }] };
    default:
      return single(readText(path, text));
  }
}
