import { browser } from 'wxt/browser';
import { LocalBackend, type BundledCorpus } from '../src/backend/local';
import { updateBadge } from '../src/badge';
import { TOGGLE_PAUSE, updateSettings } from '../src/settings';
import { dispatcher, type ContentToBackground, type PageToBackground, type PopupToBackground } from '../src/messages';

/** The bundled corpus is a packaged data file (see wxt.config.ts), read at install or update, never inlined here. */
async function bundled(): Promise<BundledCorpus> {
  return (await fetch(browser.runtime.getURL('/seeds.json' as '/popup.html'))).json() as Promise<BundledCorpus>;
}

export default defineBackground(() => {
  const corpus = new LocalBackend(undefined, () => browser.runtime.getPlatformInfo());

  // On every start, not only on install: a worker stopped before it staged the seeds
  // would otherwise wait for the next update. Unchanged seeds cost one hash.
  void corpus.ensureBundled(bundled());

  // The global pause shortcut (manifest "commands"); every tab follows the setting.
  browser.commands.onCommand.addListener((command) => {
    if (command === TOGGLE_PAUSE) void updateSettings((s) => ({ paused: !s.paused }));
  });

  browser.runtime.onMessage.addListener(
    dispatcher<ContentToBackground & PopupToBackground & PageToBackground>({
      'content/scan': ({ texts }) => corpus.match(texts),
      'content/highlights': ({ count, paused }, sender) => updateBadge(sender.tab?.id, count, paused),
      'popup/status': () => corpus.status(),
      'corpus/status': () => corpus.status(),
      'corpus/import': ({ articles }) => corpus.import(articles),
      'corpus/delete': ({ ids }) => corpus.delete(ids),
      'corpus/documents': () => corpus.documents(),
    }),
  );
});
