/** Quiet time after the last mutation before re-scanning. */
const DEBOUNCE_MS = 400;
/**
 * Longest a change waits, however busy the page: a page that mutates every
 * 200 ms (a ticker, a clock) held a pure debounce off for ever.
 */
const MAX_WAIT_MS = 2000;

/**
 * Collects the roots of text added or changed after load (infinite scroll,
 * single-page apps) and reports them in batches: after a quiet moment, or
 * at the latest MAX_WAIT_MS after the first change. Reprint's own nodes,
 * known by identity (`isOwn`), are ignored, and attributes are not
 * observed, so highlighting does not feed back into scanning. Returns a
 * function that stops watching and drops any batch still waiting.
 */
export function watchMutations(target: Node, isOwn: (n: Node) => boolean, onRoots: (roots: ParentNode[]) => void): () => void {
  let pending = new Set<ParentNode>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const roots = [...pending].filter((r) => (r as Node).isConnected);
    pending = new Set();
    if (roots.length) onRoots(roots);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (isOwn(r.target) || (r.addedNodes.length > 0 && [...r.addedNodes].every(isOwn)) || (r.removedNodes.length > 0 && [...r.removedNodes].every(isOwn)))
        continue;
      const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      if (!el) continue;
      // The changed element's block may be an ancestor: re-read from the nearest one.
      pending.add(el.closest('p, li, blockquote, dd, td, section, article') ?? el);
    }
    if (pending.size === 0) return;
    const now = Date.now();
    if (timer === undefined) first = now;
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(DEBOUNCE_MS, first + MAX_WAIT_MS - now)));
  });
  observer.observe(target, { childList: true, characterData: true, subtree: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    pending = new Set();
  };
}
