/**
 * npm run bench -- [--docs N] [--browser-docs N] [--budget SECONDS] [--build] [--no-browser] [--profile DIR]
 *
 * One process, one table, the targets of issue 8 each beside a baseline
 * measured in this same run (absolute timings move with the machine):
 *  (a) fingerprint throughput, ours against the `minhash` package;
 *  (b) the corpus index in memory (MemoryIndex) over a synthetic corpus:
 *      build, bytes per article, a 100-paragraph page against brute force,
 *      heap after the query;
 *  (c) real Chromium with the built extension: the content script's scan
 *      of a 3,000-paragraph page against the page alone; then the corpus
 *      API: an import with the worker stopped three times, one added
 *      article until a scan finds it, the first scan after a stopped worker.
 * Progress goes to stderr; the markdown table and a one-line JSON summary
 * to stdout.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchBrowser, PARAGRAPHS, type BrowserResult } from './lib/bench-browser';
import { benchCorpus, IMPORT_BATCH, type CorpusResult } from './lib/bench-corpus';
import { benchFingerprint, type FingerprintResult } from './lib/bench-fingerprint';
import { runIndexBenchInWorker, type IndexResult } from './lib/bench-index';
import { duration, mb, ms, round } from './lib/stats';

export const USAGE = `Usage: npm run bench -- [--docs N] [--browser-docs N] [--budget SECONDS] [--build] [--no-browser] [--profile DIR]

  --docs N          synthetic corpus size for the in-memory index, part (b)
                    (default 10000; 100000 is the issue's size, and is
                    estimated from smaller corpora when it cannot fit)
  --browser-docs N  articles imported in Chromium, part (c) (default 10000)
  --budget SECONDS  wall-clock budget for the whole bench (default 480); what
                    cannot finish in it is estimated or cut short, and the
                    table says so
  --build           rebuild the extension (npx wxt build) even if
                    .output/chrome-mv3 exists (it is built when missing)
  --no-browser      skip the Chromium part
  --profile DIR     keep part (c)'s Chromium profile in DIR; a later run with
                    the same DIR and --browser-docs skips the import it holds
                    and measures the current build on it (100,000 articles
                    take half an hour to import)`;

/** Issue 8's targets. */
const TARGET = {
  fingerprintRatio: 30,
  addMs: 50,
  /** For an import of importDocs articles. */
  importMs: 120_000,
  importDocs: 10_000,
  bytesPerArticle: 2048,
  heapBytes: 300e6,
  pageMs: 50,
  coldMs: 500,
};

/** Time kept for part (b) when the browser part runs first. */
const INDEX_RESERVE_S = 150;

interface Options {
  docs: number;
  browserDocs: number;
  budget: number;
  build: boolean;
  browser: boolean;
  profile?: string;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { docs: 10_000, browserDocs: 10_000, budget: 480, build: false, browser: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      return Number.isFinite(v) && v > 0 ? v : NaN;
    };
    if (a === '--docs') o.docs = Math.round(num());
    else if (a === '--browser-docs') o.browserDocs = Math.round(num());
    else if (a === '--budget') o.budget = num();
    else if (a === '--build') o.build = true;
    else if (a === '--no-browser') o.browser = false;
    else if (a === '--profile' && argv[i + 1]) o.profile = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') return 'help';
    else return `unknown argument ${a}`;
    if ([o.docs, o.browserDocs, o.budget].some(Number.isNaN)) return `${a} needs a positive number`;
  }
  return o;
}

type Row = [measure: string, reprint: string, baseline: string, ratio: string, target: string, how: string];

