/**
 * Bench (b): the corpus index in memory (MemoryIndex: sampled-gram posting
 * blocks, furniture counts and version grouping, as the extension's
 * IndexedDB index holds them) over a synthetic corpus. Runs in a worker
 * thread of the bench's process (runIndexBenchInWorker), so that a build
 * that would take far longer than the budget can be stopped; the worker
 * posts each result as soon as it has it, so whatever finished before a
 * stop is still reported.
 *
 * Baseline, in the same process on the same page: exact brute force, the
 * 5-gram overlap of each page paragraph with every corpus paragraph (no
 * index, no sentence windows), timed on a sample and scaled to the corpus.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { charGrams } from '../../src/fingerprint/grams';
import { MemoryIndex } from '../../src/index/memory';
import { overlap } from '../../src/match/align';
import { canonical } from '../../src/text/normalize';
import type { CorpusDocument } from '../../src/types';
import { collectGarbage, median } from './stats';
import { syntheticCorpus, TextGenerator, WORDS } from './synth';

export interface ProbeResult {
  docs: number;
  buildMs: number;
  bytesPerDoc: number;
  /** Warm 100-paragraph page. */
  pageMs: number;
}

export interface IndexResult {
  docs: number;
  paragraphs: number;
  pageParagraphs: number;
  copies: number;
  probes: ProbeResult[];
  /** From the last two probes: build ∝ docs^buildExponent, page query linear in docs, bytes per document as at the last probe. */
  estimate?: { buildExponent: number; buildMs: number; pageMs: number };
  /** Why the full-size build was not attempted or did not finish. */
  skipped?: string;
  buildMs?: number;
  /** Σ BlockReader.bytes, and the corpus text (UTF-8) for scale. */
  indexBytes?: number;
  textBytes?: number;
  query?: {
    runs: number;
    /** First page on a fresh index (empty caches), then the warm median. */
    firstMs: number;
    pageMs: number;
    found: number;
    correctSource: number;
    /** Copies not found with the right source, by kind. */
    missed: { verbatim: number; edited: number };
    falsePositives: number;
  };
  /** process.memoryUsage() of the worker thread after the queries and a full GC: the index and the corpus text it holds. */
  memory?: { heapUsed: number; arrayBuffers: number };
  bruteForce?: { sample: number; paragraphs: number; pageMs: number; hits: number };
}

type Message = { type: 'progress'; text: string } | { type: 'result'; result: IndexResult } | { type: 'done'; error?: string };

const PAGE_PARAGRAPHS = 100;
const VERBATIM_COPIES = 6;
const EDITED_COPIES = 4;
/** As many as the extension's page (bench-corpus.ts): the median of 7 gave 35.7 and 51.4 ms in two runs of one build. */
const WARM_RUNS = 15;

/** A 100-paragraph page: unrelated paragraphs, and 10 copied (4 lightly edited) from the corpus. */
export function syntheticPage(docs: CorpusDocument[]): { texts: string[]; expected: Array<string | null> } {
  const gen = new TextGenerator(0xbe9c4);
  const texts: string[] = [];
  const expected: Array<string | null> = [];
  for (let i = 0; i < PAGE_PARAGRAPHS; i++) {
    texts.push(gen.paragraph(gen.topic(), 60));
    expected.push(null);
  }
  const copies = VERBATIM_COPIES + EDITED_COPIES;
  for (let c = 0; c < copies; c++) {
    const doc = docs[Math.floor(((c + 0.5) * docs.length) / copies)];
    const source = doc.paragraphs[c % doc.paragraphs.length];
    let text = source;
    if (c >= VERBATIM_COPIES) {
      // Light edit: three words swapped for others.
      const ws = source.split(' ');
      for (let k = 0; k < 3; k++) ws[5 + k * 13] = WORDS[(c * 31 + k * 7) % WORDS.length];
      text = ws.join(' ');
    }
    const at = 5 + c * 9;
    texts[at] = text;
    expected[at] = doc.id;
  }
  return { texts, expected };
}

const post = (m: Message) => parentPort?.postMessage(m);
const progress = (text: string) => post({ type: 'progress', text });

async function build(corpus: CorpusDocument[]): Promise<{ index: MemoryIndex; ms: number }> {
  const t0 = performance.now();
  const index = await MemoryIndex.of(corpus);
  return { index, ms: performance.now() - t0 };
}

/** The page on a fresh index (first run), then warm runs while the deadline allows. */
async function queryRuns(index: MemoryIndex, page: string[], deadline: number, runs: number) {
  let t0 = performance.now();
  let results = await index.matcher.match(page);
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  for (let r = 0; r < runs && Date.now() + (times.at(-1) ?? firstMs) < deadline; r++) {
    t0 = performance.now();
    results = await index.matcher.match(page);
    times.push(performance.now() - t0);
  }
  return { firstMs, pageMs: times.length ? median(times) : firstMs, runs: times.length, results };
}

