import compareCss from '../../assets/styles/compare.css?inline';
import controlCss from '../../assets/styles/control.css?inline';
import markersCss from '../../assets/styles/markers.css?inline';
import marksCss from '../../assets/styles/marks.css?inline';
import theme from '../../assets/styles/theme.css?inline';
import tooltipCss from '../../assets/styles/tooltip.css?inline';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Highlighter } from '../dom/highlighter';
import { createLayer, isOwnNode } from '../dom/layer';
import { Markers } from '../dom/markers';
import { topDocumentKey } from '../dom/frame';
import { PageScanner } from '../dom/scanner';
import { watchUpgrades } from '../dom/upgrades';
import { watchMutations, type Watcher } from '../dom/watcher';
import { dispatcher, sendToBackground, type ExtensionToContent, type OwnDocument, type PageReport } from '../messages';
import { DEFAULT_SETTINGS, isPausedAt, readSettings, settingsItem, type Settings } from '../settings';
import { CompareDialog } from './compare';
import { bindHover } from './hover';
import { bindSteps } from './shortcuts';
import { summarize, summarizePage } from './summary';
import { markerLabel, Tooltip } from './tooltip';

/** HTML handed to "Add this page", in characters: the .html import's own limit (src/files). */
const MAX_PAGE_HTML = 20_000_000;
/** How long a block the popup reveals stays flashed. */
const FLASH_MS = 1600;

/** One run of Reprint on a page: what the content script does while it is not paused. */
interface Run {
  report(): PageReport;
  reveal(id: number): boolean;
  /** Scrolls to highlight `id` and opens its comparison (the popup's entries). */
  compare(id: number): boolean;
  stop(): void;
}

/**
 * Reprint in a page, as the content script runs it: scans the page when it
 * is idle and again as it changes, highlights what the background matches,
 * shows the tooltip and the comparison, and answers the popup and the
 * report. On a paused site, or when Reprint is paused everywhere, it scans
 * nothing and shows nothing, and it follows the settings as they change.
 * Timers and page listeners go through the content script's context, so
 * they stop with it. Returns the teardown, for `ctx.onInvalidated`: it
 * leaves the page as it was and nothing listening.
 */
export function startReprint(ctx: ContentScriptContext): () => void {
  let run: Run | undefined;
  let stopped = false;
  const page = topDocumentKey();
  const paused = (): PageReport => ({
    items: [],
    summary: summarizePage([], 0),
    scanned: 0,
    passes: 0,
    scannedChars: 0,
    title: document.title,
    url: location.href,
    paused: true,
    own: null,
  });
  const follow = (s: Settings) => {
    if (stopped) return;
    const off = isPausedAt(s, location.href);
    if (off && run) {
      run.stop();
      run = undefined;
    }
    if (off) void sendToBackground({ type: 'content/highlights', count: 0, scanned: 0, paused: true, page }).catch(() => undefined);
    else run ??= runReprint(ctx);
  };
  void readSettings().then(follow);
  const unwatch = settingsItem.watch((s) => follow({ ...DEFAULT_SETTINGS, ...s }));

  const onMessage = dispatcher<ExtensionToContent>({
    'tab/report': () => run?.report() ?? paused(),
    'tab/reveal': ({ id }) => run?.reveal(id) ?? false,
    'tab/compare': ({ id }) => run?.compare(id) ?? false,
    'tab/page-html': () => ({ html: document.documentElement.outerHTML.slice(0, MAX_PAGE_HTML), url: preferredAddress() }),
    // The page may have just been added to the corpus: start over, and find out.
    'tab/recheck': () => {
      if (!run) return false;
      run.stop();
      run = runReprint(ctx);
      return true;
    },
  });
  browser.runtime.onMessage.addListener(onMessage);
  // A frame that goes (removed, or navigated away) leaves the tab's count; the top page's next document starts it afresh.
  if (window !== window.top)
    ctx.addEventListener(
      window,
      'pagehide',
      () => void sendToBackground({ type: 'content/highlights', count: 0, scanned: 0, paused: false, page }).catch(() => undefined),
    );

  return () => {
    if (stopped) return;
    stopped = true;
    unwatch();
    run?.stop();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // An orphaned script's extension APIs may throw; its listener is gone with them.
    }
  };
}

