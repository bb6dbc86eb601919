import { COMMON_MAX_DOCS } from '../fingerprint/common';
import type { GramPostings } from '../types';
import { docOfPid } from './ids';

/**
 * A segment's posting lists, split into blocks by the top bits of the gram
 * hash. IndexedDB stores each block under [partition, segment], so a lookup
 * of a gram reads one key range, [partition, any segment], in one request
 * however many segments there are: a page query costs one request per
 * partition its grams touch. Measured in headless Chromium, a get costs
 * about 50 µs: the 600 sampled grams of a first batch of blocks, some 30 ms.
 *
 * A fresh segment (one import step, up to a few hundred articles) is one
 * block: writing thousands of tiny records per article cost 12 ms of
 * IndexedDB time per article. Merged segments are split into FINE_BITS
 * partitions.
 */
export const FINE_BITS = 14;
export const FINE_PARTITIONS = 2 ** FINE_BITS;
/** The key of a whole-segment block: after every fine partition. */
export const WHOLE = FINE_PARTITIONS;

export const partitionOf = (gram: number): number => gram >>> (32 - FINE_BITS);

/**
 * A posting list is dropped, keeping only its document count, once its gram
 * is in more documents than this: such a gram is common in a corpus of any
 * size (fingerprint/common.ts), and stays so as articles are added, so no
 * query could read the list.
 */
export const PRUNE_DOCS = COMMON_MAX_DOCS;
/** Counts are 16-bit: a longer list is dropped too. */
const MAX_LIST = 0xffff;

export interface PartitionBlock {
  /** Gram hashes, sorted and distinct. */
  grams: Uint32Array;
  /** Postings of each gram; 0 when the list was dropped. */
  counts: Uint16Array;
  /** Documents having each gram (clamped at 65,535). */
  docs: Uint16Array;
  /** Paragraph ids, gram by gram, ascending within a gram. */
  pids: Uint32Array;
}

/** Accumulates grams in ascending order, each with its ascending pids. */
class BlockWriter {
  private readonly grams: number[] = [];
  private readonly counts: number[] = [];
  private readonly docs: number[] = [];
  private readonly pids: number[] = [];

  add(gram: number, pids: ArrayLike<number>, extraDocs = 0, dropped = false): void {
    let docs = extraDocs;
    let last = -1;
    for (let i = 0; i < pids.length; i++) {
      const d = docOfPid(pids[i]);
      if (d !== last) docs++;
      last = d;
    }
    if (docs === 0) return;
    const keep = !dropped && docs <= PRUNE_DOCS && pids.length <= MAX_LIST;
    this.grams.push(gram);
    this.docs.push(Math.min(docs, 0xffff));
    this.counts.push(keep ? pids.length : 0);
    if (keep) for (let i = 0; i < pids.length; i++) this.pids.push(pids[i]);
  }

  get size(): number {
    return this.grams.length;
  }

  finish(): PartitionBlock {
    return { grams: Uint32Array.from(this.grams), counts: Uint16Array.from(this.counts), docs: Uint16Array.from(this.docs), pids: Uint32Array.from(this.pids) };
  }
}

/** Most postings sorted in one packed pass (gram · 2^21 + position is exact in a double). */
const PACK = 2 ** 21;

/**
 * One block of postings. `pids` must ascend (documents and paragraphs in
 * order, as ingest appends them); repeats are folded.
 */
export function buildBlock(grams: ArrayLike<number>, pids: ArrayLike<number>): PartitionBlock {
  const n = grams.length;
  let order: ArrayLike<number>;
  if (n < PACK) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = grams[i] * PACK + i;
    packed.sort();
    order = Uint32Array.from(packed, (x) => x % PACK);
  } else order = Array.from({ length: n }, (_, i) => i).sort((a, b) => grams[a] - grams[b] || a - b);
  const out = new BlockWriter();
  const list: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (k > 0 && grams[i] !== grams[order[k - 1]]) {
      out.add(grams[order[k - 1]], list);
      list.length = 0;
    }
    if (list[list.length - 1] !== pids[i]) list.push(pids[i]);
  }
  if (n) out.add(grams[order[n - 1]], list);
  return out.finish();
}

