import { words } from '../text/normalize';

/**
 * Facts a rewrite can quietly change: numbers and amounts, dates, money,
 * names, quoted words, and who said it. Compared between two versions so
 * the comparison can lead with what changed in substance.
 */
export type FactType = 'number' | 'money' | 'date' | 'name' | 'quote' | 'attribution';

export interface Fact {
  type: FactType;
  text: string;
  /** Comparison key: dots, hyphens, case and titles dropped. */
  key: string;
}

export interface FactChange {
  type: FactType;
  /** The source's version; null when the page added it. */
  from: string | null;
  /** The page's version; null when the page dropped it. */
  to: string | null;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const NUMBER_WORD =
  '(?:half[- ]a[- ]dozen|a[- ]half[- ]dozen|half[- ]dozen|dozens?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|several|many|few|numerous|multiple|a handful of|a number of|some)';
// Order matters: quotes, money and dates claim their text before numbers and names do.
const PATTERNS: Array<[FactType, RegExp]> = [
  ['quote', /["“]([^"”]{3,200})["”]/g],
  [
    'money',
    /[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m)\b)?|\b\d[\d,.]*\s?(?:million|billion|trillion)?\s?(?:dollars|euros|pounds|yuan|rubles)\b/gi,
  ],
  [
    'date',
    new RegExp(
      `\\b${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\b\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b(?:last|this|next)\\s+(?:week|month|year|fall|spring|summer|winter)\\b|\\b(?:19|20)\\d{2}\\b`,
      'gi',
    ),
  ],
  ['number', new RegExp(`\\b\\d[\\d,.]*%?|\\b${NUMBER_WORD}\\b`, 'gi')],
  [
    'attribution',
    /\b(?:according to [^,.;]+|(?:[A-Z][\w.]*\s+){0,3}(?:officials?|spokes(?:man|woman|person)|sources?|diplomats?|analysts?|aides?)\s+(?:said|say|says|told|stated|added)\b)/g,
  ],
  // Capitalised runs that do not start a sentence, or that are several words long.
  [
    'name',
    /\b(?:\p{Lu}\.){2,}|(?<![.!?]\s|^)\b(?:(?:Mr|Mrs|Ms|Dr|President|Gen)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*|\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+/gu,
  ],
];
const PAIRED = new Set<FactType>(['number', 'money', 'date', 'quote']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'gen', 'the']);

function keyOf(type: FactType, text: string): string {
  let ws = words(
    text
      .replace(/['’]s\b/g, '')
      .replace(/['’.]/g, '')
      .replace(/-/g, ' '),
  );
  // Names compare without titles and without a final s ("Moscows" for "Moscow's").
  if (type === 'name') ws = ws.filter((w) => !TITLES.has(w)).map((w) => w.replace(/s$/, ''));
  if (type === 'number') ws = ws.filter((w) => w !== 'a');
  return ws.join(' ');
}

/** Facts in reading order; a span claimed by an earlier type is not re-read as a later one. */
export function extractFacts(text: string): Fact[] {
  const taken: Array<[number, number]> = [];
  const found: Array<Fact & { at: number }> = [];
  for (const [type, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const t = (type === 'quote' ? m[1] : m[0]).trim();
      const key = keyOf(type, t);
      if (!key) continue;
      taken.push([start, end]);
      found.push({ type, text: t, key, at: start });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...f }) => f);
}

/**
 * What the page changed of the source's facts: a source fact the page lacks,
 * paired with a page fact of the same type it lacks in return, reads as a
 * change ("half-dozen" → "several"); unpaired ones were dropped or added.
 */
export function compareFacts(source: string, page: string): FactChange[] {
  const a = extractFacts(source);
  const b = extractFacts(page);
  const pageKeys = b.map((f) => f.key);
  const sourceKeys = a.map((f) => f.key);
  // "Putin" keeps "Mr. Putin"; "Moscows" keeps "Moscow's".
  const contained = (key: string, keys: string[]) =>
    keys.some((k) => k === key || (Math.min(k.length, key.length) > 2 && (k.includes(key) || key.includes(k))));
  const removed = a.filter((f) => !contained(f.key, pageKeys));
  const added = b.filter((f) => !contained(f.key, sourceKeys));
  const changes: FactChange[] = [];
  for (const r of removed) {
    // Substitutions read as changes only where one value can replace another.
    const i = PAIRED.has(r.type) ? added.findIndex((x) => x.type === r.type) : -1;
    if (i >= 0) changes.push({ type: r.type, from: r.text, to: added.splice(i, 1)[0].text });
    else changes.push({ type: r.type, from: r.text, to: null });
  }
  for (const x of added) changes.push({ type: x.type, from: null, to: x.text });
  return changes;
}
