/** Quiet time after the last mutation before re-scanning. */
const DEBOUNCE_MS = 400;

/**
 * Collects the roots of text added or changed after load (infinite scroll,
 * single-page apps) and reports them in one debounced batch. Our own UI
 * hosts are ignored, and attributes are not observed, so highlighting does
 * not feed back into scanning. Returns a function that stops watching and
 * drops any batch still waiting.
 */
export function watchMutations(target: Node, onRoots: (roots: ParentNode[]) => void): () => void {
  let pending = new Set<ParentNode>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ours = (n: Node | null) => !!n && n instanceof Element && /^REPRINT-/.test(n.tagName);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (ours(r.target) || [...r.addedNodes].some(ours)) continue;
      const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      if (!el) continue;
      // The changed element's block may be an ancestor: re-read from the nearest one.
      pending.add(el.closest('p, li, blockquote, dd, td, section, article') ?? el);
    }
    if (pending.size === 0) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const roots = [...pending].filter((r) => (r as Node).isConnected);
      pending = new Set();
      if (roots.length) onRoots(roots);
    }, DEBOUNCE_MS);
  });
  observer.observe(target, { childList: true, characterData: true, subtree: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    pending = new Set();
  };
}
