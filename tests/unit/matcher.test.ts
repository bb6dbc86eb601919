import { describe, expect, it } from 'vitest';
import { id, seedHit, seedMatch, seedParagraph } from './helpers/seeds';

describe('CorpusMatcher on the seeds', () => {
  it('finds a verbatim copy, with every version of the passage', async () => {
    const r = await seedHit(seedParagraph('000', 'Days after President Biden'));
    expect(r.kind).toBe('verbatim');
    expect(r.source).toBe(id('000'));
    expect(r.score).toBe(1);
    expect(r.versions.map((v) => v.docId)).toContain(id('001'));
  });

  it('classifies light edits as edited', async () => {
    const edited = seedParagraph('003', 'The previously unreported talks')
      .replace(', led by President Xi Jinping,', '')
      .replace('Moscow’s', 'Moscows')
      .replace('U.S.', 'US');
    const r = await seedHit(edited);
    expect(r).toMatchObject({ kind: 'edited', source: id('003') });
    expect(r.score).toBeGreaterThan(0.8);
  });

  it('recognises the seeds’ known reworded pairs', async () => {
    const pairs: Array<[string, string, string]> = [
      ['001', 'Days after President Biden spoke with Xi', '000'],
      ['001', 'After a diplomatic exchange in December', '000'],
      ['004', 'Negotiations between American and Chinese officials', '003'],
      ['004', 'The two leaders acknowledged obstacles', '002'],
    ];
    for (const [doc, start, other] of pairs) {
      const r = await seedHit(seedParagraph(doc, start));
      const v = r.versions.find((x) => x.docId === id(other));
      expect(v, `${doc} "${start}" should carry ${other}`).toBeDefined();
      expect(v!.kind).toBe('reworded');
    }
  });

  it('matches a disguised copy as if it were plain', async () => {
    const plain = seedParagraph('000', 'Days after President Biden');
    const disguised = plain
      .replace(/o/g, 'о') // Cyrillic o
      .replace(/a/g, 'а') // Cyrillic a
      .replace(/ /g, (s, i: number) => (i % 3 ? '\u00A0' : '\u200B '))
      .replace('officials', 'oﬃcials')
      .replace('Ukraine', 'Ｕｋｒａｉｎｅ');
    expect(await seedMatch(disguised)).toMatchObject({ kind: 'verbatim', source: id('000'), score: 1 });
  });

  it('marks only the quoted part of a paragraph and reports its coverage', async () => {
    const quote = 'China not only rebuffed the Biden administration but also presented the intelligence shared by the US to Moscow.';
    const text = `Commentators in the region were scathing. ${quote} Diplomats in Brussels declined to comment on the record, and the embassy did not answer questions sent on Tuesday.`;
    const r = await seedHit(text);
    expect(r.source).toBe(id('002'));
    expect(r.coverage).toBeLessThan(0.6);
    expect(r.spans).toHaveLength(1);
    expect(text.slice(r.spans[0].start, r.spans[0].end)).toBe(quote);
  });

  it('follows a paragraph split in two and two paragraphs merged in one', async () => {
    const p = seedParagraph('000', 'Days after President Biden');
    const [first, ...rest] = p.split('. The Americans');
    expect(await seedMatch(first + '.')).toMatchObject({ kind: 'verbatim', source: id('000') });
    expect((await seedMatch('The Americans' + rest.join('. The Americans')))?.source).toBe(id('000'));
    const merged = `${seedParagraph('000', 'For months, some')} ${seedParagraph('000', 'Around Feb. 10')}`;
    expect(await seedMatch(merged)).toMatchObject({ kind: 'verbatim', source: id('000'), coverage: 1 });
  });

  it('never flags independent writing on the same events, furniture, or empty text', async () => {
    for (const text of [
      'Chinese officials were briefed by American diplomats several times before the invasion, but Beijing declined to press Moscow, according to people familiar with the meetings.',
      'Your email address will not be published. Required fields are marked *',
      'This site uses Akismet to reduce spam. Learn how your comment data is processed.',
      'Fight Censorship, Share This Post!',
      '',
      '   ',
    ])
      expect(await seedMatch(text)).toBeNull();
  });

  it('names the corpus document ranked first as the original', async () => {
    const r = await seedHit(seedParagraph('000', 'After one diplomatic exchange'));
    expect(r.versions.map((v) => v.docId)).toEqual(expect.arrayContaining([id('000'), id('003')]));
    expect(r.original).toBe(r.versions.find((v) => v.docId === r.original)!.docId);
  });
});
