/**
 * A reader's corpus at scale, through the options page in real Chromium:
 * 10,000 articles in one JSON Lines file, chosen with the page's real file
 * input. The page must stay responsive (no long task of its own), every
 * article must become searchable, and a news page carrying three of them
 * must show those three, with the right sources.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusStatus } from '../../src/messages';
import { launchChromium, type ChromiumHarness } from './chromium';
import { readReport } from './report-reads';
import { startServer } from './server';

const ARTICLES = 10_000;

/**
 * Deterministic filler text of made-up words in random letters: its
 * character 5-grams are rare, as names and rare words make real text's,
 * so no gram is common across 10,000 articles by construction (words from
 * a few syllables made every gram common, and nothing could match).
 */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s >>> 8);
  const word = () => Array.from({ length: 3 + (next() % 7) }, () => String.fromCharCode(97 + (next() % 26))).join('');
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, word);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return `${w.join(' ')}.`;
  };
  return (words: number) => Array.from({ length: Math.ceil(words / 15) }, () => sentence(15)).join(' ');
}

let cr: ChromiumHarness;
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
const picked = [17, 5_003, 9_998];
const paragraphOf: Record<number, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reprint-scale-'));
  const text = generator(0x5eed);
  const lines: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const paragraphs = [text(60), text(60), text(45)];
    if (picked.includes(i)) paragraphOf[i] = paragraphs[1];
    lines.push(JSON.stringify({ id: `wire-${i}`, title: `Wire story ${i}`, publisher: 'Scale Wire', text: paragraphs.join('\n\n') }));
  }
  writeFileSync(path.join(dir, 'wire.jsonl'), `${lines.join('\n')}\n`);
  server = await startServer({
    '/scale-news.html': () =>
      `<!doctype html><html lang="en"><head><title>Scale news</title></head><body><article>${picked
        .map((i) => `<p id="copy-${i}">${paragraphOf[i]}</p>`)
        .join(
          '',
        )}<p id="own">Our reporter spent the morning at the market, where the stallholders said trade had picked up since the new bus route opened.</p></article></body></html>`,
  });
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Chromium: 10,000 articles through the options page', () => {
  it('imports them with no long task on the page, indexes them all, and highlights their copies', { timeout: 600_000 }, async () => {
    const page = await cr.context.newPage();
    await page.goto(`chrome-extension://${cr.extensionId}/options.html`);
    await page.waitForSelector('body[data-ready]');
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
    });
    await page.fill('#import-collection', 'Wire');
    const started = Date.now();
    await page.setInputFiles('#import-files', path.join(dir, 'wire.jsonl'));
    await page.waitForFunction(() => document.querySelector('.progress span')?.textContent?.includes('articles stored'), null, { timeout: 60_000 });
    await page.screenshot({ path: 'test-results/chromium-options-progress.png' });
    await page.waitForFunction(() => document.querySelector('.summary .result')?.textContent, null, { timeout: 300_000 });
    expect(await page.textContent('.summary .result')).toBe('Imported 10,000 articles.');
    const storedMs = Date.now() - started;

    // Searchable: nothing staged or waiting to be grouped.
    let status: CorpusStatus;
    for (;;) {
      status = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'corpus/status' }))) as CorpusStatus;
      if (status.staged === 0 && status.grouping === 0) break;
      await page.waitForTimeout(1000);
    }
    expect(status.documents).toBe(ARTICLES + 5);
    const indexedMs = Date.now() - started;
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    console.log(
      `options page: 10,000 articles stored in ${(storedMs / 1000).toFixed(1)} s, indexed in ${(indexedMs / 1000).toFixed(1)} s; long tasks: ${long.map((d) => d.toFixed(0)).join(', ') || 'none'}`,
    );
    expect(Math.max(0, ...long)).toBeLessThan(50);

    const news = await cr.newPage(server.url('/scale-news.html'));
    const report = await cr.openReport(news);
    await report.waitForFunction(() => Number(document.getElementById('scanned')?.getAttribute('data-passes')) > 0, null, { timeout: 30_000 });
    const { rows } = await report.evaluate(readReport);
    expect(rows.map((r) => [r.elementId, r.kind])).toEqual(picked.map((i) => [`copy-${i}`, 'verbatim']));
    const sources = (await Promise.all(
      rows.map((r) => report.evaluate((id) => chrome.runtime.sendMessage({ type: 'corpus/article', id }), r.source)),
    )) as Array<{
      meta: { title: string };
    }>;
    expect(sources.map((a) => a.meta.title)).toEqual(picked.map((i) => `Wire story ${i}`));
    for (const p of [report, news, page]) await p.close();
  });
});
