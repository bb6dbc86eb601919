/**
 * The title rule (src/corpus/title.ts): a first line is a title only when it
 * reads like one, and one rule serves the corpus loader (seeds, scan, eval)
 * and the options page's .txt import alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/document';
import { loadCorpusFiles } from '../../src/corpus/load';
import { MAX_SET_APART_TITLE_WORDS, MAX_TITLE_WORDS, readsAsTitle, splitTitle } from '../../src/corpus/title';
import { readText } from '../../src/files/text';
import { seedFiles, seedManifest } from './helpers/seeds';

const word = fc.constantFrom('harbour', 'council', 'Ferry', 'vote', 'the', 'of', 'reopens', 'after', 'Storm', 'repairs', '2024', 'you', 'said');
const wordsOf = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
const sentenceEnd = fc.constantFrom('.', '!', '?', ':', ';', ',', '…', '."', '?”', '.)');
/** A file: lines of words, some ending like sentences, with blank lines and mixed line ends between them. */
const file = fc
  .array(fc.tuple(wordsOf(1, 40), fc.option(sentenceEnd, { nil: '' }), fc.constantFrom('\n', '\r\n', '\n\n', '\r\n\r\n', '\n \n')), {
    minLength: 1,
    maxLength: 8,
  })
  .map((ls) => ls.map(([w, end, sep]) => w + end + sep).join(''));

const nonEmptyLines = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

describe('title rule', () => {
  it('loses no line: the title, when there is one, and the paragraphs are the file’s lines in order', () => {
    fc.assert(
      fc.property(file, (text) => {
        const { title, paragraphs } = splitTitle(text);
        expect([...(title === null ? [] : [title]), ...paragraphs]).toEqual(nonEmptyLines(text));
      }),
    );
  });

  it('never takes a line that ends like a sentence, or is longer than 30 words, as the title', () => {
    fc.assert(
      fc.property(wordsOf(1, 40), sentenceEnd, fc.boolean(), (first, end, blank) => {
        expect(splitTitle(`${first}${end}\n${blank ? '\n' : ''}The text goes on here.`).title).toBeNull();
      }),
    );
    fc.assert(
      fc.property(wordsOf(MAX_SET_APART_TITLE_WORDS + 1, 50), (first) => {
        expect(splitTitle(`${first}\n\nThe text goes on here.`).title).toBeNull();
      }),
    );
  });

  it('takes a short line with no final full stop as the title, and a longer one up to 30 words when a blank line follows it', () => {
    fc.assert(
      fc.property(wordsOf(1, MAX_TITLE_WORDS), (first) => {
        expect(splitTitle(`${first}\nThe text goes on here.`).title).toBe(first);
      }),
    );
    fc.assert(
      fc.property(wordsOf(MAX_TITLE_WORDS + 1, MAX_SET_APART_TITLE_WORDS), (first) => {
        expect(splitTitle(`${first}\n\nThe text goes on here.`).title).toBe(first);
        expect(splitTitle(`${first}\nThe text goes on here.`).title).toBeNull();
      }),
    );
  });

  it('keeps a one-line file as text', () => {
    expect(splitTitle('Harbour Reopens')).toEqual({ title: null, paragraphs: ['Harbour Reopens'] });
  });

  it('takes a first line that is the manifest’s title as the title whatever its shape', () => {
    expect(splitTitle('Is the harbour safe?\nThe text goes on here.', 'Is the harbour safe?').title).toBe('Is the harbour safe?');
    expect(splitTitle('Is the harbour safe?\nThe text goes on here.', 'Another title').title).toBeNull();
  });

  it('reads a long first paragraph as text, as Clough’s source files begin', () => {
    const first =
      'In object-oriented programming, inheritance is a way to form new classes (instances of which are called objects) using classes that have already been defined. The inheritance concept was invented in 1967 for Simula.';
    expect(readsAsTitle(first, true)).toBe(false);
    const r = parseDocument('orig_taska', `${first}\r\n\r\nThe new classes, known as derived classes, take over attributes.\r\n`);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.meta.title).toBe('orig_taska');
    expect(r.doc.paragraphs[0]).toBe(first);
  });

  it('is one rule for the corpus loader and the options page’s .txt import', () => {
    fc.assert(
      fc.property(file, (text) => {
        const corpus = parseDocument('story', text);
        const imported = readText('story.txt', text);
        if (!corpus.ok || !('article' in imported)) return;
        expect(imported.article.meta.title).toBe(corpus.doc.meta.title);
        expect(imported.article.paragraphs).toEqual(corpus.doc.paragraphs);
      }),
    );
  });

  it('still gives the five seeds their headlines as titles, with or without the manifest', () => {
    const withManifest = loadCorpusFiles(seedFiles, seedManifest).documents;
    const alone = loadCorpusFiles(seedFiles).documents;
    expect(alone.map((d) => d.meta.title)).toEqual(withManifest.map((d) => d.meta.title));
    expect(alone).toHaveLength(5);
    for (const d of alone) {
      const lines = nonEmptyLines(seedFiles.find((f) => f.name === `${d.id}.txt`)!.text);
      expect(d.meta.title).toBe(lines[0]);
      expect(d.paragraphs).toEqual(lines.slice(1));
    }
  });
});
