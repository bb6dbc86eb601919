import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';
import { ClosedShadow } from './chromium-shadow';
import { CREDIT_LINE, EXPECTED_DEMO, EXPECTED_DISGUISED, FAIR_CREDIT } from './expectations';
import { readReport, type ReportState } from './report-reads';
import { expectNytProvenance } from './provenance-checks';
import { startServer } from './server';
import { longTokenPage, manyParagraphsPage } from './pages';
import { fingerprintBundle, SIGNATURE_SAMPLES } from './fingerprint-bundle';
import { MinHasher } from '../../src/fingerprint/minhash';
import { charGrams } from '../../src/fingerprint/grams';
import { canonical } from '../../src/text/normalize';

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;
const requests: string[] = [];

beforeAll(async () => {
  server = await startServer({ '/big.html': () => manyParagraphsPage(3000), '/long-token.html': () => longTokenPage() });
  cr = await launchChromium();
  cr.context.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  report: Page;
  ui: ClosedShadow;
  /** The report as it reads now. */
  read(): Promise<ReportState>;
  /** Waits until the report satisfies `done`. */
  until(done: (r: ReportState) => boolean, timeout?: number): Promise<ReportState>;
  close(): Promise<void>;
}

/** A fixture page, its report, and Reprint's UI in it; resolves once the page's first scan pass is reported. */
async function open(path: string): Promise<Opened> {
  const page = await cr.newPage(server.url(path));
  const report = await cr.openReport(page);
  const read = () => report.evaluate(readReport);
  const until = async (done: (r: ReportState) => boolean, timeout = 20_000) => {
    const end = Date.now() + timeout;
    for (;;) {
      const r = await read();
      if (done(r)) return r;
      if (Date.now() > end) throw new Error(`the report did not get there: ${JSON.stringify(r)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await until((r) => r.passes > 0);
  await page.bringToFront();
  return { page, report, ui: await ClosedShadow.of(page), read, until, close: async () => (await report.close(), await page.close()) };
}

/** The page's paragraph a report row stands for. */
const block = (page: Page, row: { excerpt: string }) => page.locator('p', { hasText: row.excerpt.replace(/…$/, '').slice(0, 60) }).first();

/** Hovers a block with the real mouse and waits for the card. */
async function hoverCard(o: Opened, selector: string | { excerpt: string }) {
  await o.page.mouse.move(0, 0);
  await (typeof selector === 'string' ? o.page.locator(selector) : block(o.page, selector)).hover();
  await o.ui.waitFor('.tip button');
}

async function openComparison(o: Opened, selector: string | { excerpt: string }) {
  await hoverCard(o, selector);
  await o.ui.click('.tip button');
  await o.ui.waitFor('.dialog[role="dialog"]');
}

describe('Chromium: the built extension', () => {
  it('highlights the reprinted paragraphs of a news page, and nothing else, as its report shows', async () => {
    const o = await open('/demo.html');
    const { rows, scanned } = await o.until((r) => r.rows.length >= EXPECTED_DEMO.length);
    expect(rows.map(({ kind, source, credited }) => ({ kind, source, credited }))).toEqual(EXPECTED_DEMO);
    for (const h of rows) {
      expect(h.score).toMatch(/^(0\.\d\d|1\.00)$/);
      expect(h.original).toMatch(/^\d{3}_/);
    }
    expect(scanned).toBeGreaterThanOrEqual(8);
    await o.report.screenshot({ path: 'test-results/chromium-report.png', fullPage: true });
    await o.close();
  });

  it('shows the tooltip on hover with source title, kind, similarity and a Compare button', async () => {
    const o = await open('/demo.html');
    const [verbatim] = (await o.until((r) => r.rows.length > 0)).rows;
    const started = Date.now();
    await hoverCard(o, verbatim);
    // Pointer in → card shown, as the test sees it (the show delay is 150 ms).
    expect(Date.now() - started).toBeLessThan(1500);
    const text = await o.ui.text('.tip');
    expect(text).toContain('China Told Russia To Delay Ukraine Invasion');
    expect(text).toContain('Copied verbatim');
    expect(text).toMatch(/100% similar/);
    expect(text).toContain('Original: The New York Times (cited as source)');
    expect(text).toContain('Credited: names The New York Times just before it');
    expect(await o.ui.text('.tip button')).toContain('Compare');
    // The original is the cited NYT, outside the corpus: the link opens the copied version, and says where it goes.
    expect(
      await o.ui.call('.tip .open-original', function () {
        const a = this as HTMLAnchorElement;
        return [a.textContent, a.href, a.target, a.rel];
      }),
    ).toEqual(['Open source (ift.tt)', 'https://ift.tt/ZktsESg', '_blank', 'noopener noreferrer']);
    await o.page.screenshot({ path: 'test-results/chromium-tooltip.png' });
    await o.close();
  });

  it('opens the comparison with a word diff, the versions, and closes on Escape and on its button', async () => {
    const o = await open('/demo.html');
    const rows = (await o.until((r) => r.rows.length >= EXPECTED_DEMO.length)).rows;
    await openComparison(
      o,
      rows.find((r) => r.kind === 'edited')!,
    );
    const dialog = await o.ui.call('.dialog', function () {
      return {
        title: this.querySelector('h2')!.textContent,
        ins: [...this.querySelectorAll('ins')].map((e) => e.textContent),
        del: [...this.querySelectorAll('del')].map((e) => e.textContent),
        versions: this.querySelectorAll('.versions button').length,
        focusInside: (this.getRootNode() as ShadowRoot).activeElement !== null,
      };
    });
    expect(dialog.title).toContain('President Xi Pushes Putin');
    expect(dialog.del.join(' ')).toContain('led by President Xi Jinping');
    expect(dialog.ins.join(' ')).toContain('Moscows');
    expect(dialog.versions).toBeGreaterThanOrEqual(1);
    expect(dialog.focusInside).toBe(true);
    await o.page.screenshot({ path: 'test-results/chromium-compare.png' });
    await o.page.keyboard.press('Escape');
    await o.ui.gone('.dialog');

    // By keyboard: Tab stays inside, Enter on the close button closes it.
    await openComparison(o, rows[0]);
    for (let i = 0; i < 6; i++) await o.page.keyboard.press('Tab');
    expect(
      await o.ui.call('.dialog', function () {
        return this.contains((this.getRootNode() as ShadowRoot).activeElement);
      }),
    ).toBe(true);
    await o.ui.click('.close');
    await o.ui.gone('.dialog');
    await o.close();
  });

  it('lists the highlights in the toolbar popup, sets the badge, and scrolls to one on Show', async () => {
    const o = await open('/demo.html');
    await o.until((r) => r.rows.length >= EXPECTED_DEMO.length);
    await o.report.close();
    await o.page.screenshot({ path: 'test-results/chromium-page.png', fullPage: true });
    const popup = await cr.openPopup();
    const items = await popup.$$eval('li .entry', (els) => els.map((e) => e.textContent));
    expect(items).toHaveLength(EXPECTED_DEMO.length);
    expect(items[0]).toContain('Copied verbatim');
    expect(items[0]).toContain('credited');
    expect(items[2]).toContain('no credit found');
    const summary = await popup.textContent('.page-summary');
    expect(await popup.textContent('.page-summary summary')).toMatch(/^\d+% reprinted · 4 paragraphs · 2 credited$/);
    expect(summary).toContain('2 credited, 2 with no credit found');
    expect(summary).toContain('2022-02-25');
    await popup.screenshot({ path: 'test-results/chromium-popup.png' });
    const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
    const sw = await cr.serviceWorker();
    expect(await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(EXPECTED_DEMO.length));

    await o.page.setViewportSize({ width: 1200, height: 400 });
    await o.page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator('li .show').last().click();
    await o.page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });

    // Open report: the tab's report, with its downloads.
    const [report] = await Promise.all([cr.context.waitForEvent('page'), popup.getByRole('button', { name: 'Open report' }).click()]);
    await report.waitForSelector('body[data-ready]');
    expect(new URL(report.url()).searchParams.get('tab')).toBe(String(tabId));
    expect((await report.evaluate(readReport)).rows).toHaveLength(EXPECTED_DEMO.length);
    const [csv] = await Promise.all([report.waitForEvent('download'), report.getByRole('button', { name: 'Download CSV' }).click()]);
    const lines = (await new Response(Readable.toWeb(await csv.createReadStream()) as ReadableStream).text()).trim().split('\r\n');
    expect(lines).toHaveLength(EXPECTED_DEMO.length + 1);
    expect(lines[0]).toContain('"kind"');
    expect(lines[1]).toContain('"verbatim"');
    const [json] = await Promise.all([report.waitForEvent('download'), report.getByRole('button', { name: 'Download JSON' }).click()]);
    const data = JSON.parse(await new Response(Readable.toWeb(await json.createReadStream()) as ReadableStream).text());
    expect(data.highlights.map((h: { kind: string }) => h.kind)).toEqual(EXPECTED_DEMO.map((h) => h.kind));
    await report.close();
    await popup.close();
    await o.page.close();
  });

  it('pauses on a site from the popup: highlights go, the badge says off, a reload scans nothing, and resuming brings them back', async () => {
    const o = await open('/demo.html');
    await o.until((r) => r.rows.length >= EXPECTED_DEMO.length);
    const popup = await cr.openPopup();
    const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
    await popup.getByRole('button', { name: 'Pause on 127.0.0.1' }).click();
    await o.until((r) => r.rows.length === 0);
    const sw = await cr.serviceWorker();
    await expect.poll(() => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('off');
    expect(await o.ui.roots()).toEqual([]);
    await popup.reload();
    await popup.waitForSelector('body[data-ready]');
    expect(await popup.textContent('header')).toContain('paused on this site');
    await popup.screenshot({ path: 'test-results/chromium-popup-paused.png' });

    await o.page.reload();
    await o.page.waitForTimeout(1000);
    const tab = await popup.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'tab/report' }), tabId);
    expect(tab).toMatchObject({ paused: true, scanned: 0, items: [] });

    await popup.getByRole('button', { name: 'Pause on 127.0.0.1' }).click();
    await expect
      .poll(async () => ((await popup.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'tab/report' }), tabId)) as { items: unknown[] }).items.length, {
        timeout: 10_000,
      })
      .toBe(EXPECTED_DEMO.length);
    await popup.close();
    await o.close();
  });

  it('names the cited original, ranks quoters above rewrites, lists every version and checks credit', async () => {
    const o = await open('/provenance.html');
    const { rows } = await o.until((r) => r.rows.length >= 2);
    for (const [id, credited] of [
      ['credited', true],
      ['uncredited', false],
    ] as const) {
      await openComparison(o, `#${id}`);
      const row = rows.find((r) => r.elementId === id)!;
      expectNytProvenance(
        {
          provenance: await o.ui.text('.dialog .provenance'),
          versions: await o.ui.call('.dialog', function () {
            return [...this.querySelectorAll('.versions button')].map((b) => (b.textContent ?? '').trim());
          }),
          original: row.original,
          credited: row.credited,
        },
        credited,
      );
      if (!credited) await o.page.screenshot({ path: 'test-results/chromium-provenance.png' });
      await o.page.keyboard.press('Escape');
      await o.ui.gone('.dialog');
    }
    await o.close();
  });

  it('matches a disguised copy as verbatim, and never the same-topic text or the furniture around it', async () => {
    const o = await open('/disguised.html');
    const { rows } = await o.read();
    expect(rows.map(({ kind, source }) => ({ kind, source }))).toEqual(EXPECTED_DISGUISED);
    expect(rows[0].elementId).toBe('disguised');
    await o.close();
  });

  it('highlights text added after load', async () => {
    const o = await open('/later.html');
    const { rows } = await o.until((r) => r.rows.some((x) => x.elementId === 'late'), 10_000);
    expect(rows.find((x) => x.elementId === 'late')).toMatchObject({ kind: 'verbatim', source: '003_cffa34eed2c04c87' });
    await o.close();
  });

  it('keeps matching after the service worker is stopped', async () => {
    await cr.stopServiceWorker();
    const o = await open('/demo.html');
    const { rows } = await o.until((r) => r.rows.length >= EXPECTED_DEMO.length);
    expect(rows.map((h) => h.kind)).toEqual(EXPECTED_DEMO.map((h) => h.kind));
    await o.close();
  });

  it('keeps hostile text as text and page CSS out of its UI', async () => {
    const o = await open('/hostile.html');
    await openComparison(o, '#escaped');
    const state = await o.ui.call('.dialog', function () {
      const button = this.querySelector('.close')!;
      return {
        imgs: (this.getRootNode() as ShadowRoot).querySelectorAll('img').length,
        diffText: this.querySelector('.diff')!.textContent,
        buttonDisplay: getComputedStyle(button).display,
        buttonFont: getComputedStyle(button).fontSize,
      };
    });
    expect(await o.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(state.imgs).toBe(0);
    expect(state.diffText).toContain('<img src=x onerror=');
    expect(state.buttonDisplay).not.toBe('none');
    expect(state.buttonFont).not.toBe('40px');
    await o.close();
  });

  it('handles an empty page', async () => {
    const o = await open('/empty.html');
    expect(await o.read()).toMatchObject({ scanned: 0, rows: [] });
    await o.close();
  });

  it('scans a 3,000-paragraph page within 2 s with no long task of its own', async () => {
    const page = await cr.context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __long: Array<[number, number]> }).__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (window as unknown as { __long: Array<[number, number]> }).__long.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: false });
    });
    const start = Date.now();
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
    const loadedWall = Date.now();
    const report = await cr.openReport(page);
    let state = await report.evaluate(readReport);
    while (state.scanned < 3000) {
      await new Promise((r) => setTimeout(r, 50));
      state = await report.evaluate(readReport);
      if (Date.now() - start > 20_000) break;
    }
    const doneWall = Date.now();
    const long = await page.evaluate(() => (window as unknown as { __long: Array<[number, number]> }).__long);
    const ours = long.filter(([s]) => s >= loadedAt).map(([, duration]) => duration);
    // Seen from the test, through the report that polls the tab: an upper bound on the scan itself.
    expect(doneWall - loadedWall).toBeLessThan(2000 + 500);
    expect(Math.max(0, ...ours)).toBeLessThan(100);
    expect(state.rows).toHaveLength(30);
    await report.close();
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
    const report = await cr.openReport(page);
    await report.waitForFunction((n) => document.querySelectorAll('#highlights tbody tr').length >= n, EXPECTED_DEMO.length);
    const moved = await page.evaluate(
      () => [...document.querySelectorAll('p')].filter((p, i) => JSON.stringify(p.getBoundingClientRect()) !== (window as any).__boxes[i]).length,
    );
    expect(moved).toBe(0);
    await report.close();
    await page.close();
  });
});

