/**
 * Furniture by evidence (src/corpus/furniture.ts): a short line is furniture
 * where it repeats (in the document, or across three or more documents) or
 * sits where site furniture sits (the tail, a box set into the article), not
 * because it says "you".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { furnitureMask, isFurnitureText, shortParagraphFrequency } from '../../src/corpus/furniture';
import { MemoryIndex } from '../../src/index/memory';
import type { CorpusDocument } from '../../src/types';
import { seedDocuments } from './helpers/seeds';

const LEDE = 'If you travel to the islands this weekend, expect no ferries before noon.';
const QUOTE = '"Do you have it in you?" the coach asked the runners at the start line.';
const PROMPT = "Sign up for our morning briefing and get the day's top stories in your inbox.";
const COMMENTS = 'Your email address will not be published. Required fields are marked *';

/** Full paragraphs (over 25 words) of a made-up article, distinct per document. */
const body = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `The ${topic} committee met for the ${['first', 'second', 'third', 'fourth'][i]} time this year to discuss the ${topic} budget, the timetable for the works, the contracts still to be signed and the complaints that residents have sent in since the spring.`,
  );

const doc = (id: string, paragraphs: string[]): CorpusDocument => ({
  id,
  meta: { title: id, publisher: null, author: null, date: null, url: null },
  paragraphs,
});

describe('furniture by evidence, not by pronoun', () => {
  it('keeps a short lede and short quoted speech that speak to the reader', () => {
    const [a, b, c] = body('harbour', 3);
    const paragraphs = [LEDE, a, QUOTE, b, c];
    expect(isFurnitureText(LEDE)).toBe(false);
    expect(isFurnitureText(QUOTE)).toBe(false);
    expect(furnitureMask(paragraphs)).toEqual([false, false, false, false, false]);
  });

  it('drops a reader prompt that three documents carry, and finds the ledes beside it', async () => {
    const topics = ['harbour', 'library', 'tram'];
    const docs = topics.map((t, i) => {
      const [a, b, c] = body(t, 3);
      return doc(t, [i === 0 ? LEDE : `The ${t} works begin on Monday and will last until the end of the summer holidays.`, a, PROMPT, b, c, COMMENTS]);
    });
    const df = shortParagraphFrequency(docs.map((d) => d.paragraphs));
    for (const d of docs) {
      const mask = furnitureMask(d.paragraphs, df);
      expect(mask[2], PROMPT).toBe(true);
      expect(mask[5], COMMENTS).toBe(true);
      expect(mask[0], d.paragraphs[0]).toBe(false);
    }
    // The same through the index, whose furniture counts short lines across documents as they arrive.
    const { matcher } = await MemoryIndex.of(docs);
    const [prompt, comments, lede] = await matcher.match([PROMPT, COMMENTS, LEDE]);
    expect(prompt).toBeNull();
    expect(comments).toBeNull();
    expect(lede).toMatchObject({ source: 'harbour', kind: 'verbatim' });
  });

  it('drops "Your email address will not be published" repeated across documents even outside a tail', () => {
    const docs = ['a', 'b', 'c'].map((t) => doc(t, [body(t, 1)[0], COMMENTS, body(t, 2)[1]]));
    const df = shortParagraphFrequency(docs.map((d) => d.paragraphs));
    for (const d of docs) expect(furnitureMask(d.paragraphs, df)[1]).toBe(true);
    // One document alone does not show it repeats, and it is not in the tail.
    expect(furnitureMask(docs[0].paragraphs)[1]).toBe(false);
  });

  it('drops a box set into the article (seed 004’s newsletter form), and keeps numbered steps between paragraphs', () => {
    const seed = seedDocuments.find((d) => d.id.startsWith('004'))!;
    const mask = furnitureMask(seed.paragraphs);
    const form = seed.paragraphs.findIndex((p) => p.startsWith('By submitting your email'));
    expect(form).toBeGreaterThan(0);
    expect(mask.slice(form - 3, form + 1)).toEqual([true, true, true, true]);
    const [a, b] = body('algorithm', 2);
    const steps = [
      a,
      '1. Break the problem into parts.',
      '2. Solve each part.',
      '3. Use these optimal solutions to construct an optimal solution for the whole problem.',
      b,
    ];
    expect(furnitureMask(steps)[3]).toBe(false);
  });

  it('judges a paragraph the same whatever its pronouns', () => {
    const vocabulary = fc.constantFrom('you', 'your', 'we', 'the', 'ferry', 'council', 'said', 'on', 'Monday', 'vote', 'will', 'run', 'late', 'again');
    const paragraph = fc.array(vocabulary, { minLength: 1, maxLength: 40 }).map((ws) => ws.join(' ') + '.');
    // "zyx" and "zyxw" stand in for "you" and "your": other words of the same count that speak to no one.
    const neutral = (p: string) => p.replace(/\byou\b/gi, 'zyx').replace(/\byour\b/gi, 'zyxw');
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), (ps) => {
        expect(furnitureMask(ps)).toEqual(furnitureMask(ps.map(neutral)));
        for (const p of ps) expect(isFurnitureText(p)).toBe(isFurnitureText(neutral(p)));
      }),
    );
  });
});
