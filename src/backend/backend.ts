import type { BlockMatch } from '../match/matcher';
import type { CorpusStatus, DocumentSummary } from '../messages';

/**
 * What the content script and the UI may ask of a corpus. The IndexedDB
 * index in the extension is one implementation; a team corpus on a server
 * would be another, so nothing above this interface assumes the corpus is
 * local.
 */
export interface CorpusBackend {
  /** One answer per text, null where nothing in the corpus carries it. */
  match(texts: string[]): Promise<Array<BlockMatch | null>>;
  status(): Promise<CorpusStatus>;
  documents(): Promise<DocumentSummary[]>;
}
