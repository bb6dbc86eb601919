import '../../assets/styles/popup.css';
import { browser } from 'wxt/browser';
import { renderPopup } from '../../src/ui/popup';
import type { CorpusStatus, HighlightSummary } from '../../src/messages';

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
  const status = (await browser.runtime.sendMessage({ type: 'popup/status' })) as CorpusStatus;
  let items: HighlightSummary[] | null = null;
  if (tabId !== undefined) {
    items = await (browser.tabs.sendMessage(tabId, { type: 'popup/list' }) as Promise<HighlightSummary[]>).catch(() => null);
  }
  renderPopup(app, status, items, (id) => {
    if (tabId !== undefined) void browser.tabs.sendMessage(tabId, { type: 'popup/reveal', id });
  });
  document.body.setAttribute('data-ready', '');
}

void main();
