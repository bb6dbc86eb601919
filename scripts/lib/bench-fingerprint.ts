/**
 * Bench (a): text → MinHash signature throughput, ours against the
 * `minhash` npm package, on the seeds, in this process. Both start from the
 * same canonical text and the same character 5-grams: ours hashes them to
 * 32 bits (charGrams) and runs MinHasher (128 permutations); the package
 * gets each distinct 5-gram string through update() on a Minhash({ n: 128 }),
 * one per paragraph as its API requires.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Minhash } from 'minhash';
import { charGrams, CHAR_GRAM } from '../../src/fingerprint/grams';
import { MinHasher, NUM_PERM } from '../../src/fingerprint/minhash';
import { canonical } from '../../src/text/normalize';
import { SEEDS_DIR } from './corpus';
import { median } from './stats';

export interface FingerprintResult {
  bytes: number;
  paragraphs: number;
  rounds: number;
  oursMBps: number;
  minhashMBps: number;
  /** Median over rounds of ours ÷ package, each pair measured back to back. */
  ratio: number;
  /** Where our time goes, as shares of one pass (canonical, charGrams, signature). */
  breakdown: { canonical: number; grams: number; signature: number };
}

export function seedParagraphs(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8').split(/\r\n|\r|\n/))
    .map((l) => l.trim())
    .filter(Boolean);
}

function shingleStrings(canon: string): Set<string> {
  if (canon.length <= CHAR_GRAM) return new Set(canon ? [canon] : []);
  const out = new Set<string>();
  for (let i = 0; i + CHAR_GRAM <= canon.length; i++) out.add(canon.slice(i, i + CHAR_GRAM));
  return out;
}

/** Keeps results alive so the JIT cannot drop the work. */
let sink = 0;

function timeReps(reps: number, f: () => void): number {
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) f();
  return performance.now() - t0;
}

export function benchFingerprint({ rounds = 7, sampleMs = 150 } = {}): FingerprintResult {
  const texts = seedParagraphs();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const hasher = new MinHasher(NUM_PERM);

  const ours = () => {
    for (const t of texts) sink ^= hasher.signature(charGrams(canonical(t)))[0];
  };
  const theirs = () => {
    for (const t of texts) {
      const m = new Minhash({ n: NUM_PERM });
      for (const s of shingleStrings(canonical(t))) m.update(s);
      sink ^= m.hashvalues[0];
    }
  };

  // Warm up (JIT tiers), then size each sample to about sampleMs.
  for (let i = 0; i < 3; i++) {
    ours();
    theirs();
  }
  const repsFor = (f: () => void) => {
    let reps = 1;
    while (timeReps(reps, f) < sampleMs / 4) reps *= 2;
    return Math.max(1, Math.round((reps * sampleMs) / Math.max(1, timeReps(reps, f))));
  };
  const oursReps = repsFor(ours);
  const theirsReps = repsFor(theirs);

  const oursMBps: number[] = [];
  const theirsMBps: number[] = [];
  const ratios: number[] = [];
  const rate = (reps: number, t: number) => (reps * bytes) / 1e6 / (t / 1000);
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so drift (thermal, other load) hits both alike.
    let a: number;
    let b: number;
    if (r % 2 === 0) {
      a = rate(oursReps, timeReps(oursReps, ours));
      b = rate(theirsReps, timeReps(theirsReps, theirs));
    } else {
      b = rate(theirsReps, timeReps(theirsReps, theirs));
      a = rate(oursReps, timeReps(oursReps, ours));
    }
    oursMBps.push(a);
    theirsMBps.push(b);
    ratios.push(a / b);
  }

  // Breakdown of our pass: each stage alone, on precomputed input.
  const canons = texts.map(canonical);
  const grams = canons.map((c) => charGrams(c));
  const stage = (f: () => void) => median([0, 1, 2].map(() => timeReps(oursReps, f)));
  const tCanon = stage(() => texts.forEach((t) => (sink ^= canonical(t).length)));
  const tGrams = stage(() => canons.forEach((c) => (sink ^= charGrams(c).length)));
  const tSig = stage(() => grams.forEach((g) => (sink ^= hasher.signature(g)[0])));
  const total = tCanon + tGrams + tSig;

  return {
    bytes,
    paragraphs: texts.length,
    rounds,
    oursMBps: median(oursMBps),
    minhashMBps: median(theirsMBps),
    ratio: median(ratios),
    breakdown: { canonical: tCanon / total, grams: tGrams / total, signature: tSig / total },
  };
}

export const fingerprintSink = () => sink;
