import { browser } from 'wxt/browser';
import { dispatcher, sendToBackground, sendToTab, type ContentToBackground } from '../messages';
import { readSettings, selectionToCheck, settingsItem, siteOf, updateSettings } from '../settings';
import { addPage, DEFAULT_COLLECTION } from './add-page';
import { h } from './dom';
import { renderPopup, type PopupModel } from './popup';
import { readTabReport } from './tab-report';
import { popupChange, POPUP, type PopupState } from './words';

/** Waits this long after the tab reports a scan pass before reading it again: a pass sends several. */
const REFRESH_MS = 250;

/**
 * The toolbar popup, or the side panel (`panel`): the same view of one tab.
 * The popup shows the tab it was opened on (`?tab=ID` when it is a window
 * of its own: keyboard users, the context menu, tests). The side panel
 * stays open, so it follows the active tab of its window, and shows each
 * selection the context menu sends it.
 */
export async function startPopup(app: HTMLElement, { panel = false } = {}): Promise<void> {
  const params = new URLSearchParams(location.search);
  const windowId = panel ? (await browser.windows.getCurrent()).id : undefined;
  const activeTab = async () => (await browser.tabs.query(panel ? { active: true, windowId } : { active: true, currentWindow: true }))[0]?.id;
  let tabId = params.has('tab') ? Number(params.get('tab')) : await activeTab();
  // Asked for, not pushed: the background hands the selection over once and forgets it.
  const check = () => sendToBackground({ type: 'popup/check' });
  let checked: PopupModel['checked'] = params.has('check') || panel ? await check() : null;
  // The toolbar's own popup (not a window of its own, not the side panel) closes once it has sent the reader to the page.
  const toolbar = !panel && !params.has('tab');
  // The live region says what changed, in one sentence; the popup itself is not live, or every update would read all of it again.
  const live = h('p', { class: 'visually-hidden', role: 'status' });
  app.after(live);
  let shown: PopupState | null = null;

  const render = async () => {
    const [status, report, settings, collections] = await Promise.all([
      sendToBackground({ type: 'popup/status' }),
      tabId === undefined ? null : readTabReport(tabId).catch(() => null),
      readSettings(),
      sendToBackground({ type: 'corpus/collections' }),
    ]);
    const site = report ? siteOf(report.url) : null;
    const tab = tabId;
    renderPopup(app, {
      status,
      report,
      site,
      sitePaused: site !== null && settings.pausedSites.includes(site),
      allPaused: settings.paused,
      // The highlight's own frame scrolls to it (and its page with it).
      reveal: ({ id, frameId = 0 }) => tab !== undefined && void sendToTab(tab, { type: 'tab/reveal', id }, frameId),
      // The dialog opens in the page and takes focus there.
      compare: ({ id, frameId = 0 }) =>
        tab !== undefined &&
        void sendToTab(tab, { type: 'tab/compare', id }, frameId).then((opened) => {
          if (opened && toolbar) window.close();
        }),
      openReport: tab === undefined ? null : () => void browser.tabs.create({ url: browser.runtime.getURL(`/report.html?tab=${tab}`) }),
      openOptions: () => void browser.runtime.openOptionsPage(),
      addPage:
        tab === undefined || report === null
          ? null
          : async (collection) => {
              const added = await addPage(tab, collection).catch((e: Error) => ({ problem: e.message }));
              rerender();
              return 'title' in added ? POPUP.added(added.title, collection) : POPUP.notAdded(added.problem);
            },
      collection: settings.lastCollection ?? DEFAULT_COLLECTION,
      collections: collections.map((c) => c.name),
      adding: params.has('add'),
      checked,
      setSitePaused: (on) =>
        site &&
        void updateSettings((s) => ({ pausedSites: on ? [...new Set([...s.pausedSites, site])] : s.pausedSites.filter((x) => x !== site) })).then(rerender),
      setAllPaused: (on) => void updateSettings(() => ({ paused: on })).then(rerender),
    });
    const now = { count: report?.items.length ?? 0, paused: !!report?.paused };
    const change = popupChange(shown, now);
    shown = now;
    if (change) live.textContent = change;
    document.body.setAttribute('data-ready', '');
  };
  // The tab follows a setting as soon as it is stored; its report a moment later.
  const rerender = () => setTimeout(() => void render(), 300);
  await render();
  // Each scan pass of the tab's frames (a page that loads more, a frame that answers late) updates the list.
  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.runtime.onMessage.addListener(
    dispatcher<Pick<ContentToBackground, 'content/highlights'>>({
      'content/highlights': (_, sender) => {
        if (sender.tab?.id === undefined || sender.tab.id !== tabId) return;
        clearTimeout(timer);
        timer = setTimeout(() => void render(), REFRESH_MS);
      },
    }),
  );
  if (!panel) return;

  document.body.classList.add('panel');
  const follow = async () => {
    tabId = await activeTab();
    checked = null;
    // Another tab: its count is news only against itself.
    shown = null;
    await render();
  };
  browser.tabs.onActivated.addListener((info) => info.windowId === windowId && void follow());
  browser.tabs.onUpdated.addListener((id, change) => id === tabId && change.status === 'complete' && rerender());
  settingsItem.watch(rerender);
  selectionToCheck.watch(async (text) => {
    if (!text) return;
    checked = await check();
    await render();
  });
}
