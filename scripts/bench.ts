/**
 * npm run bench -- [--docs N] [--budget SECONDS] [--build] [--no-browser]
 *
 * One process, one table:
 *  (a) fingerprint throughput, our MinHasher against the `minhash` package;
 *  (b) indexing and querying a synthetic 10,000-document corpus;
 *  (c) the content script's scan of a 3,000-paragraph page in Chromium,
 *      against the same page without the extension.
 * Every ratio compares with a baseline measured in this same run, since
 * absolute timings move with the machine. Progress goes to stderr; the
 * markdown table and a one-line JSON summary to stdout.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchBrowser, PARAGRAPHS, type BrowserResult } from './lib/bench-browser';
import { benchFingerprint, type FingerprintResult } from './lib/bench-fingerprint';
import { runLshBenchInWorker, type LshResult } from './lib/bench-lsh';
import { duration, mb, ms, round } from './lib/stats';

export const USAGE = `Usage: npm run bench -- [--docs N] [--budget SECONDS] [--build] [--no-browser]

  --docs N          synthetic corpus size for the LSH part (default 10000)
  --budget SECONDS  wall-clock budget for the whole bench (default 480); a
                    corpus build that cannot finish in it is estimated from
                    smaller corpora instead, and the table says so
  --build           rebuild the extension (npx wxt build) even if
                    .output/chrome-mv3 exists (it is built when missing)
  --no-browser      skip the Chromium part`;

const FINGERPRINT_GOAL = 20;

interface Options {
  docs: number;
  budget: number;
  build: boolean;
  browser: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { docs: 10_000, budget: 480, build: false, browser: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      return Number.isFinite(v) && v > 0 ? v : NaN;
    };
    if (a === '--docs') o.docs = Math.round(num());
    else if (a === '--budget') o.budget = num();
    else if (a === '--build') o.build = true;
    else if (a === '--no-browser') o.browser = false;
    else if (a === '-h' || a === '--help') return 'help';
    else return `unknown argument ${a}`;
    if (Number.isNaN(o.docs) || Number.isNaN(o.budget)) return `${a} needs a positive number`;
  }
  return o;
}

type Row = [string, string, string, string, string];

function table(fp: FingerprintResult, lsh: LshResult | undefined, lshNote: string | undefined, br: BrowserResult | undefined | string): string {
  const rows: Row[] = [];
  const x = (r: number) => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×` : 'n/a');

  // (a)
  rows.push([
    '(a) fingerprint: text → 128-perm MinHash (canonical + char 5-grams)',
    `${fp.oursMBps.toFixed(2)} MB/s`,
    `minhash pkg: ${fp.minhashMBps.toFixed(3)} MB/s`,
    `${x(fp.ratio)} (goal ≥ ${FINGERPRINT_GOAL}×: ${fp.ratio >= FINGERPRINT_GOAL ? 'met' : 'NOT met'})`,
    `seeds, ${fp.paragraphs} paragraphs, ${(fp.bytes / 1000).toFixed(1)} kB; median of ${fp.rounds} alternating rounds; our time: canonical ${(fp.breakdown.canonical * 100).toFixed(0)}%, charGrams ${(fp.breakdown.grams * 100).toFixed(0)}%, signature ${(fp.breakdown.signature * 100).toFixed(0)}%`,
  ]);

  // (b)
  if (!lsh) rows.push(['(b) LSH', 'n/a', '', '', lshNote ?? 'did not run']);
  else {
    const n = lsh.docs.toLocaleString('en');
    if (lsh.buildMs !== undefined) {
      rows.push([
        `(b) build: buildCorpusData, ${n} docs`,
        ms(lsh.buildMs),
        '',
        '',
        `${lsh.paragraphs.toLocaleString('en')} paragraphs (8 × ~60 words each)`,
      ]);
      if (lsh.memory)
        rows.push([
          '(b) memory retained by the corpus data',
          mb(lsh.memory.heapBytes + lsh.memory.arrayBufferBytes),
          '',
          '',
          `heapUsed Δ ${mb(lsh.memory.heapBytes)} + typed arrays Δ ${mb(lsh.memory.arrayBufferBytes)} (LSH bands ${mb(lsh.memory.lshBytes)}); text of the documents not counted`,
        ]);
    } else {
      rows.push([
        `(b) build: buildCorpusData, ${n} docs`,
        lsh.estimate ? `≈ ${duration(lsh.estimate.buildMs / 1000)} (estimated)` : 'n/a',
        '',
        '',
        `NOT RUN: ${lsh.skipped ?? lshNote ?? 'stopped at the budget'}`,
      ]);
    }
    for (const p of lsh.probes)
      rows.push([
        `(b) probe: ${p.docs} docs`,
        `build ${ms(p.buildMs)}`,
        '',
        '',
        `100-paragraph page ${ms(p.pageMs)}, ${p.candidatesPerParagraph.toFixed(1)} LSH candidates per paragraph, LSH tables ${mb(p.lshBytes)}`,
      ]);
    const lastProbe = lsh.probes.at(-1);
    if (!lsh.memory && lastProbe)
      rows.push([
        `(b) memory at ${n} docs`,
        `≈ ${mb((lastProbe.lshBytes * lsh.docs) / lastProbe.docs)} of LSH tables (estimated)`,
        '',
        '',
        `linear from the ${lastProbe.docs}-doc probe's band tables (8 bytes per band per indexed sentence unit), the bulk of the corpus data; heap measured only at full size`,
      ]);
    if (lsh.estimate)
      rows.push([
        `(b) scaling (last two probes)`,
        `build ∝ docs^${lsh.estimate.buildExponent.toFixed(2)}`,
        '',
        '',
        `query grows ${ms(lsh.estimate.queryMsPerDoc)} per corpus document; at ${n} docs: build ≈ ${duration(lsh.estimate.buildMs / 1000)}, page query ≈ ${ms(lsh.estimate.pageMs)}`,
      ]);
    const bf = lsh.bruteForce;
    const bfNote = bf
      ? `brute force = exact 5-gram overlap of each page paragraph with all ${bf.paragraphs.toLocaleString('en')} corpus paragraphs (no index, no sentence windows), timed on ${bf.sample.toLocaleString('en')} and scaled; < 1× means the index loses to no index`
      : '';
    if (lsh.query) {
      const q = lsh.query;
      const partial = q.paragraphsTimed < lsh.pageParagraphs ? ` (only ${q.paragraphsTimed} paragraphs fit the budget; scaled to 100)` : '';
      rows.push([
        `(b) query: CorpusMatcher.match over a ${lsh.pageParagraphs}-paragraph page, ${n} docs`,
        `${ms(q.pageMs)} per page`,
        `signatures only: ${ms(lsh.signaturesMs)}`,
        `${x(q.pageMs / (lsh.signaturesMs ?? NaN))} of signatures`,
        `median of ${q.runs} run(s), fresh matcher each${partial}; ${ms(q.pageMs / lsh.pageParagraphs)} per paragraph; ${q.candidatesPerParagraph.toFixed(1)} candidates per paragraph; ${q.correctSource}/${lsh.copies} copies found with the right source, ${q.falsePositives} false positives`,
      ]);
      if (bf) rows.push(['(b) query vs brute force', `${ms(q.pageMs)} per page`, `brute force: ${ms(bf.pageMs)}`, `${x(bf.pageMs / q.pageMs)} speed-up`, bfNote]);
    } else if (lsh.estimate) {
      rows.push([
        `(b) query: CorpusMatcher.match over a ${lsh.pageParagraphs}-paragraph page, ${n} docs`,
        `≈ ${ms(lsh.estimate.pageMs)} per page (estimated)`,
        `signatures only: ${ms(lsh.signaturesMs)}`,
        `≈ ${x(lsh.estimate.pageMs / (lsh.signaturesMs ?? NaN))} of signatures`,
        'extrapolated from the probes (not measured: no index at full size)',
      ]);
      if (bf) rows.push(['(b) query vs brute force', `≈ ${ms(lsh.estimate.pageMs)} per page (estimated)`, `brute force: ${ms(bf.pageMs)}`, `≈ ${x(bf.pageMs / lsh.estimate.pageMs)} speed-up`, bfNote]);
    }
  }

  // (c)
  if (typeof br === 'string' || !br) rows.push(['(c) Chromium', 'n/a', '', '', br ?? 'skipped']);
  else {
    const e = br.extension;
    const b = br.baseline;
    // The longtask API reports nothing at all in some profiles: say so rather than print 0.
    const task = (v: number) => (v === 0 ? 'none' : ms(v));
    const taskRatio = (a: number, c: number) => (a === 0 || c === 0 ? 'n/a' : x(a / c));
    const range = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
    rows.push([
      `(c) Chromium: load → data-reprint-scanned ≥ ${PARAGRAPHS.toLocaleString('en')}`,
      ms(e.scanMs),
      `page load alone: ${ms(b.loadMs)}`,
      `${x((e.scanMs ?? NaN) / b.loadMs)} of page load`,
      `median of ${br.runs} runs after a warm-up (range ${range(br.scanRuns)}); the scan starts at requestIdleCallback after load${br.staleBuild ? '; WARNING: the build is older than src/ (run with --build)' : ''}`,
    ]);
    rows.push([
      '(c) Chromium: longest task (longtask API), load + scan',
      task(e.longestTaskMs),
      `no extension: ${task(b.longestTaskMs)}`,
      taskRatio(e.longestTaskMs, b.longestTaskMs),
      'PerformanceObserver added by page.addInitScript; includes the page\'s own parsing',
    ]);
    rows.push([
      '(c) Chromium: longest animation frame (LoAF), load + scan',
      task(e.longestFrameMs),
      `no extension: ${task(b.longestFrameMs)}`,
      taskRatio(e.longestFrameMs, b.longestFrameMs),
      'long-animation-frame entries: also catch the first parse + render, which the longtask API missed in the extension profile',
    ]);
    rows.push([
      '(c) Chromium: after load (the scan window)',
      `longest task ${task(e.longestTaskAfterLoadMs)} (${e.longTasksAfterLoad}), longest frame ${task(e.longestFrameAfterLoadMs)} (${e.longFramesAfterLoad}), blocking ${ms(e.blockingAfterLoadMs)}`,
      `no extension: task ${task(b.longestTaskAfterLoadMs)} (${b.longTasksAfterLoad}), frame ${task(b.longestFrameAfterLoadMs)} (${b.longFramesAfterLoad})`,
      '',
      '(count in brackets); after load the main-thread work is the content script, which yields every 8 ms; blocking = Σ LoAF blockingDuration',
    ]);
    rows.push([
      '(c) Chromium: page load (navigation → load end)',
      ms(e.loadMs),
      `no extension: ${ms(b.loadMs)}`,
      x(e.loadMs / b.loadMs),
      `ranges: extension ${range(br.loadRuns.extension)}, none ${range(br.loadRuns.baseline)}; noisy on a shared 2-core machine`,
    ]);
  }

  const head: Row = ['measure', 'Reprint', 'baseline (same process)', 'ratio', 'notes'];
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [head, ['---', '---:', '---:', '---:', '---'] as Row, ...rows].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
}

function summary(fp: FingerprintResult, lsh: LshResult | undefined, br: BrowserResult | undefined | string, seconds: number) {
  const b = typeof br === 'object' ? br : undefined;
  return {
    seconds: round(seconds),
    fingerprint: { oursMBps: round(fp.oursMBps, 3), minhashMBps: round(fp.minhashMBps, 3), ratio: round(fp.ratio, 2), goal: FINGERPRINT_GOAL, met: fp.ratio >= FINGERPRINT_GOAL },
    lsh: lsh && {
      docs: lsh.docs,
      buildMs: lsh.buildMs === undefined ? null : round(lsh.buildMs),
      estimatedBuildMs: lsh.estimate ? round(lsh.estimate.buildMs, 0) : null,
      buildExponent: lsh.estimate ? round(lsh.estimate.buildExponent, 2) : null,
      memoryBytes: lsh.memory ? lsh.memory.heapBytes + lsh.memory.arrayBufferBytes : null,
      pageQueryMs: lsh.query ? round(lsh.query.pageMs) : null,
      estimatedPageQueryMs: lsh.estimate ? round(lsh.estimate.pageMs, 0) : null,
      probes: lsh.probes.map((p) => ({ docs: p.docs, buildMs: round(p.buildMs, 0), pageMs: round(p.pageMs, 0), candidates: round(p.candidatesPerParagraph), lshBytes: p.lshBytes })),
      signaturesMs: lsh.signaturesMs === undefined ? null : round(lsh.signaturesMs, 2),
      bruteForceMs: lsh.bruteForce ? round(lsh.bruteForce.pageMs) : null,
      candidatesPerParagraph: lsh.query ? round(lsh.query.candidatesPerParagraph) : null,
      copiesFound: lsh.query ? `${lsh.query.correctSource}/${lsh.copies}` : null,
      falsePositives: lsh.query ? lsh.query.falsePositives : null,
      skipped: lsh.skipped ?? null,
    },
    chromium: b && {
      paragraphs: PARAGRAPHS,
      scanMs: b.extension.scanMs === null ? null : round(b.extension.scanMs),
      longestTaskMs: round(b.extension.longestTaskMs),
      longestTaskAfterLoadMs: round(b.extension.longestTaskAfterLoadMs),
      longestFrameMs: round(b.extension.longestFrameMs),
      longestFrameAfterLoadMs: round(b.extension.longestFrameAfterLoadMs),
      baselineLongestFrameMs: round(b.baseline.longestFrameMs),
      blockingAfterLoadMs: round(b.extension.blockingAfterLoadMs),
      baselineLoadMs: round(b.baseline.loadMs),
      baselineLongestTaskMs: round(b.baseline.longestTaskMs),
      staleBuild: b.staleBuild,
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof opts === 'string') {
    console.error(`bench: ${opts}\n\n${USAGE}`);
    return 2;
  }
  const start = Date.now();
  const deadline = start + opts.budget * 1000;
  const log = (s: string) => console.error(`[${((Date.now() - start) / 1000).toFixed(0).padStart(3)} s] ${s}`);

  log('fingerprint: ours vs the minhash package');
  const fp = benchFingerprint();
  log(`fingerprint: ${fp.oursMBps.toFixed(2)} vs ${fp.minhashMBps.toFixed(3)} MB/s (${fp.ratio.toFixed(1)}×)`);

  // The browser part runs before the LSH part, so that nothing of ours competes with Chromium for the CPU.
  let br: BrowserResult | string | undefined = 'skipped (--no-browser)';
  if (opts.browser) {
    try {
      br = await benchBrowser({ log, build: opts.build });
    } catch (e) {
      br = `failed: ${(e as Error).message.split('\n')[0]}`;
      log(`browser: ${br}`);
    }
  }

  log(`lsh: ${opts.docs} synthetic documents, ${((deadline - Date.now()) / 1000).toFixed(0)} s of budget left`);
  const lshRun = await runLshBenchInWorker({ docs: opts.docs, deadline: deadline - 2000 }, log);
  const lshNote = lshRun.error ? `failed: ${lshRun.error.split('\n')[0]}` : lshRun.stopped ? 'stopped at the budget' : undefined;
  if (lshNote) log(`lsh: ${lshNote}`);

  const seconds = (Date.now() - start) / 1000;
  console.log(table(fp, lshRun.result, lshNote, br));
  console.log('');
  console.log(JSON.stringify(summary(fp, lshRun.result, br, seconds)));
  return lshRun.error ? 1 : 0;
}

const invoked = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invoked) process.exitCode = await main(process.argv.slice(2));
