/**
 * Types every layer shares. A leaf: it imports nothing, so the layers that
 * use it can only point down.
 */

/** What the corpus knows of a document; null where the text does not say. */
export interface DocumentMeta {
  title: string;
  publisher: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD). */
  date: string | null;
  url: string | null;
}

export interface CorpusDocument {
  id: string;
  meta: DocumentMeta;
  /** Non-empty lines after the title, trimmed. */
  paragraphs: string[];
}

/** An article handed to the index: a parsed document and the collection it joins. */
export interface Article extends CorpusDocument {
  collection: string;
}

/** The collection the bundled seeds form. */
export const DEMO_COLLECTION = 'Demo';

/** One gram's posting list as an index reads it. */
export interface GramPostings {
  /** Documents having the gram (also when the list itself was dropped as common). */
  docs: number;
  /** Paragraph ids. */
  pids: Uint32Array;
}
