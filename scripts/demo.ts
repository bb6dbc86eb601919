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
import { ClosedShadow } from '../tests/e2e/chromium-shadow';
import { readReport } from '../tests/e2e/report-reads';

const OUT = path.resolve('demo-output');
const headed = process.argv.includes('--headed');

const server = await startServer();
const chrome = await launchChromium({ headless: !headed });
const page = await chrome.newPage(server.url('/demo.html'));
// What Reprint found is in its report, an extension page: the web page itself carries no trace of it.
const report = await chrome.openReport(page);
await report.waitForFunction(() => Number(document.getElementById('scanned')?.getAttribute('data-passes')) > 0, null, { timeout: 30_000 });
await page.bringToFront();

if (headed) {
  console.log(`Reprint is running on ${server.url('/demo.html')}. Close the browser window to stop.`);
  await new Promise((resolve) => chrome.context.on('close', resolve));
  await server.close();
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
const { scanned, rows } = await report.evaluate(readReport);
console.log(`Scanned ${scanned} paragraphs; ${rows.length} reprinted:`);
for (const f of rows)
  console.log(`  ${f.kind!.padEnd(8)} ${f.score} of ${f.source} (original ${f.original}, coverage ${f.coverage})  "${f.excerpt.slice(0, 72)}…"`);
await report.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true });

await page.screenshot({ path: path.join(OUT, 'page.png'), fullPage: true });
// Reprint's UI is in closed shadow roots: the DevTools protocol reaches it, and real mouse input drives it.
const ui = await ClosedShadow.of(page);
const openTooltip = async (kind: string) => {
  const row = rows.find((r) => r.kind === kind)!;
  await page.mouse.move(0, 0);
  await page
    .locator('p', { hasText: row.excerpt.replace(/…$/, '').slice(0, 60) })
    .first()
    .hover();
  await ui.waitFor('.tip button');
};
await openTooltip('reworded');
await page.screenshot({ path: path.join(OUT, 'tooltip.png') });
await openTooltip('edited');
await ui.click('.tip button');
await ui.waitFor('.dialog');
await page.screenshot({ path: path.join(OUT, 'compare.png') });
await page.keyboard.press('Escape');
const popup = await chrome.openPopup();
await popup.setViewportSize({ width: 380, height: 560 });
await popup.screenshot({ path: path.join(OUT, 'popup.png') });

console.log(`Screenshots: ${['page', 'report', 'tooltip', 'compare', 'popup'].map((n) => path.join('demo-output', `${n}.png`)).join(', ')}`);
await chrome.close();
await server.close();
