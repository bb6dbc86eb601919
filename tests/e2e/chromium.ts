import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const CHROME_EXTENSION = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Headless as root on a machine with no network: no sandbox, GPU or background traffic. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumHarness {
  context: BrowserContext;
  extensionId: string;
  newPage(url: string): Promise<Page>;
  /** The toolbar popup, opened as a page, listing the one open web page's tab. */
  openPopup(): Promise<Page>;
  /** Reprint's report of a page's tab (report.html?tab=ID), opened in its own tab. */
  openReport(page: Page): Promise<Page>;
  /** The popup for a page's tab (popup.html?tab=ID plus `query`), opened as a page. */
  popupFor(page: Page, query?: string): Promise<Page>;
  serviceWorker(): Promise<Worker>;
  /** Kills the MV3 service worker, as Chrome does when it idles. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** From an extension page: the tab whose content script reports this address. */
async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (u) => {
    for (let tries = 0; tries < 100; tries++) {
      for (const t of await chrome.tabs.query({})) {
        // The top page's script: a tab's frames run one each.
        const answer = await chrome.tabs.sendMessage(t.id!, { type: 'tab/report' }, { frameId: 0 }).catch(() => undefined);
        if (answer?.url === u) return t.id;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return undefined;
  }, url);
  if (id === undefined) throw new Error(`No tab reports ${url}`);
  return id;
}

/**
 * Real Chromium (Debian's) with the built extension loaded unpacked, headless.
 * Fails loudly when Chromium or the build is missing.
 */
export async function launchChromium({ headless = true } = {}): Promise<ChromiumHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run .ci/run or apt-get install chromium`);
  if (!existsSync(path.join(CHROME_EXTENSION, 'manifest.json'))) throw new Error(`No Chrome build at ${CHROME_EXTENSION}: run npm run build first`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'reprint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1200, height: 900 },
    args: [`--disable-extensions-except=${CHROME_EXTENSION}`, `--load-extension=${CHROME_EXTENSION}`, ...CHROMIUM_FLAGS],
  });
  const serviceWorker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await serviceWorker()).url()).host;
  const cdp = await context.browser()!.newBrowserCDPSession();

  return {
    context,
    extensionId,
    serviceWorker,
    async newPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async openPopup() {
      const popup = await context.newPage();
      const base = `chrome-extension://${extensionId}/popup.html`;
      await popup.goto(base);
      // Without the "tabs" permission tab URLs are hidden: the page's tab is the one whose content script answers.
      const tabId = await popup.evaluate(async () => {
        const self = await chrome.tabs.getCurrent();
        for (const t of await chrome.tabs.query({})) {
          if (t.id === self?.id) continue;
          const answer = await chrome.tabs.sendMessage(t.id!, { type: 'tab/report' }, { frameId: 0 }).catch(() => undefined);
          if (answer) return t.id;
        }
        return undefined;
      });
      if (tabId === undefined) throw new Error('No tab with a Reprint content script');
      await popup.goto(`${base}?tab=${tabId}`);
      await popup.waitForSelector('body[data-ready]');
      return popup;
    },
    async openReport(page) {
      const report = await context.newPage();
      const base = `chrome-extension://${extensionId}/report.html`;
      await report.goto(base);
      await report.goto(`${base}?tab=${await tabIdOf(report, page.url())}`);
      await report.waitForSelector('body[data-ready]');
      return report;
    },
    async popupFor(page, query = '') {
      const popup = await context.newPage();
      const base = `chrome-extension://${extensionId}/popup.html`;
      await popup.goto(base);
      await popup.goto(`${base}?tab=${await tabIdOf(popup, page.url())}${query}`);
      await popup.waitForSelector('body[data-ready]');
      return popup;
    },
    async stopServiceWorker() {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(extensionId));
      if (workers.length === 0) throw new Error('The service worker is not running');
      for (const { targetId } of workers) await cdp.send('Target.closeTarget', { targetId });
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { targetInfos: now } = await cdp.send('Target.getTargets');
        if (!now.some((t) => t.type === 'service_worker' && t.url.includes(extensionId))) return;
        if (Date.now() > deadline) throw new Error('The service worker did not stop');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
