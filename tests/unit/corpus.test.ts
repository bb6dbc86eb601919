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
    expect(isFurnitureText('Sign up to get the newsletter in your inbox every morning.')).toBe(true);
    expect(isFurnitureText('Read more at https://example.com/story')).toBe(true);
    expect(isFurnitureText('The ministry said the talks would resume on Monday in Geneva.')).toBe(false);
  });
});
