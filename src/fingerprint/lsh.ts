import { fmix32 } from './hash';

export interface LshParams {
  bands: number;
  rows: number;
}

/** Probability that two sets of Jaccard s share at least one band. */
export function collisionProbability(s: number, { bands, rows }: LshParams): number {
  return 1 - (1 - s ** rows) ** bands;
}

function integrate(f: (x: number) => number, a: number, b: number, steps = 200): number {
  const h = (b - a) / steps;
  let sum = 0.5 * (f(a) + f(b));
  for (let i = 1; i < steps; i++) sum += f(a + i * h);
  return sum * h;
}

/**
 * Bands × rows for a Jaccard threshold, chosen as datasketch does: minimise
 * the weighted area of false positives below the threshold plus false
 * negatives above it.
 */
export function optimalParams(
  threshold: number,
  numPerm: number,
  fpWeight = 0.5,
  fnWeight = 0.5,
): LshParams & { falsePositive: number; falseNegative: number } {
  let best = { bands: 1, rows: numPerm, falsePositive: 1, falseNegative: 1 };
  let bestError = Infinity;
  for (let bands = 1; bands <= numPerm; bands++) {
    for (let rows = 1; bands * rows <= numPerm; rows++) {
      const p = { bands, rows };
      const fp = integrate((s) => collisionProbability(s, p), 0, threshold);
      const fn = integrate((s) => 1 - collisionProbability(s, p), threshold, 1);
      const error = fpWeight * fp + fnWeight * fn;
      if (error < bestError) {
        bestError = error;
        best = { bands, rows, falsePositive: fp, falseNegative: fn };
      }
    }
  }
  return best;
}

/** One 32-bit key per band: the band's rows hashed together. */
export function bandKeys(sig: Uint32Array, { bands, rows }: LshParams): Uint32Array {
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = b + 1;
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h, 0x01000193) ^ sig[b * rows + r]);
    keys[b] = h;
  }
  return keys;
}

const INDEX_LIMIT = 2 ** 21;

/** One band's buckets as parallel arrays sorted by key: compact, and storable as is. */
export interface BandTable {
  keys: Uint32Array;
  ids: Uint32Array;
}

export interface SerializedLsh {
  params: LshParams;
  bands: BandTable[];
}

/**
 * Banded LSH buckets. Unlike the `minhash` package's index, querying a band
 * nobody has seen is an empty answer, not a TypeError. Each band is a sorted
 * key array searched by bisection, so a 10,000-document corpus stays in
 * typed arrays and a restarted background loads it from IndexedDB as is.
 */
export class LshIndex {
  private constructor(
    readonly params: LshParams,
    readonly bands: BandTable[],
  ) {}

  /** entries[i] holds the band keys of item ids[i]. */
  static build(params: LshParams, ids: ArrayLike<number>, entries: Uint32Array[]): LshIndex {
    const bands: BandTable[] = [];
    const n = entries.length;
    // Key and position packed in one double sort natively and exactly (2^32 · 2^21 < 2^53),
    // many times faster than a comparator; larger tables fall back to one.
    const packed = n < INDEX_LIMIT ? new Float64Array(n) : undefined;
    const order = new Uint32Array(n);
    for (let b = 0; b < params.bands; b++) {
      if (packed) {
        for (let i = 0; i < n; i++) packed[i] = entries[i][b] * INDEX_LIMIT + i;
        packed.sort();
        for (let i = 0; i < n; i++) order[i] = packed[i] % INDEX_LIMIT;
      } else {
        for (let i = 0; i < n; i++) order[i] = i;
        order.sort((x, y) => entries[x][b] - entries[y][b] || x - y);
      }
      const keys = new Uint32Array(n);
      const bandIds = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        keys[i] = entries[order[i]][b];
        bandIds[i] = ids[order[i]];
      }
      bands.push({ keys, ids: bandIds });
    }
    return new LshIndex(params, bands);
  }

  static from({ params, bands }: SerializedLsh): LshIndex {
    return new LshIndex(params, bands);
  }

  serialize(): SerializedLsh {
    return { params: this.params, bands: this.bands };
  }

  query(keys: Uint32Array): Set<number> {
    const found = new Set<number>();
    for (let b = 0; b < this.bands.length; b++) {
      const { keys: sorted, ids } = this.bands[b];
      const key = keys[b];
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sorted.length && sorted[i] === key; i++) found.add(ids[i]);
    }
    return found;
  }
}
