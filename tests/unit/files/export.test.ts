import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFiles } from '../../../src/files/read';
import { exportCorpus, safeSegment, type ExportDocument } from '../../../src/files/reprint';

/** Any text, including unicode beyond the BMP, quotes and line breaks (metadata may hold them). */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', "'", '\\', '/', '\n', '\r', ' ', '“', 'é', '😀', '\u202e', ':', '.'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});
/** A paragraph as the corpus holds one: a non-empty line, trimmed (line breaks cannot be inside one). */
const paragraph = anyText.map((s) => s.replace(/[\r\n]/g, ' ').trim()).filter((s) => s.length > 0);
const nullable = fc.option(anyText, { nil: null });
const id = fc.oneof(
  anyText.filter((s) => s.length > 0),
  fc.constantFrom('__proto__', 'constructor', '../x', 'a/b', 'CON', '.'),
);
const collection = fc.oneof(fc.constantFrom('Demo', 'demo', 'Field notes', '', '..'), anyText);

const doc = (i: fc.Arbitrary<string>): fc.Arbitrary<ExportDocument> =>
  fc.record({
    id: i,
    meta: fc.record({
      title: anyText,
      publisher: nullable,
      author: nullable,
      date: fc.option(fc.constantFrom('2024-03-05', '1999-12-31'), { nil: null }),
      url: nullable,
    }),
    paragraphs: fc.array(paragraph, { maxLength: 6 }),
    collection,
  });

describe('Reprint export', () => {
  it('round-trips: importing the export gives exactly the documents, metadata and collections', () => {
    fc.assert(
      fc.property(fc.uniqueArray(doc(id), { selector: (d) => d.id, maxLength: 12 }), fc.array(collection, { maxLength: 3 }), (docs, extra) => {
        const back = readFiles([{ path: 'export.zip', bytes: exportCorpus(docs, extra) }]);
        expect(back.problems).toEqual([]);
        expect(back.articles).toEqual(docs.map((d) => ({ id: d.id, meta: d.meta, paragraphs: d.paragraphs, collection: d.collection })));
        expect(new Set(back.collections)).toEqual(new Set([...extra, ...docs.map((d) => d.collection)]));
      }),
      { numRuns: 150 },
    );
  });

  it('writes one <collection>/<id>.txt per document, title first, paths safe and unique ignoring case', () => {
    const d = (id: string, collection: string): ExportDocument => ({
      id,
      collection,
      meta: { title: `T ${id}`, publisher: null, author: null, date: null, url: null },
      paragraphs: ['P one.', 'P two.'],
    });
    const files = unzipSync(exportCorpus([d('Harbour', 'Demo'), d('harbour', 'Demo'), d('../up', 'a/b')]));
    expect(Object.keys(files).sort()).toEqual(['Demo/Harbour.txt', 'Demo/harbour~2.txt', 'a_b/_up.txt', 'manifest.json']);
    expect(new TextDecoder().decode(files['Demo/Harbour.txt'])).toBe('T Harbour\nP one.\nP two.\n');
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.reprint).toBe(1);
    expect(manifest.documents['../up']).toEqual({
      title: 'T ../up',
      publisher: null,
      author: null,
      date: null,
      url: null,
      collection: 'a/b',
      path: 'a_b/_up.txt',
    });
    expect(manifest.collections).toEqual(['Demo', 'a/b']);
  });

  it('makes safe path segments', () => {
    expect(['..', '', 'a/b', 'nul', ' x. ', 'é'].map(safeSegment)).toEqual(['_', '_', 'a_b', '_nul', 'x', 'é']);
  });

  it('checks a hand-edited manifest field by field, and refuses paths out of the archive', () => {
    const manifest = {
      reprint: 1,
      documents: {
        good: { title: 'Good', publisher: null, author: null, date: null, url: null, collection: 'C', path: 'C/good.txt' },
        badTitle: { title: 7, publisher: null, author: null, date: null, url: null, collection: 'C', path: 'C/good.txt' },
        badAuthor: { title: 'x', publisher: null, author: ['a'], date: null, url: null, collection: 'C', path: 'C/good.txt' },
        escape: { title: 'x', publisher: null, author: null, date: null, url: null, collection: 'C', path: '../../etc/passwd' },
        missing: { title: 'x', publisher: null, author: null, date: null, url: null, collection: 'C', path: 'C/none.txt' },
      },
      collections: ['C'],
    };
    const z = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'C/good.txt': strToU8('Good\nA paragraph.\n') });
    const r = readFiles([{ path: 'e.zip', bytes: z }]);
    expect(r.articles.map((a) => a.id)).toEqual(['good']);
    expect(r.problems).toEqual([
      { file: 'e.zip/manifest.json', reason: 'bad-field', detail: 'badTitle: title' },
      { file: 'e.zip/manifest.json', reason: 'bad-field', detail: 'badAuthor: author' },
      { file: 'e.zip/manifest.json', reason: 'unsafe-path', detail: 'escape: path' },
      { file: 'e.zip/manifest.json', reason: 'unreadable', detail: 'missing: path' },
    ]);
  });

  it('refuses a manifest from a newer Reprint', () => {
    const z = zipSync({ 'manifest.json': strToU8('{"reprint":2,"documents":{}}') });
    expect(readFiles([{ path: 'new.zip', bytes: z }]).problems).toEqual([{ file: 'new.zip/manifest.json', reason: 'unreadable', detail: 'reprint' }]);
  });
});
