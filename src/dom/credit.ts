import { linksAny, namesAny, type CreditTargets } from '../match/credit';

/** How many blocks before and after a passage count as "near" it. */
const BEFORE = 1;
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

/**
 * Whether the page credits a passage's original near it: names its outlet
 * or author in the block or the block just before or after it (a lead-in
 * "as the NYT reported:", a closing "-NYT", a caption), or links to it.
 * Only what a reader can see counts: hidden text, `<noscript>` and hidden
 * links are not credit.
 */
export function isCredited(block: Element, targets: CreditTargets): boolean {
  const near = [...siblings(block, 'previousElementSibling', BEFORE), block, ...siblings(block, 'nextElementSibling', AFTER)];
  // A quotation's container (blockquote, figure) carries the credit in its cite or caption.
  const container = block.parentElement?.closest('blockquote, figure');
  if (container) near.push(container, ...siblings(container, 'previousElementSibling', 1), ...siblings(container, 'nextElementSibling', 1));
  const text = near.map(visibleText).join('\n');
  const hrefs = near.flatMap((e) =>
    [...(e.matches('a[href]') ? [e] : []), ...e.querySelectorAll('a[href]')]
      .filter((a) => !a.closest('noscript, template') && isVisible(a))
      .map((a) => (a as HTMLAnchorElement).href),
  );
  // A blockquote's cite attribute is not displayed, but it is the quotation's own source, set by the page's author.
  const cite = container?.getAttribute('cite');
  if (cite) hrefs.push(cite);
  return namesAny(text, targets.names) || linksAny(hrefs, targets.urls);
}
