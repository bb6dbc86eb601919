/**
 * One normal form for corpus and page text, so that a disguised copy
 * (zero-width characters, look-alike letters, full-width forms, ligatures,
 * curly quotes) fingerprints exactly like the plain one.
 */

// Format and filler characters that render as nothing but split words.
// Combining marks among them (U+034F, variation selectors) are meant one by one.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

// Cyrillic and Greek letters drawn like Latin ones (Unicode TR39 confusables,
// restricted to the single-letter cases spinners use). Applied after lower-casing.
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ɡ: 'g',
  ɑ: 'a',
  ı: 'i',
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  ζ: 'z',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');

const QUOTES: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-'],
];

/** Lower-cased, disguise-free text; keeps punctuation and spacing shape. */
export function normalizeText(raw: string): string {
  let s = raw.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  s = s.replace(CONFUSABLE_RE, (c) => CONFUSABLES[c]);
  for (const [re, to] of QUOTES) s = s.replace(re, to);
  return s.replace(/\s+/g, ' ').trim();
}

// Scripts written without spaces: each character counts as a word.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]|[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text in normal form, punctuation dropped. */
export function words(raw: string): string[] {
  return normalizeText(raw).match(WORD) ?? [];
}

/**
 * Words joined by single spaces, except that characters of unspaced scripts
 * stay together: the string character n-grams are taken from.
 */
export function canonical(raw: string): string {
  const ws = words(raw);
  let out = '';
  for (let i = 0; i < ws.length; i++) {
    if (i > 0 && !(UNSPACED.test(ws[i]) && UNSPACED.test(ws[i - 1]))) out += ' ';
    out += ws[i];
  }
  return out;
}
