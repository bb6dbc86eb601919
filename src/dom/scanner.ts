import { MAX_BLOCK_CHARS, type BlockMatch } from '../match/matcher';
import { candidateElements, extractBlock, type Block } from './blocks';
import { inSlices } from './schedule';

/** Blocks per request to the background: small enough to answer quickly. */
const BATCH = 150;
/**
 * The first request of a pass is smaller: a worker that was stopped reads
 * the index partitions a request's grams fall in, about one read per
 * sampled gram, so the first highlight comes after a few dozen reads
 * instead of thousands.
 */
const FIRST_BATCH = 12;

export type MatchFn = (texts: string[]) => Promise<Array<BlockMatch | null>>;

/**
 * Reads the page's blocks in time slices, sends new or changed ones to the
 * background for matching, and hands answers to `apply`. Remembers each
 * element's last text so re-scans after mutations only send what changed.
 */
export class PageScanner {
  private readonly seen = new WeakMap<Element, string>();
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  scanned = 0;
  /** Characters of text in the blocks scanned, as they now read. */
  scannedChars = 0;

  constructor(
    private readonly match: MatchFn,
    private readonly apply: (block: Block, match: BlockMatch | null) => void,
    private readonly afterPass: (scanned: number) => void,
  ) {}

  /** Scans under the given roots; passes run one after another. */
  scan(roots: ParentNode[]): Promise<void> {
    if (this.stopped) return this.queue;
    this.queue = this.queue.then(() => this.pass(roots)).catch((e) => console.warn('Reprint: scan failed', e));
    return this.queue;
  }

  private async pass(roots: ParentNode[]): Promise<void> {
    const elements = new Set<Element>();
    for (const r of roots) for (const el of candidateElements(r)) elements.add(el);
    let batch: Block[] = [];
    let limit = FIRST_BATCH;
    const flushes: Promise<void>[] = [];
    await inSlices(elements, (el) => {
      if (this.stopped || !el.isConnected) return;
      const block = extractBlock(el);
      const text = block?.text ?? '';
      const before = this.seen.get(el);
      if (before === text) return;
      this.scannedChars += text.length - (before?.length ?? 0);
      this.seen.set(el, text);
      if (!block) return this.apply({ element: el, text, linkChars: 0, pieces: [] }, null);
      batch.push(block);
      if (batch.length >= limit) {
        flushes.push(this.send(batch));
        batch = [];
        limit = BATCH;
      }
    });
    if (batch.length) flushes.push(this.send(batch));
    await Promise.all(flushes);
    if (!this.stopped) this.afterPass(this.scanned);
  }

  /** No more passes, and answers still on their way are dropped. */
  stop(): void {
    this.stopped = true;
  }

  private async send(blocks: Block[]): Promise<void> {
    // Matching reads a block's first MAX_BLOCK_CHARS characters; one more tells it the block was longer.
    // A 150 KB block is not copied across to the worker for nothing.
    const results = await this.match(blocks.map((b) => (b.text.length > MAX_BLOCK_CHARS ? b.text.slice(0, MAX_BLOCK_CHARS + 1) : b.text)));
    await inSlices(blocks.keys(), (i) => {
      if (!this.stopped) this.apply(blocks[i], results[i] ?? null);
    });
    this.scanned += blocks.length;
  }
}
