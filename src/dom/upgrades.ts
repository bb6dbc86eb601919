/**
 * Custom elements the page has not defined yet. When its script defines one
 * (often after Reprint's first pass), the element is upgraded: its
 * constructor may attach an open shadow root and render the story into it,
 * and no mutation of the document tells. So those elements are looked at
 * again a few times, backing off, and the ones defined since are handed
 * over to be scanned, their new roots with them.
 */

/** When to look again, in milliseconds after the last look: about 15 s in all. */
const DELAYS_MS = [500, 1000, 2000, 4000, 8000];

/** `later` is the content script context's setTimeout, so the looks stop with it. */
export function watchUpgrades(root: ParentNode, onDefined: (elements: Element[]) => void, later: (fn: () => void, ms: number) => void): () => void {
  // A custom element's name has a hyphen; built-in elements are always defined.
  let pending = [...root.querySelectorAll(':not(:defined)')].filter((el) => el.localName.includes('-'));
  let stopped = false;
  let step = 0;
  const upgraded = (el: Element) => el.shadowRoot !== null || el.matches(':defined');
  const look = () => {
    if (stopped) return;
    const defined = pending.filter((el) => el.isConnected && upgraded(el));
    pending = pending.filter((el) => el.isConnected && !upgraded(el));
    if (defined.length) onDefined(defined);
    if (pending.length && step < DELAYS_MS.length) later(look, DELAYS_MS[step++]);
  };
  if (pending.length) later(look, DELAYS_MS[step++]);
  return () => {
    stopped = true;
  };
}
