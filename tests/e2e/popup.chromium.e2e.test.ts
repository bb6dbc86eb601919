import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumHarness } from './chromium';
import { ClosedShadow } from './chromium-shadow';
import { EXPECTED_DEMO } from './expectations';
import { ALL_SEED_PARAGRAPHS, manyHighlightsPage } from './pages';
import { openSettled } from './report-waits';
import { startServer } from './server';
import { popupFit, popupPlurals, popupText, summaryLine } from './popup-reads';

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer({ '/many.html': () => manyHighlightsPage(1) });
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

/** Chrome's popup is at most 600 px tall; its natural width is the popup's own (380 px). */
const POPUP_VIEWPORT = { width: 380, height: 600 };

let opened = 0;

/** Opens a page, at an address of its own (a tab a failed test left open is never taken for this one's), once its report has settled on `atLeast` highlights. */
const settled = (path: string, atLeast: number) => openSettled(cr, `${server.url(path)}?open=${++opened}`, atLeast);

describe('Chromium: the popup at scale', () => {
  it('on a page of dozens of highlights, sums the page up in one line and shows at least 5 entries in 600 px', async () => {
    const { page, rows } = await settled('/many.html', 40);
    const popup = await cr.popupFor(page);
    await popup.setViewportSize(POPUP_VIEWPORT);

    // The summary: one line, a disclosure, shut.
    const line = await popup.locator('summary').innerText();
    expect(line).toMatch(summaryLine(rows.length));
    const summaryBox = (await popup.locator('summary').boundingBox())!;
    expect(summaryBox.height).toBeLessThan(30);
    expect(await popup.locator('details.page-summary').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await popup.locator('.sources').isVisible()).toBe(false);

    // The whole popup fits Chrome's 600 px, and the entries fully in view number at least 5.
    const fit = await popup.evaluate(popupFit);
    expect(fit.entries).toBe(rows.length);
    expect(fit.height).toBeLessThanOrEqual(600);
    expect(fit.inView).toBeGreaterThanOrEqual(5);
    await popup.screenshot({ path: '/tmp/popup-many-collapsed.png' });

    // Details on demand: a click, or Enter on the summary, opens them.
    await popup.locator('summary').focus();
    await popup.keyboard.press('Enter');
    expect(await popup.locator('details.page-summary').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    const sources = await popup.locator('.sources li').allTextContents();
    // A short list: publisher or title, and a count; the rest counted.
    expect(sources.length).toBeLessThanOrEqual(5);
    expect(sources[0]).toMatch(/^.+\s· \d+ paragraphs?$/);
    expect(sources.join('\n')).not.toMatch(/\b\d{3}_[0-9a-f]{8,}/);
    expect(await popup.locator('.kinds').innerText()).toMatch(/\d+ (verbatim|lightly edited|reworded) cop(y|ies)/);
    expect(popupPlurals(await popupText(popup))).toEqual([]);
    await popup.screenshot({ path: '/tmp/popup-many-expanded.png' });
    // Still at least 5 entries can be scrolled to: the list keeps the space left.
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    await popup.close();
    await page.close();
  });

  it('Enter on an entry opens its comparison in the page, which takes focus; Show scrolls to it', async () => {
    const { page, rows } = await settled('/demo.html', EXPECTED_DEMO.length);
    const ui = await ClosedShadow.of(page);
    const popup = await cr.popupFor(page);
    await popup.screenshot({ path: '/tmp/popup-demo.png' });
    const edited = rows.findIndex((r) => r.kind === 'edited');
    // By keyboard: Tab reaches the entry, Enter opens it.
    await popup.locator('.entry').nth(edited).focus();
    await popup.keyboard.press('Enter');
    await ui.waitFor('.dialog[role="dialog"]', 5000);
    const dialog = await ui.call('.dialog', function () {
      return { text: this.textContent ?? '', focusInside: this.contains((this.getRootNode() as ShadowRoot).activeElement) };
    });
    expect(dialog.text).toContain('President Xi Pushes Putin');
    expect(dialog.focusInside).toBe(true);
    await page.bringToFront();
    await page.screenshot({ path: '/tmp/popup-opened-compare.png' });
    await page.keyboard.press('Escape');
    await ui.gone('.dialog');

    // A click opens it too.
    await popup.bringToFront();
    await popup.locator('.entry').first().click();
    await ui.waitFor('.dialog[role="dialog"]', 5000);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await ui.gone('.dialog');

    // "Show" scrolls the page to the paragraph, and opens nothing.
    await page.setViewportSize({ width: 1200, height: 400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator('.show').last().click();
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
    expect(await ui.find('.dialog')).toBeNull();
    await popup.close();
    await page.close();
  });

  it('announces only what changed: a live status line, not the whole popup', async () => {
    const { page, rows } = await settled('/many.html', 40);
    const popup = await cr.popupFor(page);
    expect(await popup.locator('[aria-live]').count()).toBe(0);
    const status = popup.locator('.visually-hidden[role="status"]');
    expect(await status.count()).toBe(1);
    expect(await status.textContent()).toBe('');
    // The page adds one more reprinted paragraph; the popup follows and says so, in one sentence.
    await page.evaluate(
      (text) => {
        const p = document.createElement('p');
        p.textContent = text;
        document.querySelector('main')!.append(p);
      },
      ALL_SEED_PARAGRAPHS[ALL_SEED_PARAGRAPHS.length - 1],
    );
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('1 more reprinted paragraph found.');
    await expect.poll(() => popup.locator('.entry').count()).toBe(rows.length + 1);
    await popup.close();
    await page.close();
  });
});
