/**
 * Paragraph ids in the index: a document number and the paragraph's place
 * in it, packed in 32 bits so posting lists stay Uint32Arrays. Document
 * numbers are handed out once and never reused.
 */
export const PARAGRAPH_BITS = 12;
/** Paragraphs of one document the index holds; later ones are stored but not searchable. */
export const MAX_INDEXED_PARAGRAPHS = 1 << PARAGRAPH_BITS;
/** Document numbers a corpus can hand out over its life (2^20, about a million). */
export const MAX_DOCUMENT_NUMBER = 2 ** (32 - PARAGRAPH_BITS) - 1;

export const pidOf = (doc: number, index: number): number => doc * MAX_INDEXED_PARAGRAPHS + index;
export const docOfPid = (pid: number): number => Math.floor(pid / MAX_INDEXED_PARAGRAPHS);
export const indexOfPid = (pid: number): number => pid % MAX_INDEXED_PARAGRAPHS;

/** Ids of a document's searchable paragraphs: the first MAX_INDEXED_PARAGRAPHS. */
export function paragraphIds(doc: number, paragraphs: number): number[] {
  return Array.from({ length: Math.min(paragraphs, MAX_INDEXED_PARAGRAPHS) }, (_, i) => pidOf(doc, i));
}
