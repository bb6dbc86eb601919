import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox, setViewport, type FirefoxHarness } from './firefox';
import { FirefoxShadow } from './firefox-shadow';
import { startServer } from './server';
import { longTokenPage } from './pages';
import { CREDIT_LINE, EXPECTED_DEMO, EXPECTED_DISGUISED, FAIR_CREDIT } from './expectations';
import { readReport, type ReportState } from './report-reads';
import { expectNytProvenance } from './provenance-checks';
import { fingerprintBundle, SIGNATURE_SAMPLES } from './fingerprint-bundle';
import { MinHasher } from '../../src/fingerprint/minhash';
import { charGrams } from '../../src/fingerprint/grams';
import { canonical } from '../../src/text/normalize';

let ff: FirefoxHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  // Puppeteer, unlike Playwright, does not create a screenshot's folder.
  mkdirSync('test-results', { recursive: true });
  server = await startServer({ '/long-token.html': longTokenPage });
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

type Row = ReportState['rows'][number];

/**
 * Polls the report until `until` holds and the report has not changed for
 * `quiet` ms (a scan pass may still be adding rows), and returns it. Throws
 * with the last state on timeout.
 */
async function waitReport(report: Page, until: (s: ReportState) => boolean, { timeout = 15_000, quiet = 400 } = {}): Promise<ReportState> {
  const end = Date.now() + timeout;
  let last: ReportState | undefined;
  let lastJson = '';
  let stableSince = 0;
  for (;;) {
    const s = await report.evaluate(readReport).catch(() => undefined);
    if (s) {
      const json = JSON.stringify(s);
      if (json !== lastJson) [lastJson, stableSince] = [json, Date.now()];
      last = s;
      if (s.ready && until(s) && Date.now() - stableSince >= quiet) return s;
    }
    if (Date.now() > end) throw new Error(`The report did not get there in ${timeout} ms; it shows ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let opened = 0;
/** A fixture's address, unique to this opening: a tab a failed test left open is never taken for the next test's. */
const fresh = (path: string) => `${server.url(path)}?open=${++opened}`;

const row = (s: ReportState, id: string): Row | undefined => s.rows.find((r) => r.elementId === id);

interface Opened {
  page: Page;
  report: Page;
  shadow: FirefoxShadow;
  state: ReportState;
}

/** Opens a fixture page and its report; waits for the report to show the page's first scan pass (and `until`). */
async function open(path: string, until: (s: ReportState) => boolean = () => true): Promise<Opened> {
  const page = await ff.newPage(fresh(path));
  const report = await ff.openReport(page);
  const state = await waitReport(report, (s) => s.passes > 0 && until(s));
  await page.bringToFront();
  return { page, report, shadow: FirefoxShadow.of(page), state };
}

async function closeAll(...pages: Page[]) {
  for (const p of pages) await p.close();
}

/** A real pointer on the page's own element, then the card in Reprint's closed root. */
async function hoverForTooltip(o: Opened, selector: string) {
  await o.page.hover(selector);
  await o.shadow.waitFor('.tip button', 3000);
}

async function openComparison(o: Opened, selector: string) {
  await hoverForTooltip(o, selector);
  await o.shadow.click('.tip button');
  await o.shadow.waitFor('.backdrop .dialog[role="dialog"]');
}

async function closeComparison(o: Opened) {
  await o.page.keyboard.press('Escape');
  await o.shadow.gone('.dialog');
}

/** The page's own paragraph that begins with `start`, as a puppeteer selector. */
const paragraph = (start: string) => `p ::-p-text(${start})`;

describe('Firefox: the built extension', () => {
  it('reports the reprinted paragraphs of a news page, in order, with kind, source and credit', async () => {
    const o = await open('/demo.html', (s) => s.rows.length >= EXPECTED_DEMO.length);
    expect(o.state.rows.map(({ kind, source, credited }) => ({ kind, source, credited }))).toEqual(EXPECTED_DEMO);
    for (const r of o.state.rows) {
      expect(r.score).toMatch(/^(0\.\d\d|1\.00)$/);
      expect(r.original).toMatch(/^\d{3}_/);
    }
    expect(o.state.scanned).toBeGreaterThanOrEqual(8);
    await o.report.bringToFront();
    await o.report.screenshot({ path: 'test-results/firefox-report.png' });
    // Nothing of it on the page: no attributes, no open roots, no custom elements.
    expect(
      await o.page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.getAttributeNames().some((a) => a.startsWith('data-reprint'))).length),
    ).toBe(0);
    expect(await o.page.evaluate(() => [...document.documentElement.children].filter((e) => e.shadowRoot || e.localName.includes('-')).length)).toBe(0);
    await closeAll(o.report, o.page);
  });

  it('shows the tooltip on a real hover, then the comparison with ins/del, closed by Escape', async () => {
    const o = await open('/demo.html', (s) => s.rows.length >= EXPECTED_DEMO.length);
    await hoverForTooltip(o, paragraph('The previously unreported talks'));
    const tip = await o.shadow.text('.tip');
    expect(tip).toContain('President Xi Pushes Putin');
    expect(await o.shadow.text('.tip .kind')).toBe('Lightly edited copy');
    expect(tip).toMatch(/\d+% similar/);
    expect(await o.shadow.text('.tip .credit')).toBe('Credited: names The New York Times just before it');
    // 003 has no address: no link to open.
    expect(await o.shadow.has('.tip .open-original')).toBe(false);
    expect(await o.shadow.text('.tip button')).toContain('Compare');
    // While the card is shown, the page's own scripts see no trace of it.
    expect(
      await o.page.evaluate(() => ({
        roots: [...document.documentElement.children].filter((e) => e.shadowRoot).length,
        text: document.documentElement.textContent!.includes('President Xi Pushes'),
      })),
    ).toEqual({ roots: 0, text: false });
    await o.page.screenshot({ path: 'test-results/firefox-tooltip.png' });
    await o.shadow.click('.tip button');
    await o.shadow.waitFor('.backdrop .dialog[role="dialog"]');
    expect(await o.shadow.text('.dialog h2')).toContain('President Xi Pushes Putin');
    expect((await o.shadow.texts('.diff ins')).length).toBeGreaterThan(0);
    expect((await o.shadow.texts('.diff del')).length).toBeGreaterThan(0);
    expect(await o.shadow.texts('.versions button[aria-pressed="true"]')).toHaveLength(1);
    await o.page.screenshot({ path: 'test-results/firefox-compare.png' });
    await closeComparison(o);
    await closeAll(o.report, o.page);
  });

  it('lists the highlights in the toolbar popup with a badge, and scrolls to one', async () => {
    const o = await open('/demo.html', (s) => s.rows.length >= EXPECTED_DEMO.length);
    await setViewport(o.page, { width: 1200, height: 400 });
    const popup = await ff.openPopup(o.page);
    const items = await popup.$$eval('li .entry', (els) => els.map((e) => e.textContent));
    expect(items).toHaveLength(EXPECTED_DEMO.length);
    const badge = await popup.evaluate(() =>
      (globalThis as any).browser.action.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tab')) }),
    );
    expect(badge).toBe(String(EXPECTED_DEMO.length));
    await popup.screenshot({ path: 'test-results/firefox-popup.png' });
    // The popup's buttons answer only trusted clicks: a real one, on the entry's Show.
    await (await popup.$$('li .show'))[3].click();
    // A real popup closes and leaves its page in front; the test's popup is a tab.
    await o.page.bringToFront();
    await o.page.waitForFunction(() => window.scrollY > 0, { timeout: 5000, polling: 100 });
    await closeAll(popup, o.report, o.page);
  });

  it('pauses on a site from the popup: highlights go, the badge says off, a reload scans nothing, and resuming brings them back', async () => {
    const o = await open('/demo.html', (s) => s.rows.length >= EXPECTED_DEMO.length);
    let popup = await ff.openPopup(o.page);
    // Read in the page: BiDi reports no navigations of extension documents, so popup.url() lags.
    const tabId = Number(await popup.evaluate(() => new URLSearchParams(location.search).get('tab')));
    /** The tab's own answer, from its content script; undefined while the page (re)loads. */
    const tabReport = () =>
      popup.evaluate((id) => (globalThis as any).browser.tabs.sendMessage(id, { type: 'tab/report' }), tabId).catch(() => undefined) as Promise<
        { paused: boolean; scanned: number; items: unknown[] } | undefined
      >;
    const badge = () => popup.evaluate((id) => (globalThis as any).browser.action.getBadgeText({ tabId: id }), tabId) as Promise<string>;
    /** A real click on the popup's switch (its buttons answer only trusted clicks), found anew: the popup re-renders. */
    const pauseSwitch = async (pressed: boolean) => {
      await popup.bringToFront();
      const button = (await popup.evaluateHandle(() =>
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Pause on 127.0.0.1')!,
      )) as ElementHandle<HTMLButtonElement>;
      expect(await button.evaluate((b) => b.getAttribute('aria-pressed'))).toBe(String(!pressed));
      await button.click();
      await o.page.bringToFront();
    };

    await pauseSwitch(true);
    await waitReport(o.report, (s) => s.rows.length === 0);
    await expect.poll(badge, { timeout: 5000 }).toBe('off');
    expect(await o.shadow.roots()).toEqual([]);
    // The popup, opened again, says so and shows the switch on.
    await popup.close();
    popup = await ff.openPopup(o.page);
    expect(await popup.$eval('header', (e) => e.textContent)).toContain('paused on this site');
    expect(
      await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Pause on 127.0.0.1')?.getAttribute('aria-pressed')),
    ).toBe('true');
    await popup.screenshot({ path: 'test-results/firefox-popup-paused.png' });

    await o.page.reload();
    await expect.poll(tabReport, { timeout: 10_000 }).toBeTruthy();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await tabReport()).toMatchObject({ paused: true, scanned: 0, items: [] });
    expect(await o.shadow.roots()).toEqual([]);
    expect(await badge()).toBe('off');

    await pauseSwitch(false);
    await expect.poll(async () => (await tabReport())?.items.length, { timeout: 10_000 }).toBe(EXPECTED_DEMO.length);
    expect(await tabReport()).toMatchObject({ paused: false });
    await expect.poll(badge, { timeout: 5000 }).toBe(String(EXPECTED_DEMO.length));
    await closeAll(popup, o.report, o.page);
  });

  it('names the cited original, ranks quoters above rewrites, lists every version and checks credit', async () => {
    const o = await open('/provenance.html', (s) => !!row(s, 'credited') && !!row(s, 'uncredited'));
    for (const [id, credited] of [
      ['credited', true],
      ['uncredited', false],
    ] as const) {
      await openComparison(o, `#${id}`);
      const r = row(o.state, id)!;
      expectNytProvenance(
        {
          provenance: await o.shadow.text('.dialog .provenance'),
          versions: await o.shadow.texts('.versions button'),
          original: r.original,
          credited: r.credited,
        },
        credited,
      );
      if (!credited) await o.page.screenshot({ path: 'test-results/firefox-provenance.png' });
      await closeComparison(o);
      await o.page.mouse.move(0, 0);
      await o.shadow.gone('.tip');
    }
    await closeAll(o.report, o.page);
  });

  it('matches a disguised copy as verbatim, and never the same-topic text or the furniture around it', async () => {
    const o = await open('/disguised.html', (s) => s.rows.length >= EXPECTED_DISGUISED.length);
    expect(o.state.rows.map(({ kind, source }) => ({ kind, source }))).toEqual(EXPECTED_DISGUISED);
    expect(o.state.rows[0].elementId).toBe('disguised');
    await closeAll(o.report, o.page);
  });

  it('highlights text added after load', async () => {
    const o = await open('/later.html');
    const s = await waitReport(o.report, (st) => row(st, 'late')?.kind === 'verbatim', { timeout: 10_000 });
    expect(row(s, 'late')!.source).toBe('003_cffa34eed2c04c87');
    await closeAll(o.report, o.page);
  });

  it('keeps hostile text as text', async () => {
    const o = await open('/hostile.html', (s) => !!row(s, 'escaped'));
    await openComparison(o, '#escaped');
    expect(await o.page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await o.shadow.queryAll('img', () => 1)).toEqual([]);
    expect(await o.shadow.text('.diff')).toContain('<img src=x onerror=');
    await closeComparison(o);
    await closeAll(o.report, o.page);
  });

  it('computes the same MinHash signatures as Node', async () => {
    const page = await ff.newPage(fresh('/empty.html'));
    await page.addScriptTag({ content: fingerprintBundle() });
    const inBrowser = await page.evaluate((samples) => samples.map((s) => (globalThis as any).__reprintSignature(s)), SIGNATURE_SAMPLES);
    const h = new MinHasher();
    expect(inBrowser).toEqual(SIGNATURE_SAMPLES.map((s) => Array.from(h.signature(charGrams(canonical(s))))));
    await page.close();
  });
});

