import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';
import { ClosedShadow } from './chromium-shadow';
import { readReport, type ReportState } from './report-reads';
import { SEED_PARAGRAPHS } from './pages';
import { startStructureServers } from './structure-pages';

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startStructureServers>>;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  server = await startStructureServers();
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  report: Page;
  ui: ClosedShadow;
  until(done: (r: ReportState) => boolean, timeout?: number): Promise<ReportState>;
  close(): Promise<void>;
}

/** A page and its report, once the page's first scan pass is reported. */
async function open(path: string): Promise<Opened> {
  const page = await cr.newPage(server.url(path));
  const report = await cr.openReport(page);
  const until = async (done: (r: ReportState) => boolean, timeout = 10_000) => {
    const end = Date.now() + timeout;
    for (;;) {
      const r = await report.evaluate(readReport);
      if (r.ready && done(r)) return r;
      if (Date.now() > end) throw new Error(`the report did not get there: ${JSON.stringify(r)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await until((r) => r.passes > 0);
  await page.bringToFront();
  return { page, report, ui: await ClosedShadow.of(page), until, close: async () => (await report.close(), await page.close()) };
}

const ids = (r: ReportState) => r.rows.map((x) => x.elementId);
const has = (id: string) => (r: ReportState) => ids(r).includes(id);

type Box = { x: number; y: number; width: number; height: number };
function box(this: Element): Box {
  const r = this.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}
/** Whether one of the marks lies on the element's box (to a pixel). */
const onText = (marks: Box[], el: Box) =>
  marks.some((m) => Math.abs(m.x - el.x) < 1.5 && Math.abs(m.y - el.y) < 1.5 && Math.abs(m.width - el.width) < 1.5 && Math.abs(m.height - el.height) < 1.5);

const badge = (report: Page) =>
  report.evaluate(() => chrome.action.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tab')) })) as Promise<string>;

describe('Chromium: page structure', () => {
  it('highlights a corpus paragraph inside a web component’s open shadow root, its box on the text, its card on hover', async () => {
    const o = await open('/shadow.html');
    const s = await o.until(has('in-shadow'));
    expect(s.rows.map(({ elementId, kind }) => ({ elementId, kind }))).toEqual([{ elementId: 'in-shadow', kind: 'verbatim' }]);
    await o.ui.waitFor('.mark');
    const para = await o.page.evaluate(() => {
      const r = document.querySelector('news-body')!.shadowRoot!.getElementById('in-shadow')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const marks = await o.ui.callAll('.mark', box);
    expect(onText(marks, para), `marks ${JSON.stringify(marks)} on ${JSON.stringify(para)}`).toBe(true);
    await o.page.screenshot({ path: 'test-results/chromium-shadow.png' });
    // A real pointer over the shadow paragraph: the card opens for it.
    await o.page.mouse.move(0, 0);
    await o.page.mouse.move(para.x + para.width / 2, para.y + para.height / 2);
    await o.ui.waitFor('.tip button');
    expect(await o.ui.text('.tip .kind')).toBe('Copied verbatim');
    await o.page.screenshot({ path: 'test-results/chromium-shadow-tooltip.png' });
    await o.close();
  });

  it('highlights roots attached after load (a component inserted later, one defined later) and text a component renders into its root later', async () => {
    const o = await open('/shadow-late.html');
    const s = await o.until((r) => ['late-host', 'late-render', 'upgraded'].every((id) => has(id)(r)));
    expect(s.rows.filter((r) => r.kind === 'verbatim').map((r) => r.elementId)).toEqual(['late-render', 'upgraded', 'late-host']);
    await o.close();
  });

  it('highlights a same-origin frame’s paragraph but not a cross-origin frame’s; the badge sums the frames, the popup lists both', async () => {
    const o = await open('/frame.html');
    const s = await o.until((r) => has('top')(r) && has('in-frame')(r));
    const cross = o.page.frames().find((f) => f.url().includes('/cross-child.html'));
    const same = o.page.frames().find((f) => f.url().includes('/frame-child.html')) as Frame;
    expect(cross, 'the cross-origin frame loaded').toBeDefined();
    expect(await cross!.evaluate(() => document.getElementById('cross')?.textContent?.length)).toBeGreaterThan(100);
    // Time for a scan there, were there one.
    await new Promise((r) => setTimeout(r, 1500));
    const after = await o.until(() => true);
    expect(ids(after)).toEqual(['top', 'in-frame']);
    expect(after.rows.every((r) => r.kind === 'verbatim')).toBe(true);
    expect(after.scanned).toBeGreaterThanOrEqual(4);
    expect(s.rows).toHaveLength(2);
    await expect.poll(() => badge(o.report)).toBe('2');

    // The frame's mark lies on the frame's paragraph (both in the frame's coordinates).
    const para = await same.evaluate(() => {
      const r = document.getElementById('in-frame')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    await o.page.locator('#same').scrollIntoViewIfNeeded();
    expect(onText(await o.ui.callAll('.mark', box), para)).toBe(true);
    await o.page.screenshot({ path: 'test-results/chromium-frame.png', fullPage: true });

    const popup = await cr.popupFor(o.page);
    const items = await popup.$$eval('li .entry', (els) => els.map((e) => e.textContent));
    expect(items).toHaveLength(2);
    expect(items.every((t) => t?.includes('Copied verbatim'))).toBe(true);
    // The frame's highlight, clicked in the popup, is shown by the frame's own script: the page scrolls to it.
    await o.page.setViewportSize({ width: 1200, height: 400 });
    await o.page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator('li .show').last().click();
    await o.page.waitForFunction(() => window.scrollY > 50, null, { timeout: 5000 });
    await popup.close();
    await o.close();
  });

  it('keeps each frame’s count through a stopped worker: a frame’s next pass adds to what the other frames reported before', async () => {
    const o = await open('/frame.html');
    await o.until((r) => has('top')(r) && has('in-frame')(r));
    await expect.poll(() => badge(o.report)).toBe('2');
    await cr.stopServiceWorker();
    const same = o.page.frames().find((f) => f.url().includes('/frame-child.html'))!;
    await same.evaluate((text) => {
      const p = document.createElement('p');
      p.id = 'later-in-frame';
      p.textContent = text;
      document.querySelector('article')!.append(p);
    }, SEED_PARAGRAPHS[10]);
    // The restarted worker knows the top page's count from session storage, not from a global it lost.
    await expect.poll(() => badge(o.report), { timeout: 10_000 }).toBe('3');
    expect(ids(await o.until(has('later-in-frame')))).toEqual(['top', 'in-frame', 'later-in-frame']);
    await o.close();
  });

  it('skips a block hidden at load, and highlights it once "Read more" shows it (a class change)', async () => {
    const o = await open('/reveal-class.html');
    await new Promise((r) => setTimeout(r, 800));
    expect(ids(await o.until(() => true))).toEqual([]);
    await o.page.click('#read-more');
    const s = await o.until(has('revealed'), 5000);
    expect(s.rows.map((r) => [r.elementId, r.kind])).toEqual([['revealed', 'verbatim']]);
    await o.close();
  });

  it('skips a paragraph in a closed <details>, and highlights it once the reader opens it', async () => {
    const o = await open('/reveal-details.html');
    await new Promise((r) => setTimeout(r, 800));
    expect(ids(await o.until(() => true))).toEqual([]);
    await o.page.click('#summary');
    const s = await o.until(has('in-details'), 5000);
    expect(s.rows.map((r) => [r.elementId, r.kind])).toEqual([['in-details', 'verbatim']]);
    await o.close();
  });
});