export async function runIndexBench({ docs: N, deadline, probeSizes = [500, 1000, 2000, 10_000] }: { docs: number; deadline: number; probeSizes?: number[] }) {
  const result: IndexResult = { docs: N, paragraphs: 0, pageParagraphs: PAGE_PARAGRAPHS, copies: VERBATIM_COPIES + EDITED_COPIES, probes: [] };
  const publish = () => post({ type: 'result', result });

  // Probes: small corpora, to see how build and query scale before committing to the full size.
  for (const n of probeSizes.filter((s) => s < N)) {
    const last = result.probes.at(-1);
    const before = result.probes.at(-2);
    // Skip a probe that would eat more than a third of what is left (power law of the last two probes, or quadratic).
    const exponent = last && before ? Math.log(last.buildMs / before.buildMs) / Math.log(last.docs / before.docs) : 2;
    if (last && last.buildMs * (n / last.docs) ** exponent > (deadline - Date.now()) / 3) break;
    const corpus = syntheticCorpus(n, 0x9e0b);
    const { index, ms } = await build(corpus);
    const q = await queryRuns(index, syntheticPage(corpus).texts, deadline, 3);
    result.probes.push({ docs: n, buildMs: ms, bytesPerDoc: index.indexBytes / n, pageMs: q.pageMs });
    progress(`index: probe ${n} docs: build ${ms.toFixed(0)} ms, ${(index.indexBytes / n).toFixed(0)} bytes/doc, page ${q.pageMs.toFixed(0)} ms`);
    publish();
  }
  if (result.probes.length >= 2) {
    const [a, b] = result.probes.slice(-2);
    const buildExponent = Math.log(b.buildMs / a.buildMs) / Math.log(b.docs / a.docs);
    const perDoc = Math.max(0, (b.pageMs - a.pageMs) / (b.docs - a.docs));
    result.estimate = { buildExponent, buildMs: b.buildMs * (N / b.docs) ** buildExponent, pageMs: b.pageMs + perDoc * (N - b.docs) };
    publish();
  }

  const corpus = syntheticCorpus(N);
  const page = syntheticPage(corpus);
  result.paragraphs = corpus.reduce((n, d) => n + d.paragraphs.length, 0);
  result.textBytes = corpus.reduce((n, d) => n + d.paragraphs.reduce((m, p) => m + Buffer.byteLength(p), 0), 0);

  // Baseline: brute force over a sample of the corpus's paragraphs, scaled to all of them.
  const all = corpus.flatMap((d) => d.paragraphs);
  const sampleSize = Math.min(all.length, 4000);
  const step = all.length / sampleSize;
  const sample = Array.from({ length: sampleSize }, (_, i) => charGrams(canonical(all[Math.floor(i * step)])));
  const bruteTimes: number[] = [];
  let hits = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (const text of page.texts) {
      const g = charGrams(canonical(text));
      for (const s of sample) if (overlap(g, s) >= 0.45) hits++;
    }
    bruteTimes.push(((performance.now() - t) * all.length) / sampleSize);
  }
  result.bruteForce = { sample: sampleSize, paragraphs: all.length, pageMs: median(bruteTimes), hits };
  publish();

  const left = deadline - Date.now();
  if (result.estimate && result.estimate.buildMs > left * 1.5) {
    result.skipped = `estimated at ${(result.estimate.buildMs / 1000).toFixed(0)} s from the probes, with ${(left / 1000).toFixed(0)} s of budget left`;
    publish();
    return;
  }

  progress(`index: building ${N} documents (${(left / 1000).toFixed(0)} s of budget left)`);
  const { index, ms } = await build(corpus);
  result.buildMs = ms;
  progress(`index: built in ${ms.toFixed(0)} ms`);
  publish();

  const q = await queryRuns(index, page.texts, deadline, WARM_RUNS);
  let found = 0;
  let correctSource = 0;
  let falsePositives = 0;
  const missed = { verbatim: 0, edited: 0 };
  let copy = 0;
  q.results.forEach((m, i) => {
    const want = page.expected[i];
    if (want && m) found++;
    if (want && m?.source === want) correctSource++;
    else if (want) missed[copy < VERBATIM_COPIES ? 'verbatim' : 'edited']++;
    if (want) copy++;
    if (!want && m) falsePositives++;
  });
  result.query = { runs: q.runs, firstMs: q.firstMs, pageMs: q.pageMs, found, correctSource, missed, falsePositives };
  collectGarbage();
  collectGarbage();
  const mem = process.memoryUsage();
  result.memory = { heapUsed: mem.heapUsed, arrayBuffers: mem.arrayBuffers };
  // Read after the measurement, which keeps the index alive through it.
  result.indexBytes = index.indexBytes;
  publish();
}

/**
 * Runs runIndexBench on a worker thread of this process; resolves with the
 * last result it posted, stopping the worker at `deadline` if needed.
 */
export function runIndexBenchInWorker(
  opts: { docs: number; deadline: number },
  onProgress: (s: string) => void,
): Promise<{ result: IndexResult | undefined; stopped: boolean; error?: string }> {
  const self = import.meta.url;
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`;
  // The worker's own deadline comes a little earlier, so it can post what it has.
  const worker = new Worker(code, {
    eval: true,
    execArgv: [],
    workerData: { indexBench: { ...opts, deadline: opts.deadline - 3000 } },
    resourceLimits: { maxOldGenerationSizeMb: 12_288 },
  });
  let result: IndexResult | undefined;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (stopped: boolean, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ result, stopped, error });
    };
    const timer = setTimeout(() => finish(true), Math.max(0, opts.deadline - Date.now()));
    worker.on('message', (m: Message) => {
      if (m.type === 'progress') onProgress(m.text);
      else if (m.type === 'result') result = structuredClone(m.result);
      else finish(false, m.error);
    });
    worker.on('error', (e: Error) => finish(false, String(e?.stack ?? e)));
    worker.on('exit', () => finish(false));
  });
}

if (!isMainThread && workerData?.indexBench)
  runIndexBench(workerData.indexBench).then(
    () => post({ type: 'done' }),
    (e: Error) => post({ type: 'done', error: String(e?.stack ?? e) }),
  );