/** Splits a block into fine partitions, in one pass. */
export function splitBlock(block: PartitionBlock): Map<number, PartitionBlock> {
  const out = new Map<number, PartitionBlock>();
  const { grams, counts, docs, pids } = block;
  let lo = 0;
  let pid = 0;
  while (lo < grams.length) {
    const p = partitionOf(grams[lo]);
    let hi = lo;
    let end = pid;
    while (hi < grams.length && partitionOf(grams[hi]) === p) end += counts[hi++];
    out.set(p, { grams: grams.slice(lo, hi), counts: counts.slice(lo, hi), docs: docs.slice(lo, hi), pids: pids.slice(pid, end) });
    lo = hi;
    pid = end;
  }
  return out;
}

/**
 * Merges blocks of adjacent segments, given in segment order (so their
 * pids ascend across them), leaving out the postings of documents that are
 * gone. Dropped lists stay dropped, with their document counts summed.
 */
export function mergeBlocks(blocks: PartitionBlock[], isLive: (doc: number) => boolean): PartitionBlock {
  const heads = blocks.map(() => 0);
  const starts = blocks.map(() => 0);
  const out = new BlockWriter();
  const list: number[] = [];
  for (;;) {
    let gram = Infinity;
    for (let b = 0; b < blocks.length; b++) if (heads[b] < blocks[b].grams.length && blocks[b].grams[heads[b]] < gram) gram = blocks[b].grams[heads[b]];
    if (gram === Infinity) break;
    list.length = 0;
    let droppedDocs = 0;
    let dropped = false;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      const h = heads[b];
      if (h >= block.grams.length || block.grams[h] !== gram) continue;
      const n = block.counts[h];
      if (n === 0) {
        dropped = true;
        droppedDocs += block.docs[h];
      }
      for (let k = starts[b]; k < starts[b] + n; k++) if (isLive(docOfPid(block.pids[k]))) list.push(block.pids[k]);
      starts[b] += n;
      heads[b]++;
    }
    out.add(gram, list, droppedDocs, dropped);
  }
  return out.finish();
}

/** Grams per bucket of a block's directory, on average. */
const BUCKET_GRAMS = 8;

/**
 * A block with its list offsets, ready for lookups. A directory over the
 * bits that follow the block's common prefix (hashes spread evenly) narrows
 * each search to about BUCKET_GRAMS grams. With it, and the lookup's
 * position array reused, 21,700 lookups in one block of 10,000 synthetic
 * articles took 2.3–4.0 ms instead of 5.1–7.5 (Node, same process).
 */
export class BlockReader {
  private readonly starts: Uint32Array;
  private readonly dir: Uint32Array;
  /** Leading bits every gram of the block shares, and the directory's bits after them. */
  private readonly prefix: number;
  private readonly bits: number;

  constructor(readonly block: PartitionBlock) {
    const { grams, counts } = block;
    this.starts = new Uint32Array(counts.length + 1);
    for (let i = 0; i < counts.length; i++) this.starts[i + 1] = this.starts[i] + counts[i];
    const n = grams.length;
    this.prefix = n > 1 ? Math.clz32(grams[0] ^ grams[n - 1]) : 32;
    this.bits = Math.max(0, Math.min(32 - this.prefix, Math.floor(Math.log2(n / BUCKET_GRAMS))));
    this.dir = new Uint32Array((1 << this.bits) + 1);
    for (let i = 0, k = 0; k <= 1 << this.bits; k++) {
      while (i < n && this.bucket(grams[i]) < k) i++;
      this.dir[k] = i;
    }
  }

  private bucket(gram: number): number {
    return this.bits === 0 ? 0 : (gram << this.prefix) >>> (32 - this.bits);
  }

