import '../../assets/styles/popup.css';
import '../../assets/styles/control.css';
import { browser } from 'wxt/browser';
import { addPage, DEFAULT_COLLECTION } from '../../src/ui/add-page';
import { renderPopup } from '../../src/ui/popup';
import { sendToBackground, sendToTab } from '../../src/messages';
import { readSettings, siteOf, updateSettings } from '../../src/settings';

/**
 * The tab whose highlights to list: the active one, or `?tab=ID` when the
 * popup is opened as a page of its own (keyboard users, tests).
 */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function main() {
  const app = document.getElementById('app')!;
  const tabId = await targetTab();
  const params = new URLSearchParams(location.search);
  const adding = params.has('add');
  // Asked once: the background hands the selection over and forgets it.
  const checked = params.has('check') ? await sendToBackground({ type: 'popup/check' }) : null;
  const render = async () => {
    const [status, report, settings, collections] = await Promise.all([
      sendToBackground({ type: 'popup/status' }),
      tabId === undefined ? null : sendToTab(tabId, { type: 'tab/report' }).catch(() => null),
      readSettings(),
      sendToBackground({ type: 'corpus/collections' }),
    ]);
    const site = report ? siteOf(report.url) : null;
    renderPopup(app, {
      status,
      report,
      site,
      sitePaused: site !== null && settings.pausedSites.includes(site),
      allPaused: settings.paused,
      reveal: (id) => tabId !== undefined && void sendToTab(tabId, { type: 'tab/reveal', id }),
      openReport: tabId === undefined ? null : () => void browser.tabs.create({ url: browser.runtime.getURL(`/report.html?tab=${tabId}`) }),
      openOptions: () => void browser.runtime.openOptionsPage(),
      addPage:
        tabId === undefined || report === null
          ? null
          : async (collection) => {
              const added = await addPage(tabId, collection).catch((e: Error) => ({ problem: e.message }));
              rerender();
              return 'title' in added ? `Added “${added.title}” to ${collection}.` : `Could not add this page: ${added.problem}.`;
            },
      collection: settings.lastCollection ?? DEFAULT_COLLECTION,
      collections: collections.map((c) => c.name),
      adding,
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
}

void main();
