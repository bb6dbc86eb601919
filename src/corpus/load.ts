import { hashString } from '../fingerprint/hash';
import { documentId, parseDocument, type CorpusDocument, type DocumentMeta } from './document';

export interface CorpusFile {
  name: string;
  text: string;
}

export type Manifest = Record<string, Partial<DocumentMeta>>;

/** Bump when fingerprints or furniture rules change: stored indexes are rebuilt. */
export const INDEX_VERSION = 4;

const META_FIELDS = ['title', 'publisher', 'author', 'date', 'url'] as const;

/** A JSON value's kind, as a problem message names it. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v;
}

/**
 * One manifest entry's usable fields: text, or null where a field may be
 * unknown (every field but the title). A field of another type is left out,
 * with a problem naming the entry and the field; the rest of the entry stands.
 */
function entryMeta(id: string, entry: unknown, problems: string[]): Partial<DocumentMeta> {
  const where = `manifest.json: ${JSON.stringify(id)}`;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    problems.push(`${where}: must be an object of title, author, publisher, date and url, not ${kindOf(entry)}`);
    return {};
  }
  const meta: Partial<DocumentMeta> = {};
  for (const field of META_FIELDS) {
    if (!Object.hasOwn(entry, field)) continue;
    const v = (entry as Record<string, unknown>)[field];
    // A null title, or an empty one, leaves the file's first line as the title.
    if (field === 'title' && (v === null || (typeof v === 'string' && !v.trim()))) continue;
    if (typeof v === 'string' || v === null) Object.assign(meta, { [field]: v });
    else problems.push(`${where}: ${field} must be text, not ${kindOf(v)}`);
  }
  return meta;
}

/** Metadata by document id, from a manifest read as JSON: only own entries of the right shape. */
function manifestMeta(manifest: unknown, problems: string[]): Map<string, Partial<DocumentMeta>> {
  const out = new Map<string, Partial<DocumentMeta>>();
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    problems.push(`manifest.json: ignored, it must be an object of id → metadata, not ${kindOf(manifest)}`);
    return out;
  }
  for (const [id, entry] of Object.entries(manifest)) out.set(id, entryMeta(id, entry, problems));
  return out;
}

/**
 * Parses corpus files into documents. A bad file, manifest entry or field is
 * reported and skipped; the others still load. The manifest is taken as
 * untrusted JSON: its types are checked here.
 */
export function loadCorpusFiles(files: CorpusFile[], manifest: unknown = {}) {
  const documents: CorpusDocument[] = [];
  const problems: string[] = [];
  const metas = manifestMeta(manifest, problems);
  const seen = new Set<string>();
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const id = documentId(file.name);
    if (seen.has(id)) {
      problems.push(`${id}: two files share this id; the second was skipped`);
      continue;
    }
    seen.add(id);
    const result = parseDocument(id, file.text, metas.get(id));
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