describe('Firefox: a web page learns nothing of the reader’s corpus', () => {
  it('a probing page finds no trace through attributes, styles, highlights, shadow roots, events or hit tests, and cannot remove the UI', async () => {
    const page = await ff.newPage(fresh('/probe.html'));
    const report = await ff.openReport(page);
    await page.bringToFront();
    // The page's own finding, which it keeps in its own global.
    await page.waitForFunction(() => (window as any).__probe?.done === true, { timeout: 20_000, polling: 100 });
    const probe = (await page.evaluate(() => (window as any).__probe)) as { learned: string[]; removed: number };
    expect(probe.learned).toEqual([]);
    // It probed a real highlight, and took away what the extension had added.
    const state = await waitReport(report, (s) => !!row(s, 'copy'));
    expect(row(state, 'copy')!.kind).toBe('verbatim');
    expect(probe.removed).toBeGreaterThan(0);
    // The UI came back: a person's hover still shows the card.
    const o: Opened = { page, report, shadow: FirefoxShadow.of(page), state };
    await hoverForTooltip(o, '#copy');
    expect(await o.shadow.text('.tip .kind')).toBe('Copied verbatim');
    await closeAll(report, page);
  });

  it('a 150 KB token holds nothing up: its page is matched, and a tab opened right after is highlighted within 1 s', async () => {
    // The second page is open, with its report, before the long page loads: then only its own load and scan are timed.
    // Each page has a window of its own, so that neither is a background tab, whose timers Firefox slows.
    const second = await ff.newPage(fresh('/empty.html'), { window: true });
    const secondReport = await ff.openReport(second);
    await waitReport(secondReport, (s) => s.passes > 0, { quiet: 0 });
    // When the report first shows a row, by the wall clock.
    const shown = secondReport.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const seen = () => !!document.querySelector('#highlights tbody tr') && (resolve(Date.now()), true);
          if (!seen()) new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
          setTimeout(() => resolve(-1), 15_000);
        }),
    );
    const long = await ff.newPage(fresh('/long-token.html'), { window: true });
    await second.goto(fresh('/provenance.html'));
    // From the second page's DOMContentLoaded, by the wall clock: a document_idle content script starts no earlier, so its first scan request is later.
    const loaded = await second.evaluate(
      () => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
    );
    const at = await shown;
    expect(at, 'the second page was never highlighted').toBeGreaterThan(0);
    console.log(`long token: the next tab's report showed its highlights ${Math.round(at - loaded)} ms after its DOMContentLoaded`);
    expect(at - loaded).toBeLessThan(1000);

    const longReport = await ff.openReport(long);
    const state = await waitReport(longReport, (s) => !!row(s, 'copy'));
    expect(row(state, 'copy')!.kind).toBe('verbatim');
    expect(row(state, 'own')).toBeUndefined();
    await closeAll(longReport, long, secondReport, second);
  });

  it('a page that pre-defines element names and patches attachShadow steals nothing and cannot rewrite the card', async () => {
    const o = await open('/predefine.html', (s) => !!row(s, 'copy'));
    expect(await o.page.evaluate(() => (window as any).__stolen)).toBeUndefined();
    expect(row(o.state, 'copy')!.kind).toBe('verbatim');
    await hoverForTooltip(o, '#copy');
    const provenance = await o.shadow.text('.tip .provenance');
    expect(provenance).toContain('Original: The New York Times');
    expect(provenance).not.toContain('this site');
    await o.page.screenshot({ path: 'test-results/firefox-predefine-tooltip.png' });
    await closeAll(o.report, o.page);
  });

  it('credit a reader cannot see does not count', async () => {
    const ids = ['display-none', 'noscript', 'sr-only', 'transparent', 'invisible', 'visible'];
    const o = await open('/hidden-credit.html', (s) => ids.every((id) => row(s, id)));
    expect(Object.fromEntries(ids.map((id) => [id, row(o.state, id)!.credited]))).toEqual({
      'display-none': 'false',
      noscript: 'false',
      'sr-only': 'false',
      transparent: 'false',
      invisible: 'false',
      visible: 'true',
    });
    await closeAll(o.report, o.page);
  });

  it('credit given the way people give it counts, and the report shows the evidence', async () => {
    const o = await open('/fair-credit.html', (s) => ['according', 'site-link', 'none'].every((id) => row(s, id)));
    expect(Object.fromEntries(['according', 'site-link', 'none'].map((id) => [id, [row(o.state, id)!.credited, row(o.state, id)!.credit]]))).toEqual(
      FAIR_CREDIT,
    );
    await closeAll(o.report, o.page);
    const far = await open('/credit-line.html', (s) => !!row(s, 'far'));
    expect(row(far.state, 'far')!.credit).toBe(CREDIT_LINE);
    await closeAll(far.report, far.page);
  });

  it('a page that mutates every 200 ms for ever still gets the copy it adds after 1 s highlighted within 5 s', async () => {
    const start = Date.now();
    const page = await ff.newPage(fresh('/storm.html'));
    const report = await ff.openReport(page);
    const state = await waitReport(report, (s) => !!row(s, 'late'), { timeout: Math.max(0, start + 5000 - Date.now()), quiet: 0 });
    expect(row(state, 'late')!.kind).toBe('verbatim');
    expect(Date.now() - start).toBeLessThan(5000 + 100);
    await closeAll(report, page);
  });

  it('shows bidi controls in the comparison as visible marks, never as raw overrides', async () => {
    const o = await open('/rtl.html', (s) => !!row(s, 'copy'));
    await openComparison(o, '#copy');
    expect((await o.shadow.texts('.diff .control')).join(' ')).toMatch(/U\+202E/);
    const dialogText = await o.shadow.query('.dialog', (el) => el.textContent ?? '');
    expect(dialogText).not.toContain('\u202E');
    expect(dialogText).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    await o.page.screenshot({ path: 'test-results/firefox-rtl-compare.png' });
    await closeComparison(o);
    await closeAll(o.report, o.page);
  });
});
