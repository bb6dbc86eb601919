import { describe, expect, it } from 'vitest';
import { readFiles } from '../../../src/files/read';
import { readMarkdown, readText } from '../../../src/files/text';
import { fixture, fixtureText, utf8 } from './helpers';

describe('plain text', () => {
  it('takes a short first line as the title and every further line as a paragraph, id from the path', () => {
    const r = readFiles([{ path: 'corpus/harbour.txt', bytes: fixture('harbour.txt') }]);
    expect(r.problems).toEqual([]);
    expect(r.articles).toHaveLength(1);
    const [a] = r.articles;
    expect(a.id).toBe('corpus/harbour');
    expect(a.meta).toEqual({ title: 'Harbour Reopens After Storm Repairs', publisher: null, author: null, date: null, url: null });
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[2]).toBe('The repairs cost £2.4 million, more than twice the first estimate.');
    expect(a.collection).toBeUndefined();
  });

  it('keeps a first line that reads like a sentence as a paragraph, and titles the article by the file name', () => {
    const r = readText('no-title.txt', fixtureText('no-title.txt'));
    if (!('article' in r)) throw new Error('no article');
    expect(r.article.meta.title).toBe('no-title');
    expect(r.article.paragraphs[0]).toMatch(/^The council voted/);
  });

  it.each([
    ['Harbour Reopens', true],
    ['Why the harbour closed?', false],
    ['Officials said: "We are ready."', false],
    ['one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen', false],
  ])('first line %j is a title: %s', (first, isTitle) => {
    const r = readText('x.txt', `${first}\nA paragraph follows here.`);
    if (!('article' in r)) throw new Error('no article');
    expect(r.article.meta.title === first).toBe(isTitle);
  });

  it('gives the same id to the same file read twice', () => {
    const once = readFiles([{ path: 'harbour.txt', bytes: fixture('harbour.txt') }]).articles[0].id;
    expect(readFiles([{ path: 'harbour.txt', bytes: fixture('harbour.txt') }]).articles[0].id).toBe(once);
  });

  it('reports binary, invalid UTF-8 and empty files, and still reads the others', () => {
    const r = readFiles([
      { path: 'a.txt', bytes: new Uint8Array([0x48, 0x00, 0x49]) },
      { path: 'b.txt', bytes: new Uint8Array([0x48, 0x69, 0xc3, 0x28, 0x0a, 0x41]) },
      { path: 'c.txt', bytes: utf8(' \n\t\n') },
      { path: 'd.txt', bytes: utf8('Title\nA line with words.') },
      { path: 'e.txt', bytes: utf8('---\n***') },
    ]);
    expect(r.problems).toEqual([
      { file: 'a.txt', reason: 'binary' },
      { file: 'b.txt', reason: 'not-utf8' },
      { file: 'c.txt', reason: 'empty' },
      { file: 'e.txt', reason: 'no-article-text' },
    ]);
    expect(r.articles.map((a) => a.id)).toEqual(['d']);
  });

  it('drops a byte order mark', () => {
    const r = readFiles([{ path: 'bom.txt', bytes: utf8('\uFEFFTitle here\nText.') }]);
    expect(r.articles[0].meta.title).toBe('Title here');
  });
});

describe('markdown', () => {
  it('strips headings, emphasis, links, images and fences; list items are paragraphs; front matter gives metadata', () => {
    const r = readMarkdown('notes.md', fixtureText('notes.md'));
    if (!('article' in r)) throw new Error('no article');
    expect(r.article.meta).toEqual({ title: 'The Orchard Survey', publisher: null, author: 'Mara Quill', date: '2024-03-05', url: null });
    expect(r.article.paragraphs).toEqual([
      'Volunteers counted 412 trees across the north slope and the old_walled_garden.',
      'Findings',
      'Apple trees outnumbered pears by three to one.',
      '1. Nested numbering stays text.',
      'Twelve trees were too young to fruit.',
      'Quoted line from the survey lead.',
      'const trees = 412;',
    ]);
  });

  it('uses a setext heading as the title and keeps literal stars', () => {
    const r = readMarkdown('x.md', 'The Title\n=========\n\nTwo * three is six, and [a link][ref] stays text.\n\n[ref]: https://example.org\n');
    if (!('article' in r)) throw new Error('no article');
    expect(r.article.meta.title).toBe('The Title');
    expect(r.article.paragraphs).toEqual(['Two * three is six, and a link stays text.']);
  });

  it('is linear on hostile emphasis and link runs', () => {
    const hostile = `T\n\n${'*'.repeat(200_000)} ${'[a]('.repeat(50_000)} ${'_x'.repeat(100_000)}`;
    const t = performance.now();
    readMarkdown('x.md', hostile);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
