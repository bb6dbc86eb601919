import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EXPECTED_DEMO } from './expectations';
import { launchFirefox, setViewport, type FirefoxHarness } from './firefox';
import { FirefoxShadow } from './firefox-shadow';
import { DEMO_MARKERS, linkedPage } from './keyboard-pages';
import { readReport } from './report-reads';
import { startServer } from './server';

let ff: FirefoxHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  server = await startServer({ '/linked.html': linkedPage });
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

let opened = 0;
/** A fixture page once its report lists `rows` highlights, and Reprint's UI in it. */
async function open(path: string, rows: number): Promise<{ page: Page; ui: FirefoxShadow; close(): Promise<void> }> {
  // Unique per opening: a tab a failed test left open is never taken for the next test's.
  const page = await ff.newPage(`${server.url(path)}?open=${++opened}`, { window: true });
  const report = await ff.openReport(page);
  const end = Date.now() + 20_000;
  while ((await report.evaluate(readReport)).rows.length < rows) {
    if (Date.now() > end) throw new Error(`${path}: fewer than ${rows} highlights`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await report.close();
  await page.bringToFront();
  const ui = FirefoxShadow.of(page);
  await ui.waitFor('.marker:not([hidden])');
  return { page, ui, close: () => page.close() };
}

/** What has focus in Reprint's UI root, and where the card and the focused element are, read through WebDriver BiDi. */
async function focusState(ui: FirefoxShadow) {
  const s = await ui.query('.markers', (el) => {
    const root = el.getRootNode() as ShadowRoot;
    const a = root.activeElement;
    const tip = root.querySelector('.tip');
    const box = (e: Element | null | undefined) => {
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return {
      marker: !!a?.classList.contains('marker'),
      label: a?.getAttribute('aria-label') ?? null,
      text: a?.textContent ?? null,
      inTip: !!a?.closest('.tip'),
      inDialog: !!a?.closest('.dialog'),
      tip: box(tip),
      tipAfterMarker: !!tip && tip.previousElementSibling === a,
      focusBox: box(a),
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
  return s!;
}

/** Waits for the card, shown after focus moves, and for it to stop moving (the page scrolls smoothly to the highlight). */
async function settled(ui: FirefoxShadow) {
  await ui.waitFor('.tip[data-side]');
  let last = JSON.stringify(await focusState(ui));
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = JSON.stringify(await focusState(ui));
    if (now === last) break;
    last = now;
  }
  return JSON.parse(last) as Awaited<ReturnType<typeof focusState>>;
}

/** Real key presses, with Alt and Shift held. */
async function chord(page: Page, code: 'KeyJ' | 'KeyK') {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(code);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}
const next = (page: Page) => chord(page, 'KeyJ');
const previous = (page: Page) => chord(page, 'KeyK');
const pageFocus = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

describe('Firefox: highlights by keyboard and screen reader', () => {
  it('gives every highlight a focusable marker named by kind, source and similarity, in reading order', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    const markers = await o.ui.queryAll('.marker:not([hidden])', (el) => ({ tag: el.localName, label: el.getAttribute('aria-label') }));
    expect(markers).toHaveLength(DEMO_MARKERS.length);
    markers.forEach((m, i) => {
      expect(m.tag).toBe('button');
      expect(m.label).toMatch(DEMO_MARKERS[i]);
    });
    await o.close();
  });

  it('Tab from the page reaches the first highlight, and its card opens after it', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    await o.page.click('textarea');
    await o.page.keyboard.press('Tab');
    await o.page.keyboard.press('Tab');
    const s = await settled(o.ui);
    expect(s.marker).toBe(true);
    expect(s.label).toMatch(DEMO_MARKERS[0]);
    expect(s.tipAfterMarker).toBe(true);
    await o.close();
  });

  it('Alt+Shift+J and Alt+Shift+K step through the highlights in reading order, wrapping around', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    const seen: string[] = [];
    for (let i = 0; i < DEMO_MARKERS.length + 1; i++) {
      await next(o.page);
      const s = await settled(o.ui);
      expect(s.marker).toBe(true);
      seen.push(s.label!);
    }
    DEMO_MARKERS.forEach((re, i) => expect(seen[i]).toMatch(re));
    expect(seen[DEMO_MARKERS.length]).toBe(seen[0]);
    await previous(o.page);
    expect((await settled(o.ui)).label).toMatch(DEMO_MARKERS[DEMO_MARKERS.length - 1]);
    await o.close();
  });

  it('keeps focus on a highlight whose text changes, on its new marker', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    await next(o.page);
    await settled(o.ui);
    // Marked in the tests' sandbox, on Reprint's closed root's element: the page cannot see the mark.
    await o.ui.query('.markers', (el) => {
      ((el.getRootNode() as ShadowRoot).activeElement as Element & { old?: boolean }).old = true;
    });
    // The mark holds from one protocol call to the next: else the loop below would take the old marker for a new one.
    expect(await o.ui.query('.markers', (el) => !!((el.getRootNode() as ShadowRoot).activeElement as Element & { old?: boolean }).old)).toBe(true);
    await o.page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((e) => e.textContent!.startsWith('Days after President Biden'))!;
      p.append(' The embassy declined to comment.');
    });
    const end = Date.now() + 10_000;
    let misses = 0;
    for (;;) {
      const s = (await o.ui.query('.markers', (el) => {
        const a = (el.getRootNode() as ShadowRoot).activeElement as (Element & { old?: boolean }) | null;
        return { marker: !!a?.classList.contains('marker'), old: !!a?.old, label: a?.getAttribute('aria-label') ?? null };
      }))!;
      if (s.marker && !s.old) {
        expect(s.label).toMatch(/^Reprint: .+ ZeroHedge News, \d+% similar$/);
        break;
      }
      // Between the old marker going and the new one's first paint (one frame) nothing has focus; longer, and focus was lost.
      misses = s.marker ? 0 : misses + 1;
      expect(misses).toBeLessThan(3);
      if (Date.now() > end) throw new Error('the paragraph was not highlighted anew');
      await new Promise((r) => setTimeout(r, 100));
    }
    await o.close();
  });

  it('the card stays open as Tab moves into it; Escape and closing the comparison bring focus back to the marker', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    await next(o.page);
    const first = await settled(o.ui);
    expect(first.label).toMatch(DEMO_MARKERS[0]);
    // Tab: into the card, which stays open; Escape there closes it and puts focus back on the marker.
    await o.page.keyboard.press('Tab');
    const inCard = await focusState(o.ui);
    expect(inCard.inTip).toBe(true);
    expect(inCard.text).toContain('Compare');
    await o.page.keyboard.press('Escape');
    await o.ui.gone('.tip');
    expect((await focusState(o.ui)).label).toBe(first.label);
    // Enter on the marker opens the comparison; Escape closes it, focus back on the marker, the card not reopened over the page.
    await o.page.keyboard.press('Enter');
    await o.ui.waitFor('.dialog[role="dialog"]');
    expect((await focusState(o.ui)).inDialog).toBe(true);
    await o.page.keyboard.press('Escape');
    await o.ui.gone('.dialog');
    expect((await focusState(o.ui)).label).toBe(first.label);
    expect(await o.ui.has('.tip')).toBe(false);
    // Tab: the next highlight and its card; Tab, Enter: its comparison from the card's Compare button; Escape: back on that marker.
    await o.page.keyboard.press('Tab');
    const second = await settled(o.ui);
    expect(second.label).toMatch(DEMO_MARKERS[1]);
    await o.page.keyboard.press('Tab');
    await o.page.keyboard.press('Enter');
    await o.ui.waitFor('.dialog[role="dialog"]');
    await o.page.keyboard.press('Escape');
    await o.ui.gone('.dialog');
    expect((await focusState(o.ui)).label).toBe(second.label);
    // Focus leaving both the marker and the card closes the card.
    await next(o.page);
    await settled(o.ui);
    await o.page.click('textarea');
    await o.ui.gone('.tip');
    await o.close();
  });

  it('Tab from a link inside a highlighted paragraph reaches the card, then goes on to the page’s next link', async () => {
    const o = await open('/linked.html', 1);
    await o.page.keyboard.press('Tab');
    await o.page.keyboard.press('Tab');
    expect(await pageFocus(o.page)).toBe('inner');
    await o.ui.waitFor('.tip[data-side]');
    await o.page.keyboard.press('Tab');
    const s = await focusState(o.ui);
    expect(s.inTip).toBe(true);
    expect(s.text).toContain('Compare');
    await o.page.keyboard.press('Tab');
    await o.ui.gone('.tip');
    expect(await pageFocus(o.page)).toBe('after');
    await o.close();
  });

  it('places the hover card at the pointer, its arrow pointing there', async () => {
    const o = await open('/demo.html', EXPECTED_DEMO.length);
    await setViewport(o.page, { width: 1280, height: 900 });
    const box = (await (await o.page.$('p ::-p-text(The previously unreported talks)'))!.boundingBox())!;
    // Low in the paragraph and to the right: far from where a card above the paragraph would be.
    const pointer = { x: box.x + box.width * 0.7, y: box.y + box.height * 0.8 };
    await o.page.mouse.move(pointer.x, pointer.y);
    await o.ui.waitFor('.tip[data-side]');
    const { tip, arrow } = (await o.ui.query('.tip', (el) => {
      const r = el.getBoundingClientRect();
      const a = el.querySelector('.arrow')!.getBoundingClientRect();
      return { tip: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, arrow: { x: a.left + a.width / 2, y: a.top + a.height / 2 } };
    }))!;
    expect(tip.bottom <= pointer.y || tip.top >= pointer.y).toBe(true);
    expect(Math.min(Math.abs(pointer.y - tip.bottom), Math.abs(tip.top - pointer.y))).toBeLessThan(16);
    expect(Math.abs(arrow.x - pointer.x)).toBeLessThan(4);
    await o.close();
  });

  for (const width of [1280, 375]) {
    it(`places the card next to the focused marker, inside the viewport, ${width} px wide`, async () => {
      const o = await open('/demo.html', EXPECTED_DEMO.length);
      await setViewport(o.page, { width, height: 800 });
      for (let i = 0; i < DEMO_MARKERS.length; i++) {
        await next(o.page);
        const s = await settled(o.ui);
        const tip = s.tip!;
        const marker = s.focusBox!;
        expect(tip.left).toBeGreaterThanOrEqual(0);
        expect(tip.right).toBeLessThanOrEqual(s.viewport.width);
        expect(tip.top).toBeGreaterThanOrEqual(0);
        expect(tip.bottom).toBeLessThanOrEqual(s.viewport.height);
        const height = tip.bottom - tip.top;
        const room = Math.max(marker.top, s.viewport.height - marker.bottom) >= height + 18;
        const gap = Math.min(Math.abs(marker.top - tip.bottom), Math.abs(tip.top - marker.bottom));
        if (room) expect(gap).toBeLessThan(16);
        else expect(tip.bottom > marker.top && tip.top < marker.bottom).toBe(true);
        // The marker lies over its paragraph as laid out now, after the resize and the scroll: over the whole of it, or over its copied sentences (the last, a partial copy).
        const paragraphs = await o.page.evaluate(() =>
          [...document.querySelectorAll('article p')].map((p) => {
            const r = p.getBoundingClientRect();
            return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          }),
        );
        const over = (p: typeof marker) => ['left', 'top', 'right', 'bottom'].every((k) => Math.abs(p[k as 'left'] - marker[k as 'left']) < 1);
        const within = (p: typeof marker) =>
          marker.left >= p.left - 1 && marker.right <= p.right + 1 && marker.top >= p.top - 1 && marker.bottom <= p.bottom + 1;
        expect(paragraphs.some(i < DEMO_MARKERS.length - 1 ? over : within)).toBe(true);
        expect(tip.left).toBeLessThan(marker.right);
        expect(tip.right).toBeGreaterThan(marker.left);
        if (i === 1) await o.page.screenshot({ path: `test-results/firefox-keyboard-tooltip-${width}.png` });
      }
      await o.close();
    });
  }
});
