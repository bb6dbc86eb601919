import type { Tracked } from './highlighter';
import { composedOrder } from './shadow';

/** What the UI gives the markers: their words, and what focus and activation do. */
export interface MarkerHandlers {
  /** The marker's accessible name (kind, source, similarity), in the UI's words: this layer has none. */
  describe(t: Tracked): string;
  /** The marker took focus (by Tab, or by the next/previous shortcut). */
  focus(t: Tracked, marker: HTMLElement): void;
  /** Enter or Space on the marker. */
  activate(t: Tracked, marker: HTMLElement): void;
  /** The focused marker went with its block's highlight (its text changed and no longer matches). */
  lost(t: Tracked): void;
}

/**
 * A focusable stand-in for each highlighted block, so a keyboard or
 * screen-reader user can reach and hear a highlight: a transparent button
 * laid over the block, in the closed shadow root of Reprint's UI layer
 * (the page gets nothing it could read). It takes no pointer events, so the
 * page under it reads, selects and clicks as before, and it is positioned,
 * not flowed, so the page's layout does not move. The markers sit in the
 * order a reader meets their blocks, so Tab walks them in reading order.
 *
 * In the UI layer rather than the marks layer: the tooltip is drawn in the
 * same root, right after the focused marker, so Tab goes from a marker into
 * its tooltip and on to the next marker with no key handling of ours; and a
 * focus ring is not covered by a page's sticky header.
 */
export class Markers {
  private readonly container: HTMLElement;
  /** Tracked blocks in reading order, with their markers. */
  private readonly order: Tracked[] = [];
  private readonly buttons = new Map<Tracked, HTMLButtonElement>();
  private readonly owners = new WeakMap<Element, Tracked>();
  /** The block whose focused marker was just removed, and then its new marker, which takes focus once placed. */
  private refocus?: Element;
  private focusOnPlace?: HTMLButtonElement;

  constructor(
    root: ShadowRoot,
    private readonly on: MarkerHandlers,
  ) {
    this.container = document.createElement('div');
    this.container.className = 'markers';
    root.append(this.container);
  }

  add(t: Tracked): void {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'marker';
    b.hidden = true;
    b.setAttribute('aria-label', this.on.describe(t));
    b.setAttribute('aria-haspopup', 'dialog');
    // Focus events a script causes are trusted too, but no page script can reach a closed root's button.
    b.addEventListener('focus', (e) => e.isTrusted && this.on.focus(t, b));
    b.addEventListener('click', (e) => e.isTrusted && this.on.activate(t, b));
    // Binary search for its place in reading order: a page may hold hundreds of highlights.
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (composedOrder(this.order[mid].block.element, t.block.element) < 0) lo = mid + 1;
      else hi = mid;
    }
    const next = this.order[lo];
    this.order.splice(lo, 0, t);
    this.buttons.set(t, b);
    this.owners.set(b, t);
    if (next) this.buttons.get(next)!.before(b);
    else this.container.append(b);
    if (this.refocus === t.block.element) this.focusOnPlace = b;
    this.refocus = undefined;
  }

  remove(t: Tracked): void {
    const b = this.buttons.get(t);
    if (!b) return;
    this.buttons.delete(t);
    this.order.splice(this.order.indexOf(t), 1);
    // A block whose text changes is highlighted anew, with a new marker: focus must not fall to <body> meanwhile.
    const focused = (this.container.getRootNode() as ShadowRoot).activeElement === b;
    b.remove();
    if (!focused) return;
    this.refocus = t.block.element;
    // Re-highlighting adds the new marker in the same task; no new marker by then, and the highlight is gone.
    queueMicrotask(() => {
      if (this.refocus !== t.block.element) return;
      this.refocus = undefined;
      this.on.lost(t);
    });
  }

  /**
   * Lays the marker over its block's painted boxes (their union), in the
   * layer's coordinates; a block with no box (hidden) gets no marker, so
   * Tab skips it. `origin`: the marks layer's host box, which is the UI
   * layer's too: both hosts sit at the document's corner (src/dom/layer.ts).
   */
  place(t: Tracked, rects: DOMRect[], origin: DOMRect): void {
    const b = this.buttons.get(t);
    if (!b) return;
    b.hidden = rects.length === 0;
    if (b.hidden) return;
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    b.style.transform = `translate(${left - origin.left}px, ${top - origin.top}px)`;
    b.style.width = `${right - left}px`;
    b.style.height = `${bottom - top}px`;
    if (this.focusOnPlace === b) {
      this.focusOnPlace = undefined;
      b.focus({ preventScroll: true });
    }
  }

  /** The marker of a block, if it has one on the page now. */
  of(t: Tracked): HTMLButtonElement | undefined {
    const b = this.buttons.get(t);
    return b && !b.hidden ? b : undefined;
  }

  /** The block a marker stands for. */
  owner(el: Element | null): Tracked | undefined {
    return el ? this.owners.get(el) : undefined;
  }

  /** The blocks that have a marker on the page now, in reading order. */
  shown(): Tracked[] {
    return this.order.filter((t) => !this.buttons.get(t)!.hidden);
  }
}
