import { browser } from 'wxt/browser';
import { badgeTitle, PAUSED_BADGE } from './ui/words';

/** MV3 names it `action`, Firefox's MV2 build `browserAction`. */
const action = () => browser.action ?? browser.browserAction;

/** A tab's badge: its count of reprinted paragraphs, or "off" in grey where Reprint is paused. */
export async function updateBadge(tabId: number | undefined, count: number, paused = false): Promise<void> {
  if (tabId === undefined) return;
  const text = paused ? PAUSED_BADGE : count > 0 ? (count > 999 ? '999+' : String(count)) : '';
  await action().setBadgeBackgroundColor({ tabId, color: paused ? '#59636e' : '#8a5a00' });
  await action().setBadgeText({ tabId, text });
  await action().setTitle({ tabId, title: badgeTitle(count, paused) });
}
