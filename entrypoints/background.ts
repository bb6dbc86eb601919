import { browser } from 'wxt/browser';
import { LocalBackend, type BundledCorpus } from '../src/backend/local';
import { updateBadge } from '../src/badge';
import { forgetTab, recordFrame, tabFrames } from '../src/tab-frames';
import { MAX_BLOCK_CHARS } from '../src/match/matcher';
import { addPageMenuTitle, checkMenuTitle } from '../src/ui/words';
import { DEFAULT_SETTINGS, readSettings, selectionToCheck, settingsItem, TOGGLE_PAUSE, updateSettings, type Settings } from '../src/settings';
import { dispatcher, type ContentToBackground, type PageToBackground, type PopupToBackground } from '../src/messages';

/** The bundled corpus is a packaged data file (see wxt.config.ts), read at install or update, never inlined here. */
async function bundled(): Promise<BundledCorpus> {
  return (await fetch(browser.runtime.getURL('/seeds.json' as '/popup.html'))).json() as Promise<BundledCorpus>;
}

const ADD_PAGE_MENU = 'reprint-add-page';
const CHECK_MENU = 'reprint-check-selection';

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) on this tab. Called
 * first thing in the menu's click handler: both browsers open it only while
 * the click's user gesture lasts. False where the browser has neither.
 */
function openSidePanel(tab: { id?: number; windowId?: number }): boolean {
  try {
    if (typeof chrome !== 'undefined' && chrome.sidePanel?.open) {
      void chrome.sidePanel.open({ windowId: tab.windowId! }).catch(() => undefined);
      return true;
    }
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) {
      void sidebar.open().catch(() => undefined);
      return true;
    }
  } catch {
    // Not in a user gesture, or no panel: the popup window below.
  }
  return false;
}

export default defineBackground(() => {
  const corpus = new LocalBackend(undefined, () => browser.runtime.getPlatformInfo());

  // On every start, not only on install: a worker stopped before it staged the seeds
  // would otherwise wait for the next update. Unchanged seeds cost one hash.
  void corpus.ensureBundled(bundled());

  // Collections the reader switched off are left out of matching, from the first message on.
  const follow = (s: Settings | null) => corpus.setInactive((s ?? DEFAULT_SETTINGS).inactiveCollections);
  const settingsRead = readSettings().then(follow);
  settingsItem.watch(follow);

  // "Add this page to Reprint" in the page's context menu: the popup's add form, in a small window of its own.
  // "Check the selected text": the side panel, where the browser has one, or the popup in a window; it asks for the selection.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: ADD_PAGE_MENU, title: addPageMenuTitle, contexts: ['page'] });
    browser.contextMenus.create({ id: CHECK_MENU, title: checkMenuTitle, contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (tab?.id === undefined) return;
    const open = (query: string) =>
      browser.windows.create({ url: browser.runtime.getURL(`/popup.html?tab=${tab.id}&${query}`), type: 'popup', width: 420, height: 640 });
    if (info.menuItemId === ADD_PAGE_MENU) await open('add=1');
    if (info.menuItemId === CHECK_MENU && info.selectionText) {
      const inPanel = openSidePanel(tab);
      await selectionToCheck.setValue(info.selectionText.slice(0, MAX_BLOCK_CHARS));
      if (!inPanel) await open('check=1');
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // The global pause shortcut (manifest "commands"); every tab follows the setting.
  browser.commands.onCommand.addListener((command) => {
    if (command === TOGGLE_PAUSE) void updateSettings((s) => ({ paused: !s.paused }));
  });

  browser.runtime.onMessage.addListener(
    dispatcher<ContentToBackground & PopupToBackground & PageToBackground>({
      'content/scan': async ({ texts }) => (await settingsRead, corpus.match(texts)),
      'content/own': ({ urls }) => corpus.ownDocument(urls),
      // The badge counts the highlights of all the page's frames.
      'content/highlights': async ({ count, paused, page }, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return;
        const tab = await recordFrame(tabId, sender.frameId ?? 0, page, { count, paused });
        await updateBadge(tabId, tab.count, tab.paused);
      },
      'popup/status': () => corpus.status(),
      'popup/frames': ({ tabId }) => tabFrames(tabId),
      'popup/check': async () => {
        const text = await selectionToCheck.getValue();
        if (!text) return null;
        await selectionToCheck.removeValue();
        const [match] = await corpus.match([text]);
        return { text, match };
      },
      'corpus/status': () => corpus.status(),
      'corpus/import': ({ articles }) => corpus.import(articles),
      'corpus/delete': ({ ids }) => corpus.delete(ids),
      'corpus/documents': () => corpus.documents(),
      'corpus/articles': ({ collection }) => corpus.articles(collection),
      'corpus/collections': () => corpus.collections(),
      'corpus/rename-collection': ({ from, to }) => corpus.renameCollection(from, to),
      'corpus/restore-demo': () => corpus.restoreBundled(bundled()),
      'corpus/search': ({ query, limit }) => corpus.search(query, limit),
      'corpus/article': ({ id }) => corpus.article(id),
      'corpus/duplicates': ({ keys }) => corpus.duplicates(keys),
    }),
  );
});
