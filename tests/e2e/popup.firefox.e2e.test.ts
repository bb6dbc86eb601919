import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, setViewport, type FirefoxHarness } from './firefox';
import { FirefoxShadow } from './firefox-shadow';
import { EXPECTED_DEMO } from './expectations';
import { manyHighlightsPage } from './pages';
import { openSettled } from './report-waits';
import { startServer } from './server';
import { popupFit, popupPlurals, popupText, summaryLine } from './popup-reads';

let ff: FirefoxHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  server = await startServer({ '/many.html': () => manyHighlightsPage() });
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

let opened = 0;

/** Opens a page, at an address of its own (a tab a failed test left open is never taken for this one's), once its report has settled on `atLeast` highlights. */
const settled = (path: string, atLeast: number) => openSettled(ff, `${server.url(path)}?open=${++opened}`, atLeast);

describe('Firefox: the popup at scale', () => {
  it('sums a page of dozens of highlights up in one line, with details on demand and counts that agree with their nouns', async () => {
    const { page, rows } = await settled('/many.html', 40);
    const popup = await ff.openPopup(page);
    await setViewport(popup, { width: 380, height: 600 });
    const line = await popup.$eval('summary', (e) => e.textContent);
    expect(line).toMatch(summaryLine(rows.length));
    expect(await popup.$eval('details.page-summary', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    const fit = await popup.evaluate(popupFit);
    expect(fit.height).toBeLessThanOrEqual(600);
    expect(fit.inView).toBeGreaterThanOrEqual(5);
    // A real keypress on the summary opens the details.
    await popup.focus('summary');
    await popup.keyboard.press('Enter');
    expect(await popup.$eval('details.page-summary', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await popup.$$eval('.sources li', (lis) => lis.map((li) => li.textContent))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^.+\s· \d+ paragraphs?$/)]),
    );
    expect(popupPlurals(await popupText(popup))).toEqual([]);
    await popup.screenshot({ path: 'test-results/firefox-popup-many.png' });
    await popup.close();
    await page.close();
  });

  it('Enter on an entry opens its comparison in the page, with focus in the dialog', async () => {
    const { page, rows } = await settled('/demo.html', EXPECTED_DEMO.length);
    const shadow = FirefoxShadow.of(page);
    const popup = await ff.openPopup(page);
    const edited = rows.findIndex((r) => r.kind === 'edited');
    await popup.bringToFront();
    await popup.evaluate((i) => (document.querySelectorAll('.entry')[i] as HTMLElement).focus(), edited);
    await popup.keyboard.press('Enter');
    await shadow.waitFor('.backdrop .dialog[role="dialog"]', 5000);
    expect(await shadow.text('.dialog h2')).toContain('President Xi Pushes Putin');
    expect(await shadow.query('.dialog', (d) => d.contains((d.getRootNode() as ShadowRoot).activeElement))).toBe(true);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await shadow.gone('.dialog');
    await popup.close();
    await page.close();
  });
});
