import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charGrams } from '../../src/fingerprint/grams';
import { isSampled, sampledCharGrams, sampleGrams } from '../../src/fingerprint/sample';
import { canonical, normalizeText, words } from '../../src/text/normalize';
import { splitSentences } from '../../src/text/sentences';

describe('normalizeText', () => {
  it('removes zero-width characters and soft hyphens', () => {
    expect(normalizeText('intel\u200Bli\u00ADgence\u2060 report\uFEFF')).toBe('intelligence report');
  });
  it('folds Cyrillic and Greek look-alikes to Latin', () => {
    expect(normalizeText('Сhinеsе оffiсiаls')).toBe('chinese officials');
    expect(normalizeText('Ρutin ΑΒΕ')).toBe('putin abe');
  });
  it('folds full-width forms, ligatures, no-break spaces, curly quotes and dashes', () => {
    expect(normalizeText('ＮＡＴＯ ﬁnal\u00A0word “quoted” ‘x’ a—b')).toBe('nato final word "quoted" \'x\' a-b');
  });
});

describe('words and canonical', () => {
  it('drops punctuation and keeps letters of every script', () => {
    expect(words('U.S. officials, "Mr. Xi" said: да!')).toEqual(['u', 's', 'officials', 'mr', 'xi', 'said', 'дa']);
  });
  it('splits unspaced scripts into characters but keeps them together in the canonical string', () => {
    expect(words('中国外交部')).toHaveLength(5);
    expect(canonical('中国 外交部 said')).toBe('中国外交部 said');
  });
});

describe('splitSentences', () => {
  it('keeps offsets into the raw text', () => {
    const raw = 'First one here.  Second, with Mr. Xi, follows. Third!';
    const spans = splitSentences(raw);
    expect(spans.length).toBeGreaterThanOrEqual(3);
    for (const s of spans) expect(raw.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('splitSentences and abbreviations', () => {
  it('does not end a sentence at titles, months or initialisms', () => {
    const raw = 'Days after Mr. Xi spoke on Nov. 15, U.S. officials met. Then they left.';
    expect(splitSentences(raw).map((s) => s.text)).toEqual(['Days after Mr. Xi spoke on Nov. 15, U.S. officials met.', 'Then they left.']);
  });
});

describe('the one-pass path for plain text', () => {
  // Text of ASCII, curly quotes, dashes and no-break spaces takes a one-pass
  // path. Appending a word in a script outside it ("жшж") forces the full
  // path, so the two must agree on everything before it.
  const plainChar = fc.constantFrom(...'aZ09 .,;:!?\'"-_()[]`\t\n\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026'.split(''));
  const plain = fc.array(plainChar, { maxLength: 60 }).map((cs) => cs.join(''));
  it('gives the same words and canonical form as the full normaliser', () => {
    fc.assert(
      fc.property(plain, (text) => {
        const full = canonical(`${text} жшж`);
        expect(full).toBe(canonical(text) ? `${canonical(text)} жшж` : 'жшж');
        expect(words(`${text} жшж`)).toEqual([...words(text), 'жшж']);
      }),
    );
  });
  it('samples exactly the grams that sampling all grams keeps', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const all = charGrams(text);
        expect(Array.from(sampleGrams(all))).toEqual(Array.from(all).filter(isSampled));
        expect(Array.from(sampledCharGrams(text))).toEqual(Array.from(sampleGrams(all)));
      }),
    );
  });
});