describe('Chromium: a page learns nothing, and cannot stall or steer Reprint', () => {
  it('a probe page reads no attribute, style, registry or shadow root, even with synthetic events and its nodes removed', async () => {
    const o = await open('/probe.html');
    const { rows } = await o.until((r) => r.rows.some((x) => x.elementId === 'copy'));
    expect(rows.find((x) => x.elementId === 'copy')!.kind).toBe('verbatim');
    await o.page.waitForFunction(() => (window as any).__probe?.done === true, null, { timeout: 10_000 });
    const probe = await o.page.evaluate(() => (window as any).__probe as { learned: string[]; removed: number });
    expect(probe.learned).toEqual([]);
    // The page removed Reprint's layers; they came back, and a person's hover still shows the card.
    expect(probe.removed).toBeGreaterThan(0);
    await hoverCard(o, '#copy');
    expect(await o.ui.text('.tip .provenance')).toContain('Original: The New York Times');
    await o.close();
  });

  it('a page that takes the element names, patches attachShadow and rewrites shadow roots changes nothing', async () => {
    const o = await open('/predefine.html');
    await o.until((r) => r.rows.some((x) => x.elementId === 'copy'));
    await hoverCard(o, '#copy');
    expect(await o.ui.text('.tip .provenance')).toContain('Original: The New York Times');
    expect(await o.ui.text('.tip')).not.toContain('this site');
    expect(await o.page.evaluate(() => (window as any).__stolen)).toBeUndefined();
    // The page's `html > div { display: none !important }` does not hide the card.
    expect(
      await o.ui.call('.tip', function () {
        const host = (this.getRootNode() as ShadowRoot).host;
        return [getComputedStyle(host).display, getComputedStyle(host).visibility, getComputedStyle(host).opacity];
      }),
    ).toEqual(['block', 'visible', '1']);
    await o.page.screenshot({ path: 'test-results/chromium-predefine.png' });
    await o.close();
  });

  it('hidden text, noscript and hidden links are not credit; visible credit is', async () => {
    const o = await open('/hidden-credit.html');
    const { rows } = await o.until((r) => r.rows.length >= 6);
    const credited = Object.fromEntries(rows.map((r) => [r.elementId, r.credited]));
    expect(credited).toEqual({
      'display-none': 'false',
      noscript: 'false',
      'sr-only': 'false',
      transparent: 'false',
      invisible: 'false',
      visible: 'true',
    });
    await o.close();
  });

  it('credit given the way people give it counts, and the report shows the evidence', async () => {
    const o = await open('/fair-credit.html');
    const { rows } = await o.until((r) => r.rows.length >= 3);
    expect(Object.fromEntries(rows.map((r) => [r.elementId, [r.credited, r.credit]]))).toEqual(FAIR_CREDIT);
    await o.close();
    const far = await open('/credit-line.html');
    expect((await far.until((r) => r.rows.length >= 1)).rows[0].credit).toBe(CREDIT_LINE);
    await far.close();
  });

  it('a page that never stops changing still gets its new text scanned', async () => {
    const o = await open('/storm.html');
    await o.until((r) => r.rows.some((x) => x.elementId === 'late'), 5000);
    await o.close();
  });

  it('a 150 KB token does not stall matching: its neighbour is highlighted, and another tab is answered within 1 s', async () => {
    const other = await cr.context.newPage();
    await other.goto(`chrome-extension://${cr.extensionId}/report.html`);
    const page = await cr.newPage(server.url('/long-token.html'));
    // While the token's page is being scanned, another tab's question, timed where it is asked.
    const ms = await other.evaluate(async (text) => {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ type: 'content/scan', texts: [text] });
      return performance.now() - t0;
    }, 'Every time, Chinese officials, including the foreign minister and the ambassador to the United States, rebuffed the Americans.');
    expect(ms).toBeLessThan(1000);
    const report = await cr.openReport(page);
    await report.waitForFunction(() => !!document.querySelector('#highlights tr[data-element-id="copy"]'), null, { timeout: 10_000 });
    expect((await report.evaluate(readReport)).rows.map((r) => r.elementId)).toEqual(['copy']);
    for (const p of [report, page, other]) await p.close();
  });

  it('bidi controls in page text are shown, not obeyed, in the comparison', async () => {
    const o = await open('/rtl.html');
    await o.until((r) => r.rows.some((x) => x.elementId === 'copy'));
    await openComparison(o, '#copy');
    const diff = await o.ui.call('.dialog .diff', function () {
      return { controls: [...this.querySelectorAll('.control')].map((c) => c.textContent), raw: /[\u202A-\u202E\u2066-\u2069]/.test(this.textContent ?? '') };
    });
    expect(diff.controls).toEqual(expect.arrayContaining(['U+202E']));
    expect(diff.raw).toBe(false);
    await o.page.screenshot({ path: 'test-results/chromium-rtl.png' });
    await o.close();
  });

  it('right-to-left overrides in corpus metadata stay inside their field', async () => {
    const text =
      'The harbour authority confirmed on Tuesday that the northern breakwater will be rebuilt over two summers, with the ferry moved to the old quay while the work goes on.';
    const ext = await cr.context.newPage();
    await ext.goto(`chrome-extension://${cr.extensionId}/report.html`);
    const send = (m: object) => ext.evaluate((msg) => chrome.runtime.sendMessage(msg), m);
    await send({
      type: 'corpus/import',
      articles: [
        {
          id: 'rtl-meta',
          collection: 'Test',
          meta: { title: '\u202Egnp.exe', publisher: '\u202EReprint Wire', author: null, date: '2001-01-01', url: null },
          paragraphs: [text],
        },
      ],
    });
    const page = await cr.context.newPage();
    await page.route('**/rtl-meta.html', (r) =>
      r.fulfill({ contentType: 'text/html', body: `<!doctype html><title>RTL metadata</title><article><p id="copy">${text}</p></article>` }),
    );
    await page.goto(server.url('/rtl-meta.html'));
    const ui = await ClosedShadow.of(page);
    await page.locator('#copy').hover();
    await ui.waitFor('.tip button');
    const fields = await ui.call('.tip', function () {
      const title = this.querySelector('.title')!;
      return { title: title.tagName, text: title.textContent, byline: [...this.querySelectorAll('.row.muted bdi')].map((b) => b.textContent) };
    });
    expect(fields.title).toBe('BDI');
    expect(fields.text).toBe('U+202Egnp.exe');
    expect(fields.byline).toEqual(['U+202EReprint Wire', '1 Jan 2001']);
    await page.screenshot({ path: 'test-results/chromium-rtl-metadata.png' });
    await send({ type: 'corpus/delete', ids: ['rtl-meta'] });
    await page.close();
    await ext.close();
  });

  it('makes no network request beyond the test server', () => {
    const outside = requests.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('chrome-extension://') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
  });
});
