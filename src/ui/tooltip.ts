import { arrow, autoUpdate, computePosition, flip, offset, shift, type Placement, type VirtualElement } from '@floating-ui/dom';
import type { Tracked } from '../dom/highlighter';
import { bylineParts, creditView, nameOf, openOriginal, partial, PARTIAL_BELOW, percent, version } from './describe';
import { field, fields, h } from './dom';
import { describeProvenance, highlightLabel, KIND_LABEL, OPEN_SOURCE, TOOLTIP } from './words';

/** Hover intent: a pointer passing over a paragraph on its way elsewhere opens nothing. */
const SHOW_DELAY = 150;
/** Time to move the pointer from the paragraph onto the card. */
const HIDE_DELAY = 300;
/** Gap between the card's arrow tip and the pointer or the marker, and the card's margin to the viewport's edges, in CSS pixels. */
const GAP = 10;
const EDGE = 8;

/**
 * What opened the card: the pointer over a block, or keyboard focus on a
 * block's marker or on a page element inside a block (a link). A card
 * opened by focus stays while focus is on its origin or inside it.
 */
export type Origin = { by: 'pointer' } | { by: 'focus'; el: HTMLElement; marker: boolean };

const FOCUSABLE = 'button:not([disabled])';

/**
 * The card of a highlighted block: source, kind, similarity and a Compare
 * button. Drawn in the closed shadow root of Reprint's UI layer, only after
 * a person hovers or focuses the block, and only for that block. It sits
 * next to the pointer or the focused marker, with an arrow pointing at it,
 * and flips or shifts to stay in the viewport (Floating UI).
 *
 * Opened from a marker, it is inserted right after the marker, so Tab goes
 * on from the marker into the card and from the card to the next marker.
 * Opened from a page element (a link inside the block), Tab from that
 * element enters the card, and Tab past the card's end goes on to the
 * page's next stop.
 */
export class Tooltip {
  private card?: HTMLElement;
  private current?: Tracked;
  private origin?: Origin;
  private showTimer?: ReturnType<typeof setTimeout>;
  private hideTimer?: ReturnType<typeof setTimeout>;
  private stopPlacing?: () => void;
  private quiet = false;
  /** Where the pointer was when a card opened by focus: the pointer moved if it is elsewhere now. */
  private pointerAtFocus = { x: NaN, y: NaN };
  /** The pointer's last place in the viewport, kept by the hover listeners. */
  pointer = { x: 0, y: 0 };

  constructor(
    private readonly root: ShadowRoot,
    /** `returnTo`: where focus goes back when the comparison closes (undefined: the block's marker). */
    private readonly onCompare: (t: Tracked, returnTo?: HTMLElement) => void,
    private readonly onActive: (t: Tracked | undefined) => void,
  ) {
    // Focus leaving the card or its marker (both in this root); a page element's focusout comes through focusMoved.
    root.addEventListener('focusout', (e) => e.isTrusted && this.focusMoved());
  }

  /** The block whose card is open. */
  get shownFor(): Tracked | undefined {
    return this.card?.isConnected ? this.current : undefined;
  }

