import { browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '../messages';
import { readSettings, selectionToCheck, settingsItem, siteOf, updateSettings } from '../settings';
import { addPage, DEFAULT_COLLECTION } from './add-page';
import { renderPopup, type PopupModel } from './popup';
import { readTabReport } from './tab-report';

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
      openReport: tab === undefined ? null : () => void browser.tabs.create({ url: browser.runtime.getURL(`/report.html?tab=${tab}`) }),
      openOptions: () => void browser.runtime.openOptionsPage(),
      addPage:
        tab === undefined || report === null
          ? null
          : async (collection) => {
              const added = await addPage(tab, collection).catch((e: Error) => ({ problem: e.message }));
              rerender();
              return 'title' in added ? `Added “${added.title}” to ${collection}.` : `Could not add this page: ${added.problem}.`;
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
    document.body.setAttribute('data-ready', '');
  };
  // The tab follows a setting as soon as it is stored; its report a moment later.
  const rerender = () => setTimeout(() => void render(), 300);
  await render();
  if (!panel) return;

  document.body.classList.add('panel');
  const follow = async () => {
    tabId = await activeTab();
    checked = null;
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