/** The addresses a corpus document of this page would carry: the page's own, its canonical and its Open Graph one. */
function pageAddresses(): string[] {
  const here = location.href.replace(/#.*$/, '');
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const og = document.querySelector<HTMLMetaElement>('meta[property="og:url"]')?.content;
  return [...new Set([here, canonical, og].filter((u): u is string => !!u))];
}

/** The address an added page is stored under: its canonical one, else its own. */
const preferredAddress = (): string => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || location.href.replace(/#.*$/, '');

function runReprint(ctx: ContentScriptContext): Run {
  const root = document.documentElement;
  // Above everything the page draws: the card and the dialog must not be covered.
  const ui = createLayer(theme + tooltipCss + compareCss + controlCss + markersCss, 2147483647);
  const markers = new Markers(ui.root, {
    describe: markerLabel,
    // Only the keyboard focuses a marker (it takes no pointer events); focus put back after the comparison comes quietly.
    focus: (t, el) => tooltip.request(t, { by: 'focus', el, marker: true }),
    activate: (t, el) => {
      tooltip.hide();
      compare.open(t, undefined, el);
    },
    lost: (t) => tooltip.shownFor === t && tooltip.hide(),
  });
  const highlighter = new Highlighter(marksCss, markers);
  const compare = new CompareDialog(
    ui.root,
    (t) => markers.of(t),
    (el) => tooltip.quietly(() => el.focus()),
  );
  const tooltip = new Tooltip(
    ui.root,
    (t, returnTo) => compare.open(t, undefined, returnTo),
    (t) => highlighter.setActive(t),
  );
  let stopped = false;
  // The run's listeners go when it stops (a pause) or when the context does.
  const listening = new AbortController();
  const signal = AbortSignal.any([ctx.signal, listening.signal]);
  const hoverIn = bindHover((target, type, handler) => target.addEventListener(type, handler, { capture: true, signal }), highlighter, tooltip);
  bindSteps(signal, {
    shown: () => markers.shown(),
    current: () => tooltip.shownFor ?? markers.owner(ui.root.activeElement) ?? highlighter.find(document.activeElement),
    focus: (t) => {
      const marker = markers.of(t);
      if (!marker) return;
      marker.focus({ preventScroll: true });
      // Also when the marker had focus already (one highlight), so gave no focus event.
      tooltip.request(t, { by: 'focus', el: marker, marker: true });
    },
    busy: () => compare.isOpen,
  });
  const page = topDocumentKey();

  let lastCount = -1;
  let lastScanned = -1;
  let passes = 0;
  let watcher: Watcher | undefined;
  let stopUpgrades: (() => void) | undefined;
  /** Shadow roots already followed: every pass over their hosts finds them again. */
  const followed = new WeakSet<ShadowRoot>();
  const scanner = new PageScanner(
    (texts) => sendToBackground({ type: 'content/scan', texts }),
    (block, match) => highlighter.apply(block, match),
    (scanned) => {
      passes++;
      if (highlighter.count !== lastCount || scanned !== lastScanned) {
        lastCount = highlighter.count;
        lastScanned = scanned;
        void sendToBackground({ type: 'content/highlights', count: lastCount, scanned, paused: false, page });
      }
    },
    // A web component's open shadow root: follow its changes, its scrolling and the pointer inside it.
    (shadow) => {
      if (followed.has(shadow)) return;
      followed.add(shadow);
      watcher?.observe(shadow);
      highlighter.observeRoot(shadow);
      hoverIn(shadow);
    },
  );

  let own: OwnDocument | null = null;
  // Start when the page is idle: nothing heavy competes with its own load.
  const start = async () => {
    if (stopped) return;
    // A page that is itself in the corpus is the original: nothing on it is marked as a copy.
    own = await sendToBackground({ type: 'content/own', urls: pageAddresses() }).catch(() => null);
    if (stopped) return;
    if (own) {
      passes = 1;
      void sendToBackground({ type: 'content/highlights', count: 0, scanned: 0, paused: false, page });
      return;
    }
    watcher = watchMutations(root, isOwnNode, (changed, revealed) => void scanner.scan(changed, revealed));
    void scanner.scan([document.body ?? root]);
    stopUpgrades = watchUpgrades(
      root,
      (elements) => void scanner.scan(elements),
      (fn, ms) => ctx.setTimeout(fn, ms),
    );
  };
  if ('requestIdleCallback' in window) ctx.requestIdleCallback(() => void start(), { timeout: 1000 });
  else ctx.setTimeout(() => void start(), 0);

  return {
    report() {
      const tracked = highlighter.list();
      return {
        items: tracked.map(summarize),
        summary: summarizePage(tracked, scanner.scannedChars),
        scanned: scanner.scanned,
        passes,
        scannedChars: scanner.scannedChars,
        title: document.title,
        url: location.href,
        paused: false,
        own,
      };
    },
    reveal(id) {
      const t = highlighter.byId(id);
      if (!t) return false;
      // Smooth only where it can be seen and is welcome: hidden tabs do not animate.
      const smooth = document.visibilityState === 'visible' && !matchMedia('(prefers-reduced-motion: reduce)').matches;
      t.block.element.scrollIntoView({ behavior: smooth ? 'smooth' : 'instant', block: 'center' });
      highlighter.flash(t, FLASH_MS);
      return true;
    },
    compare(id) {
      const t = highlighter.byId(id);
      if (!t || !this.reveal(id)) return false;
      compare.open(t);
      return true;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      listening.abort();
      scanner.stop();
      watcher?.stop();
      stopUpgrades?.();
      tooltip.dispose();
      compare.close();
      highlighter.removeAll();
      ui.remove();
    },
  };
}