const x = (r: number) => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×` : 'n/a');
const verdict = (ok: boolean, goal: string, estimated = false) => `${goal}: ${estimated ? 'estimate ' : ''}${ok ? 'met' : 'NOT met'}`;
const n = (v: number) => v.toLocaleString('en');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

function fingerprintRows(fp: FingerprintResult): Row[] {
  const seeds = `seeds, ${fp.paragraphs} paragraphs (${(fp.bytes / 1000).toFixed(1)} kB), median of ${fp.rounds} rounds, the three passes back to back in rotating order; the package gets each distinct canonical 5-gram string through update() of a 128-value Minhash`;
  return [
    [
      '(a) fingerprint: text → sampled 5-grams, what the index stores and queries',
      `${fp.sampledMBps.toFixed(2)} MB/s`,
      `minhash package: ${fp.minhashMBps.toFixed(3)} MB/s`,
      x(fp.sampledRatio),
      verdict(fp.sampledRatio >= TARGET.fingerprintRatio, `≥ ${TARGET.fingerprintRatio}×`),
      `sampledCharGrams(canonical(text)); ${seeds}; time split: canonical ${(fp.breakdown.canonical * 100).toFixed(0)}%, sampledCharGrams ${(fp.breakdown.grams * 100).toFixed(0)}%`,
    ],
    [
      '(a) fingerprint: text → 128-value MinHash (MinHasher, no longer used by the index)',
      `${fp.minhasherMBps.toFixed(2)} MB/s`,
      `minhash package: ${fp.minhashMBps.toFixed(3)} MB/s`,
      x(fp.minhasherRatio),
      '',
      `MinHasher.signature(charGrams(canonical(text))); same rounds`,
    ],
  ];
}

function indexRows(r: IndexResult | undefined, note: string | undefined): Row[] {
  if (!r) return [['(b) in-memory index', 'n/a', '', '', '', note ?? 'did not run']];
  const rows: Row[] = [];
  const N = n(r.docs);
  const corpus = `syntheticCorpus(${N}): ${n(r.paragraphs)} paragraphs of ~60 words (8 per document)`;
  const last = r.probes.at(-1);
  if (r.buildMs !== undefined)
    rows.push([
      `(b) build: MemoryIndex.of, ${N} documents`,
      ms(r.buildMs),
      '',
      '',
      '',
      `${corpus}; postings, furniture counts and version grouping (each paragraph matched against the rest), one segment`,
    ]);
  else
    rows.push([
      `(b) build: MemoryIndex.of, ${N} documents`,
      r.estimate ? `≈ ${duration(r.estimate.buildMs / 1000)} (estimated)` : 'n/a',
      '',
      '',
      '',
      `NOT RUN: ${r.skipped ?? note ?? 'stopped at the budget'}${r.estimate ? `; build ∝ docs^${r.estimate.buildExponent.toFixed(2)} from the last two probes` : ''}`,
    ]);

  const bytesPerDoc = r.indexBytes !== undefined ? r.indexBytes / r.docs : last?.bytesPerDoc;
  const textPerDoc = r.textBytes !== undefined ? r.textBytes / r.docs : NaN;
  const falling = r.probes.length > 1 && r.probes.every((p, i) => i === 0 || p.bytesPerDoc <= r.probes[i - 1].bytesPerDoc);
  if (bytesPerDoc !== undefined)
    rows.push([
      `(b) index size beyond the stored text, ${N} documents`,
      r.indexBytes !== undefined
        ? `${kb(bytesPerDoc)} per article (${mb(r.indexBytes)} in all)`
        : falling
          ? `≤ ${kb(bytesPerDoc)} per article (estimated: as at ${n(last!.docs)}, and it falls as the corpus grows, see the probes)`
          : `≈ ${kb(bytesPerDoc)} per article (estimated: as at ${n(last!.docs)})`,
      Number.isFinite(textPerDoc) ? `the text itself: ${kb(textPerDoc)} per article` : '',
      Number.isFinite(textPerDoc) ? `${x(bytesPerDoc / textPerDoc)} of the text` : '',
      verdict(bytesPerDoc <= TARGET.bytesPerArticle, '≤ 2 KB', r.indexBytes === undefined),
      'MemoryIndex.indexBytes (Σ BlockReader.bytes: gram, count and document count per distinct gram, 4 bytes per posting) ÷ documents; furniture counts and version links not counted',
    ]);

  const bf = r.bruteForce;
  const bfNote = bf
    ? `brute force = exact 5-gram overlap of each page paragraph with all ${n(bf.paragraphs)} corpus paragraphs (no index, no sentence windows), timed on ${n(bf.sample)} and scaled`
    : '';
  if (r.query) {
    const q = r.query;
    rows.push([
      `(b) 100-paragraph page against ${N} documents, warm`,
      ms(q.pageMs),
      bf ? `brute force: ${ms(bf.pageMs)}` : '',
      bf ? `${x(bf.pageMs / q.pageMs)} faster` : '',
      verdict(q.pageMs <= TARGET.pageMs, `≤ ${TARGET.pageMs} ms`),
      `matcher.match(100 texts), median of ${q.runs} runs after a first one on fresh caches (${ms(q.firstMs)}); the page: 90 unrelated paragraphs, 6 copied and 4 lightly edited from the corpus: ${q.correctSource}/${r.copies} found with the right source${q.correctSource < r.copies ? ` (missed ${q.missed.verbatim} verbatim, ${q.missed.edited} edited)` : ''}, ${q.falsePositives} false positives; ${bfNote}`,
    ]);
  } else if (r.estimate)
    rows.push([
      `(b) 100-paragraph page against ${N} documents, warm`,
      `≈ ${ms(r.estimate.pageMs)} (estimated)`,
      bf ? `brute force: ${ms(bf.pageMs)}` : '',
      bf ? `≈ ${x(bf.pageMs / r.estimate.pageMs)} faster` : '',
      verdict(r.estimate.pageMs <= TARGET.pageMs, `≤ ${TARGET.pageMs} ms`, true),
      `NOT MEASURED: linear in documents from the last two probes; ${bfNote}`,
    ]);

  if (r.memory) {
    const heap = r.memory.heapUsed + r.memory.arrayBuffers;
    rows.push([
      `(b) JS memory after the query, ${N} documents`,
      mb(heap),
      r.textBytes !== undefined ? `corpus text alone: ${mb(r.textBytes)}` : '',
      '',
      verdict(heap <= TARGET.heapBytes, '≤ 300 MB'),
      `process.memoryUsage() of the bench's worker thread after a full GC: heapUsed ${mb(r.memory.heapUsed)} + arrayBuffers ${mb(r.memory.arrayBuffers)}; holds the whole corpus text (the extension reads text from IndexedDB instead)`,
    ]);
  }
  for (const p of r.probes)
    rows.push([
      `(b) probe: ${n(p.docs)} documents`,
      `build ${ms(p.buildMs)}`,
      '',
      '',
      '',
      `${kb(p.bytesPerDoc)} per article; 100-paragraph page ${ms(p.pageMs)} warm (another corpus seed)`,
    ]);
  return rows;
}

