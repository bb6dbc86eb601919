/**
 * Bench (c): the content script's scan of a 3,000-paragraph page in real
 * Chromium with the built extension, against the same page in the same
 * Chromium without it. Long tasks are recorded by a PerformanceObserver
 * the page gets before any of its own scripts run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROME_EXTENSION, CHROMIUM, CHROMIUM_FLAGS, launchChromium } from '../../tests/e2e/chromium';
import { manyParagraphsPage } from '../../tests/e2e/pages';
import { startServer } from '../../tests/e2e/server';
import { REPO_ROOT } from './corpus';
import { median } from './stats';

export const PARAGRAPHS = 3000;

export interface LoadMeasure {
  /** Navigation start → load event end. */
  loadMs: number;
  /** Load event → the content script reports ≥ PARAGRAPHS blocks scanned (extension only). */
  scanMs: number | null;
  /** Longest entry of the Long Tasks API (longtask). */
  longestTaskMs: number;
  longestTaskAfterLoadMs: number;
  longTasksAfterLoad: number;
  /** Longest long animation frame (LoAF, ≥ 50 ms), which also sees work the longtask API can miss. */
  longestFrameMs: number;
  longestFrameAfterLoadMs: number;
  longFramesAfterLoad: number;
  /** Σ blockingDuration of long animation frames after load: time input would have waited. */
  blockingAfterLoadMs: number;
}

export interface BrowserResult {
  runs: number;
  /** Per-run values, to show the spread. */
  scanRuns: number[];
  loadRuns: { extension: number[]; baseline: number[] };
  built: 'existing' | 'built now';
  staleBuild: boolean;
  extension: LoadMeasure;
  baseline: LoadMeasure;
}

/** Recorded in the page's main world, before the page's scripts and the extension's. */
const INIT_SCRIPT = `(() => {
  const b = (window.__bench = { longTasks: [], frames: [], loadAt: null, scannedAt: null, scanned: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.frames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
    }).observe({ type: 'long-animation-frame' });
  } catch {}
  addEventListener('load', () => { b.loadAt = performance.now(); });
})();`;

/**
 * Runs in an extension page: the wall-clock time at which a content script
 * first reported `paragraphs` blocks scanned (its content/highlights message,
 * which reaches every extension page). The page itself shows nothing of it.
 */
const SCANNED_AT = (paragraphs: number) => `new Promise((resolve) => {
  chrome.runtime.onMessage.addListener((m) => {
    if (m && m.type === 'content/highlights' && m.scanned >= ${paragraphs}) resolve(performance.timeOrigin + performance.now());
  });
})`;

interface Raw {
  longTasks: Array<{ start: number; duration: number }>;
  frames: Array<{ start: number; duration: number; blocking: number }>;
  loadAt: number | null;
  scannedAt: number | null;
  loadEventEnd: number;
}

async function collect(page: Page): Promise<Raw> {
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: Omit<Raw, 'loadEventEnd'> }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { ...b, loadEventEnd: nav?.loadEventEnd ?? b.loadAt ?? NaN };
  });
}

function measure(raw: Raw): LoadMeasure {
  const loadAt = raw.loadAt ?? raw.loadEventEnd;
  const after = raw.longTasks.filter((t) => t.start >= loadAt);
  const framesAfter = raw.frames.filter((f) => f.start >= loadAt);
  return {
    loadMs: raw.loadEventEnd,
    scanMs: raw.scannedAt === null ? null : raw.scannedAt - loadAt,
    longestTaskMs: Math.max(0, ...raw.longTasks.map((t) => t.duration)),
    longestTaskAfterLoadMs: Math.max(0, ...after.map((t) => t.duration)),
    longTasksAfterLoad: after.length,
    longestFrameMs: Math.max(0, ...raw.frames.map((f) => f.duration)),
    longestFrameAfterLoadMs: Math.max(0, ...framesAfter.map((f) => f.duration)),
    longFramesAfterLoad: framesAfter.length,
    blockingAfterLoadMs: framesAfter.reduce((n, f) => n + f.blocking, 0),
  };
}

