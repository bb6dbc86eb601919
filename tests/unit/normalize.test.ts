import { describe, expect, it } from 'vitest';
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