function browserRows(br: BrowserResult | string | undefined): Row[] {
  if (typeof br === 'string' || !br) return [['(c) Chromium: scan', 'n/a', '', '', '', br ?? 'skipped']];
  const e = br.extension;
  const b = br.baseline;
  // The longtask API reports nothing at all in some profiles: say so rather than print 0.
  const task = (v: number) => (v === 0 ? 'none' : ms(v));
  const range = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
  return [
    [
      `(c) Chromium: ${n(PARAGRAPHS)}-paragraph page, load → the content script reports ${n(PARAGRAPHS)} scanned`,
      ms(e.scanMs),
      `page load alone: ${ms(b.loadMs)}`,
      `${x((e.scanMs ?? NaN) / b.loadMs)} of page load`,
      '',
      `seeds only; median of ${br.runs} runs after a warm-up (range ${range(br.scanRuns)}); the scan starts at requestIdleCallback after load${br.staleBuild ? '; WARNING: the build is older than src/ (run with --build)' : ''}`,
    ],
    [
      '(c) same page: longest task and longest animation frame after load',
      `task ${task(e.longestTaskAfterLoadMs)} (${e.longTasksAfterLoad}), frame ${task(e.longestFrameAfterLoadMs)} (${e.longFramesAfterLoad}), blocking ${ms(e.blockingAfterLoadMs)}`,
      `no extension: task ${task(b.longestTaskAfterLoadMs)} (${b.longTasksAfterLoad}), frame ${task(b.longestFrameAfterLoadMs)} (${b.longFramesAfterLoad})`,
      '',
      '',
      'longtask and long-animation-frame PerformanceObservers added by an init script (count in brackets); blocking = Σ LoAF blockingDuration; over the whole load: task ' +
        `${task(e.longestTaskMs)} vs ${task(b.longestTaskMs)}, frame ${task(e.longestFrameMs)} vs ${task(b.longestFrameMs)}`,
    ],
  ];
}

