/**
 * The axe-core checks both browsers make the same way, written once: what a
 * clean run is, what the harness must find on its self-test page, and the
 * walk over every highlight of a page with its tooltip, then its
 * comparison, open. Each browser file runs axe through its own protocol
 * (tests/e2e/axe.ts) and drives the page with its own library; it hands
 * these checks an `AxeUiPage`, a few lines over those.
 */
import { expect } from 'vitest';
import type { AxeReport } from './axe';
import { describeFindings, logIncomplete, type pageSees } from './axe';

/** Zero violations, or every one printed: rule, impact, element, and what to change. `browser` begins the log's label. */
export function expectClean(browser: string, label: string, report: AxeReport): void {
  logIncomplete(`${browser}, ${label}`, report);
  expect(report.inspected, `axe inspected nothing on ${label}`).toBeGreaterThan(0);
  expect(report.violations, `axe on ${label}:\n${describeFindings(report.violations)}`).toEqual([]);
}

/**
 * On the self-test page (`axeSelfTestPage`): axe in the closed roots found
 * the image and the faint text there and nothing of the page's own, the
 * page saw nothing of the run (`seen`, from `pageSees`), and axe on the
 * whole page found the page's own image.
 */
export function expectHarnessFindsViolations(inRoots: AxeReport, seen: ReturnType<typeof pageSees>, whole: AxeReport): void {
  expect(inRoots.violations.find((v) => v.id === 'image-alt')?.nodes.map((n) => n.target)).toEqual([expect.stringMatching(/>>> .*closed-img/)]);
  expect(inRoots.violations.find((v) => v.id === 'color-contrast')?.nodes.map((n) => n.target)).toEqual([expect.stringMatching(/>>> .*closed-faint/)]);
  expect(inRoots.inspectedInShadow).toBeGreaterThan(0);
  // Only the roots' content: the page's own image is not theirs.
  expect(JSON.stringify(inRoots)).not.toContain('light-img');
  expect(seen).toEqual({ axe: 'undefined', shadowRoot: false, body: 'body', walkerOwn: false, noticed: [] });
  expect(whole.violations.find((v) => v.id === 'image-alt')?.nodes.map((n) => n.target)).toContain('#light-img');
}

/** A page, as `checkEveryHighlight` drives it with the browser's own library. */
export interface AxePage {
  /** The browser's name, for the log. */
  browser: string;
  /** A real pointer move, in viewport coordinates. */
  move(x: number, y: number): Promise<void>;
  /** The real pointer onto the page's paragraph that begins as `excerpt` does. */
  hoverExcerpt(excerpt: string): Promise<void>;
  /** A real key press. */
  press(key: string): Promise<void>;
  /** axe on the content of Reprint's closed shadow roots. */
  axeRoots(): Promise<AxeReport>;
}

/** Reprint's closed shadow roots in the page, as either browser's helper reads them (tests/e2e/chromium-shadow.ts, tests/e2e/firefox-shadow.ts). */
export interface ShadowUi {
  /** A real click on the element. */
  click(selector: string): Promise<void>;
  waitFor(selector: string): Promise<unknown>;
  gone(selector: string): Promise<void>;
}

/** axe on Reprint's roots, clean, and `open` still shown when axe was done: it read that layer (the card, the comparison), not an empty one. */
async function expectCleanWhileOpen(a: AxePage, ui: ShadowUi, open: string, label: string): Promise<void> {
  const report = await a.axeRoots();
  await ui.waitFor(open);
  expect(report.inspectedInShadow).toBeGreaterThan(0);
  expectClean(a.browser, label, report);
}

/**
 * Every highlight of a page (`rows`, from its report), one after the other:
 * its tooltip, then its comparison, each checked while it is open. The
 * highlights differ in what they show (credit or none, changed facts,
 * partial copies).
 */
export async function checkEveryHighlight(a: AxePage, ui: ShadowUi, rows: { kind: string | null; excerpt: string }[], label: string): Promise<void> {
  for (const [i, row] of rows.entries()) {
    const which = `${label}, highlight ${i + 1} (${row.kind})`;
    // A real pointer on the paragraph, from outside it: the card follows the pointer.
    await a.move(0, 0);
    await ui.gone('.tip');
    await a.hoverExcerpt(row.excerpt.replace(/…$/, ''));
    await ui.waitFor('.tip button');
    await expectCleanWhileOpen(a, ui, '.tip button', `${which}, its tooltip open`);
    await ui.click('.tip button');
    await ui.waitFor('.backdrop .dialog[role="dialog"]');
    await expectCleanWhileOpen(a, ui, '.dialog[role="dialog"]', `${which}, its comparison open`);
    await a.press('Escape');
    await ui.gone('.dialog');
  }
}
