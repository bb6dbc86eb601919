import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './firefox';
import { startServer } from './server';
import { EXPECTED_DEMO } from './expectations';

let ff: FirefoxHarness;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const scanned = (page: Page, atLeast = 1) =>
  page.waitForFunction((n) => Number(document.documentElement.dataset.reprintScanned ?? -1) >= n, { timeout: 20_000 }, atLeast);

const highlights = (page: Page) =>
  page.$$eval('[data-reprint-kind]', (els) =>
    els.map((e) => ({
      kind: e.getAttribute('data-reprint-kind'),
      source: e.getAttribute('data-reprint-source'),
      original: e.getAttribute('data-reprint-original'),
      score: e.getAttribute('data-reprint-score'),
      text: e.textContent!.slice(0, 40),
    })),
  );

describe('Firefox: the built extension', () => {
  it('highlights reprinted paragraphs of the demo page with the contract attributes', async () => {
    const page = await ff.newPage(server.url('/demo.html'));
    await scanned(page);
    const found = await highlights(page);
    expect(found.map(({ kind, source }) => ({ kind, source }))).toEqual(EXPECTED_DEMO.map(({ kind, source }) => ({ kind, source })));
    for (const h of found) expect(h.score).toMatch(/^(0\.\d\d|1\.00)$/);
    await page.close();
  });
});