function corpusRows(c: CorpusResult | string | undefined, index: IndexResult | undefined, staleBuild: boolean): Row[] {
  if (typeof c === 'string' || !c) return [['(c) Chromium: corpus API', 'n/a', '', '', '', c ?? 'skipped']];
  const N = n(c.docs);
  const nodeBuild = index && index.docs === c.docs ? index.buildMs : undefined;
  const stops = c.stops
    .map((s) => `${(s.atMs / 1000).toFixed(1)} s (${n(s.status.documents - c.seeds)} indexed, ${n(s.status.staged)} staged, ${n(s.status.grouping)} grouping)`)
    .join(', ');
  const rows: Row[] = c.kept
    ? [[`(c) Chromium: import ${N} articles`, 'not run', '', '', '', `the kept profile (--profile) already held them, +${c.seeds} seeds`]]
    : [
        [
          `(c) Chromium: import ${N} articles, worker stopped ${c.stops.length} times`,
          c.importMs === null ? `NOT done: ${n(c.final.documents - c.seeds)} of ${N} at the deadline` : duration(c.importMs / 1000),
          nodeBuild !== undefined ? `same articles in memory (b): ${duration(nodeBuild / 1000)}` : '',
          c.importMs !== null && nodeBuild !== undefined ? x(c.importMs / nodeBuild) : '',
          c.docs === TARGET.importDocs
            ? verdict(c.importMs !== null && c.importMs <= TARGET.importMs && c.complete && c.stops.length === 3, '≤ 2 min with 3 stops, all indexed')
            : `no target (≤ 2 min is for ${n(TARGET.importDocs)})`,
          `syntheticCorpus(${N}) in corpus/import batches of ${IMPORT_BATCH} from the popup page (staged in ${duration(c.stagingMs / 1000)}), until corpus/status shows staged 0, grouping 0; ` +
            `status.documents ${c.complete ? `reached ${N} (+${c.seeds} seeds)` : `${n(c.final.documents)}: INCOMPLETE`}, ${c.final.segments} segments; ServiceWorker.stopAllWorkers at ${stops}` +
            (c.failedPolls.length ? `; ${c.failedPolls.length} status messages failed and were retried (${[...new Set(c.failedPolls)].join('; ')})` : '') +
            (staleBuild ? '; WARNING: the build is older than src/ (run with --build)' : ''),
        ],
      ];
  if (c.added)
    rows.push([
      `(c) Chromium: add one 800-word article → the next scan finds it (${N} in the corpus)`,
      ms(c.added.ms),
      `the same scan once indexed: ${ms(c.added.scanMs)}`,
      x(c.added.ms / c.added.scanMs),
      verdict(c.added.ms <= TARGET.addMs && c.added.found === 5, `≤ ${TARGET.addMs} ms median`),
      `in the popup page, as Add this page on an open page: content/scan of the article's 10 paragraphs (the page loading), then corpus/import of the article (10 paragraphs of 80 words), then content/scan of one of its paragraphs until it names the article; median of ${c.added.runs} (${c.added.found}/5 found within 30 s)${c.addedUnseen ? `; an article never scanned before, whose scan reads only cold partitions: ${ms(c.addedUnseen.ms)} median of ${c.addedUnseen.runs} (${c.addedUnseen.found}/5 found)` : ''}`,
    ]);
  if (c.page)
    rows.push(
      [
        `(c) Chromium: 100-paragraph page, warm (${N} in the corpus)`,
        ms(c.page.warmMs),
        `the same page first, caches cold: ${ms(c.page.firstMs)}`,
        x(c.page.warmMs / c.page.firstMs),
        verdict(
          c.page.warmMs <= TARGET.pageMs && c.page.foundReal === 5 && c.page.falsePositives === 0,
          `≤ ${TARGET.pageMs} ms, the seeds' 5/5 found, no false alarm`,
        ),
        `one content/scan of 100 paragraphs (10 from the corpus, 5 synthetic and 5 the seeds', among 90 unrelated) from the popup page, median of 15 after the first (the first five: ${ms(c.page.firstFiveMs)}); ${c.page.found}/10 found (${c.page.foundReal}/5 of the seeds'), ${c.page.falsePositives} false positives`,
      ],
      [
        `(c) Chromium: worker memory after the page (${N} in the corpus)`,
        mb(c.page.memory.heap + c.page.memory.buffers),
        c.storage ? `the articles' text: ${mb(c.storage.textBytes)}` : '',
        c.storage ? x((c.page.memory.heap + c.page.memory.buffers) / c.storage.textBytes) : '',
        verdict(c.page.memory.heap + c.page.memory.buffers <= TARGET.heapBytes, '≤ 300 MB'),
        `Runtime.getHeapUsage of the service worker after HeapProfiler.collectGarbage: JavaScript heap ${mb(c.page.memory.heap)} + array buffers ${mb(c.page.memory.buffers)}`,
      ],
    );
  if (c.storage)
    rows.push([
      `(c) Chromium: storage beyond the text, per article (${N} in the corpus)`,
      `${((c.storage.usage - c.storage.textBytes) / c.docs / 1024).toFixed(2)} KB`,
      `the text: ${(c.storage.textBytes / c.docs / 1024).toFixed(2)} KB per article`,
      x(c.storage.usage / c.storage.textBytes),
      verdict((c.storage.usage - c.storage.textBytes) / c.docs <= TARGET.bytesPerArticle, '≤ 2 KB'),
      `navigator.storage.estimate().usage of the extension origin after the import, less the articles as UTF-8 JSON; it counts what LevelDB has not compacted yet, and the documents' furniture and credit facts`,
    ]);
  if (c.coldScan)
    rows.push([
      `(c) Chromium: first scan after the worker stopped (${N} in the corpus)`,
      ms(c.coldScan.ms),
      `worker running: ${ms(c.coldScan.warmMs)}`,
      x(c.coldScan.ms / c.coldScan.warmMs),
      verdict(c.coldScan.ms <= TARGET.coldMs, `≤ ${TARGET.coldMs} ms`),
      `ServiceWorker.stopAllWorkers, then one content/scan of 10 paragraphs (5 from the corpus, 5 unrelated) from the popup page, to its answer; median of ${c.coldScan.runs}; ${c.coldScan.found}/5 found${c.coldScan.mergingAtStart ? '; a merge or cleaning was still under way' : ''}; the first highlight on a page also waits for the content script`,
    ]);
  return rows;
}

