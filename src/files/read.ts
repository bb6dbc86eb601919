/**
 * The readers' front door: files of any supported format, zips of them, and
 * Reprint's own export, as articles and structured problems. Pure and
 * synchronous, so the options page can run it in a Web Worker and the scan
 * CLI in Node.
 */
import { formatOf, maxBytes, readOne } from './formats';
import { MAX_ZIP_TOTAL_BYTES } from './limits';
import { isReprintManifest, MANIFEST, readReprint } from './reprint';
import { documentId, MAX_DOCUMENT_CHARS, parseDocument } from '../corpus/document';
import type { DocumentMeta } from '../types';
import { baseName, decodeUtf8, problem } from './common';
import type { InputFile, Problem, ReadResult } from './types';
import { EntryUnreadable, Inflater, isZip, readDirectory, unsafePath, ZipTooLarge, type ZipEntry } from './zip';

/** Entries that operating systems add to archives and folders, never articles: skipped without a problem. */
const isJunk = (name: string) => name.startsWith('__MACOSX/') || /^(?:\._.*|\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(baseName(name));

/** A corpus folder's manifest.json (id → metadata, as seeds/ has): an object of objects. */
const isCorpusManifest = (m: unknown): m is Record<string, unknown> =>
  !!m && typeof m === 'object' && !Array.isArray(m) && Object.values(m).every((v) => !!v && typeof v === 'object' && !Array.isArray(v));

const CORPUS_FIELDS = ['title', 'publisher', 'author', 'date', 'url'] as const;

/**
 * A .txt file of a zipped corpus folder (.txt files beside a manifest.json
 * of id → metadata, as seeds/ is), read as loadCorpusFiles reads the folder:
 * the id is the file name without .txt, the first line is the title when it
 * reads as one or is the manifest's title (src/corpus/title.ts), and the
 * manifest's fields of the right type (text, or null but for the title)
 * replace what the file gave.
 */
function corpusText(name: string, bytes: Uint8Array, manifest: Record<string, unknown>): ReadResult {
  const decoded = decodeUtf8(name, bytes, maxBytes('text'));
  if ('problem' in decoded) return { articles: [], problems: [decoded.problem] };
  const id = documentId(name);
  const entry = Object.hasOwn(manifest, id) ? (manifest[id] as Record<string, unknown>) : {};
  const meta: Partial<DocumentMeta> = {};
  for (const field of CORPUS_FIELDS) {
    if (!Object.hasOwn(entry, field)) continue;
    const v = entry[field];
    if (field === 'title' ? typeof v === 'string' && v.trim() : typeof v === 'string' || v === null) Object.assign(meta, { [field]: v });
  }
  const parsed = parseDocument(id, decoded.text, meta);
  if (!parsed.ok) return { articles: [], problems: [problem(name, decoded.text.length > MAX_DOCUMENT_CHARS ? 'too-large' : 'no-article-text')] };
  return { articles: [parsed.doc], problems: [] };
}

/**
 * The zip's manifest.json: at its root, or else the one in its single
 * top-level folder (a zipped folder). Returns the entry and the folder
 * prefix its paths are relative to.
 */
function findManifest(byName: Map<string, ZipEntry>): { entry: ZipEntry; prefix: string } | null {
  const root = byName.get(MANIFEST);
  if (root) return { entry: root, prefix: '' };
  const nested = [...byName.keys()].filter((n) => /^[^/]+\/manifest\.json$/.test(n));
  if (nested.length !== 1) return null;
  return { entry: byName.get(nested[0])!, prefix: nested[0].slice(0, -MANIFEST.length) };
}

/**
 * A zip's articles: every entry of a supported format (one level: a zip
 * inside is 'unreadable', detail 'zip'); when its manifest.json is
 * Reprint's own, the documents it lists exactly (and any other entries as
 * plain files); when it is a corpus folder's (id → metadata), its .txt files
 * as the corpus folder reads them. Refused as a whole with 'zip-too-large'
 * when its entries declare, or inflate to, more than MAX_ZIP_TOTAL_BYTES, or
 * an entry inflates past the size it declared; with 'too-many-files' past
 * MAX_ZIP_ENTRIES. Ids come from the paths inside the zip, not the zip's
 * name, so a renamed or updated archive replaces the same articles.
 */
export function readZip(path: string, bytes: Uint8Array): ReadResult {
  const dir = readDirectory(path, bytes);
  if ('problem' in dir) return { articles: [], problems: [dir.problem] };
  const result: ReadResult = { articles: [], problems: [] };
  const at = (name: string) => `${path}/${name}`;
  const byName = new Map<string, ZipEntry>();
  const toRead: ZipEntry[] = [];
  let declared = 0;
  for (const e of dir.entries) {
    if (e.name.endsWith('/') || isJunk(e.name)) continue;
    if (unsafePath(e.name)) {
      result.problems.push(problem(at(e.name), 'unsafe-path'));
      continue;
    }
    const format = formatOf(e.name);
    if (format === 'binary') {
      result.problems.push(problem(at(e.name), 'binary'));
      continue;
    }
    if (format === 'zip') {
      result.problems.push(problem(at(e.name), 'unreadable', 'zip'));
      continue;
    }
    // Over its format's limit by the directory's word: refused without inflating.
    if (e.size > maxBytes(format)) {
      result.problems.push(problem(at(e.name), 'too-large'));
      continue;
    }
    declared += e.size;
    byName.set(e.name, e);
    toRead.push(e);
  }
  // The whole archive by the directory's word, before anything is inflated.
  if (declared > MAX_ZIP_TOTAL_BYTES) return { articles: [], problems: [problem(path, 'zip-too-large')] };
  const inflater = new Inflater(bytes);
  const inflate = (e: ZipEntry): { bytes: Uint8Array } | { problem: Problem } => {
    try {
      return { bytes: inflater.read(e) };
    } catch (err) {
      if (err instanceof EntryUnreadable) return { problem: problem(at(e.name), 'unreadable') };
      throw err;
    }
  };
  try {
    const used = new Set<string>();
    let corpus: { manifest: Record<string, unknown>; prefix: string } | null = null;
    const found = findManifest(byName);
    if (found) {
      const got = inflate(found.entry);
      let parsed: unknown = null;
      if ('bytes' in got)
        try {
          parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(got.bytes));
        } catch {
          parsed = null;
        }
      if (isReprintManifest(parsed)) {
        used.add(found.entry.name);
        const r = readReprint(at(found.prefix).replace(/\/$/, ''), parsed, (name) => {
          const e = byName.get(found.prefix + name);
          if (!e) return null;
          used.add(e.name);
          // Reprint's .txt files hold one document each: the plain-text limit applies.
          if (e.size > maxBytes('text')) return { problem: problem(at(e.name), 'too-large') };
          return inflate(e);
        });
        result.articles.push(...r.articles);
        result.problems.push(...r.problems);
        result.collections = r.collections;
      } else if (isCorpusManifest(parsed)) {
        used.add(found.entry.name);
        corpus = { manifest: parsed, prefix: found.prefix };
      }
    }
    for (const e of toRead) {
      if (used.has(e.name)) continue;
      const got = inflate(e);
      if ('problem' in got) {
        result.problems.push(got.problem);
        continue;
      }
      const inCorpus = corpus && formatOf(e.name) === 'text' && e.name.startsWith(corpus.prefix) && !e.name.slice(corpus.prefix.length).includes('/');
      const r = inCorpus ? corpusText(e.name, got.bytes, corpus!.manifest) : readOne(e.name, got.bytes);
      result.articles.push(...r.articles);
      for (const p of r.problems) result.problems.push({ ...p, file: at(p.file) });
    }
  } catch (err) {
    if (err instanceof ZipTooLarge) return { articles: [], problems: [problem(path, 'zip-too-large')] };
    throw err;
  }
  return result;
}

/**
 * Reads files of any supported format: by extension, else by sniffing
 * (a zip by its signature, a feed by its root element, HTML, JSON, else
 * text). Articles come in the files' order; when two share an id (the same
 * article in two files) the later one wins, as the index would keep it.
 * A file that throws (a bug, or a parser's limit) is 'unreadable' and the
 * others still load.
 */
export function readFiles(files: InputFile[]): ReadResult {
  const byId = new Map<string, ReadResult['articles'][number]>();
  const problems: Problem[] = [];
  let collections: string[] | undefined;
  for (const { path, bytes } of files) {
    let r: ReadResult;
    try {
      r = formatOf(path) === 'zip' || isZip(bytes) ? readZip(path, bytes) : readOne(path, bytes);
    } catch {
      r = { articles: [], problems: [problem(path, 'unreadable')] };
    }
    for (const a of r.articles) {
      byId.delete(a.id);
      byId.set(a.id, a);
    }
    problems.push(...r.problems);
    if (r.collections) collections = [...new Set([...(collections ?? []), ...r.collections])];
  }
  const result: ReadResult = { articles: [...byId.values()], problems };
  if (collections) result.collections = collections;
  return result;
}
