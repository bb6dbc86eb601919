import { linkedSite, namedIn, type CreditEvidence, type CreditPlace, type CreditTargets } from '../match/credit';

/**
 * How many blocks before and after a passage count as "near" it: a
 * lead-in ("As ZeroHedge put it:") may sit above a one-line subhead or
 * image caption, and a closing "-NYT" sits just after.
 */
const BEFORE = 2;
const AFTER = 1;
/**
 * Text smaller than this, in CSS pixels, is not read as credit: the
 * visually-hidden pattern (1 px, clipped) and zero-size fonts hide text
 * that layout still places.
 */
const MIN_VISIBLE_PX = 4;
/** NodeFilter.SHOW_TEXT, without the global (fixture tests parse pages outside a browser). */
const SHOW_TEXT = 0x4;

function siblings(el: Element, step: 'previousElementSibling' | 'nextElementSibling', n: number): Element[] {
  const out: Element[] = [];
  for (let s = el[step]; s && out.length < n; s = s[step]) out.push(s);
  return out;
}

/**
 * Whether a person can see an element: rendered, not transparent or hidden
 * by CSS, and of a readable size. Where the engine has no layout (unit
 * tests in a DOM without it), everything counts as visible.
 */
function isVisible(el: Element): boolean {
  if (!('checkVisibility' in el) || !(el.ownerDocument.documentElement?.getBoundingClientRect?.().width > 0)) return true;
  if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions)) return false;
  const r = el.getBoundingClientRect();
  return r.width >= MIN_VISIBLE_PX && r.height >= MIN_VISIBLE_PX && parseFloat(getComputedStyle(el).fontSize) >= MIN_VISIBLE_PX;
}

/** The text a person can see in an element: text nodes whose element is visible. `<noscript>` and templates never render. */
function visibleText(root: Element): string {
  if (!isVisible(root)) return '';
  const seen = new Map<Element, boolean>();
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest('noscript, template, script, style')) continue;
    let ok = seen.get(parent);
    if (ok === undefined) seen.set(parent, (ok = isVisible(parent)));
    if (ok) out += n.nodeValue;
  }
  return out;
}

/** Links a person can see in an element, itself included. */
const visibleLinks = (e: Element): string[] =>
  [...(e.matches('a[href]') ? [e] : []), ...e.querySelectorAll('a[href]')]
    .filter((a) => !a.closest('noscript, template') && isVisible(a))
    .map((a) => (a as HTMLAnchorElement).href);

/** What one element credits: a name in its visible text, else a visible link. */
function creditIn(e: Element, targets: CreditTargets, place: CreditPlace): CreditEvidence | null {
  const name = namedIn(visibleText(e), targets.names);
  if (name) return { via: 'name', name, place };
  const site = linkedSite(visibleLinks(e), targets.urls);
  return site ? { via: 'link', site, place } : null;
}

/**
 * A line that credits the whole article, wherever it stands: "This article
 * originally appeared on ZeroHedge", "Source: Reuters", "Republished with
 * permission", "© The New York Times".
 */
const CREDIT_LINE =
  /\b(?:originally|first)\s+(?:appeared|published|posted|ran)\b|\b(?:republished|reprinted|syndicated|reposted)\b|\b(?:source|sources|via|courtesy(?:\s+of)?|credit|h\/t)\s*:|©|\bcopyright\b/i;
/** A credit line is short; a paragraph that merely uses "source:" in a sentence is text, not a credit line. */
const CREDIT_LINE_CHARS = 300;
/** Blocks a credit line is written in. */
const LINE_BLOCK = 'p, li, footer, figcaption, address, small, em, i, cite, aside, div, span';

/**
 * The page's credit lines, read once per task: the scanner applies a batch
 * of highlights in one task, and every highlight of the batch that has no
 * credit nearby asks. Text nodes are walked once, and only the few that
 * hold a credit cue go further; the next task reads the page afresh. On the
 * bench's 3,000-paragraph page, load to fully scanned took 743–785 ms
 * without this walk and 763–883 ms with it (3 runs each, within the noise
 * of these machines), with no long task either way.
 */
const lineCache = new WeakMap<Document, Element[]>();
function creditLines(doc: Document): Element[] {
  const cached = lineCache.get(doc);
  if (cached) return cached;
  const lines = new Set<Element>();
  if (doc.body) {
    const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!CREDIT_LINE.test(n.nodeValue ?? '')) continue;
      const line = n.parentElement?.closest(LINE_BLOCK);
      if (line && !line.closest('noscript, template, script, style') && (line.textContent ?? '').length <= CREDIT_LINE_CHARS) lines.add(line);
    }
  }
  const out = [...lines];
  lineCache.set(doc, out);
  setTimeout(() => lineCache.delete(doc), 0);
  return out;
}

/**
 * How the page credits a passage's original, or null where it does not:
 * it names the outlet, publisher or author, or links to its page or site,
 *  - in the block, or the blocks just before or after it (a lead-in "as the
 *    NYT reported:", a closing "-NYT", a caption);
 *  - in a quotation's container (blockquote, figure), its cite or caption;
 *  - in a credit line anywhere on the page ("Originally published on …").
 * Only what a reader can see counts: hidden text, `<noscript>` and hidden
 * links are not credit.
 */
export function creditEvidence(block: Element, targets: CreditTargets): CreditEvidence | null {
  const near: Array<[Element, CreditPlace]> = [
    [block, 'block'],
    ...siblings(block, 'previousElementSibling', BEFORE).map((e): [Element, CreditPlace] => [e, 'before']),
    ...siblings(block, 'nextElementSibling', AFTER).map((e): [Element, CreditPlace] => [e, 'after']),
  ];
  // A quotation's container (blockquote, figure) carries the credit in its cite or caption.
  const container = block.parentElement?.closest('blockquote, figure');
  if (container)
    near.push(
      [container, 'quote'],
      ...[...siblings(container, 'previousElementSibling', 1), ...siblings(container, 'nextElementSibling', 1)].map((e): [Element, CreditPlace] => [
        e,
        'quote',
      ]),
    );
  for (const [e, place] of near) {
    const found = creditIn(e, targets, place);
    if (found) return found;
  }
  // A blockquote's cite attribute is not displayed, but it is the quotation's own source, set by the page's author.
  const cite = container?.getAttribute('cite');
  const citeSite = cite ? linkedSite([cite], targets.urls) : null;
  if (citeSite) return { via: 'link', site: citeSite, place: 'quote' };
  for (const line of creditLines(block.ownerDocument)) {
    const found = isVisible(line) ? creditIn(line, targets, 'page') : null;
    if (found) return found;
  }
  return null;
}
