/**
 * What the file readers return: articles and structured problems. No words
 * for readers here: src/ui turns a problem's reason into a sentence.
 */
import type { Article } from '../types';

/** Why a file, or an entry of one, was not read. */
export type ProblemReason =
  'binary' | 'not-utf8' | 'empty' | 'too-large' | 'no-article-text' | 'bad-field' | 'unsafe-path' | 'too-many-files' | 'zip-too-large' | 'unreadable';

/**
 * One file (or one entry of a file) that was skipped. `file` is the path as
 * given, or `archive.zip/inner/path` inside a zip; `detail` names a field, a
 * line or an item (`line 3: title`, `item 2: text`, `manifest.json: <id>: path`),
 * never a sentence.
 */
export interface Problem {
  file: string;
  reason: ProblemReason;
  detail?: string;
}

/** An article read from a file; the collection is known only for Reprint's own export. */
export type ImportedArticle = Omit<Article, 'collection'> & { collection?: string };

export interface ReadResult {
  articles: ImportedArticle[];
  problems: Problem[];
  /** Collection names a Reprint export lists (also those with no document); absent otherwise. */
  collections?: string[];
}

/** A file handed to the readers: its path (a name, a relative path, or a path inside a zip) and its bytes. */
export interface InputFile {
  path: string;
  bytes: Uint8Array;
}
