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

// Non-ASCII characters that the full path turns into word breaks and nothing
// else: no-break space, guillemets, en and em dashes, curly quotes, ellipsis.
// With ASCII they make up nearly all news text in Latin script.
const PLAIN_BREAKS = new Set([0xa0, 0xab, 0xbb, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026]);

const isAsciiWordChar = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);

/**
 * canonical() in one pass for text of ASCII and PLAIN_BREAKS only, or
 * undefined for anything else. There NFKC, the invisible, confusable and
 * quote rules change nothing that survives into words, so the result is the
 * same (a property test checks it); the full path's regex passes were 37% of
 * fingerprinting time (bench (a), before this path).
 */
function plainCanonical(raw: string): string | undefined {
  let out = '';
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 0x20;
    if (isAsciiWordChar(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (c >= 0x80 && !PLAIN_BREAKS.has(c)) return undefined;
    if (start >= 0) {
      out += out ? ' ' + raw.slice(start, i) : raw.slice(start, i);
      start = -1;
    }
  }
  return out.toLowerCase();
}

/** The words of a text in normal form, punctuation dropped. */
export function words(raw: string): string[] {
  const plain = plainCanonical(raw);
  if (plain !== undefined) return plain ? plain.split(' ') : [];
  return normalizeText(raw).match(WORD) ?? [];
}

/**
 * Words joined by single spaces, except that characters of unspaced scripts
 * stay together: the string character n-grams are taken from.
 */
export function canonical(raw: string): string {
  const plain = plainCanonical(raw);
  if (plain !== undefined) return plain;
  const ws = normalizeText(raw).match(WORD) ?? [];
  let out = '';
  for (let i = 0; i < ws.length; i++) {
    if (i > 0 && !(UNSPACED.test(ws[i]) && UNSPACED.test(ws[i - 1]))) out += ' ';
    out += ws[i];
  }
  return out;
}