  /** Called on hover or focus of a highlighted block. */
  request(t: Tracked, origin: Origin = { by: 'pointer' }): void {
    if (this.quiet) return;
    if (origin.by === 'focus') {
      clearTimeout(this.showTimer);
      clearTimeout(this.hideTimer);
      const same = this.origin?.by === 'focus' && this.origin.el === origin.el;
      if (this.current !== t || !same || !this.card?.isConnected) this.show(t, origin);
      return;
    }
    // The keyboard's card stays while the pointer crosses its block, or rests while the page scrolls under it
    // (the browser then reports the pointer over whatever comes under it); moving to another block shows that one's.
    if (this.heldByFocus() && (this.current === t || (this.pointer.x === this.pointerAtFocus.x && this.pointer.y === this.pointerAtFocus.y))) return;
    clearTimeout(this.hideTimer);
    if (this.current === t && this.card?.isConnected) return;
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => this.show(t, origin), SHOW_DELAY);
  }

  /** Called when the pointer leaves the block or the card. */
  release(): void {
    clearTimeout(this.showTimer);
    if (this.heldByFocus()) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY);
  }

  /**
   * Focus moved somewhere: a card opened by focus closes once focus is on
   * neither its origin nor the card. Checked after the move, when the new
   * place has focus.
   */
  focusMoved(): void {
    if (this.origin?.by !== 'focus') return;
    setTimeout(() => {
      if (this.origin?.by === 'focus' && !this.holdsFocus(this.origin.el)) this.hide();
    }, 0);
  }

  /** Runs `move` (a focus change) without opening a card for the newly focused element: focus put back after the comparison closes. */
  quietly(move: () => void): void {
    this.quiet = true;
    try {
      move();
    } finally {
      this.quiet = false;
    }
  }

  /** Whether Tab from this page element should enter the card: it opened the card, and the card follows it. */
  takesTabFrom(el: Element | null): boolean {
    return !!el && this.origin?.by === 'focus' && !this.origin.marker && this.origin.el === el && !!this.card?.isConnected;
  }

  /** Moves focus to the card's first button. */
  enter(): void {
    this.card?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }

  /** Escape: the card closes, and focus that was in it goes back to where the card came from. */
  escape(): void {
    const origin = this.origin;
    const inCard = !!this.card?.contains(this.root.activeElement);
    this.hide();
    if (inCard && origin?.by === 'focus') this.quietly(() => origin.el.focus());
  }

  hide(): void {
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    this.card?.remove();
    this.card = undefined;
    if (this.current) this.onActive(undefined);
    this.current = undefined;
    this.origin = undefined;
  }

  /** Hides the card for good: no timer left to bring it back. */
  dispose(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    this.hide();
  }

  show(t: Tracked, origin: Origin = { by: 'pointer' }): void {
    const { match } = t;
    const source = version(match, match.source);
    const byline = bylineParts(source.meta);
    this.hide();
    const tip = h('div', { class: 'arrow' });
    const returnTo = origin.by === 'focus' ? origin.el : undefined;
    // The original's own address where known, else the copied version's. An original cited by the
    // corpus (the NYT) is not a corpus document: the one ranked first then is a quoter, not the original.
    const original = match.provenance.basis === 'citation' ? null : version(match, match.original).meta.url;
    const link = openOriginal(original ?? source.meta.url, original ? undefined : OPEN_SOURCE);
    this.card = h(
      'div',
      {
        class: 'tip',
        'data-tone': t.tone,
        role: 'group',
        'aria-label': TOOLTIP.label,
        onmouseenter: () => clearTimeout(this.hideTimer),
        onmouseleave: () => this.release(),
        onkeydown: (e) => this.onKey(e as KeyboardEvent),
      },
      tip,
      h(
        'div',
        { class: 'row' },
        h('span', { class: 'kind', 'data-kind': match.kind }, KIND_LABEL[match.kind]),
        ` · ${TOOLTIP.similar(percent(match.score))}`,
        match.coverage < PARTIAL_BELOW ? ` · ${partial(match.coverage)}` : '',
      ),
      field(source.meta.title, 'title'),
      byline.length ? fields(byline, 'row muted') : null,
      h('div', { class: 'row provenance' }, field(describeProvenance(match.provenance, nameOf(match)))),
      h('div', { class: 'row' }, creditView(t.credit)),
      h(
        'div',
        { class: 'actions' },
        match.versions.length > 1 ? h('span', { class: 'muted' }, TOOLTIP.versions(match.versions.length)) : null,
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              this.hide();
              this.onCompare(t, returnTo);
            },
          },
          TOOLTIP.compare,
        ),
      ),
      // After Compare, the card's main action, in the Tab order.
      link ? h('div', { class: 'row' }, link) : null,
    );
    // After its marker: next in the Tab order. Otherwise anywhere in the root: it is fixed to the viewport.
    if (origin.by === 'focus' && origin.marker) origin.el.after(this.card);
    else this.root.append(this.card);
    this.current = t;
    this.origin = origin;
    this.pointerAtFocus = { ...this.pointer };
    this.onActive(t);
    this.place(t, origin, this.card, tip);
  }

  private onKey(e: KeyboardEvent): void {
    const origin = this.origin;
    if (!origin) return;
    // From a page element, the card is a detour: back to it on Shift+Tab, on to the page's next stop past the end.
    if (e.key !== 'Tab' || origin.by !== 'focus' || origin.marker) return;
    const stops = [...this.card!.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const at = this.root.activeElement;
    if (e.shiftKey && at === stops[0]) {
      e.preventDefault();
      origin.el.focus();
    } else if (!e.shiftKey && at === stops[stops.length - 1]) {
      e.preventDefault();
      this.hide();
      (nextTabStop(origin.el) ?? origin.el).focus();
    }
  }

  /** Whether the card was opened by focus, and focus is still on its origin or in it. */
  private heldByFocus(): boolean {
    return this.origin?.by === 'focus' && !!this.card?.isConnected && this.holdsFocus(this.origin.el);
  }

  private holdsFocus(origin: HTMLElement): boolean {
    const inRoot = this.root.activeElement;
    return (!!inRoot && (inRoot === origin || !!this.card?.contains(inRoot))) || deepActive() === origin;
  }

  /**
   * Next to the pointer (where it was when the card opened, kept at that
   * place in the block as the page scrolls) or to the focused element, with
   * the arrow at it; flipped below when there is no room above, shifted
   * along to stay inside the viewport. Follows scrolling and resizing while
   * open.
   */
  private place(t: Tracked, origin: Origin, card: HTMLElement, tip: HTMLElement): void {
    const block = t.block.element;
    let reference: Element | VirtualElement;
    let placement: Placement;
    if (origin.by === 'pointer') {
      const r = block.getBoundingClientRect();
      const dx = this.pointer.x - r.left;
      const dy = this.pointer.y - r.top;
      reference = {
        contextElement: block,
        getBoundingClientRect: () => {
          const b = block.getBoundingClientRect();
          return DOMRect.fromRect({ x: b.left + dx, y: b.top + dy, width: 0, height: 0 });
        },
      };
      placement = 'top';
    } else {
      reference = origin.el;
      placement = 'top-start';
    }
    const update = () =>
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement,
        middleware: [offset(GAP), flip({ padding: EDGE }), shift({ padding: EDGE, crossAxis: true }), arrow({ element: tip, padding: 12 })],
      }).then(({ x, y, placement: where, middlewareData }) => {
        if (this.card !== card) return;
        card.style.setProperty('left', `${x}px`);
        card.style.setProperty('top', `${y}px`);
        const side = where.split('-')[0];
        card.dataset.side = side;
        const a = middlewareData.arrow;
        tip.style.setProperty('left', a?.x !== undefined ? `${a.x}px` : '');
        tip.style.setProperty('top', a?.y !== undefined ? `${a.y}px` : '');
      });
    this.stopPlacing = autoUpdate(reference, card, update);
  }
}

/** The focused element, inside the page's open shadow roots too. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

const TAB_STOPS = 'a[href], area[href], button, input, select, textarea, iframe, summary, [contenteditable=""], [contenteditable="true"], [tabindex]';

/**
 * The page's next Tab stop after `el` in document order: what Tab would
 * reach from `el` on a page without positive tabindex values. Leaving the
 * card, focus goes on there, not back to the element it came from.
 */
function nextTabStop(el: HTMLElement): HTMLElement | undefined {
  const doc = el.ownerDocument;
  for (const c of doc.querySelectorAll<HTMLElement>(TAB_STOPS)) {
    if (!(el.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) || el.contains(c)) continue;
    if (c.tabIndex < 0 || (c as HTMLButtonElement).disabled) continue;
    if (typeof c.checkVisibility === 'function' ? !c.checkVisibility({ visibilityProperty: true }) : !c.getClientRects().length) continue;
    return c;
  }
  return undefined;
}

/** A highlight's marker as a screen reader announces it: "Reprint: reworded copy of ZeroHedge News, 86% similar". */
export const markerLabel = (t: Tracked): string => highlightLabel(t.match.kind, nameOf(t.match)(t.match.source), percent(t.match.score));
