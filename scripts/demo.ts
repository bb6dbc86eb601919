/**
 * The demo: builds the extension, opens the bundled demo page in Chromium
 * with it, prints what Reprint found (each passage's source, the
 * provenance claim and the credit evidence, as a reader reads them in the
 * report), and writes screenshots of the highlights, the tooltip, the
 * comparison and the popup to demo-output/. `--headed` (npm start) leaves
 * a visible browser open instead, which needs a desktop.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/e2e/chromium';
import { startServer } from '../tests/e2e/server';
import { ClosedShadow } from '../tests/e2e/chromium-shadow';
import { readReport } from '../tests/e2e/report-reads';

const OUT = path.resolve('demo-output');
const headed = process.argv.includes('--headed');

const NO_DISPLAY =
  'npm start opens a visible browser and needs a desktop: run it there, or under xvfb-run (xvfb-run npm start), or use npm run demo, which needs no display.';
// Checked before the build, so a machine without a desktop hears it in one line, not after a build and a stack trace.
if (headed && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(NO_DISPLAY);
  process.exit(1);
}
if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const server = await startServer();
const chrome = await launchChromium({ headless: !headed }).catch((e: Error) => {
  // A DISPLAY that no X server answers fails here; any other launch failure keeps its own message.
  console.error(headed ? `${NO_DISPLAY} (${e.message.split('\n')[0]})` : e.message);
  process.exit(1);
});
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
for (const f of rows) {
  const similar = `${Math.round(Number(f.score) * 100)}% similar`;
  const partial = Number(f.coverage) < 0.95 ? `, ${Math.round(Number(f.coverage) * 100)}% of the paragraph` : '';
  console.log(`\n  "${f.excerpt.slice(0, 72)}…"`);
  console.log(`    ${f.kind} (${similar}${partial}) from ${f.sourceName}`);
  console.log(`    ${f.statement}`);
  console.log(`    ${f.credit}`);
}
console.log('');
await report.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true });

// Reprint's UI is in closed shadow roots: the DevTools protocol reaches it, and real mouse input drives it.
const ui = await ClosedShadow.of(page);
const openTooltip = async (kind: string) => {
  const row = rows.find((r) => r.kind === kind)!;
  // The last card may cover the next paragraph: close it first.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await ui.gone('.tip');
  await page
    .locator('p', { hasText: row.excerpt.replace(/…$/, '').slice(0, 60) })
    .first()
    .hover();
  await ui.waitFor('.tip button');
};
const popup = await chrome.openPopup();
await popup.setViewportSize({ width: 380, height: 600 });
const shots: string[] = ['report'];
const shoot = async (target: typeof page, name: string, fullPage = false) => {
  await target.screenshot({ path: path.join(OUT, `${name}.png`), fullPage });
  shots.push(name);
};
// Every screen a reader sees, light and dark, on a desktop and a phone.
for (const colorScheme of ['light', 'dark'] as const)
  for (const width of [1280, 375]) {
    const at = `${colorScheme}-${width}`;
    await page.bringToFront();
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: width > 600 ? 860 : 760 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, `page-${at}`, width > 600);
    await openTooltip('reworded');
    await shoot(page, `tooltip-${at}`);
    await openTooltip('edited');
    await ui.click('.tip button');
    await ui.waitFor('.dialog');
    await shoot(page, `compare-${at}`);
    await page.keyboard.press('Escape');
    if (width > 600) {
      await popup.emulateMedia({ colorScheme });
      await shoot(popup, `popup-${colorScheme}`);
    }
  }

console.log(`Screenshots in demo-output/: ${shots.map((n) => `${n}.png`).join(', ')}`);
await chrome.close();
await server.close();
