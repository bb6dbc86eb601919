/**
 * Bench (b): indexing and querying a synthetic 10,000-document corpus with
 * buildCorpusData and CorpusMatcher. Runs in a worker thread of the bench's
 * process (runLshBenchInWorker) so that a build that would take far longer
 * than the bench's budget can be stopped: a synchronous build cannot be
 * interrupted on the thread that runs it. The worker posts each result as
 * soon as it has it, so whatever finished before a stop is still reported.
 *
 * Baselines, in the same process on the same page:
 *  - signatures: the page's unitKeys alone (what any LSH query must pay);
 *  - brute force: exact 5-gram overlap of each page paragraph with every
 *    corpus paragraph (no index, no sentence windows), timed on a sample
 *    and scaled to the whole corpus.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { CorpusDocument } from '../../src/corpus/document';
import { CommonGrams } from '../../src/fingerprint/common';
import { charGrams } from '../../src/fingerprint/grams';
import { buildCorpusData, CorpusMatcher, type CorpusData } from '../../src/match/corpus';
import { overlap } from '../../src/match/align';
import { unitKeys } from '../../src/match/fingerprint';
import { sentenceGrams } from '../../src/match/windows';
import { canonical } from '../../src/text/normalize';
import { median, retainedBytes } from './stats';
import { syntheticCorpus, TextGenerator, WORDS } from './synth';

export interface ProbeResult {
  docs: number;
  buildMs: number;
  /** Bytes of the LSH band tables (exact; the bulk of the data, and linear in the corpus). */
  lshBytes: number;
  pageMs: number;
  candidatesPerParagraph: number;
}

export interface LshResult {
  docs: number;
  paragraphs: number;
  pageParagraphs: number;
  copies: number;
  generateMs?: number;
  probes: ProbeResult[];
  /** From the last two probes: build time ∝ docs^buildExponent; page query time linear in docs. */
  estimate?: { buildExponent: number; buildMs: number; queryMsPerDoc: number; pageMs: number };
  /** Why the full-size build was not attempted or did not finish. */
  skipped?: string;
  buildMs?: number;
  memory?: { heapBytes: number; arrayBufferBytes: number; lshBytes: number };
  query?: {
    runs: number;
    /** Paragraphs timed per run (fewer than the page when the deadline cut a run short). */
    paragraphsTimed: number;
    pageMs: number;
    candidatesPerParagraph: number;
    found: number;
    correctSource: number;
    falsePositives: number;
  };
  signaturesMs?: number;
  bruteForce?: { sample: number; paragraphs: number; pageMs: number; hits: number };
}

type Message = { type: 'progress'; text: string } | { type: 'result'; result: LshResult } | { type: 'done' };

const PAGE_PARAGRAPHS = 100;
/** The signatures baseline runs before any index exists: it hashes every gram. */
const NO_COMMON_GRAMS = new CommonGrams(new Uint32Array(0));
const VERBATIM_COPIES = 6;
const EDITED_COPIES = 4;

/** A 100-paragraph page: unrelated paragraphs, and a few copied (some lightly edited) from the corpus. */
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

function post(m: Message) {
  parentPort?.postMessage(m);
}

const progress = (text: string) => post({ type: 'progress', text });

function lshBytes(data: CorpusData): number {
  return data.lsh.bands.reduce((n, b) => n + b.keys.byteLength + b.ids.byteLength, 0);
}

/** Times the page on a corpus, a fresh matcher (cold window cache) per run, stopping at the deadline. */
function queryRuns(data: CorpusData, page: string[], deadline: number, maxRuns: number) {
  const times: number[] = [];
  let paragraphsTimed = page.length;
  let results: ReturnType<CorpusMatcher['match']>[] = [];
  for (let r = 0; r < maxRuns; r++) {
    const matcher = new CorpusMatcher(data);
    const out: typeof results = [];
    const t0 = performance.now();
    for (const text of page) {
      out.push(matcher.match(text));
      if (Date.now() > deadline && out.length < page.length) break;
    }
    const t = performance.now() - t0;
    if (out.length < page.length) {
      // Cut short: scale the paragraphs done to the page, once, and stop.
      if (times.length === 0) {
        times.push((t * page.length) / out.length);
        paragraphsTimed = out.length;
        results = out;
      }
      break;
    }
    times.push(t);
    results = out;
    // Stop early when another run would not fit.
    if (Date.now() + t * 1.2 > deadline) break;
  }
  return { pageMs: median(times), runs: times.length, paragraphsTimed, results };
}

function candidatesPerParagraph(data: CorpusData, page: string[]): number {
  const m = new CorpusMatcher(data);
  return page.reduce((n, t) => n + m.candidates(sentenceGrams(t)).length, 0) / page.length;
}