function medianMeasure(ms: LoadMeasure[]): LoadMeasure {
  const pick = <K extends keyof LoadMeasure>(k: K) => median(ms.map((m) => m[k] as number));
  return {
    loadMs: pick('loadMs'),
    scanMs: ms.some((m) => m.scanMs === null) ? null : pick('scanMs'),
    longestTaskMs: pick('longestTaskMs'),
    longestTaskAfterLoadMs: pick('longestTaskAfterLoadMs'),
    longTasksAfterLoad: pick('longTasksAfterLoad'),
    longestFrameMs: pick('longestFrameMs'),
    longestFrameAfterLoadMs: pick('longestFrameAfterLoadMs'),
    longFramesAfterLoad: pick('longFramesAfterLoad'),
    blockingAfterLoadMs: pick('blockingAfterLoadMs'),
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    newest = Math.max(newest, statSync(path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).mtimeMs);
  }
  return newest;
}

/** Builds the Chrome extension when there is no build (or when asked to). */
export function ensureBuild(force: boolean, log: (s: string) => void): { built: 'existing' | 'built now'; stale: boolean } {
  const manifest = path.join(CHROME_EXTENSION, 'manifest.json');
  let built: 'existing' | 'built now' = 'existing';
  if (force || !existsSync(manifest)) {
    log(force ? 'browser: building the extension (--build)' : 'browser: no build in .output/chrome-mv3, running npx wxt build');
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0 || !existsSync(manifest)) throw new Error('npx wxt build failed');
    built = 'built now';
  }
  const sources = Math.max(...['src', 'entrypoints', 'seeds'].map((d) => newestMtime(path.join(REPO_ROOT, d))));
  return { built, stale: statSync(manifest).mtimeMs < sources };
}

export async function benchBrowser({ runs = 5, build = false, log = (_: string) => {} } = {}): Promise<BrowserResult> {
  const { built, stale } = ensureBuild(build, log);
  const server = await startServer({ '/big.html': () => manyParagraphsPage(PARAGRAPHS) });
  const url = server.url('/big.html');
  try {
    // With the extension. The first load is a warm-up: it wakes the service
    // worker and lets it index the bundled corpus into IndexedDB.
    const withExt: LoadMeasure[] = [];
    const harness = await launchChromium();
    try {
      await harness.context.addInitScript({ content: INIT_SCRIPT });
      for (let r = 0; r <= runs; r++) {
        const listener = await harness.context.newPage();
        await listener.goto(`chrome-extension://${harness.extensionId}/report.html`);
        // void: evaluate awaits a returned promise, and this one resolves only once the page is scanned.
        await listener.evaluate(`void (window.__scanned = ${SCANNED_AT(PARAGRAPHS)})`);
        const page = await harness.context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        const scannedAt = await listener.evaluate<number>('window.__scanned');
        await page.waitForTimeout(300); // trailing tasks (highlights, badge)
        const raw = await collect(page);
        const origin = await page.evaluate(() => performance.timeOrigin);
        const m = measure({ ...raw, scannedAt: scannedAt - origin });
        await page.close();
        await listener.close();
        if (r > 0) withExt.push(m);
        log(
          `browser: extension run ${r === 0 ? 'warm-up' : r}: scan ${m.scanMs?.toFixed(0)} ms, longest task ${m.longestTaskMs.toFixed(0)} ms, longest frame ${m.longestFrameMs.toFixed(0)} ms`,
        );
      }
    } finally {
      await harness.close();
    }

    // Baseline: the same Chromium and flags, no extension.
    const plain: LoadMeasure[] = [];
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      await context.addInitScript({ content: INIT_SCRIPT });
      for (let r = 0; r <= runs; r++) {
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(1000); // the extension's scan window, with nothing in it
        const m = measure(await collect(page));
        await page.close();
        if (r > 0) plain.push(m);
        log(
          `browser: baseline run ${r === 0 ? 'warm-up' : r}: load ${m.loadMs.toFixed(0)} ms, longest task ${m.longestTaskMs.toFixed(0)} ms, longest frame ${m.longestFrameMs.toFixed(0)} ms`,
        );
      }
    } finally {
      await browser.close();
    }
    return {
      runs,
      scanRuns: withExt.map((m) => m.scanMs ?? NaN),
      loadRuns: { extension: withExt.map((m) => m.loadMs), baseline: plain.map((m) => m.loadMs) },
      built,
      staleBuild: stale,
      extension: medianMeasure(withExt),
      baseline: medianMeasure(plain),
    };
  } finally {
    await server.close();
  }
}