function table(rows: Row[]): string {
  const head: Row = ['measure', 'Reprint', 'baseline (same run)', 'ratio', 'target', 'how measured'];
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [head, ['---', '---:', '---:', '---:', '---', '---'] as Row, ...rows].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
}

function summary(
  fp: FingerprintResult,
  index: IndexResult | undefined,
  br: BrowserResult | string | undefined,
  corpus: CorpusResult | string | undefined,
  seconds: number,
) {
  const b = typeof br === 'object' ? br : undefined;
  const c = typeof corpus === 'object' ? corpus : undefined;
  return {
    seconds: round(seconds),
    fingerprint: {
      sampledMBps: round(fp.sampledMBps, 3),
      minhasherMBps: round(fp.minhasherMBps, 3),
      minhashMBps: round(fp.minhashMBps, 3),
      sampledRatio: round(fp.sampledRatio, 2),
      minhasherRatio: round(fp.minhasherRatio, 2),
      target: TARGET.fingerprintRatio,
    },
    index: index && {
      docs: index.docs,
      buildMs: index.buildMs === undefined ? null : round(index.buildMs, 0),
      estimatedBuildMs: index.estimate && index.buildMs === undefined ? round(index.estimate.buildMs, 0) : null,
      bytesPerArticle: index.indexBytes === undefined ? null : round(index.indexBytes / index.docs, 0),
      textBytesPerArticle: index.textBytes === undefined ? null : round(index.textBytes / index.docs, 0),
      pageMs: index.query ? round(index.query.pageMs) : null,
      firstPageMs: index.query ? round(index.query.firstMs) : null,
      estimatedPageMs: index.estimate && !index.query ? round(index.estimate.pageMs, 0) : null,
      copiesFound: index.query ? `${index.query.correctSource}/${index.copies}` : null,
      missed: index.query ? index.query.missed : null,
      falsePositives: index.query ? index.query.falsePositives : null,
      bruteForceMs: index.bruteForce ? round(index.bruteForce.pageMs, 0) : null,
      heapBytes: index.memory ? index.memory.heapUsed + index.memory.arrayBuffers : null,
      probes: index.probes.map((p) => ({ docs: p.docs, buildMs: round(p.buildMs, 0), bytesPerArticle: round(p.bytesPerDoc, 0), pageMs: round(p.pageMs) })),
      skipped: index.skipped ?? null,
    },
    chromium: b && {
      paragraphs: PARAGRAPHS,
      scanMs: b.extension.scanMs === null ? null : round(b.extension.scanMs),
      baselineLoadMs: round(b.baseline.loadMs),
      longestTaskAfterLoadMs: round(b.extension.longestTaskAfterLoadMs),
      longestFrameAfterLoadMs: round(b.extension.longestFrameAfterLoadMs),
      staleBuild: b.staleBuild,
    },
    corpus: c && {
      docs: c.docs,
      importMs: c.importMs,
      complete: c.complete,
      stops: c.stops.length,
      failedPolls: c.failedPolls.length,
      addMs: c.added ? round(c.added.ms) : null,
      addScanMs: c.added ? round(c.added.scanMs) : null,
      addUnseenMs: c.addedUnseen ? round(c.addedUnseen.ms) : null,
      coldScanMs: c.coldScan ? round(c.coldScan.ms) : null,
      pageMs: c.page ? round(c.page.warmMs) : null,
      workerBytes: c.page ? c.page.memory.heap + c.page.memory.buffers : null,
      storageBytes: c.storage ? c.storage.usage : null,
      textBytes: c.storage ? c.storage.textBytes : null,
      warmScanMs: c.coldScan ? round(c.coldScan.warmMs) : null,
    },
    failed: typeof br === 'string' || typeof corpus === 'string' ? [br, corpus].filter((v) => typeof v === 'string') : [],
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
  const failure = (part: string, e: unknown) => {
    const message = `failed: ${((e as Error).message ?? String(e)).split('\n')[0]}`;
    log(`${part}: ${message}`);
    return message;
  };

  log('fingerprint: sampled grams and MinHasher vs the minhash package');
  const fp = benchFingerprint();
  log(
    `fingerprint: ${fp.sampledMBps.toFixed(2)} / ${fp.minhasherMBps.toFixed(2)} vs ${fp.minhashMBps.toFixed(3)} MB/s (${fp.sampledRatio.toFixed(1)}×, ${fp.minhasherRatio.toFixed(1)}×)`,
  );

  // The browser parts run before part (b), so that nothing of ours competes with Chromium for the CPU.
  let br: BrowserResult | string | undefined = 'skipped (--no-browser)';
  let corpus: CorpusResult | string | undefined = 'skipped (--no-browser)';
  if (opts.browser) {
    try {
      br = await benchBrowser({ log, build: opts.build });
    } catch (e) {
      br = failure('browser', e);
    }
    const corpusDeadline = deadline - INDEX_RESERVE_S * 1000;
    log(`corpus: importing ${opts.browserDocs} articles in Chromium, ${((corpusDeadline - Date.now()) / 1000).toFixed(0)} s for it`);
    try {
      corpus = await benchCorpus({ docs: opts.browserDocs, deadline: corpusDeadline, log, keep: opts.profile });
    } catch (e) {
      corpus = failure('corpus', e);
    }
  }

  log(`index: ${opts.docs} synthetic documents, ${((deadline - Date.now()) / 1000).toFixed(0)} s of budget left`);
  const run = await runIndexBenchInWorker({ docs: opts.docs, deadline: deadline - 2000 }, log);
  const indexNote = run.error ? `failed: ${run.error.split('\n')[0]}` : run.stopped ? 'stopped at the budget' : undefined;
  if (indexNote) log(`index: ${indexNote}`);

  const seconds = (Date.now() - start) / 1000;
  console.log(
    table([
      ...fingerprintRows(fp),
      ...indexRows(run.result, indexNote),
      ...browserRows(br),
      ...corpusRows(corpus, run.result, typeof br === 'object' && br.staleBuild),
    ]),
  );
  console.log('');
  console.log(JSON.stringify(summary(fp, run.result, br, corpus, seconds)));
  const browserFailed = opts.browser && (typeof br === 'string' || typeof corpus === 'string');
  return run.error || browserFailed ? 1 : 0;
}

const invoked = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invoked) process.exitCode = await main(process.argv.slice(2));
