/**
 * The reader's settings, in the extension's local storage through
 * @wxt-dev/storage: versioned, so a later shape migrates instead of being
 * lost, and watchable, so every tab follows a change at once.
 */
import { storage } from '@wxt-dev/storage';

/** The command (manifest "commands", a keyboard shortcut) that pauses or resumes Reprint everywhere. */
export const TOGGLE_PAUSE = 'toggle-pause';

export interface Settings {
  /** Reprint scans nothing anywhere. */
  paused: boolean;
  /** Sites (host names, without "www.") where Reprint scans nothing. */
  pausedSites: string[];
  /** Collections whose documents are left out of matching. */
  inactiveCollections: string[];
  /** The collection "Add this page" offered last. */
  lastCollection: string | null;
}

export const DEFAULT_SETTINGS: Settings = { paused: false, pausedSites: [], inactiveCollections: [], lastCollection: null };

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  // Version 1 is the first shape; a later version adds its migration here, keyed by the version it produces.
  migrations: {},
});

export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** Changes some settings, keeping the rest as stored. */
export async function updateSettings(change: (s: Settings) => Partial<Settings>): Promise<Settings> {
  const current = await readSettings();
  const next = { ...current, ...change(current) };
  await settingsItem.setValue(next);
  return next;
}

/** The site a URL belongs to, as the pause list names it: its host, lower case, without "www.". */
export function siteOf(url: string): string | null {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Whether Reprint stays off on a page: paused everywhere, or on its site (and that site's subdomains). */
export function isPausedAt(s: Settings, url: string): boolean {
  if (s.paused) return true;
  const site = siteOf(url);
  return site !== null && s.pausedSites.some((p) => site === p || site.endsWith(`.${p}`));
}

/**
 * "Check the selected text": the selection waits in session storage (never a
 * global: the worker may stop) until the popup or the side panel asks for it.
 */
export const selectionToCheck = storage.defineItem<string>('session:checkSelection');
