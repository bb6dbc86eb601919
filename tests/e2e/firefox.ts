import path from 'node:path';
import os from 'node:os';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  /** A web page in a new tab of the first window, or in a window of its own (then nothing else covers it). */
  newPage(url: string, options?: { window?: boolean }): Promise<Page>;
  /** The toolbar popup, opened as a page, listing the given page's tab. */
  openPopup(forPage: Page): Promise<Page>;
  /**
   * Reprint's report of a page's tab (report.html?tab=ID), in a window of its
   * own: the page keeps its place in front of its window, as a reader's would,
   * so neither has its timers slowed as a background tab's are. The report
   * re-renders as the tab scans.
   */
  openReport(page: Page): Promise<Page>;
  /** The options page (options.html), after its first render. */
  openOptions(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The id of the tab showing `url`, asked from an extension page: without the
 * "tabs" permission tab addresses are hidden, so it is the tab whose content
 * script answers 'tab/report' with that address (polled: the script starts
 * when the page is idle).
 */
async function tabOf(extensionPage: Page, url: string): Promise<number> {
  const tabId = await extensionPage.evaluate(async (u) => {
    const { tabs } = (globalThis as any).browser;
    for (let tries = 0; tries < 150; tries++) {
      for (const t of await tabs.query({})) {
        // The top page's script: a tab's frames run one each.
        const answer = await tabs.sendMessage(t.id, { type: 'tab/report' }, { frameId: 0 }).catch(() => undefined);
        if (answer?.url === u) return t.id as number;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return undefined;
  }, url);
  if (tabId === undefined) throw new Error(`No tab's content script reports ${url}`);
  return tabId;
}

/** Files a whole build has; a copy taken while `npm run build` rewrites the folder may lack some. */
const BUILD_FILES = ['manifest.json', 'background.js', 'content-scripts/content.js', 'popup.html', 'report.html', 'options.html', 'seeds.json'];

/**
 * A private copy of the Firefox build: a temporary add-on is read from its
 * folder while it runs, and another `npm run build` (someone else's, or the
 * next test run's) empties and rewrites .output mid-test.
 */
async function copyBuild(): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reprint-firefox-build-'));
    try {
      cpSync(FIREFOX_EXTENSION, dir, { recursive: true });
      // Every file the pages name is there too: a half-written build mixes two sets of hashed chunks.
      const named = ['popup.html', 'report.html', 'options.html'].flatMap((f) =>
        [...readFileSync(path.join(dir, f), 'utf8').matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]),
      );
      if ([...BUILD_FILES, ...named].every((f) => existsSync(path.join(dir, f)))) return dir;
    } catch {
      // The build was being rewritten: try again.
    }
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 20) throw new Error(`No complete Firefox build at ${FIREFOX_EXTENSION}: run npm run build`);
    await new Promise((r) => setTimeout(r, 500));
  }
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
 * `downloads`: a folder that downloads are saved into, without a prompt.
 * `prefs`: more preferences (a colour scheme, say).
 */
export async function launchFirefox({
  profile,
  downloads,
  prefs = {},
}: { profile?: string; downloads?: string; prefs?: Record<string, string | number | boolean> } = {}): Promise<FirefoxHarness> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox is not installed at ${FIREFOX}: run .ci/run or apt-get install firefox-esr`);
  if (!existsSync(path.join(FIREFOX_EXTENSION, 'manifest.json'))) throw new Error(`No Firefox build at ${FIREFOX_EXTENSION}: run npm run build first`);
  const build = await copyBuild();
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
      // Downloads go, without asking, into the test's folder.
      ...(downloads
        ? {
            'browser.download.folderList': 2,
            'browser.download.dir': downloads,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.start_downloads_in_tmp_dir': false,
          }
        : {}),
      ...prefs,
    },
  });
  await browser.installExtension(build);
  const open = async (file: string, window = false) => {
    const page = await browser.newPage(window ? { type: 'window' } : undefined);
    // BiDi reports no navigation events for extension documents: poll instead.
    page.goto(`moz-extension://${UUID}/${file}`).catch(() => {});
    await poll(() => page.evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:'), 'the extension page');
    return page;
  };
  /** Points an extension page (the popup or the report) at a tab, and waits for its first render. */
  const showTab = async (page: Page, file: string, tabId: number) => {
    page.goto(`moz-extension://${UUID}/${file}?tab=${tabId}`).catch(() => {});
    await poll(() => page.evaluate(() => location.search.startsWith('?tab=') && document.body.hasAttribute('data-ready')), `${file} to render`);
  };
  return {
    browser,
    async newPage(url, { window = false } = {}) {
      const page = await browser.newPage(window ? { type: 'window' } : undefined);
      await page.goto(url);
      return page;
    },
    extensionPage: (file) => open(file),
    async openPopup(forPage) {
      const popup = await open('popup.html');
      await showTab(popup, 'popup.html', await tabOf(popup, forPage.url()));
      return popup;
    },
    async openOptions() {
      const page = await open('options.html');
      await poll(() => page.evaluate(() => document.body.hasAttribute('data-ready')), 'the options page to render');
      return page;
    },
    async openReport(forPage) {
      const report = await open('report.html', true);
      await showTab(report, 'report.html', await tabOf(report, forPage.url()));
      return report;
    },
    // Wait for the process itself to end: the next launch may reuse the profile, and two Firefoxes must never share it.
    async close() {
      const proc = browser.process();
      const exited = proc && proc.exitCode === null ? new Promise((resolve) => proc.once('exit', resolve)) : Promise.resolve();
      await browser.close();
      await exited;
      rmSync(build, { recursive: true, force: true });
    },
  };
}

/**
 * Sets a page's viewport with WebDriver BiDi's browsingContext.setViewport:
 * puppeteer's page.setViewport also sends a screen-orientation command
 * Firefox ESR does not know.
 */
export async function setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  const bidi = (page.browser() as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
  await bidi.send('browsingContext.setViewport', { context: (page.mainFrame() as unknown as { _id: string })._id, viewport });
}
