/**
 * Functions that run inside a test page (pass them to page.evaluate in
 * Playwright or Puppeteer): what the contract exposes, read the same way in
 * both browsers and the demo.
 */

/** Every highlighted block's data-reprint-* attributes, in document order. */
export function readHighlights() {
  return [...document.querySelectorAll('[data-reprint-kind]')].map((e) => ({
    kind: e.getAttribute('data-reprint-kind'),
    source: e.getAttribute('data-reprint-source'),
    original: e.getAttribute('data-reprint-original'),
    score: e.getAttribute('data-reprint-score'),
    coverage: e.getAttribute('data-reprint-coverage'),
    credited: e.getAttribute('data-reprint-credited'),
    text: (e.textContent ?? '').replace(/\s+/g, ' ').slice(0, 72),
  }));
}

/** Whether the content script has finished at least one scan pass. */
export const scanned = () => document.documentElement.hasAttribute('data-reprint-scanned');
