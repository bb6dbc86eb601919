/**
 * Reprint's own export: a zip of one `<collection>/<id>.txt` per document
 * (the title on the first line, then a paragraph per line, readable by any
 * editor or by the plain-text reader) and a manifest.json that restores ids,
 * metadata and collections exactly:
 *
 *   { "reprint": 1,
 *     "documents": { "<id>": { title, publisher, author, date, url, collection, path } },
 *     "collections": ["<name>", ...] }
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Article, DocumentMeta } from '../types';
import { problem } from './common';
import type { ImportedArticle, Problem, ReadResult } from './types';
import { unsafePath } from './zip';

/** The format marker's value; a manifest with a larger one comes from a newer Reprint. */
export const REPRINT_FORMAT = 1;
export const MANIFEST = 'manifest.json';

/** A document as the export takes it: an Article. */
export type ExportDocument = Pick<Article, 'id' | 'meta' | 'paragraphs' | 'collection'>;

/** Paragraphs are lines of the .txt: a line break inside one becomes a space. */
const oneLine = (s: string) => s.replace(/\r\n|\r|\n/g, ' ');

/**
 * A path segment any file system accepts: no separators, reserved or
 * control characters, no leading or trailing dots or spaces (Windows drops
 * them), not a Windows device name, at most 100 characters (paths inside a
 * zip stay well under the 255 bytes of a file name and 260 of a Windows path).
 */
export function safeSegment(s: string): string {
  // eslint-disable-next-line no-control-regex
  let t = s.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  if (t.length > 100) t = t.slice(0, 100).replace(/[\s.]+$/, '');
  if (!t) t = '_';
  if (/^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i.test(t)) t = `_${t}`;
  return t;
}

/**
 * The corpus as a zip: one `<collection>/<id>.txt` per document and
 * manifest.json. `collections` lists collections to keep even when they hold
 * no document (those of the documents are added). Paths are unique ignoring
 * case, since macOS and Windows file systems ignore it.
 */
export function exportCorpus(docs: ExportDocument[], collections: string[] = []): Uint8Array {
  const files: Zippable = Object.create(null);
  const taken = new Set<string>();
  const entries: Array<[string, DocumentMeta & { collection: string; path: string }]> = [];
  const names = new Set<string>(collections);
  for (const doc of docs) {
    names.add(doc.collection);
    const dir = safeSegment(doc.collection);
    const stem = safeSegment(doc.id);
    let path = `${dir}/${stem}.txt`;
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = `${dir}/${stem}~${n}.txt`;
    taken.add(path.toLowerCase());
    const body = [oneLine(doc.meta.title), ...doc.paragraphs.map(oneLine).filter((p) => p.length > 0)].join('\n') + '\n';
    files[path] = strToU8(body);
    const { title, publisher, author, date, url } = doc.meta;
    entries.push([doc.id, { title, publisher, author, date, url, collection: doc.collection, path }]);
  }
  // fromEntries defines own properties, so an id such as "__proto__" stays a document.
  const manifest = { reprint: REPRINT_FORMAT, documents: Object.fromEntries(entries), collections: [...names] };
  files[MANIFEST] = strToU8(JSON.stringify(manifest, null, 1));
  return zipSync(files, { level: 6 });
}

/** Whether a parsed manifest.json is Reprint's own. */
export const isReprintManifest = (m: unknown): m is { reprint: unknown } =>
  !!m && typeof m === 'object' && !Array.isArray(m) && Object.hasOwn(m, 'reprint') && typeof (m as { reprint: unknown }).reprint === 'number';

const META = ['publisher', 'author', 'date', 'url'] as const;

/**
 * The documents a Reprint manifest describes, read through `entry(path)`
 * (the entry's bytes, or null when the zip has none). Every field is
 * checked: a wrong one is a 'bad-field' problem (`<id>: <field>`) and skips
 * the document; a path that is unsafe or missing is 'unsafe-path' or
 * 'unreadable'. The text file gives the paragraphs (its first line, the
 * title, is the manifest's); the manifest gives everything else, exactly.
 * `zipFile` names the folder of the manifest in problems.
 */
export function readReprint(
  zipFile: string,
  manifest: { reprint: unknown },
  entry: (path: string) => { bytes: Uint8Array } | { problem: Problem } | null,
): ReadResult {
  const file = `${zipFile}/${MANIFEST}`;
  const result: ReadResult = { articles: [], problems: [], collections: [] };
  if (manifest.reprint !== REPRINT_FORMAT) return { articles: [], problems: [problem(file, 'unreadable', 'reprint')] };
  const m = manifest as { documents?: unknown; collections?: unknown };
  if (Array.isArray(m.collections)) for (const c of m.collections) if (typeof c === 'string') result.collections!.push(c);
  if (!m.documents || typeof m.documents !== 'object' || Array.isArray(m.documents)) {
    result.problems.push(problem(file, 'bad-field', 'documents'));
    return result;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [id, e] of Object.entries(m.documents as Record<string, unknown>)) {
    const bad = (field: string) => result.problems.push(problem(file, 'bad-field', `${id}: ${field}`));
    if (!e || typeof e !== 'object' || Array.isArray(e)) {
      bad('');
      continue;
    }
    const o = e as Record<string, unknown>;
    if (typeof o.title !== 'string') {
      bad('title');
      continue;
    }
    const wrong = META.find((f) => o[f] !== null && typeof o[f] !== 'string');
    if (wrong) {
      bad(wrong);
      continue;
    }
    if (typeof o.collection !== 'string') {
      bad('collection');
      continue;
    }
    if (typeof o.path !== 'string') {
      bad('path');
      continue;
    }
    if (unsafePath(o.path)) {
      result.problems.push(problem(file, 'unsafe-path', `${id}: path`));
      continue;
    }
    const got = entry(o.path);
    if (got === null) {
      result.problems.push(problem(file, 'unreadable', `${id}: path`));
      continue;
    }
    if ('problem' in got) {
      result.problems.push(got.problem);
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(got.bytes);
    } catch {
      result.problems.push(problem(`${zipFile}/${o.path}`, 'not-utf8'));
      continue;
    }
    const [, ...paragraphs] = text.split(/\r\n|\r|\n/);
    const article: ImportedArticle = {
      id,
      meta: {
        title: o.title,
        publisher: o.publisher as string | null,
        author: o.author as string | null,
        date: o.date as string | null,
        url: o.url as string | null,
      },
      paragraphs: paragraphs.filter((p) => p.length > 0),
      collection: o.collection,
    };
    result.articles.push(article);
  }
  return result;
}
