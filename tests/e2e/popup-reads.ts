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

/** The popup's summary line for a page with `paragraphs` reprinted paragraphs: the share, the count and the credit, in one line. */
export const summaryLine = (paragraphs: number) => new RegExp(`^\\d+% reprinted · ${paragraphs} paragraphs · (\\d+ credited|all credited)$`);

/**
 * Runs in the popup: its height, how many entries it lists, and how many
 * of them a reader sees whole without scrolling (inside the list's box and
 * the window).
 */
export function popupFit(): { height: number; entries: number; inView: number } {
  const list = document.querySelector('ul.entries')!.getBoundingClientRect();
  const entries = [...document.querySelectorAll('ul.entries > li')].map((li) => li.getBoundingClientRect());
  return {
    height: document.documentElement.scrollHeight,
    entries: entries.length,
    inView: entries.filter((r) => r.top >= list.top - 0.5 && r.bottom <= Math.min(list.bottom, innerHeight) + 0.5).length,
  };
}
