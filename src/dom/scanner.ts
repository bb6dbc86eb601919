import { MAX_BLOCK_CHARS } from '../match/limits';
import type { BlockMatch } from '../match/matcher';
import { candidateElements, enclosingBlock, isCandidate, paragraphOf, type Block } from './blocks';
import { inSlices } from './schedule';
import { openShadowRoots } from './shadow';

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
 * Blocks inside the page's open shadow roots are read too; each root found
 * is handed to `foundRoot`, so the watcher can follow changes inside it.
 */
export class PageScanner {
  private readonly seen = new WeakMap<Element, string>();
  /** Blocks skipped because a reader cannot see them (or they sit in furniture): a reveal reads them again. */
  private readonly unseen = new WeakSet<Element>();
  /** Blocks highlighted now: a reveal checks whether they are still shown. */
  private readonly matched = new WeakSet<Element>();
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  scanned = 0;
  /** Characters of text in the blocks scanned, as they now read. */
  scannedChars = 0;

  constructor(
    private readonly match: MatchFn,
    private readonly apply: (block: Block, match: BlockMatch | null) => void,
    private readonly afterPass: (scanned: number) => void,
    private readonly foundRoot: (root: ShadowRoot) => void = () => undefined,
  ) {}

  /**
   * Scans under the given roots; passes run one after another. Under
   * `revealed` roots (their style, class, hidden or open state changed) the
   * text is as it was, only what a reader sees may not be: those passes read
   * again only the blocks that were skipped as unseen or are highlighted,
   * and the block around each root, whose inline text a root may be part of.
   */
  scan(roots: ParentNode[], revealed: ParentNode[] = []): Promise<void> {
    if (this.stopped) return this.queue;
    this.queue = this.queue.then(() => this.pass(roots, revealed)).catch((e) => console.warn('Reprint: scan failed', e));
    return this.queue;
  }

  private async pass(roots: ParentNode[], revealed: ParentNode[]): Promise<void> {
    const changed = new Set<Element>();
    const shown = new Set<Element>();
    const collect = async (r: ParentNode, into: Set<Element>) => {
      for (const el of candidateElements(r)) into.add(el);
      for (const shadow of await openShadowRoots(r)) {
        this.foundRoot(shadow);
        for (const el of candidateElements(shadow)) into.add(el);
      }
    };
    for (const r of roots) await collect(r, changed);
    for (const r of revealed) {
      await collect(r, shown);
      const around = enclosingBlock(r);
      if (around) changed.add(around);
    }
    for (const el of shown) if (changed.has(el) || (this.seen.has(el) && !this.unseen.has(el) && !this.matched.has(el))) shown.delete(el);
    let batch: Block[] = [];
    let limit = FIRST_BATCH;
    const flushes: Promise<void>[] = [];
    await inSlices([...changed, ...shown], (el) => {
      if (this.stopped || !el.isConnected) return;
      const candidate = isCandidate(el);
      if (candidate) this.unseen.delete(el);
      else this.unseen.add(el);
      const block = candidate ? paragraphOf(el) : null;
      const text = block?.text ?? '';
      const before = this.seen.get(el);
      if (before === text) return;
      this.scannedChars += text.length - (before?.length ?? 0);
      this.seen.set(el, text);
      if (!block) {
        this.matched.delete(el);
        return this.apply({ element: el, text, linkChars: 0, pieces: [] }, null);
      }
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
      if (this.stopped) return;
      if (results[i]) this.matched.add(blocks[i].element);
      else this.matched.delete(blocks[i].element);
      this.apply(blocks[i], results[i] ?? null);
    });
    this.scanned += blocks.length;
  }
}
