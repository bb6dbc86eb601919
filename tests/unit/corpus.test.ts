import { describe, expect, it } from 'vitest';
import { documentId, parseDocument } from '../../src/corpus/document';
import { furnitureMask, isFurnitureText } from '../../src/corpus/furniture';
import { corpusFingerprint, loadCorpusFiles } from '../../src/corpus/load';
import { seedDocuments, seedFiles } from './helpers/seeds';

describe('parseDocument', () => {
  it('takes the first line as the title and every further line as a paragraph', () => {
    const r = parseDocument('a', '\uFEFFTitle here\r\n\r\nFirst  paragraph.\nSecond.\n');
    expect(r).toMatchObject({ ok: true, doc: { id: 'a', meta: { title: 'Title here', date: null }, paragraphs: ['First paragraph.', 'Second.'] } });
  });

  it('rejects bad files with a reason', () => {
    expect(parseDocument('bin', 'PK\u0003\u0004\u0000\u0000')).toMatchObject({ ok: false, error: expect.stringContaining('binary') });
    expect(parseDocument('e', ' \n \n')).toMatchObject({ ok: false, error: expect.stringContaining('empty') });
    expect(parseDocument('u', '\uFFFD\uFFFD\uFFFD abc')).toMatchObject({ ok: false, error: expect.stringContaining('UTF-8') });
    expect(parseDocument('p', '!!! ??? ...')).toMatchObject({ ok: false, error: expect.stringContaining('no words') });
  });

  it('derives ids from file names', () => {
    expect(documentId('dir/000_abc.txt')).toBe('000_abc');
  });
});

describe('loadCorpusFiles', () => {
  it('loads the good files and reports the bad ones', () => {
    const { documents, problems } = loadCorpusFiles([...seedFiles, { name: 'broken.txt', text: '\u0000\u0001' }]);
    expect(documents).toHaveLength(5);
    expect(problems).toEqual([expect.stringContaining('broken')]);
  });

  it('reports manifest entries and fields of the wrong type, and loads the rest', () => {
    const files = [
      { name: 'a.txt', text: 'Title A\nFirst paragraph of a.' },
      { name: 'b.txt', text: 'Title B\nFirst paragraph of b.' },
      { name: 'c.txt', text: 'Title C\nFirst paragraph of c.' },
      { name: 'constructor.txt', text: 'Title D\nFirst paragraph of d.' },
    ];
    const manifest = {
      a: { title: 3, author: ['x'], publisher: 'Daily', date: null, url: { href: 'https://x.example/' } },
      b: 'not metadata',
      c: { title: null, url: 'https://c.example/story', date: false },
    };
    const { documents, problems } = loadCorpusFiles(files, manifest);
    expect(problems).toEqual([
      'manifest.json: "a": title must be text, not a number',
      'manifest.json: "a": author must be text, not a list',
      'manifest.json: "a": url must be text, not an object',
      'manifest.json: "b": must be an object of title, author, publisher, date and url, not string',
      'manifest.json: "c": date must be text, not false',
    ]);
    expect(documents.map((d) => d.meta)).toEqual([
      { title: 'Title A', publisher: 'Daily', author: null, date: null, url: null },
      { title: 'Title B', publisher: null, author: null, date: null, url: null },
      { title: 'Title C', publisher: null, author: null, date: null, url: 'https://c.example/story' },
      // An id the manifest does not have reads no inherited property of it.
      { title: 'Title D', publisher: null, author: null, date: null, url: null },
    ]);
  });

  it('ignores a manifest that is not an object, saying so', () => {
    for (const manifest of [null, [], 'x', 7]) {
      const { documents, problems } = loadCorpusFiles([{ name: 'a.txt', text: 'Title A\nText.' }], manifest);
      expect(documents).toHaveLength(1);
      expect(problems).toEqual([expect.stringMatching(/^manifest\.json: ignored, it must be an object of id → metadata, not /)]);
    }
  });

  it('fingerprints the corpus so a changed file re-indexes', () => {
    const a = corpusFingerprint(seedFiles);
    const b = corpusFingerprint([...seedFiles.slice(1), { ...seedFiles[0], text: seedFiles[0].text + 'x' }]);
    expect(a).not.toBe(b);
  });
});

describe('furniture', () => {
  it('marks the seeds’ comment forms, share bars, signatures and link lines', () => {
    const marked = seedDocuments.flatMap((d) => d.paragraphs.filter((_, i) => furnitureMask(d.paragraphs)[i]));
    for (const text of ['via IFTTT', 'Post a Comment', 'Jackson Wintringham', 'Leave a Reply', 'Tyler Durden', 'Fight Censorship, Share This Post!'])
      expect(marked).toContain(text);
    expect(marked.some((t) => t.startsWith('Your email address'))).toBe(true);
    expect(marked.some((t) => t.startsWith('This site uses Akismet'))).toBe(true);
    expect(marked.some((t) => t.startsWith('By submitting your email'))).toBe(true);
  });

  it('keeps every full article paragraph', () => {
    for (const d of seedDocuments) {
      const mask = furnitureMask(d.paragraphs);
      d.paragraphs.forEach((p, i) => {
        if (p.split(' ').length >= 25) expect(mask[i], p).toBe(false);
      });
    }
  });

  it('judges page text by the same rules', () => {
    expect(isFurnitureText('Read more at https://example.com/story')).toBe(true);
    expect(isFurnitureText('The ministry said the talks would resume on Monday in Geneva.')).toBe(false);
    // Speaking to the reader is no longer furniture by itself (a short lede
    // does too): a newsletter prompt is furniture where it repeats across
    // corpus documents or sits in a page's form or aside (tests/unit/furniture.test.ts).
    expect(isFurnitureText('Sign up to get the newsletter in your inbox every morning.')).toBe(false);
  });
});
