import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFiles } from '../../../src/files/read';
import { MAX_ZIP_ENTRIES } from '../../../src/files/limits';
import { fixture } from './helpers';

/** A zip whose entry names are written as given (fflate keeps `../x` and `/x` as they are). */
const zip = (files: Record<string, Uint8Array | string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));

/** Sets every uncompressed size field (local header and central directory) of a one-entry zip to `size`. */
function lieAboutSize(z: Uint8Array, size: number): Uint8Array {
  const out = z.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('zip archives', () => {
  it('reads every supported entry, ids from the paths inside the zip', () => {
    const z = zip({
      'corpus/harbour.txt': fixture('harbour.txt'),
      'corpus/notes.md': fixture('notes.md'),
      'pages/article.html': fixture('article.html'),
      'feeds/feed.atom': fixture('feed.atom'),
      'corpus/': new Uint8Array(0),
      '__MACOSX/corpus/._harbour.txt': new Uint8Array([0, 1, 2]),
      'photo.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
    });
    const r = readFiles([{ path: 'mine.zip', bytes: z }]);
    expect(r.articles.map((a) => a.id)).toEqual(expect.arrayContaining(['corpus/harbour', 'corpus/notes', 'pages/article']));
    expect(r.articles).toHaveLength(5);
    expect(r.problems).toEqual([{ file: 'mine.zip/photo.jpg', reason: 'binary' }]);
    // The same archive under another name gives the same ids.
    expect(readFiles([{ path: 'renamed.zip', bytes: z }]).articles.map((a) => a.id)).toEqual(r.articles.map((a) => a.id));
  });

  it('refuses entries with absolute or ../ paths and still loads the rest', () => {
    const z = zip({
      '../evil.txt': 'Evil\nText.',
      '/etc/passwd.txt': 'Root\nText.',
      'a/../../b.txt': 'B\nText.',
      'C:/win.txt': 'W\nText.',
      'ok.txt': 'Fine\nText.',
    });
    const r = readFiles([{ path: 'x.zip', bytes: z }]);
    expect(r.articles.map((a) => a.id)).toEqual(['ok']);
    expect(r.problems.map((p) => p.reason)).toEqual(['unsafe-path', 'unsafe-path', 'unsafe-path', 'unsafe-path']);
  });

  it('reads a zipped corpus folder as the folder reads: ids are file names, the manifest gives metadata', () => {
    const z = zip({
      'seeds/harbour.txt': 'Harbour reopens.\nThe harbour reopened on Monday.',
      'seeds/manifest.json': JSON.stringify({ harbour: { publisher: 'The Coast Gazette', title: 42 } }),
    });
    const r = readFiles([{ path: 'seeds.zip', bytes: z }]);
    expect(r.problems).toEqual([]);
    // As the folder reads it (src/corpus/title.ts): a first line ending with a full stop is text, so the title is the file name.
    expect(r.articles).toEqual([
      {
        id: 'harbour',
        meta: { title: 'harbour', publisher: 'The Coast Gazette', author: null, date: null, url: null },
        paragraphs: ['Harbour reopens.', 'The harbour reopened on Monday.'],
      },
    ]);
  });

  it('does not open a zip inside a zip', () => {
    const inner = zip({ 'a.txt': 'A\nText.' });
    expect(readFiles([{ path: 'x.zip', bytes: zip({ 'inner.zip': inner }) }]).problems).toEqual([
      { file: 'x.zip/inner.zip', reason: 'unreadable', detail: 'zip' },
    ]);
  });

  it('refuses a zip bomb by the sizes it declares, before inflating anything', () => {
    // 11 pages of 19 MB of spaces (each under the 20 MB HTML limit): 209 MB declared, some 200 KB on disk.
    const spaces = new Uint8Array(19 * 1024 * 1024).fill(0x20);
    const z = zipSync(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`part${i}.html`, spaces])));
    expect(z.length).toBeLessThan(1024 * 1024);
    const t = performance.now();
    expect(readFiles([{ path: 'bomb.zip', bytes: z }]).problems).toEqual([{ file: 'bomb.zip', reason: 'zip-too-large' }]);
    expect(performance.now() - t).toBeLessThan(500);
  });

  it('refuses an entry over its format’s limit by its declared size', () => {
    const z = zipSync({ 'big.txt': new Uint8Array(7 * 1024 * 1024).fill(0x61), 'ok.txt': strToU8('Fine\nText.') });
    const r = readFiles([{ path: 'x.zip', bytes: z }]);
    expect(r.problems).toEqual([{ file: 'x.zip/big.txt', reason: 'too-large' }]);
    expect(r.articles).toHaveLength(1);
  });

  it('stops a bomb that lies about its size while inflating, with little memory', () => {
    // 100 MB of one letter compresses to ~100 KB; the directory claims 1,000 bytes.
    const z = lieAboutSize(zipSync({ 'liar.txt': new Uint8Array(100 * 1024 * 1024).fill(0x61) }), 1000);
    globalThis.gc?.();
    const before = process.memoryUsage().arrayBuffers;
    const t = performance.now();
    expect(readFiles([{ path: 'liar.zip', bytes: z }]).problems).toEqual([{ file: 'liar.zip', reason: 'zip-too-large' }]);
    expect(performance.now() - t).toBeLessThan(500);
    // At most one inflated chunk (~4 MB from 4 KB of input) was held, never the 100 MB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses more than MAX_ZIP_ENTRIES entries', () => {
    const files: Record<string, Uint8Array> = {};
    const empty = new Uint8Array(0);
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) files[`f${i}.txt`] = empty;
    const z = zipSync(files, { level: 0 });
    expect(readFiles([{ path: 'many.zip', bytes: z }]).problems).toEqual([{ file: 'many.zip', reason: 'too-many-files' }]);
  });

  it('reports a truncated or corrupt archive as unreadable', () => {
    const z = zip({ 'a.txt': 'A\nText.' });
    expect(readFiles([{ path: 'cut.zip', bytes: z.subarray(0, z.length - 30) }]).problems).toEqual([{ file: 'cut.zip', reason: 'unreadable' }]);
  });
});
