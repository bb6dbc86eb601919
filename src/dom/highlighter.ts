import type { BlockMatch } from '../match/matcher';
import { creditTargets, type CreditEvidence } from '../match/credit';
import { Backdrops } from './backdrop';
import { blockRange, type Block } from './blocks';
import { creditEvidence } from './credit';
import { createLayer, type Layer } from './layer';
import type { Markers } from './markers';
import { composedOrder, composedParent } from './shadow';
import type { Tone } from './tone';

export interface Tracked {
  id: number;
  block: Block;
  match: BlockMatch;
  /** Whether the page credits the passage's original, and how (null: no credit found). */
  credited: boolean;
  credit: CreditEvidence | null;
  /** Whether the block sits on a light or a dark page background: its marks and its card are drawn to match. */
  tone: Tone;
}

interface Painted {
  tracked: Tracked;
  /** The copied sentences of a partial copy; none when the whole block is marked. */
  ranges: Range[];
  boxes: HTMLElement[];
  flashing: boolean;
}

/** Below this coverage only the reprinted sentences are painted, not the block. */
const PARTIAL = 0.95;

/**
 * Marks reprinted blocks without touching the page: tinted boxes in a
 * closed shadow root, laid over each block (or, for a partial copy, over
 * its copied sentences). The page's own elements get no attribute, class,
 * style or highlight registry entry, so a page script can read none of it.
 *
 * The layer sits at z-index 0: above the page's flowing text, below the
 * page's own raised layers (sticky headers, menus, dialogs), which then
 * cover the marks as they cover the text.
 */
export class Highlighter {
  private readonly painted = new Map<Element, Painted>();
  private nextId = 1;
  private readonly layer: Layer;
  private readonly marks: HTMLElement;
  private frame = 0;
  private readonly resized = new ResizeObserver(() => this.schedule());
  private readonly onScroll = () => this.schedule();
  private active: Tracked | undefined;
  private readonly roots = new WeakSet<ShadowRoot>();
  private readonly listening = new AbortController();
  private readonly backdrops = new Backdrops();

  /** `markers`: the focusable stand-ins of the blocks, kept over them as they move (src/dom/markers.ts). */
  constructor(
    css: string,
    private readonly markers?: Markers,
  ) {
    this.layer = createLayer(css, 0);
    this.marks = document.createElement('div');
    this.marks.className = 'marks';
    this.layer.root.append(this.marks);
    this.resized.observe(document.documentElement);
    // Scrolling inside a page's own scroll boxes moves blocks against the document.
    addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    addEventListener('resize', this.onScroll, { passive: true });
  }

  get count(): number {
    return this.painted.size;
  }

  /** The highlighted block an element belongs to: the element itself or its nearest highlighted ancestor. */
  find(node: Node | null): Tracked | undefined {
    // Up through shadow roots too: a page's web component may sit inside a highlighted block.
    for (let n: Node | null = node; n; n = composedParent(n)) {
      const p = n.nodeType === 1 ? this.painted.get(n as Element) : undefined;
      if (p) return p.tracked;
    }
    return undefined;
  }

  byId(id: number): Tracked | undefined {
    for (const p of this.painted.values()) if (p.tracked.id === id) return p.tracked;
    return undefined;
  }

  /** Highlighted blocks still in the page, in the order a reader meets them (shadow roots where their hosts are). */
  list(): Tracked[] {
    for (const [el] of this.painted) if (!el.isConnected) this.clear(el);
    return [...this.painted.values()].map((p) => p.tracked).sort((a, b) => composedOrder(a.block.element, b.block.element));
  }

  /**
   * Follows scrolling inside an open shadow root: a scroll event does not
   * leave the tree it happens in, so the window's listener never hears it.
   */
  observeRoot(root: ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    root.addEventListener('scroll', this.onScroll, { capture: true, passive: true, signal: this.listening.signal });
  }

  apply(block: Block, match: BlockMatch | null): void {
    const el = block.element;
    this.clear(el);
    if (!match) return;
    const credit = creditEvidence(el, creditTargets(match));
    const tracked: Tracked = { id: this.nextId++, block, match, credited: credit !== null, credit, tone: this.backdrops.toneAt(el) };
    const ranges = match.coverage < PARTIAL ? match.spans.map((s) => blockRange(block, s.start, s.end)).filter((r): r is Range => r !== null) : [];
    this.painted.set(el, { tracked, ranges, boxes: [], flashing: false });
    this.markers?.add(tracked);
    this.resized.observe(el);
    this.schedule();
  }

  /** The block whose card is open is drawn stronger; undefined for none. */
  setActive(t: Tracked | undefined): void {
    this.active = t;
    this.schedule();
  }

  /** Outlines a block for a moment (the popup's "show me"). */
  flash(t: Tracked, ms: number): void {
    const p = this.painted.get(t.block.element);
    if (!p) return;
    p.flashing = true;
    this.schedule();
    setTimeout(() => {
      p.flashing = false;
      this.schedule();
    }, ms);
  }

  /** Unmarks every block and removes the layer: the page as it was. */
  removeAll(): void {
    for (const el of [...this.painted.keys()]) this.clear(el);
    cancelAnimationFrame(this.frame);
    this.resized.disconnect();
    removeEventListener('scroll', this.onScroll, { capture: true });
    removeEventListener('resize', this.onScroll);
    this.listening.abort();
    this.layer.remove();
  }

  clear(el: Element): void {
    const p = this.painted.get(el);
    if (!p) return;
    this.painted.delete(el);
    this.resized.unobserve(el);
    for (const b of p.boxes) b.remove();
    this.markers?.remove(p.tracked);
  }

  /** Repaints at the next frame, once however many changes come before it. */
  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.paint());
  }

  /** Lays each block's boxes over its current place: all reads first, then all writes. */
  private paint(): void {
    this.frame = 0;
    const origin = this.layer.host.getBoundingClientRect();
    const rects = new Map<Painted, DOMRect[]>();
    for (const [el, p] of this.painted) {
      if (!el.isConnected) continue;
      const all = p.ranges.length ? p.ranges.flatMap((r) => [...r.getClientRects()]) : [el.getBoundingClientRect()];
      rects.set(
        p,
        all.filter((r) => r.width > 0 && r.height > 0),
      );
    }
    for (const [p, list] of rects) {
      while (p.boxes.length > list.length) p.boxes.pop()!.remove();
      while (p.boxes.length < list.length) p.boxes.push(this.marks.appendChild(document.createElement('div')));
      list.forEach((r, i) => {
        const box = p.boxes[i];
        box.className = `mark ${p.ranges.length ? 'span' : 'block'} ${p.tracked.match.kind}${p.tracked.tone === 'dark' ? ' on-dark' : ''}${this.active === p.tracked ? ' active' : ''}${p.flashing ? ' flash' : ''}`;
        box.style.transform = `translate(${r.left - origin.left}px, ${r.top - origin.top}px)`;
        box.style.width = `${r.width}px`;
        box.style.height = `${r.height}px`;
      });
      this.markers?.place(p.tracked, list, origin);
    }
  }
}
