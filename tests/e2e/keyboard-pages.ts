import { SEED_PARAGRAPHS } from './pages';

/**
 * What a screen reader must hear on each highlight of the demo page, in
 * reading order (tests/fixtures/pages/demo.html, tests/e2e/expectations.ts):
 * the kind, the source by name, and the similarity.
 */
export const DEMO_MARKERS = [
  /^Reprint: copied verbatim from ZeroHedge News, 100% similar$/,
  /^Reprint: lightly edited copy of “President Xi Pushes Putin.*”, \d+% similar$/,
  /^Reprint: reworded copy of ZeroHedge News, \d+% similar$/,
  /^Reprint: lightly edited copy of “US Shared Intelligence.*”, \d+% similar$/,
];

/**
 * A corpus paragraph with a link inside it, between two links of the
 * page's own: Tab from the inner link must reach the card's Compare button,
 * and Tab past the card must go on to the link after the paragraph.
 */
export function linkedPage(): string {
  const words = SEED_PARAGRAPHS[9].split(' ');
  const linked = `${words.slice(0, 6).join(' ')} <a id="inner" href="#inner">${words.slice(6, 10).join(' ')}</a> ${words.slice(10).join(' ')}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linked</title></head><body><main>
<p><a id="before" href="#before">Local news</a></p>
<p id="copy">${linked}</p>
<p><a id="after" href="#after">More local news</a></p>
</main></body></html>`;
}