  /** The gram's position in this block, or -1 when the block lacks it. */
  indexOf(gram: number): number {
    const grams = this.block.grams;
    if (grams.length === 0 || gram < grams[0] || gram > grams[grams.length - 1]) return -1;
    const k = this.bucket(gram);
    let lo = this.dir[k];
    let hi = this.dir[k + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (grams[mid] < gram) lo = mid + 1;
      else hi = mid;
    }
    return lo < grams.length && grams[lo] === gram ? lo : -1;
  }

  /** The postings at a position from indexOf. */
  at(i: number): GramPostings {
    return { docs: this.block.docs[i], pids: this.block.pids.subarray(this.starts[i], this.starts[i + 1]) };
  }

  /** The gram's postings here, or undefined when the block lacks it. */
  get(gram: number): GramPostings | undefined {
    const i = this.indexOf(gram);
    return i < 0 ? undefined : this.at(i);
  }

  /** Length of the gram's list at a position from indexOf. */
  lengthAt(i: number): number {
    return this.starts[i + 1] - this.starts[i];
  }

  /** Copies the list at a position from indexOf into `out` at `offset`; a loop costs less than a subarray view to copy from. */
  copyAt(i: number, out: Uint32Array, offset: number): void {
    const pids = this.block.pids;
    for (let k = this.starts[i], o = offset; k < this.starts[i + 1]; k++, o++) out[o] = pids[k];
  }

  get bytes(): number {
    return this.block.grams.byteLength * 2 + this.block.pids.byteLength;
  }
}

// Reused between lookups: a typed array allocated per gram was most of a lookup's own time.
let at = new Int32Array(16);

/**
 * Joined lists are cut from shared buffers: a typed array of its own per
 * joined list, each with its own backing store, cost more than the copy.
 * Looking up 21,700 grams in ten blocks took 71–96 ms before, 28–52 ms with
 * these buffers and copying by loop (Node, same process).
 */
const POOL = 1 << 16;
let pool = new Uint32Array(POOL);
let pooled = 0;

function joined(length: number): Uint32Array {
  if (length > POOL / 8) return new Uint32Array(length);
  if (pooled + length > POOL) {
    pool = new Uint32Array(POOL);
    pooled = 0;
  }
  pooled += length;
  return pool.subarray(pooled - length, pooled);
}

const NO_PIDS = new Uint32Array(0);

/**
 * The postings of a gram across several blocks: document counts summed, pid
 * lists joined with one copy. Joining reader by reader copied each list again
 * for every further block holding the gram: a third of a warm 100-paragraph
 * page's worker time at 10,000 articles (CPU profile, Chromium).
 * A gram in more than `maxDocs` documents comes back with its count and no
 * list: a query skips such grams, and copying their lists was most of the
 * 400,000 pids a grouping step's lookups returned at 10,000 articles.
 */
export function lookup(readers: readonly BlockReader[], gram: number, maxDocs = Infinity): GramPostings | undefined {
  let docs = 0;
  let total = 0;
  let first = -1;
  let hits = 0;
  // Positions per reader, found once: no list is copied until its length is known.
  if (at.length < readers.length) at = new Int32Array(readers.length);
  for (let r = 0; r < readers.length; r++) {
    const i = readers[r].indexOf(gram);
    at[r] = i;
    if (i < 0) continue;
    if (first < 0) first = r;
    hits++;
    docs += readers[r].block.docs[i];
    total += readers[r].lengthAt(i);
  }
  if (first < 0) return undefined;
  if (docs > maxDocs) return { docs, pids: NO_PIDS };
  if (hits === 1) return readers[first].at(at[first]);
  const pids = joined(total);
  let o = 0;
  for (let r = first; r < readers.length; r++) {
    if (at[r] < 0) continue;
    readers[r].copyAt(at[r], pids, o);
    o += readers[r].lengthAt(at[r]);
  }
  return { docs, pids };
}
