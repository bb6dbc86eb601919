/**
 * The page's open shadow roots (web components such as `<news-body>`),
 * read as any script can read them: `element.shadowRoot`, which is null for
 * closed roots, Reprint's own included. Nothing of the page is patched, so
 * a root is found when a scan walks past its host, not when it is attached.
 */

import { isOwnNode } from './layer';
import { inSlices } from './schedule';

/**
 * The open shadow roots under `root` (its own, its descendants', and those
 * nested inside them), in time slices. Each element is looked at once: a
 * nested root is searched on its own, never again from its host's tree.
 */
export async function openShadowRoots(root: ParentNode): Promise<ShadowRoot[]> {
  const found: ShadowRoot[] = [];
  const check = (el: Element) => {
    const shadow = el.shadowRoot;
    if (shadow && !isOwnNode(el)) found.push(shadow);
  };
  if ((root as Node).nodeType === 1) check(root as Element);
  for (let i = -1; i < found.length; i++) await inSlices((i < 0 ? root : found[i]).querySelectorAll('*'), check);
  return found;
}

/** A shadow root's host; null for any other node (an `<a>` has a `host` too: a string). */
export const hostOf = (n: Node): Element | null => (n.nodeType === 11 ? ((n as ShadowRoot).host ?? null) : null);

/** The node's parent across shadow boundaries: past a shadow root, its host. */
export const composedParent = (n: Node): Node | null => n.parentNode ?? hostOf(n);

/** The node and the hosts of the shadow trees it sits in, outermost first. */
function hostChain(n: Node): Node[] {
  const chain = [n];
  for (let host = hostOf(n.getRootNode()); host; host = hostOf(host.getRootNode())) chain.unshift(host);
  return chain;
}

/**
 * Orders two nodes as a reader meets them, across shadow trees: by their
 * outermost hosts in the document, then inside the first tree they differ
 * in. `compareDocumentPosition` alone calls nodes of two trees unrelated.
 */
export function composedOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const ca = hostChain(a);
  const cb = hostChain(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  // One is the host of the other's tree: the host comes first.
  if (i === ca.length) return -1;
  if (i === cb.length) return 1;
  return ca[i].compareDocumentPosition(cb[i]) & 4 /* DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1;
}
