import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, setViewport, type FirefoxHarness } from './firefox';
import { FirefoxShadow } from './firefox-shadow';
import { readReport, type ReportState } from './report-reads';
import { startStructureServers } from './structure-pages';

let ff: FirefoxHarness;
let server: Awaited<ReturnType<typeof startStructureServers>>;

beforeAll(async () => {
  // Puppeteer, unlike Playwright, does not create a screenshot's folder.
  mkdirSync('test-results', { recursive: true });
  server = await startStructureServers();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

let opened = 0;
/** A page's address, unique to this opening: a tab a failed test left open is never taken for the next test's. */
const fresh = (path: string) => `${server.url(path)}?open=${++opened}`;

async function waitReport(report: Page, until: (s: ReportState) => boolean, timeout = 10_000): Promise<ReportState> {
  const end = Date.now() + timeout;
  let last: ReportState | undefined;
  for (;;) {
    last = (await report.evaluate(readReport).catch(() => undefined)) ?? last;
    if (last?.ready && until(last)) return last;
    if (Date.now() > end) throw new Error(`The report did not get there in ${timeout} ms; it shows ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Opened {
  page: Page;
  report: Page;
  shadow: FirefoxShadow;
  until(done: (s: ReportState) => boolean, timeout?: number): Promise<ReportState>;
}

/** A page and its report (in a window of its own), once the page's first scan pass is reported. */
async function open(path: string): Promise<Opened> {
  const page = await ff.newPage(fresh(path));
  const report = await ff.openReport(page);
  await waitReport(report, (s) => s.passes > 0);
  await page.bringToFront();
  return { page, report, shadow: FirefoxShadow.of(page), until: (done, timeout) => waitReport(report, done, timeout) };
}

const ids = (r: ReportState) => r.rows.map((x) => x.elementId);
const has = (id: string) => (r: ReportState) => ids(r).includes(id);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Box = { x: number; y: number; width: number; height: number };
/** Whether one of the marks lies on the element's box (to a pixel). */
const onText = (marks: Box[], el: Box) =>
  marks.some((m) => Math.abs(m.x - el.x) < 1.5 && Math.abs(m.y - el.y) < 1.5 && Math.abs(m.width - el.width) < 1.5 && Math.abs(m.height - el.height) < 1.5);
const markBoxes = (shadow: FirefoxShadow) =>
  shadow.queryAll('.mark', (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

const badge = (report: Page) =>
  report.evaluate(() => (globalThis as any).browser.action.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tab')) })) as Promise<string>;

describe('Firefox: page structure', () => {
  it('highlights a corpus paragraph inside a web component’s open shadow root, its box on the text, its card on hover', async () => {
    const o = await open('/shadow.html');
    const s = await o.until(has('in-shadow'));
    expect(s.rows.map(({ elementId, kind }) => ({ elementId, kind }))).toEqual([{ elementId: 'in-shadow', kind: 'verbatim' }]);
    await o.shadow.waitFor('.mark');
    const para = await o.page.evaluate(() => {
      const r = document.querySelector('news-body')!.shadowRoot!.getElementById('in-shadow')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const marks = await markBoxes(o.shadow);
    expect(onText(marks, para), `marks ${JSON.stringify(marks)} on ${JSON.stringify(para)}`).toBe(true);
    await o.page.screenshot({ path: 'test-results/firefox-shadow.png' });
    await o.page.mouse.move(1, 1);
    await o.page.mouse.move(para.x + para.width / 2, para.y + para.height / 2);
    await o.shadow.waitFor('.tip button');
    expect(await o.shadow.text('.tip .kind')).toBe('Copied verbatim');
    await o.page.screenshot({ path: 'test-results/firefox-shadow-tooltip.png' });
    await o.report.close();
    await o.page.close();
  });

  it('highlights roots attached after load (a component inserted later, one defined later) and text a component renders into its root later', async () => {
    const o = await open('/shadow-late.html');
    const s = await o.until((r) => ['late-host', 'late-render', 'upgraded'].every((id) => has(id)(r)));
    expect(s.rows.filter((r) => r.kind === 'verbatim').map((r) => r.elementId)).toEqual(['late-render', 'upgraded', 'late-host']);
    await o.report.close();
    await o.page.close();
  });

  it('highlights a same-origin frame’s paragraph but not a cross-origin frame’s; the badge sums the frames, the popup lists both', async () => {
    const o = await open('/frame.html');
    await o.until((r) => has('top')(r) && has('in-frame')(r));
    const cross = o.page.frames().find((f) => f.url().includes('/cross-child.html'));
    const same = o.page.frames().find((f) => f.url().includes('/frame-child.html'));
    expect(cross, 'the cross-origin frame loaded').toBeDefined();
    expect(same, 'the same-origin frame loaded').toBeDefined();
    expect(await cross!.evaluate(() => document.getElementById('cross')?.textContent?.length)).toBeGreaterThan(100);
    // Time for a scan there, were there one.
    await sleep(1500);
    const after = await o.until(() => true);
    expect(ids(after)).toEqual(['top', 'in-frame']);
    expect(after.rows.every((r) => r.kind === 'verbatim')).toBe(true);
    await expect.poll(() => badge(o.report), { timeout: 5000 }).toBe('2');

    // The frame's mark lies on the frame's paragraph (both in the frame's coordinates).
    const para = await same!.evaluate(() => {
      const r = document.getElementById('in-frame')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const inFrame = FirefoxShadow.of(o.page, same!);
    const marks = await markBoxes(inFrame);
    expect(onText(marks, para), `marks ${JSON.stringify(marks)} on ${JSON.stringify(para)}`).toBe(true);
    await o.page.screenshot({ path: 'test-results/firefox-frame.png', fullPage: true });

    const popup = await ff.openPopup(o.page);
    const items = await popup.$$eval('li .entry', (els) => els.map((e) => e.textContent));
    expect(items).toHaveLength(2);
    expect(items.every((t) => t?.includes('Copied verbatim'))).toBe(true);
    // The frame's highlight, clicked in the popup (a real click), is shown by the frame's own script: the page scrolls to it.
    await setViewport(o.page, { width: 1200, height: 400 });
    await o.page.evaluate(() => window.scrollTo(0, 0));
    await (await popup.$$('li .show'))[1].click();
    await o.page.bringToFront();
    await o.page.waitForFunction(() => window.scrollY > 50, { timeout: 5000, polling: 100 });
    await popup.close();
    await o.report.close();
    await o.page.close();
  });

  it('skips a block hidden at load, and highlights it once "Read more" shows it (a class change)', async () => {
    const o = await open('/reveal-class.html');
    await sleep(800);
    expect(ids(await o.until(() => true))).toEqual([]);
    await o.page.click('#read-more');
    const s = await o.until(has('revealed'), 5000);
    expect(s.rows.map((r) => [r.elementId, r.kind])).toEqual([['revealed', 'verbatim']]);
    await o.report.close();
    await o.page.close();
  });

  it('skips a paragraph in a closed <details>, and highlights it once the reader opens it', async () => {
    const o = await open('/reveal-details.html');
    await sleep(800);
    expect(ids(await o.until(() => true))).toEqual([]);
    await o.page.click('#summary');
    const s = await o.until(has('in-details'), 5000);
    expect(s.rows.map((r) => [r.elementId, r.kind])).toEqual([['in-details', 'verbatim']]);
    await o.report.close();
    await o.page.close();
  });
});
