/** Quiet time after the last mutation before re-scanning. */
const DEBOUNCE_MS = 400;
/**
 * Longest a change waits, however busy the page: a page that mutates every
 * 200 ms (a ticker, a clock) held a pure debounce off for ever.
 */
const MAX_WAIT_MS = 2000;
/**
 * The attributes that show or hide text: a class or style that reveals a
 * block ("Read more", accordions, paywalls), `hidden`, and `open` on
 * `<details>` and `<dialog>`.
 */
const REVEALING = ['style', 'class', 'hidden', 'open'];
/** The nearest element whose whole text a change may have altered. */
const CHANGED_BLOCK = 'p, li, blockquote, dd, td, section, article';

export interface Watcher {
  /** Follows changes inside an open shadow root too (once per root, however often it is found). */
  observe(root: ShadowRoot): void;
  /** Stops watching and drops any batch still waiting. */
  stop(): void;
}

/**
 * Collects the roots of text added or changed after load (infinite scroll,
 * single-page apps), and of parts whose visibility may have changed (a
 * revealing attribute, or a `toggle` event: a popover shows without any
 * attribute), and reports them in batches: after a quiet moment, or at the
 * latest MAX_WAIT_MS after the first change. Reprint's own nodes, known by
 * identity (`isOwn`), are ignored, so its hosts' guarded style does not feed
 * back into scanning; its marks live in a closed root, out of sight.
 */
export function watchMutations(target: Node, isOwn: (n: Node) => boolean, onRoots: (changed: ParentNode[], revealed: ParentNode[]) => void): Watcher {
  let changed = new Set<ParentNode>();
  let revealed = new Set<ParentNode>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const watched = new WeakSet<Node>();
  const listening = new AbortController();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const live = (set: Set<ParentNode>) => [...set].filter((r) => (r as Node).isConnected);
    const [c, r] = [live(changed), live(revealed)];
    changed = new Set();
    revealed = new Set();
    if (c.length || r.length) onRoots(c, r);
  };
  const later = () => {
    const now = Date.now();
    if (timer === undefined) first = now;
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(DEBOUNCE_MS, first + MAX_WAIT_MS - now)));
  };
  const observer = new MutationObserver((records) => {
    let any = false;
    for (const r of records) {
      if (isOwn(r.target) || (r.addedNodes.length > 0 && [...r.addedNodes].every(isOwn)) || (r.removedNodes.length > 0 && [...r.removedNodes].every(isOwn)))
        continue;
      if (r.type === 'attributes') {
        // The element and what it holds may have come into view (or gone out of it).
        revealed.add(r.target as Element);
        any = true;
        continue;
      }
      const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      // Text straight inside a shadow root has no parent element: the root itself is what changed.
      const root = el ?? (r.target.nodeType === 11 ? (r.target as ShadowRoot) : null);
      if (!root) continue;
      // The changed element's block may be an ancestor: re-read from the nearest one.
      changed.add((el && el.closest(CHANGED_BLOCK)) ?? root);
      any = true;
    }
    if (any) later();
  });
  // `toggle` does not bubble: caught on the way down.
  const onToggle = (e: Event) => {
    if (!(e.target instanceof Element) || isOwn(e.target)) return;
    revealed.add(e.target);
    later();
  };
  const observe = (node: Node) => {
    if (watched.has(node)) return;
    watched.add(node);
    observer.observe(node, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: REVEALING });
    node.addEventListener('toggle', onToggle, { capture: true, signal: listening.signal });
  };
  observe(target);
  return {
    observe,
    stop() {
      observer.disconnect();
      listening.abort();
      clearTimeout(timer);
      changed = new Set();
      revealed = new Set();
    },
  };
}
