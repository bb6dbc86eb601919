import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';
import { ClosedShadow } from './chromium-shadow';
import { axeClosedRootsChromium, axePageChromium, axeSelfTestPage, describeFindings, logIncomplete, pageSees, type AxeReport } from './axe';
import { EXPECTED_DEMO } from './expectations';
import { readReport } from './report-reads';
import { startServer } from './server';

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer({ '/axe-self-test.html': axeSelfTestPage });
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

/** Zero violations, or every one printed: rule, impact, element, and what to change. */
function expectClean(label: string, report: AxeReport) {
  logIncomplete(`Chromium, ${label}`, report);
  expect(report.inspected, `axe inspected nothing on ${label}`).toBeGreaterThan(0);
  expect(report.violations, `axe on ${label}:\n${describeFindings(report.violations)}`).toEqual([]);
}

/** The demo page, once its report lists every highlight, in front, with Reprint's UI reachable. */
async function openDemo(): Promise<{ page: Page; report: Page; ui: ClosedShadow }> {
  const page = await cr.newPage(server.url('/demo.html'));
  const report = await cr.openReport(page);
  await expect.poll(async () => (await report.evaluate(readReport)).rows.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(EXPECTED_DEMO.length);
  await page.bringToFront();
  return { page, report, ui: await ClosedShadow.of(page) };
}

/** A real pointer on the first highlighted paragraph (copied verbatim from The New York Times), then its card. */
async function hoverFirst(page: Page, ui: ClosedShadow) {
  await page.mouse.move(0, 0);
  await page.locator('p', { hasText: 'Days after President Biden spoke to Mr. Xi' }).hover();
  await ui.waitFor('.tip button');
}

describe('Chromium: axe-core finds no accessibility violations', () => {
  it('the harness reports a violation in a page, and one inside a closed shadow root, and leaves the page nothing to see', async () => {
    const page = await cr.newPage(server.url('/axe-self-test.html'));
    const inRoots = await axeClosedRootsChromium(page);
    const closed = inRoots.violations.find((v) => v.id === 'image-alt');
    expect(closed?.nodes.map((n) => n.target)).toEqual([expect.stringMatching(/>>> .*closed-img/)]);
    expect(inRoots.violations.find((v) => v.id === 'color-contrast')?.nodes.map((n) => n.target)).toEqual([expect.stringMatching(/>>> .*closed-faint/)]);
    expect(inRoots.inspectedInShadow).toBeGreaterThan(0);
    // Only the roots' content: the page's own image is not theirs.
    expect(JSON.stringify(inRoots)).not.toContain('light-img');
    expect(await page.evaluate(pageSees)).toEqual({ axe: 'undefined', shadowRoot: false });

    const whole = await axePageChromium(page);
    expect(whole.violations.find((v) => v.id === 'image-alt')?.nodes.map((n) => n.target)).toContain('#light-img');
    await page.close();
  });

  it('the demo page with the tooltip open', async () => {
    const { page, report, ui } = await openDemo();
    await hoverFirst(page, ui);
    const result = await axeClosedRootsChromium(page);
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
    await ui.waitFor('.dialog[role="dialog"]');
    const result = await axeClosedRootsChromium(page);
    await ui.waitFor('.dialog[role="dialog"]');
    expect(result.inspectedInShadow).toBeGreaterThan(0);
    expectClean('the demo page with the comparison open', result);
    await report.close();
    await page.close();
  });

  it('the popup', async () => {
    const page = await cr.newPage(server.url('/demo.html'));
    const report = await cr.openReport(page);
    await expect.poll(async () => (await report.evaluate(readReport)).rows.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(EXPECTED_DEMO.length);
    const popup = await cr.popupFor(page);
    expectClean('the popup', await axePageChromium(popup));
    await popup.close();
    await report.close();
    await page.close();
  });

  it('the report page', async () => {
    const { page, report } = await openDemo();
    await report.bringToFront();
    expectClean('the report page', await axePageChromium(report));
    await report.close();
    await page.close();
  });

  it('the options page', async () => {
    const options = await cr.context.newPage();
    await options.goto(`chrome-extension://${cr.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');
    expectClean('the options page', await axePageChromium(options));
    await options.close();
  });

  it('the side panel', async () => {
    const panel = await cr.context.newPage();
    await panel.setViewportSize({ width: 360, height: 700 });
    await panel.goto(`chrome-extension://${cr.extensionId}/sidepanel.html`);
    await panel.waitForSelector('body[data-ready]');
    expectClean('the side panel', await axePageChromium(panel));
    await panel.close();
  });
});
