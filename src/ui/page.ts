import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Highlighter } from '../dom/highlighter';
import { PageScanner } from '../dom/scanner';
import { watchMutations } from '../dom/watcher';
import { dispatcher, sendToBackground, type PopupToContent } from '../messages';
import { CompareDialog } from './compare';
import { bindHover } from './hover';
import { summarize, summarizePage } from './summary';
import { Tooltip } from './tooltip';

/** How long a block the popup reveals stays flashed. */
const FLASH_MS = 1600;

/**
 * Reprint in a page, as the content script runs it: scans the page when it
 * is idle and again as it changes, highlights what the background matches,
 * shows the tooltip and the comparison, and answers the popup. Timers and
 * page listeners go through the content script's context, so they stop with
 * it. Returns the teardown, for `ctx.onInvalidated`: it leaves the page as
 * it was (no highlights, no tooltip or comparison) and nothing listening.
 */
export function startReprint(ctx: ContentScriptContext): () => void {
  const root = document.documentElement;
  const highlighter = new Highlighter();
  const compare = new CompareDialog();
  const tooltip = new Tooltip((t) => compare.open(t));
  bindHover((type, handler) => ctx.addEventListener(document, type, handler, { capture: true }), highlighter, tooltip);

  let lastCount = -1;
  const scanner = new PageScanner(
    (texts) => sendToBackground({ type: 'content/scan', texts }),
    (block, match) => highlighter.apply(block, match),
    (scanned) => {
      root.setAttribute('data-reprint-scanned', String(scanned));
      if (highlighter.count !== lastCount) {
        lastCount = highlighter.count;
        void sendToBackground({ type: 'content/highlights', count: lastCount });
      }
    },
  );

  const onMessage = dispatcher<PopupToContent>({
    'popup/page': () => {
      const tracked = highlighter.list();
      return { items: tracked.map(summarize), summary: summarizePage(tracked, scanner.scannedChars) };
    },
    'popup/reveal': ({ id }) => {
      const t = highlighter.byId(id);
      if (!t) return false;
      const el = t.block.element;
      // Smooth only where it can be seen and is welcome: hidden tabs do not animate.
      const smooth = document.visibilityState === 'visible' && !matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ behavior: smooth ? 'smooth' : 'instant', block: 'center' });
      el.setAttribute('data-reprint-flash', '');
      ctx.setTimeout(() => el.removeAttribute('data-reprint-flash'), FLASH_MS);
      return true;
    },
  });
  browser.runtime.onMessage.addListener(onMessage);

  let stopWatching: (() => void) | undefined;
  let stopped = false;
  // Start when the page is idle: nothing heavy competes with its own load.
  const start = () => {
    if (stopped) return;
    void scanner.scan([document.body ?? root]);
    stopWatching = watchMutations(root, (roots) => void scanner.scan(roots));
  };
  if ('requestIdleCallback' in window) ctx.requestIdleCallback(start, { timeout: 1000 });
  else ctx.setTimeout(start, 0);

  return () => {
    if (stopped) return;
    stopped = true;
    scanner.stop();
    stopWatching?.();
    tooltip.dispose();
    compare.close();
    highlighter.removeAll();
    root.removeAttribute('data-reprint-scanned');
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // An orphaned script's extension APIs may throw; its listener is gone with them.
    }
  };
}
