import { browser } from 'wxt/browser';
import { badgeTitle } from './ui/words';

/** MV3 names it `action`, Firefox's MV2 build `browserAction`. */
const action = () => browser.action ?? browser.browserAction;

export async function updateBadge(tabId: number | undefined, count: number): Promise<void> {
  if (tabId === undefined) return;
  const text = count > 0 ? (count > 999 ? '999+' : String(count)) : '';
  await action().setBadgeBackgroundColor({ tabId, color: '#8a5a00' });
  await action().setBadgeText({ tabId, text });
  await action().setTitle({ tabId, title: badgeTitle(count) });
}
