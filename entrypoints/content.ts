import '../assets/styles/page.css';
import { browser } from 'wxt/browser';
import { Highlighter } from '../src/dom/highlighter';
import { PageScanner } from '../src/dom/scanner';
import { watchMutations } from '../src/dom/watcher';
import { dispatcher, type Message, type MessageType, type PopupToContent, type Response } from '../src/messages';
import { CompareDialog } from '../src/ui/compare';
import { Tooltip } from '../src/ui/tooltip';
import { bindHover } from '../src/ui/hover';
import { summarize, summarizePage } from '../src/ui/summary';

function send<T extends MessageType>(message: Message<T>): Promise<Response<T>> {
  return browser.runtime.sendMessage(message) as Promise<Response<T>>;
}

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    const highlighter = new Highlighter();
    const compare = new CompareDialog();
    const tooltip = new Tooltip((t) => compare.open(t));
    bindHover(document, highlighter, tooltip);

    let lastCount = -1;
    const scanner = new PageScanner(
      (texts) => send({ type: 'content/scan', texts }),
      (block, match) => highlighter.apply(block, match),
      (scanned) => {
        document.documentElement.setAttribute('data-reprint-scanned', String(scanned));
        if (highlighter.count !== lastCount) {
          lastCount = highlighter.count;
          void send({ type: 'content/highlights', count: lastCount });
        }
      },
    );

    browser.runtime.onMessage.addListener(
      dispatcher<PopupToContent>({
        'popup/page': () => {
          const tracked = highlighter.list();
          return { items: tracked.map(summarize), summary: summarizePage(tracked, scanner.scannedChars) };
        },
        'popup/reveal': ({ id }) => {
          const t = highlighter.byId(id);
          if (!t) return false;
          // Smooth only where it can be seen and is welcome: hidden tabs do not animate.
          const smooth = document.visibilityState === 'visible' && !matchMedia('(prefers-reduced-motion: reduce)').matches;
          t.block.element.scrollIntoView({ behavior: smooth ? 'smooth' : 'instant', block: 'center' });
          t.block.element.setAttribute('data-reprint-flash', '');
          setTimeout(() => t.block.element.removeAttribute('data-reprint-flash'), 1600);
          return true;
        },
      }),
    );

    // Start when the page is idle: nothing heavy competes with its own load.
    const start = () => {
      void scanner.scan([document.body ?? document.documentElement]);
      watchMutations(document.documentElement, (roots) => void scanner.scan(roots));
    };
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 1000 });
    else setTimeout(start, 0);
  },
});
