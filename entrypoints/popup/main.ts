import '../../assets/styles/popup.css';
import { browser } from 'wxt/browser';
import { renderPopup } from '../../src/ui/popup';
import { sendToBackground, sendToTab } from '../../src/messages';

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
  const status = await sendToBackground({ type: 'popup/status' });
  const report = tabId === undefined ? null : await sendToTab(tabId, { type: 'tab/report' }).catch(() => null);
  renderPopup(
    app,
    status,
    report,
    (id) => {
      if (tabId !== undefined) void sendToTab(tabId, { type: 'tab/reveal', id });
    },
    tabId === undefined ? null : () => void browser.tabs.create({ url: browser.runtime.getURL(`/report.html?tab=${tabId}`) }),
  );
  document.body.setAttribute('data-ready', '');
}

void main();
