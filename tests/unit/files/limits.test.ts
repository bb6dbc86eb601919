import { describe, expect, it } from 'vitest';
import { readFiles } from '../../../src/files/read';
import { utf8 } from './helpers';

describe('bad input', () => {
  it.each(['big.txt', 'big.html', 'big.jsonl', 'big'])('refuses a 50 MB file (%s) as too large without decoding it', (path) => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const t = performance.now();
    expect(readFiles([{ path, bytes }]).problems).toEqual([{ file: path, reason: 'too-large' }]);
    expect(performance.now() - t).toBeLessThan(50);
  });

  it('refuses a text file within the byte limit whose text is longer than a corpus document may be', () => {
    const r = readFiles([{ path: 'long.txt', bytes: utf8(`Title\n${'word '.repeat(500_000)}`) }]);
    expect(r.problems).toEqual([{ file: 'long.txt', reason: 'too-large' }]);
  });

  it('reads 10,000 small files at once, quickly', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => ({
      path: `notes/n${i}.txt`,
      bytes: utf8(`Note ${i}\nThe body of note number ${i} has a few words.\n`),
    }));
    const t = performance.now();
    const r = readFiles(files);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(r.problems).toEqual([]);
    expect(r.articles).toHaveLength(10_000);
    expect(new Set(r.articles.map((a) => a.id)).size).toBe(10_000);
  });

  it('keeps the later of two articles with one id', () => {
    const r = readFiles([
      { path: 'a.txt', bytes: utf8('Old\nOld text.') },
      { path: 'a.txt', bytes: utf8('New\nNew text.') },
    ]);
    expect(r.articles.map((a) => a.meta.title)).toEqual(['New']);
  });

  it('sniffs files without a known extension', () => {
    const r = readFiles([
      { path: 'page', bytes: utf8('<!doctype html><html><body><article><p>' + 'A sentence of the article body. '.repeat(10) + '</p></article></body></html>') },
      { path: 'README', bytes: utf8('Plain title\nPlain text.') },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => a.id)).toEqual(['page', 'README']);
  });
});
