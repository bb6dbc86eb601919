import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './firefox';
import { startServer } from './server';
import { EXPECTED_DEMO, EXPECTED_DISGUISED } from './expectations';
import { readHighlights, scanned } from './page-reads';
import { expectNytProvenance, readComparison } from './provenance-checks';
import { fingerprintBundle, SIGNATURE_SAMPLES } from './fingerprint-bundle';
import { MinHasher } from '../../src/fingerprint/minhash';
import { charGrams } from '../../src/fingerprint/grams';
import { canonical } from '../../src/text/normalize';

let ff: FirefoxHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  // Puppeteer, unlike Playwright, does not create a screenshot's folder.
  mkdirSync('test-results', { recursive: true });
  server = await startServer();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await ff.newPage(server.url(path));
  await page.waitForFunction(scanned, { timeout: 20_000 });
  return page;
}

const highlights = (page: Page) => page.evaluate(readHighlights);

async function hoverForTooltip(page: Page, selector: string) {
  await page.hover(selector);
  await page.waitForFunction(() => !!document.querySelector('reprint-tooltip')?.shadowRoot?.querySelector('button'), { timeout: 2000 });
}

const clickCompare = (page: Page) =>
  page.evaluate(() => (document.querySelector('reprint-tooltip')!.shadowRoot!.querySelector('button') as HTMLButtonElement).click());

describe('Firefox: the built extension', () => {
  it('highlights the reprinted paragraphs of a news page with the contract attributes', async () => {
    const page = await open('/demo.html');
    const found = await highlights(page);
    expect(found.map(({ kind, source, credited }) => ({ kind, source, credited }))).toEqual(EXPECTED_DEMO);
    for (const h of found) expect(h.score).toMatch(/^(0\.\d\d|1\.00)$/);
    await page.close();
  });

  it('shows the tooltip, then the comparison with ins/del, closed by Escape', async () => {
    const page = await open('/demo.html');
    await hoverForTooltip(page, '[data-reprint-kind="edited"]');
    const tip = await page.evaluate(() => document.querySelector('reprint-tooltip')!.shadowRoot!.textContent);
    expect(tip).toContain('President Xi Pushes Putin');
    expect(tip).toContain('Lightly edited copy');
    expect(tip).toMatch(/\d+% similar/);
    await page.screenshot({ path: 'test-results/firefox-tooltip.png' });
    await clickCompare(page);
    await page.waitForFunction(() => !!document.querySelector('reprint-compare')?.shadowRoot?.querySelector('[role="dialog"]'));
    const dialog = await page.evaluate(() => {
      const root = document.querySelector('reprint-compare')!.shadowRoot!;
      return { title: root.querySelector('h2')!.textContent, ins: root.querySelectorAll('ins').length, del: root.querySelectorAll('del').length };
    });
    expect(dialog.title).toContain('President Xi Pushes Putin');
    expect(dialog.ins).toBeGreaterThan(0);
    expect(dialog.del).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/firefox-compare.png' });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('reprint-compare'));
    await page.close();
  });

  it('lists the highlights in the toolbar popup with a badge, and scrolls to one', async () => {
    const page = await open('/demo.html');
    await page.setViewport({ width: 1200, height: 400 });
    const popup = await ff.openPopup(page);
    const items = await popup.$$eval('li button', (els) => els.map((e) => e.textContent));
    expect(items).toHaveLength(EXPECTED_DEMO.length);
    const badge = await popup.evaluate(() =>
      (globalThis as any).browser.action.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tab')) }),
    );
    expect(badge).toBe(String(EXPECTED_DEMO.length));
    await popup.evaluate(() => (document.querySelectorAll('li button')[3] as HTMLButtonElement).click());
    // A real popup closes and leaves its page in front; the test's popup is a tab.
    await page.bringToFront();
    await page.waitForFunction(() => window.scrollY > 0, { timeout: 5000 });
    await popup.close();
    await page.close();
  });

  it('names the cited original, ranks quoters above rewrites, lists every version and checks credit', async () => {
    const page = await open('/provenance.html');
    for (const [selector, credited] of [
      ['#credited', true],
      ['#uncredited', false],
    ] as const) {
      await hoverForTooltip(page, selector);
      await clickCompare(page);
      await page.waitForFunction(() => !!document.querySelector('reprint-compare'));
      expectNytProvenance(await page.evaluate(readComparison, selector), credited);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('reprint-compare'));
      await page.mouse.move(0, 0);
    }
    await page.close();
  });

  it('matches a disguised copy as verbatim, and never the same-topic text or the furniture around it', async () => {
    const page = await open('/disguised.html');
    expect((await highlights(page)).map(({ kind, source }) => ({ kind, source }))).toEqual(EXPECTED_DISGUISED);
    expect(await page.evaluate(() => document.querySelector('[data-reprint-kind]')!.id)).toBe('disguised');
    await page.close();
  });

  it('highlights text added after load', async () => {
    const page = await open('/later.html');
    await page.waitForSelector('#late[data-reprint-kind="verbatim"]', { timeout: 10_000 });
    await page.close();
  });

  it('keeps hostile text as text', async () => {
    const page = await open('/hostile.html');
    await hoverForTooltip(page, '#escaped');
    await clickCompare(page);
    await page.waitForFunction(() => !!document.querySelector('reprint-compare'));
    const state = await page.evaluate(() => {
      const root = document.querySelector('reprint-compare')!.shadowRoot!;
      return { pwned: (window as any).__pwned, imgs: root.querySelectorAll('img').length, text: root.querySelector('.diff')!.textContent };
    });
    expect(state).toMatchObject({ pwned: undefined, imgs: 0 });
    expect(state.text).toContain('<img src=x onerror=');
    await page.close();
  });

  it('computes the same MinHash signatures as Node', async () => {
    const page = await ff.newPage(server.url('/empty.html'));
    await page.addScriptTag({ content: fingerprintBundle() });
    const inBrowser = await page.evaluate((samples) => samples.map((s) => (globalThis as any).__reprintSignature(s)), SIGNATURE_SAMPLES);
    const h = new MinHasher();
    expect(inBrowser).toEqual(SIGNATURE_SAMPLES.map((s) => Array.from(h.signature(charGrams(canonical(s))))));
    await page.close();
  });
});
