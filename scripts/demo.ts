/**
 * The demo: opens the bundled demo page in Chromium with the built
 * extension, prints what Reprint found, and writes screenshots of the
 * highlights, the tooltip, the comparison and the popup to demo-output/.
 * `--headed` (npm start) leaves a visible browser open instead.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/e2e/chromium';
import { startServer } from '../tests/e2e/server';
import { readHighlights, scanned } from '../tests/e2e/page-reads';

const OUT = path.resolve('demo-output');
const headed = process.argv.includes('--headed');

const server = await startServer();
const chrome = await launchChromium({ headless: !headed });
const page = await chrome.newPage(server.url('/demo.html'));
await page.waitForFunction(scanned, null, { timeout: 30_000 });

if (headed) {
  console.log(`Reprint is running on ${server.url('/demo.html')}. Close the browser window to stop.`);
  await new Promise((resolve) => chrome.context.on('close', resolve));
  await server.close();
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
const found = await page.evaluate(readHighlights);
console.log(`Scanned ${await page.getAttribute('html', 'data-reprint-scanned')} paragraphs; ${found.length} reprinted:`);
for (const f of found) console.log(`  ${f.kind!.padEnd(8)} ${f.score} of ${f.source} (original ${f.original}, coverage ${f.coverage})  "${f.text}…"`);

await page.screenshot({ path: path.join(OUT, 'page.png'), fullPage: true });
const openTooltip = async (selector: string) => {
  await page.locator(selector).first().hover();
  await page.waitForFunction(() => !!document.querySelector('reprint-tooltip')?.shadowRoot?.querySelector('button'));
};
await openTooltip('[data-reprint-kind="reworded"]');
await page.screenshot({ path: path.join(OUT, 'tooltip.png') });
await openTooltip('[data-reprint-kind="edited"]');
await page.evaluate(() => (document.querySelector('reprint-tooltip')!.shadowRoot!.querySelector('button') as HTMLElement).click());
await page.waitForFunction(() => !!document.querySelector('reprint-compare'));
await page.screenshot({ path: path.join(OUT, 'compare.png') });
await page.keyboard.press('Escape');
const popup = await chrome.openPopup();
await popup.setViewportSize({ width: 380, height: 560 });
await popup.screenshot({ path: path.join(OUT, 'popup.png') });

console.log(`Screenshots: ${['page', 'tooltip', 'compare', 'popup'].map((n) => path.join('demo-output', `${n}.png`)).join(', ')}`);
await chrome.close();
await server.close();
