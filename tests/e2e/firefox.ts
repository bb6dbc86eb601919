import path from 'node:path';
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION = path.resolve(import.meta.dirname, '../../.output/firefox-mv3');
export const GECKO_ID = 'reprint@reprint.example';
/** A fixed moz-extension:// host, so tests can open the popup page. */
const UUID = '5e5e5e5e-0000-4000-8000-7265707269e7';

export interface FirefoxHarness {
  browser: Browser;
  /** A page of the extension's own (for example seeds.json), opened in a tab. */
  extensionPage(file: string): Promise<Page>;
  newPage(url: string): Promise<Page>;
  /** The toolbar popup, opened as a page, listing the given page's tab. */
  openPopup(forPage: Page): Promise<Page>;
  close(): Promise<void>;
}

async function poll<T>(fn: () => Promise<T | undefined | null | false>, what: string, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Real Firefox ESR over WebDriver BiDi with the built extension installed
 * as a temporary add-on. Fails loudly when Firefox or the build is missing.
 */
export async function launchFirefox({ profile }: { profile?: string } = {}): Promise<FirefoxHarness> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox is not installed at ${FIREFOX}: run .ci/run or apt-get install firefox-esr`);
  if (!existsSync(path.join(FIREFOX_EXTENSION, 'manifest.json'))) throw new Error(`No Firefox build at ${FIREFOX_EXTENSION}: run npm run build first`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Lets the test open moz-extension:// pages (the popup) in a tab.
    args: ['--remote-allow-system-access'],
    // A profile of the test's own is reused across launches; the temporary add-on is
    // installed anew each time, so its storage must survive the uninstall at shutdown.
    ...(profile ? { userDataDir: profile } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION);
  return {
    browser,
    async newPage(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    },
    async extensionPage(file) {
      const page = await browser.newPage();
      // BiDi reports no navigation events for extension documents: poll instead.
      page.goto(`moz-extension://${UUID}/${file}`).catch(() => {});
      await poll(() => page.evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:'), 'the extension page');
      return page;
    },
    async openPopup(forPage) {
      const title = await forPage.title();
      const popup = await browser.newPage();
      const base = `moz-extension://${UUID}/popup.html`;
      // BiDi reports no navigation events for extension documents: poll instead.
      popup.goto(base).catch(() => {});
      await poll(() => popup.evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:'), 'the extension page');
      const tabId = await popup.evaluate(async (t) => {
        const tabs = await (globalThis as any).browser.tabs.query({});
        return tabs.find((x: { title?: string }) => x.title === t)?.id as number | undefined;
      }, title);
      if (tabId === undefined) throw new Error(`No tab titled ${title}`);
      popup.goto(`${base}?tab=${tabId}`).catch(() => {});
      await poll(() => popup.evaluate(() => location.search.startsWith('?tab=') && document.body.hasAttribute('data-ready')), 'the popup to render');
      return popup;
    },
    // Wait for the process itself to end: the next launch may reuse the profile, and two Firefoxes must never share it.
    async close() {
      const proc = browser.process();
      const exited = proc && proc.exitCode === null ? new Promise((resolve) => proc.once('exit', resolve)) : Promise.resolve();
      await browser.close();
      await exited;
    },
  };
}
