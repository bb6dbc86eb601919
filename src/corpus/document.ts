import type { CorpusDocument, DocumentMeta } from '../types';
import { splitTitle } from './title';

export type { CorpusDocument, DocumentMeta };

export type ParseResult = { ok: true; doc: CorpusDocument } | { ok: false; id: string; error: string };

/** Largest document accepted: a long book chapter, well past any article. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/** A document's id is its file name without the `.txt`. */
export function documentId(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.txt$/i, '');
}

/**
 * Parses a plain-text corpus file: every non-empty line is a paragraph, and
 * the first is the title when it reads as one (src/corpus/title.ts) or is the
 * manifest's title; otherwise the id (the file name) is the title. Rejects,
 * with a reason a person can act on, what cannot be an article.
 */
export function parseDocument(id: string, text: string, meta: Partial<DocumentMeta> = {}): ParseResult {
  const fail = (error: string): ParseResult => ({ ok: false, id, error });
  if (!id.trim()) return fail('the document has no id (file name)');
  if (text.includes('\u0000')) return fail(`${id}: this looks like a binary file, not text`);
  if (text.length > MAX_DOCUMENT_CHARS)
    return fail(`${id}: ${text.length.toLocaleString('en')} characters is more than the ${MAX_DOCUMENT_CHARS.toLocaleString('en')} allowed`);
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 0 && replaced > text.length / 100) return fail(`${id}: the file is not valid UTF-8 text (${replaced} undecodable characters)`);
  const { title, paragraphs } = splitTitle(text, meta.title);
  if (paragraphs.length === 0) return fail(`${id}: the file is empty`);
  if (!/[\p{L}\p{N}]/u.test((title ?? '') + paragraphs.join(''))) return fail(`${id}: the file has no words`);
  return {
    ok: true,
    doc: {
      id,
      meta: { title: title ?? id, publisher: null, author: null, date: null, url: null, ...meta },
      paragraphs,
    },
  };
}
