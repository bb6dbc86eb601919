import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, setViewport, type FirefoxHarness } from './firefox';
import { FirefoxShadow } from './firefox-shadow';
import { axeClosedRootsFirefox, axePageFirefox, axeSelfTestPage, describeFindings, logIncomplete, pageSees, type AxeReport } from './axe';
import { EXPECTED_DEMO } from './expectations';
import { readReport } from './report-reads';
import { startServer } from './server';

let ff: FirefoxHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  server = await startServer({ '/axe-self-test.html': axeSelfTestPage });
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

let opened = 0;
/** A fixture's address, unique to this opening: a tab a failed test left open is never taken for the next test's. */
const fresh = (path: string) => `${server.url(path)}?open=${++opened}`;

/** Zero violations, or every one printed: rule, impact, element, and what to change. */
function expectClean(label: string, report: AxeReport) {
  logIncomplete(`Firefox, ${label}`, report);
  expect(report.inspected, `axe inspected nothing on ${label}`).toBeGreaterThan(0);
  expect(report.violations, `axe on ${label}:\n${describeFindings(report.violations)}`).toEqual([]);
}

async function poll<T>(fn: () => Promise<T>, done: (v: T) => boolean, what: string, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined && done(v)) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The demo page, once its report lists every highlight, in front, with Reprint's UI reachable. */
async function openDemo(): Promise<{ page: Page; report: Page; ui: FirefoxShadow }> {
  const page = await ff.newPage(fresh('/demo.html'));
  const report = await ff.openReport(page);
  await poll(
    () => report.evaluate(readReport),
    (s) => s.ready && s.rows.length >= EXPECTED_DEMO.length,
    'the report to list the demo page',
  );
  await page.bringToFront();
  return { page, report, ui: FirefoxShadow.of(page) };
}

/** A real pointer on the first highlighted paragraph (copied verbatim from The New York Times), then its card. */
async function hoverFirst(page: Page, ui: FirefoxShadow) {
  await page.hover('p ::-p-text(Days after President Biden spoke to Mr. Xi)');
  await ui.waitFor('.tip button', 3000);
}

describe('Firefox: axe-core finds no accessibility violations', () => {
  it('the harness reports a violation in a page, and one inside a closed shadow root, and leaves the page nothing to see', async () => {
    const page = await ff.newPage(fresh('/axe-self-test.html'));
    const inRoots = await axeClosedRootsFirefox(page);
    const closed = inRoots.violations.find((v) => v.id === 'image-alt');
    expect(closed?.nodes.map((n) => n.target)).toEqual([expect.stringMatching(/>>> .*closed-img/)]);
    expect(inRoots.violations.find((v) => v.id === 'color-contrast')?.nodes.map((n) => n.target)).toEqual([expect.stringMatching(/>>> .*closed-faint/)]);
    expect(inRoots.inspectedInShadow).toBeGreaterThan(0);
    // Only the roots' content: the page's own image is not theirs.
    expect(JSON.stringify(inRoots)).not.toContain('light-img');
    expect(await page.evaluate(pageSees)).toEqual({ axe: 'undefined', shadowRoot: false });

    const whole = await axePageFirefox(page);
    expect(whole.violations.find((v) => v.id === 'image-alt')?.nodes.map((n) => n.target)).toContain('#light-img');
    await page.close();
  });

  it('the demo page with the tooltip open', async () => {
    const { page, report, ui } = await openDemo();
    await hoverFirst(page, ui);
    const result = await axeClosedRootsFirefox(page);
    // The card is still open: axe read it, not an empty layer.
    await ui.waitFor('.tip button');
    expect(result.inspectedInShadow).toBeGreaterThan(0);
    expectClean('the demo page with the tooltip open', result);
    await report.close();
    await page.close();
  });

  it('the demo page with the comparison open', async () => {
    const { page, report, ui } = await openDemo();
    await hoverFirst(page, ui);
    await ui.click('.tip button');
    await ui.waitFor('.backdrop .dialog[role="dialog"]');
    const result = await axeClosedRootsFirefox(page);
    await ui.waitFor('.dialog[role="dialog"]');
    expect(result.inspectedInShadow).toBeGreaterThan(0);
    expectClean('the demo page with the comparison open', result);
    await report.close();
    await page.close();
  });

  it('the popup', async () => {
    const { page, report } = await openDemo();
    const popup = await ff.openPopup(page);
    expectClean('the popup', await axePageFirefox(popup));
    await popup.close();
    await report.close();
    await page.close();
  });

  it('the report page', async () => {
    const { page, report } = await openDemo();
    await report.bringToFront();
    expectClean('the report page', await axePageFirefox(report));
    await report.close();
    await page.close();
  });

  it('the options page', async () => {
    const options = await ff.openOptions();
    expectClean('the options page', await axePageFirefox(options));
    await options.close();
  });

  it('the sidebar', async () => {
    const panel = await ff.extensionPage('sidepanel.html');
    await setViewport(panel, { width: 360, height: 700 });
    await poll(() => panel.evaluate(() => document.body.hasAttribute('data-ready')), Boolean, 'the sidebar to render');
    expectClean('the sidebar', await axePageFirefox(panel));
    await panel.close();
  });
});
