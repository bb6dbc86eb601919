/**
 * Bench (a): fingerprint throughput on the seeds, in this process, against
 * the `minhash` npm package. All three start from the same text:
 *  - sampled: what the index stores and queries, sampledCharGrams(canonical(text));
 *  - MinHasher: our 128-value one-permutation MinHash over the same grams;
 *  - the package: each distinct canonical 5-gram string through update() on
 *    a Minhash({ n: 128 }), one per paragraph as its API requires.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Minhash } from 'minhash';
import { charGrams, CHAR_GRAM } from '../../src/fingerprint/grams';
import { MinHasher, NUM_PERM } from '../../src/fingerprint/minhash';
import { sampledCharGrams } from '../../src/fingerprint/sample';
import { canonical } from '../../src/text/normalize';
import { SEEDS_DIR } from './corpus';
import { median } from './stats';

export interface FingerprintResult {
  bytes: number;
  paragraphs: number;
  rounds: number;
  sampledMBps: number;
  minhasherMBps: number;
  minhashMBps: number;
  /** Medians over rounds of ours ÷ package, measured back to back in each round. */
  sampledRatio: number;
  minhasherRatio: number;
  /** Where the sampled pass's time goes, as shares (canonical, sampledCharGrams). */
  breakdown: { canonical: number; grams: number };
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

  const sampled = () => {
    for (const t of texts) sink ^= sampledCharGrams(canonical(t)).length;
  };
  const minhasher = () => {
    for (const t of texts) sink ^= hasher.signature(charGrams(canonical(t)))[0];
  };
  const theirs = () => {
    for (const t of texts) {
      const m = new Minhash({ n: NUM_PERM });
      for (const s of shingleStrings(canonical(t))) m.update(s);
      sink ^= m.hashvalues[0];
    }
  };
  const passes = [sampled, minhasher, theirs];

  // Warm up (JIT tiers), then size each sample to about sampleMs.
  for (let i = 0; i < 3; i++) passes.forEach((f) => f());
  const repsFor = (f: () => void) => {
    let reps = 1;
    while (timeReps(reps, f) < sampleMs / 4) reps *= 2;
    return Math.max(1, Math.round((reps * sampleMs) / Math.max(1, timeReps(reps, f))));
  };
  const reps = passes.map(repsFor);

  const rates: number[][] = passes.map(() => []);
  const rate = (i: number) => (reps[i] * bytes) / 1e6 / (timeReps(reps[i], passes[i]) / 1000);
  for (let r = 0; r < rounds; r++)
    // Rotate which goes first, so drift (thermal, other load) hits all alike.
    for (let k = 0; k < passes.length; k++) {
      const i = (k + r) % passes.length;
      rates[i].push(rate(i));
    }
  const ratio = (i: number) => median(rates[i].map((x, r) => x / rates[2][r]));

  // Breakdown of the sampled pass: each stage alone, on precomputed input.
  const canons = texts.map(canonical);
  const stage = (f: () => void) => median([0, 1, 2].map(() => timeReps(reps[0], f)));
  const tCanon = stage(() => texts.forEach((t) => (sink ^= canonical(t).length)));
  const tGrams = stage(() => canons.forEach((c) => (sink ^= sampledCharGrams(c).length)));
  const total = tCanon + tGrams;

  return {
    bytes,
    paragraphs: texts.length,
    rounds,
    sampledMBps: median(rates[0]),
    minhasherMBps: median(rates[1]),
    minhashMBps: median(rates[2]),
    sampledRatio: ratio(0),
    minhasherRatio: ratio(1),
    breakdown: { canonical: tCanon / total, grams: tGrams / total },
  };
}
