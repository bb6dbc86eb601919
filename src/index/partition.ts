import type { GramPostings } from '../types';
import { docOfPid } from './ids';

/**
 * The posting lists of one segment inside one partition of the gram space.
 *
 * Every segment splits its postings by the top bits of the gram hash, and
 * IndexedDB stores each part under [partition, segment]. A lookup of a gram
 * then reads one key range, [partition, any segment], in one request, however
 * many segments there are: the request count of a page query is the number of
 * partitions its grams touch, not partitions × segments. Measured in headless
 * Chromium: a get costs about 50 µs, so the 600 sampled grams of a first batch
 * of blocks cost some 30 ms cold.
 */
export const PARTITION_BITS = 16;
const LOW_MASK = 2 ** (32 - PARTITION_BITS) - 1;

export const partitionOf = (gram: number): number => gram >>> (32 - PARTITION_BITS);
const lowOf = (gram: number): number => gram & LOW_MASK;

/**
 * A posting list is dropped, keeping only its document count, once its gram
 * is in more documents than this. Such a gram is common (over 1% of the
 * documents, see match/common.ts) in any corpus up to 100,000 documents, so
 * queries skip it anyway; what is dropped could never be read. Past 100,000
 * documents a dropped list could matter again, which the README states.
 */
export const PRUNE_DOCS = 1000;
/** Counts are 16-bit: a longer list is dropped too. */
const MAX_LIST = 0xffff;

export interface PartitionBlock {
  /** Low bits of the grams, sorted and distinct. */
  grams: Uint16Array;
  /** Postings of each gram; 0 when the list was dropped. */
  counts: Uint16Array;
  /** Documents having each gram (clamped at 65,535). */
  docs: Uint16Array;
  /** Paragraph ids, gram by gram, ascending within a gram. */
  pids: Uint32Array;
}


/**
 * Builds blocks from (low gram, pid) pairs packed as low · 2^32 + pid
 * (exact in a double: under 2^48). `extraDocs` adds the document counts of
 * lists dropped in the inputs.
 */
function fromPacked(packed: Float64Array, extraDocs?: Map<number, number>): PartitionBlock {
  packed.sort();
  const grams: number[] = [];
  const counts: number[] = [];
  const docs: number[] = [];
  const pids: number[] = [];
  let i = 0;
  const lows = new Set<number>();
  while (i < packed.length) {
    const low = Math.floor(packed[i] / 2 ** 32);
    let j = i;
    let nDocs = 0;
    let lastDoc = -1;
    while (j < packed.length && Math.floor(packed[j] / 2 ** 32) === low) {
      const d = docOfPid(packed[j] % 2 ** 32);
      if (d !== lastDoc) nDocs++;
      lastDoc = d;
      j++;
    }
    lows.add(low);
    const total = nDocs + (extraDocs?.get(low) ?? 0);
    grams.push(low);
    docs.push(Math.min(total, 0xffff));
    const keep = total <= PRUNE_DOCS && j - i <= MAX_LIST && !extraDocs?.has(low);
    let n = 0;
    if (keep)
      for (let k = i; k < j; k++) {
        if (k > i && packed[k] === packed[k - 1]) continue;
        pids.push(packed[k] % 2 ** 32);
        n++;
      }
    counts.push(n);
    i = j;
  }
  // Grams known only as dropped lists.
  if (extraDocs)
    for (const [low, d] of extraDocs)
      if (!lows.has(low)) {
        grams.push(low);
        docs.push(Math.min(d, 0xffff));
        counts.push(0);
      }
  if (extraDocs && extraDocs.size) return sortBlock(grams, counts, docs, pids);
  return { grams: Uint16Array.from(grams), counts: Uint16Array.from(counts), docs: Uint16Array.from(docs), pids: Uint32Array.from(pids) };
}

/** Re-sorts a block whose dropped-only grams were appended at the end. */
function sortBlock(grams: number[], counts: number[], docs: number[], pids: number[]): PartitionBlock {
  const starts: number[] = [];
  let s = 0;
  for (const c of counts) {
    starts.push(s);
    s += c;
  }
  const order = grams.map((_, i) => i).sort((a, b) => grams[a] - grams[b]);
  const outPids: number[] = [];
  for (const i of order) for (let k = 0; k < counts[i]; k++) outPids.push(pids[starts[i] + k]);
  return {
    grams: Uint16Array.from(order, (i) => grams[i]),
    counts: Uint16Array.from(order, (i) => counts[i]),
    docs: Uint16Array.from(order, (i) => docs[i]),
    pids: Uint32Array.from(outPids),
  };
}

/**
 * Splits postings into partition blocks. `grams[i]` is posted for `pids[i]`;
 * order does not matter and repeats are folded.
 */
export function buildPartitions(grams: ArrayLike<number>, pids: ArrayLike<number>): Map<number, PartitionBlock> {
  const byPartition = new Map<number, number[]>();
  for (let i = 0; i < grams.length; i++) {
    const p = partitionOf(grams[i]);
    let list = byPartition.get(p);
    if (!list) byPartition.set(p, (list = []));
    list.push(lowOf(grams[i]) * 2 ** 32 + pids[i]);
  }
  const out = new Map<number, PartitionBlock>();
  for (const [p, list] of byPartition) out.set(p, fromPacked(Float64Array.from(list)));
  return out;
}

/**
 * Merges blocks of one partition from several segments, leaving out the
 * postings of documents that are gone. Dropped lists stay dropped, with
 * their document counts summed.
 */
export function mergeBlocks(blocks: PartitionBlock[], isLive: (doc: number) => boolean): PartitionBlock {
  const packed: number[] = [];
  const dropped = new Map<number, number>();
  for (const b of blocks) {
    let offset = 0;
    for (let g = 0; g < b.grams.length; g++) {
      const n = b.counts[g];
      if (n === 0) dropped.set(b.grams[g], (dropped.get(b.grams[g]) ?? 0) + b.docs[g]);
      for (let k = offset; k < offset + n; k++) if (isLive(docOfPid(b.pids[k]))) packed.push(b.grams[g] * 2 ** 32 + b.pids[k]);
      offset += n;
    }
  }
  return fromPacked(Float64Array.from(packed), dropped);
}

/** A block with its list offsets, ready for lookups. */
export class BlockReader {
  private readonly starts: Uint32Array;

  constructor(readonly block: PartitionBlock) {
    this.starts = new Uint32Array(block.counts.length + 1);
    for (let i = 0; i < block.counts.length; i++) this.starts[i + 1] = this.starts[i] + block.counts[i];
  }

  /** The gram's postings here, or undefined when the block lacks it. */
  get(gram: number): GramPostings | undefined {
    const low = lowOf(gram);
    const { grams } = this.block;
    let lo = 0;
    let hi = grams.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (grams[mid] < low) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= grams.length || grams[lo] !== low) return undefined;
    return { docs: this.block.docs[lo], pids: this.block.pids.subarray(this.starts[lo], this.starts[lo + 1]) };
  }

  get bytes(): number {
    return this.block.grams.byteLength * 3 + this.block.pids.byteLength;
  }
}
