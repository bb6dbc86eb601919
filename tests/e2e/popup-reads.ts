/**
 * Reading the popup's own words (not the page's excerpts) in either browser,
 * and checking its counts agree with their nouns.
 */

interface Evaluates {
  evaluate<T>(fn: () => T): Promise<T>;
}

/** The popup's own sentences: the summary line, its details, and the footer. Excerpts and titles are the page's and the corpus's. */
export function popupText(popup: Evaluates): Promise<string[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('summary, .summary-details p, .summary-details li, footer > div')].map((e) => (e.textContent ?? '').trim()),
  );
}

const NOUN = /(\d[\d,]*)\s+((?:[a-z]+ ){0,2}?)(cop(?:y|ies)|paragraphs?|versions?|sources?|passages?|documents?)\b/g;

/** Counts whose noun disagrees with them ("2 reworded copy", "1 paragraphs"), as "2 reworded copy"; none when all agree. */
export function popupPlurals(lines: string[]): string[] {
  const wrong: string[] = [];
  for (const line of lines)
    for (const m of line.matchAll(NOUN)) {
      const one = Number(m[1].replace(/,/g, '')) === 1;
      const singular = /^(copy|paragraph|version|source|passage|document)$/.test(m[3]);
      if (one !== singular) wrong.push(m[0]);
    }
  return wrong;
}
