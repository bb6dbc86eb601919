import { FUNCTION_WORDS } from '../text/function-words';
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
  '(?:half[- ]a[- ]dozen|a[- ]half[- ]dozen|half[- ]dozen|dozens?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|several|many|few|numerous|multiple|a handful of|a number of|some)';
// Order matters: quotes, money and dates claim their text before numbers and names do.
// Runs that may fail after them are bounded ({0,40}, {1,200}): unbounded, a
// failed match re-read the run from each of its positions, and 80 KB of "1,"
// took 2.5 s. No amount, name part or attribution is that long.
const PATTERNS: Array<[FactType, RegExp]> = [
  ['quote', /["“]([^"”]{3,200})["”]/g],
  [
    'money',
    /[$€£¥]\s?\d[\d,.]{0,40}(?:\s?(?:million|billion|trillion|bn|m)\b)?|\b\d[\d,.]{0,40}\s?(?:million|billion|trillion)?\s?(?:dollars|euros|pounds|yuan|rubles)\b/gi,
  ],
  [
    'date',
    new RegExp(
      `\\b${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\b\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b(?:last|this|next)\\s+(?:week|month|year|fall|spring|summer|winter)\\b|\\b(?:19|20)\\d{2}\\b`,
      'gi',
    ),
  ],
  ['number', new RegExp(`\\b\\d[\\d,.]{0,40}%?|\\b${NUMBER_WORD}\\b`, 'gi')],
  [
    'attribution',
    /\b(?:according to [^,.;]{1,200}|(?:[A-Z][\w.]{0,40}\s+){0,3}(?:officials?|spokes(?:man|woman|person)|sources?|diplomats?|analysts?|aides?)\s+(?:said|say|says|told|stated|added)\b)/g,
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
  // Names compare without titles, without a word that only starts the sentence ("As ZeroHedge"), and
  // without a final s ("Moscows" for "Moscow's").
  if (type === 'name') {
    while (ws.length > 1 && FUNCTION_WORDS.has(ws[0])) ws.shift();
    ws = ws.filter((w) => !TITLES.has(w)).map((w) => w.replace(/s$/, ''));
  }
  if (type === 'number') ws = ws.filter((w) => w !== 'a');
  return ws.join(' ');
}

/** A name without the words that only open its sentence: "As Wang Yi" is Wang Yi. */
function withoutOpening(name: string): string {
  const ws = name.split(/\s+/);
  let i = 0;
  while (i < ws.length - 1 && FUNCTION_WORDS.has(ws[i].toLowerCase())) i++;
  return ws.slice(i).join(' ');
}

/** Whether any character of [start, end) is already claimed. */
function claimed(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return true;
  return false;
}

/**
 * Facts in reading order; a span claimed by an earlier type is not re-read
 * as a later one. Claims are marked per character: one type's matches do not
 * overlap, so each type reads each character at most once (a list of claimed
 * spans, searched for every match, was quadratic in the number of facts).
 */
export function extractFacts(text: string): Fact[] {
  const taken = new Uint8Array(text.length);
  const found: Array<Fact & { at: number }> = [];
  for (const [type, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (claimed(taken, start, end)) continue;
      const t = type === 'quote' ? m[1].trim() : type === 'name' ? withoutOpening(m[0].trim()) : m[0].trim();
      const key = keyOf(type, t);
      if (!key) continue;
      taken.fill(1, start, end);
      found.push({ type, text: t, key, at: start });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...f }) => f);
}

/**
 * Facts of each side compared, the first in reading order. Every fact is
 * compared with every fact of the other side, so without a cap a page of
 * numbers ("1, 1, 1, …") made the comparison quadratic; a news paragraph
 * has a few dozen facts, and a list of hundreds of changes is not read.
 */
export const MAX_COMPARED_FACTS = 200;

/**
 * What the page changed of the source's facts: a source fact the page lacks,
 * paired with a page fact of the same type it lacks in return, reads as a
 * change ("half-dozen" → "several"); unpaired ones were dropped or added.
 */
export function compareFacts(source: string, page: string): FactChange[] {
  const a = extractFacts(source).slice(0, MAX_COMPARED_FACTS);
  const b = extractFacts(page).slice(0, MAX_COMPARED_FACTS);
  const pageKeys = b.map((f) => f.key);
  const sourceKeys = a.map((f) => f.key);
  // "Putin" keeps "Mr. Putin"; "Moscows" keeps "Moscow's".
  const contained = (key: string, keys: string[]) =>
    keys.some((k) => k === key || (Math.min(k.length, key.length) > 2 && (k.includes(key) || key.includes(k))));
  // A fact the other side states in its words is not a change, though it was not read there as a fact: "US"
  // opening a sentence is not taken for a name, and a quotation's words may stand without quotation marks.
  const said = (text: string) => {
    const byType = new Map<FactType, string>();
    return (f: Fact) => {
      if (!byType.has(f.type)) byType.set(f.type, ` ${keyOf(f.type, text)} `);
      return byType.get(f.type)!.includes(` ${f.key} `);
    };
  };
  const inPage = said(page);
  const inSource = said(source);
  const removed = a.filter((f) => !contained(f.key, pageKeys) && !inPage(f));
  const added = b.filter((f) => !contained(f.key, sourceKeys) && !inSource(f));
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
