import compareCss from '../../assets/styles/compare.css?inline';
import marksCss from '../../assets/styles/marks.css?inline';
import theme from '../../assets/styles/theme.css?inline';
import tooltipCss from '../../assets/styles/tooltip.css?inline';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Highlighter } from '../dom/highlighter';
import { createLayer, isOwnNode } from '../dom/layer';
import { PageScanner } from '../dom/scanner';
import { watchMutations } from '../dom/watcher';
import { dispatcher, sendToBackground, type ExtensionToContent } from '../messages';
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
  const highlighter = new Highlighter(marksCss);
  // Above everything the page draws: the card and the dialog must not be covered.
  const ui = createLayer(theme + tooltipCss + compareCss, 2147483647);
  const compare = new CompareDialog(ui.root);
  const tooltip = new Tooltip(
    ui.root,
    (t) => compare.open(t),
    (t) => highlighter.setActive(t),
  );
  bindHover((type, handler) => ctx.addEventListener(document, type, handler, { capture: true }), highlighter, tooltip);

  let lastCount = -1;
  let lastScanned = -1;
  let passes = 0;
  const scanner = new PageScanner(
    (texts) => sendToBackground({ type: 'content/scan', texts }),
    (block, match) => highlighter.apply(block, match),
    (scanned) => {
      passes++;
      if (highlighter.count !== lastCount || scanned !== lastScanned) {
        lastCount = highlighter.count;
        lastScanned = scanned;
        void sendToBackground({ type: 'content/highlights', count: lastCount, scanned });
      }
    },
  );

  const onMessage = dispatcher<ExtensionToContent>({
    'tab/report': () => {
      const tracked = highlighter.list();
      return {
        items: tracked.map(summarize),
        summary: summarizePage(tracked, scanner.scannedChars),
        scanned: scanner.scanned,
        passes,
        title: document.title,
        url: location.href,
      };
    },
    'tab/reveal': ({ id }) => {
      const t = highlighter.byId(id);
      if (!t) return false;
      const el = t.block.element;
      // Smooth only where it can be seen and is welcome: hidden tabs do not animate.
      const smooth = document.visibilityState === 'visible' && !matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ behavior: smooth ? 'smooth' : 'instant', block: 'center' });
      highlighter.flash(t, FLASH_MS);
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
    stopWatching = watchMutations(root, isOwnNode, (roots) => void scanner.scan(roots));
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
    ui.remove();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // An orphaned script's extension APIs may throw; its listener is gone with them.
    }
  };
}
