import { linksAny, namesAny, type CreditTargets } from '../match/credit';

/** How many blocks before and after a passage count as "near" it. */
const BEFORE = 1;
const AFTER = 1;

function siblings(el: Element, step: 'previousElementSibling' | 'nextElementSibling', n: number): Element[] {
  const out: Element[] = [];
  for (let s = el[step]; s && out.length < n; s = s[step]) out.push(s);
  return out;
}

/**
 * Whether the page credits a passage's original near it: names its outlet
 * or author in the block or the block just before or after it (a lead-in
 * "as the NYT reported:", a closing "-NYT", a caption), or links to it.
 */
export function isCredited(block: Element, targets: CreditTargets): boolean {
  const near = [...siblings(block, 'previousElementSibling', BEFORE), block, ...siblings(block, 'nextElementSibling', AFTER)];
  // A quotation's container (blockquote, figure) carries the credit in its cite or caption.
  const container = block.parentElement?.closest('blockquote, figure');
  if (container) near.push(container, ...siblings(container, 'previousElementSibling', 1), ...siblings(container, 'nextElementSibling', 1));
  const text = near.map((e) => e.textContent ?? '').join('\n');
  const hrefs = near.flatMap((e) => [...(e.matches('a[href]') ? [e] : []), ...e.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
  const cite = container?.getAttribute('cite');
  if (cite) hrefs.push(cite);
  return namesAny(text, targets.names) || linksAny(hrefs, targets.urls);
}
