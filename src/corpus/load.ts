import { hashString } from '../fingerprint/hash';
import { documentId, parseDocument, type CorpusDocument, type DocumentMeta } from './document';

export interface CorpusFile {
  name: string;
  text: string;
}

export type Manifest = Record<string, Partial<DocumentMeta>>;

/** Bump when fingerprints or furniture rules change: stored indexes are rebuilt. */
export const INDEX_VERSION = 3;

/**
 * Parses corpus files into documents. A bad file is reported and skipped;
 * the others still load.
 */
export function loadCorpusFiles(files: CorpusFile[], manifest: Manifest = {}) {
  const documents: CorpusDocument[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const id = documentId(file.name);
    if (seen.has(id)) {
      problems.push(`${id}: two files share this id; the second was skipped`);
      continue;
    }
    seen.add(id);
    const result = parseDocument(id, file.text, manifest[id]);
    if (result.ok) documents.push(result.doc);
    else problems.push(result.error);
  }
  return { documents, problems };
}

/** Identifies a corpus and the index version it was fingerprinted with. */
export function corpusFingerprint(files: CorpusFile[], manifest: Manifest = {}): string {
  const parts = [...files].sort((a, b) => a.name.localeCompare(b.name)).map((f) => `${f.name}:${hashString(f.text)}`);
  return `v${INDEX_VERSION}:${hashString(parts.join('|') + JSON.stringify(manifest))}`;
}
