import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';
import { EXPECTED_DEMO, EXPECTED_DISGUISED } from './expectations';
import { readHighlights, scanned } from './page-reads';
import { expectNytProvenance, readComparison } from './provenance-checks';
import { startServer } from './server';
import { manyParagraphsPage } from './pages';
import { fingerprintBundle, SIGNATURE_SAMPLES } from './fingerprint-bundle';
import { MinHasher } from '../../src/fingerprint/minhash';
import { charGrams } from '../../src/fingerprint/grams';
import { canonical } from '../../src/text/normalize';

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;
const requests: string[] = [];

beforeAll(async () => {
  server = await startServer({ '/big.html': () => manyParagraphsPage(3000) });
  cr = await launchChromium();
  cr.context.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await cr.newPage(server.url(path));
  await page.waitForFunction(scanned, null, { timeout: 20_000 });
  return page;
}

const highlights = (page: Page) => page.evaluate(readHighlights);

/** Text of an element's open shadow root, as a reader would see it. */
const shadowText = (page: Page, tag: string) => page.evaluate((t) => document.querySelector(t)?.shadowRoot?.textContent ?? null, tag);

describe('Chromium: the built extension', () => {
  it('highlights the reprinted paragraphs of a news page, and nothing else', async () => {
    const page = await open('/demo.html');
    const found = await highlights(page);
    expect(found.map(({ kind, source, credited }) => ({ kind, source, credited }))).toEqual(EXPECTED_DEMO);
    for (const h of found) {
      expect(h.score).toMatch(/^(0\.\d\d|1\.00)$/);
      expect(h.original).toMatch(/^\d{3}_/);
    }
    expect(Number(await page.getAttribute('html', 'data-reprint-scanned'))).toBeGreaterThanOrEqual(8);
    // Furniture and the page's own writing stay plain.
    expect(await page.$$eval('.comments [data-reprint-kind], aside [data-reprint-kind], footer [data-reprint-kind]', (e) => e.length)).toBe(0);
    await page.close();
  });

  it('shows the tooltip on hover with source title, kind, similarity and a Compare button', async () => {
    const page = await open('/demo.html');
    // Time from the pointer entering the block to the tooltip being in the page, measured in the page.
    await page.evaluate(() => {
      const w = window as unknown as { __over?: number; __shown?: number };
      document.querySelector('[data-reprint-kind="verbatim"]')!.addEventListener('mouseover', () => (w.__over ??= performance.now()));
      new MutationObserver(() => {
        if (document.querySelector('reprint-tooltip')) w.__shown ??= performance.now();
      }).observe(document.documentElement, { childList: true });
    });
    await page.locator('[data-reprint-kind="verbatim"]').first().hover();
    await page.waitForFunction(() => !!document.querySelector('reprint-tooltip')?.shadowRoot?.querySelector('button'), null, { timeout: 2000 });
    const delay = await page.evaluate(() => {
      const w = window as unknown as { __over: number; __shown: number };
      return w.__shown - w.__over;
    });
    expect(delay).toBeLessThan(500);
    const text = await shadowText(page, 'reprint-tooltip');
    expect(text).toContain('China Told Russia To Delay Ukraine Invasion');
    expect(text).toContain('Copied verbatim');
    expect(text).toMatch(/100% similar/);
    expect(text).toContain('Original: The New York Times (cited as source)');
    expect(text).toContain('Credited');
    expect(await page.evaluate(() => document.querySelector('reprint-tooltip')!.shadowRoot!.querySelector('button')!.textContent)).toContain('Compare');
    await page.screenshot({ path: 'test-results/chromium-tooltip.png' });
    await page.close();
  });

  it('opens the comparison with a word diff, the versions, and closes on Escape and on its button', async () => {
    const page = await open('/demo.html');
    await page.locator('[data-reprint-kind="edited"]').first().hover();
    await page.waitForFunction(() => !!document.querySelector('reprint-tooltip')?.shadowRoot?.querySelector('button'));
    await page.evaluate(() => (document.querySelector('reprint-tooltip')!.shadowRoot!.querySelector('button') as HTMLButtonElement).click());
    await page.waitForFunction(() => !!document.querySelector('reprint-compare')?.shadowRoot?.querySelector('[role="dialog"]'));
    const dialog = await page.evaluate(() => {
      const root = document.querySelector('reprint-compare')!.shadowRoot!;
      return {
        title: root.querySelector('h2')!.textContent,
        ins: [...root.querySelectorAll('ins')].map((e) => e.textContent),
        del: [...root.querySelectorAll('del')].map((e) => e.textContent),
        versions: root.querySelectorAll('.versions button').length,
        focusInside: root.activeElement !== null,
      };
    });
    expect(dialog.title).toContain('President Xi Pushes Putin');
    expect(dialog.del.join(' ')).toContain('led by President Xi Jinping');
    expect(dialog.ins.join(' ')).toContain('Moscows');
    expect(dialog.versions).toBeGreaterThanOrEqual(1);
    expect(dialog.focusInside).toBe(true);
    await page.screenshot({ path: 'test-results/chromium-compare.png' });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('reprint-compare'));

    // Reachable by keyboard: Tab cycles inside, Enter on the close button closes it.
    await page.locator('[data-reprint-kind="verbatim"]').first().hover();
    await page.waitForFunction(() => !!document.querySelector('reprint-tooltip')?.shadowRoot?.querySelector('button'));
    await page.evaluate(() => (document.querySelector('reprint-tooltip')!.shadowRoot!.querySelector('button') as HTMLButtonElement).click());
    await page.waitForFunction(() => !!document.querySelector('reprint-compare'));
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('REPRINT-COMPARE');
    await page.evaluate(() => (document.querySelector('reprint-compare')!.shadowRoot!.querySelector('.close') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('reprint-compare'));
    await page.close();
  });

  it('lists the highlights in the toolbar popup, sets the badge, and scrolls to one when clicked', async () => {
    const page = await open('/demo.html');
    await page.screenshot({ path: 'test-results/chromium-page.png', fullPage: true });
    const popup = await cr.openPopup();
    const items = await popup.$$eval('li button', (els) => els.map((e) => e.textContent));
    expect(items).toHaveLength(EXPECTED_DEMO.length);
    expect(items[0]).toContain('Copied verbatim');
    expect(items[0]).toContain('credited');
    expect(items[1]).toContain('uncredited');
    const summary = await popup.textContent('.page-summary');
    expect(summary).toMatch(/\d+% of this page's text is reprinted/);
    expect(summary).toContain('1 credited, 3 uncredited');
    expect(summary).toContain('2022-02-25');
    await popup.screenshot({ path: 'test-results/chromium-popup.png' });
    const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
    const sw = await cr.serviceWorker();
    expect(await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(EXPECTED_DEMO.length));

    await page.setViewportSize({ width: 1200, height: 400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator('li button').last().click();
    await page.waitForFunction(
      () => {
        const els = document.querySelectorAll('[data-reprint-kind]');
        const r = els[els.length - 1].getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight + 200 && window.scrollY > 0;
      },
      null,
      { timeout: 5000 },
    );
    await popup.close();
    await page.close();
  });

  it('names the cited original, ranks quoters above rewrites, lists every version and checks credit', async () => {
    const page = await open('/provenance.html');
    for (const [selector, credited] of [
      ['#credited', true],
      ['#uncredited', false],
    ] as const) {
      await page.locator(selector).hover();
      await page.waitForFunction(() => !!document.querySelector('reprint-tooltip')?.shadowRoot?.querySelector('button'));
      await page.evaluate(() => (document.querySelector('reprint-tooltip')!.shadowRoot!.querySelector('button') as HTMLButtonElement).click());
      await page.waitForFunction(() => !!document.querySelector('reprint-compare'));
      expectNytProvenance(await page.evaluate(readComparison, selector), credited);
      if (!credited) await page.screenshot({ path: 'test-results/chromium-provenance.png' });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('reprint-compare'));
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
    expect(await page.getAttribute('#late', 'data-reprint-source')).toBe('003_cffa34eed2c04c87');
    await page.close();
  });

  it('keeps matching after the service worker is stopped', async () => {
    await cr.stopServiceWorker();
    const page = await open('/demo.html');
    expect((await highlights(page)).map((h) => h.kind)).toEqual(EXPECTED_DEMO.map((h) => h.kind));
    await page.close();
  });

  it('keeps hostile text as text and page CSS out of its UI', async () => {
    const page = await open('/hostile.html');
    await page.locator('#escaped').hover();
    await page.waitForFunction(() => !!document.querySelector('reprint-tooltip')?.shadowRoot?.querySelector('button'));
    const tooltipImages = await page.evaluate(() => document.querySelector('reprint-tooltip')!.shadowRoot!.querySelectorAll('img').length);
    await page.evaluate(() => (document.querySelector('reprint-tooltip')!.shadowRoot!.querySelector('button') as HTMLButtonElement).click());
    await page.waitForFunction(() => !!document.querySelector('reprint-compare'));
    const state = await page.evaluate(() => {
      const root = document.querySelector('reprint-compare')!.shadowRoot!;
      const button = root.querySelector('.close')!;
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        imgs: root.querySelectorAll('img').length,
        diffText: root.querySelector('.diff')!.textContent,
        buttonDisplay: getComputedStyle(button).display,
        buttonFont: getComputedStyle(button).fontSize,
      };
    });
    expect(state.pwned).toBeUndefined();
    expect(state.imgs + tooltipImages).toBe(0);
    expect(state.diffText).toContain('<img src=x onerror=');
    expect(state.buttonDisplay).not.toBe('none');
    expect(state.buttonFont).not.toBe('40px');
    await page.close();
  });

  it('handles an empty page', async () => {
    const page = await open('/empty.html');
    expect(await page.getAttribute('html', 'data-reprint-scanned')).toBe('0');
    await page.close();
  });

  it('scans a 3,000-paragraph page within 2 s with no long task of its own', async () => {
    const page = await cr.context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __long: Array<[number, number]> }).__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (window as unknown as { __long: Array<[number, number]> }).__long.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.goto(server.url('/big.html'));
    // The page itself runs no script: every long task after load is the extension's.
    const loadedAt = await page.evaluate(
      () =>
        new Promise<number>((r) => {
          const at = () => r(performance.getEntriesByType('navigation')[0].toJSON().loadEventEnd as number);
          if (document.readyState === 'complete') at();
          else addEventListener('load', () => setTimeout(at, 0));
        }),
    );
    await page.waitForFunction(() => Number(document.documentElement.dataset.reprintScanned) >= 3000, null, { timeout: 20_000 });
    const doneAt = await page.evaluate(() => performance.now());
    const long = await page.evaluate(() => (window as unknown as { __long: Array<[number, number]> }).__long);
    const ours = long.filter(([start]) => start >= loadedAt).map(([, duration]) => duration);
    expect(doneAt - loadedAt).toBeLessThan(2000);
    expect(Math.max(0, ...ours)).toBeLessThan(100);
    expect(await page.$$eval('[data-reprint-kind]', (e) => e.length)).toBe(30);
    await page.close();
  });

  it('computes the same MinHash signatures as Node', async () => {
    const page = await cr.newPage(server.url('/empty.html'));
    await page.addScriptTag({ content: fingerprintBundle() });
    const inBrowser = await page.evaluate((samples) => samples.map((s) => (globalThis as any).__reprintSignature(s)), SIGNATURE_SAMPLES);
    const h = new MinHasher();
    expect(inBrowser).toEqual(SIGNATURE_SAMPLES.map((s) => Array.from(h.signature(charGrams(canonical(s))))));
    await page.close();
  });

  it('does not move the page: highlighted blocks keep their boxes', async () => {
    const page = await cr.context.newPage();
    await page.addInitScript(() => {
      addEventListener('DOMContentLoaded', () => {
        (window as any).__boxes = [...document.querySelectorAll('p')].map((p) => JSON.stringify(p.getBoundingClientRect()));
      });
    });
    await page.goto(server.url('/demo.html'));
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-reprint-scanned'));
    const moved = await page.evaluate(
      () => [...document.querySelectorAll('p')].filter((p, i) => JSON.stringify(p.getBoundingClientRect()) !== (window as any).__boxes[i]).length,
    );
    expect(await page.$$eval('[data-reprint-kind]', (e) => e.length)).toBe(EXPECTED_DEMO.length);
    expect(moved).toBe(0);
    await page.close();
  });

  it('makes no network request beyond the test server', () => {
    const outside = requests.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('chrome-extension://') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
  });
});