export function runLshBench({ docs: N, deadline, probeSizes = [100, 200, 400] }: { docs: number; deadline: number; probeSizes?: number[] }) {
  const result: LshResult = {
    docs: N,
    paragraphs: 0,
    pageParagraphs: PAGE_PARAGRAPHS,
    copies: VERBATIM_COPIES + EDITED_COPIES,
    probes: [],
  };
  const publish = () => post({ type: 'result', result });

  // Probes: small corpora, to see how build and query scale before committing to the full size.
  const probePage = syntheticPage(syntheticCorpus(probeSizes[0], 0x9e0b)).texts;
  for (const n of probeSizes.filter((s) => s < N)) {
    const last = result.probes.at(-1);
    if (last) {
      // Skip a probe that would eat more than half of what is left (quadratic guess).
      const predicted = (last.buildMs + last.pageMs) * (n / last.docs) ** 2;
      const left = deadline - Date.now();
      if (predicted > left / 2 || predicted > left - 20_000) break;
    }
    const corpus = syntheticCorpus(n, 0x9e0b);
    const t0 = performance.now();
    const data = buildCorpusData(corpus);
    const buildMs = performance.now() - t0;
    const q = queryRuns(data, probePage, deadline, 1);
    result.probes.push({ docs: n, buildMs, lshBytes: lshBytes(data), pageMs: q.pageMs, candidatesPerParagraph: candidatesPerParagraph(data, probePage) });
    progress(`lsh: probe ${n} docs: build ${buildMs.toFixed(0)} ms, page ${q.pageMs.toFixed(0)} ms`);
    publish();
  }
  if (result.probes.length >= 2) {
    const [a, b] = result.probes.slice(-2);
    // Build: power law (grouping versions makes it superlinear). Query: fixed
    // cost plus a cost per candidate, and candidates grow with the corpus: linear.
    const buildExponent = Math.log(b.buildMs / a.buildMs) / Math.log(b.docs / a.docs);
    const perDoc = Math.max(0, (b.pageMs - a.pageMs) / (b.docs - a.docs));
    result.estimate = { buildExponent, buildMs: b.buildMs * (N / b.docs) ** buildExponent, queryMsPerDoc: perDoc, pageMs: b.pageMs + perDoc * (N - b.docs) };
    publish();
  }

  let t0 = performance.now();
  const corpus = syntheticCorpus(N);
  result.generateMs = performance.now() - t0;
  const page = syntheticPage(corpus);
  publish();

  // Baseline 1: the page's signatures and band keys alone.
  const sigTimes: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (const text of page.texts) unitKeys(sentenceGrams(text), NO_COMMON_GRAMS);
    sigTimes.push(performance.now() - t);
  }
  result.signaturesMs = median(sigTimes);

  // Baseline 2: brute force over a sample of the corpus's paragraphs, scaled to all of them.
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

  progress(`lsh: building ${N} documents (${(left / 1000).toFixed(0)} s of budget left)`);
  const before = retainedBytes();
  t0 = performance.now();
  const data = buildCorpusData(corpus);
  result.buildMs = performance.now() - t0;
  const after = retainedBytes();
  result.paragraphs = data.paragraphs.length;
  result.memory = { heapBytes: after.heap - before.heap, arrayBufferBytes: after.arrayBuffers - before.arrayBuffers, lshBytes: lshBytes(data) };
  progress(`lsh: built in ${result.buildMs.toFixed(0)} ms`);
  publish();

  progress('lsh: querying the page');
  const q = queryRuns(data, page.texts, deadline, 5);
  let found = 0;
  let correctSource = 0;
  let falsePositives = 0;
  q.results.forEach((m, i) => {
    const want = page.expected[i];
    if (want && m) found++;
    if (want && m?.source === want) correctSource++;
    if (!want && m) falsePositives++;
  });
  result.query = {
    runs: q.runs,
    paragraphsTimed: q.paragraphsTimed,
    pageMs: q.pageMs,
    candidatesPerParagraph: candidatesPerParagraph(data, page.texts),
    found,
    correctSource,
    falsePositives,
  };
  publish();
}

/**
 * Runs runLshBench on a worker thread of this process; resolves with the
 * last result it posted, stopping the worker at `deadline` if needed.
 */
export function runLshBenchInWorker(opts: { docs: number; deadline: number }, onProgress: (s: string) => void): Promise<{ result: LshResult | undefined; stopped: boolean; error?: string }> {
  const self = import.meta.url;
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`;
  // The worker's own deadline comes a little earlier, so it can post what it has.
  const worker = new Worker(code, { eval: true, execArgv: [], workerData: { lshBench: { ...opts, deadline: opts.deadline - 3000 } } });
  let result: LshResult | undefined;
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
      else finish(false);
    });
    worker.on('error', (e: Error) => finish(false, String(e?.stack ?? e)));
    worker.on('exit', () => finish(false));
  });
}

if (!isMainThread && workerData?.lshBench) {
  try {
    runLshBench(workerData.lshBench);
  } finally {
    post({ type: 'done' });
  }
}
