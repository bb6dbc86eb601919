import type { CorpusDocument, DocumentMeta } from '../types';

export type { CorpusDocument, DocumentMeta };

export type ParseResult = { ok: true; doc: CorpusDocument } | { ok: false; id: string; error: string };

/** Largest document accepted: a long book chapter, well past any article. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/** A document's id is its file name without the `.txt`. */
export function documentId(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.txt$/i, '');
}

/**
 * Parses a plain-text corpus file: the first non-empty line is the title,
 * every further non-empty line a paragraph. Rejects, with a reason a person
 * can act on, what cannot be an article.
 */
export function parseDocument(id: string, text: string, meta: Partial<DocumentMeta> = {}): ParseResult {
  const fail = (error: string): ParseResult => ({ ok: false, id, error });
  if (!id.trim()) return fail('the document has no id (file name)');
  if (text.includes('\u0000')) return fail(`${id}: this looks like a binary file, not text`);
  if (text.length > MAX_DOCUMENT_CHARS)
    return fail(`${id}: ${text.length.toLocaleString('en')} characters is more than the ${MAX_DOCUMENT_CHARS.toLocaleString('en')} allowed`);
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 0 && replaced > text.length / 100) return fail(`${id}: the file is not valid UTF-8 text (${replaced} undecodable characters)`);
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (lines.length === 0) return fail(`${id}: the file is empty`);
  if (!/[\p{L}\p{N}]/u.test(lines.join(''))) return fail(`${id}: the file has no words`);
  const [title, ...paragraphs] = lines;
  return {
    ok: true,
    doc: {
      id,
      meta: { title, publisher: null, author: null, date: null, url: null, ...meta },
      paragraphs,
    },
  };
}
