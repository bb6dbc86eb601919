import type { Highlighter } from '../dom/highlighter';
import type { Tooltip } from './tooltip';

export type HoverEvent = 'mouseover' | 'mouseout' | 'mousemove' | 'focusin' | 'focusout' | 'keydown';

/**
 * Adds a capturing listener on the document, or on one of the page's open
 * shadow roots. The content script passes its context's addEventListener,
 * so the listeners go when the context does.
 */
export type Listen = (target: Document | ShadowRoot, type: HoverEvent, handler: (e: Event) => void) => void;

/**
 * Shows the tooltip for the highlighted block under the pointer or focus.
 * Only trusted events count: a page script that dispatches a mouseover
 * cannot open the card, and so cannot make corpus text appear.
 *
 * Returns a function that follows an open shadow root as well. A pointer
 * moving between two paragraphs of one shadow tree sends nothing past its
 * root (seen from outside, it never left the host), so each root has
 * listeners of its own, and each listener takes only the events that start
 * in its own tree: the others are handled by the root they start in.
 */
export function bindHover(listen: Listen, highlighter: Highlighter, tooltip: Tooltip): (root: ShadowRoot) => void {
  const find = (target: EventTarget | null) => (target instanceof Node ? highlighter.find(target) : undefined);
  // Seen from outside an open shadow tree, an event's target is the tree's host, not where it started.
  const own = (e: Event) => e.isTrusted && e.composedPath()[0] === e.target;
  const enter = (e: Event) => {
    const t = own(e) ? find(e.target) : undefined;
    if (!t) return;
    // Over a new element the browser sends mouseover before mousemove: the pointer's place is this event's.
    if (e instanceof MouseEvent) tooltip.pointer = { x: e.clientX, y: e.clientY };
    if (e.type === 'focusin' && e.target instanceof HTMLElement) tooltip.request(t, { by: 'focus', el: e.target, marker: false });
    else tooltip.request(t);
  };
  const leave = (e: Event) => {
    if (!own(e)) return;
    if (e.type === 'focusout') return tooltip.focusMoved();
    const from = find(e.target);
    const to = find((e as MouseEvent).relatedTarget);
    if (from && from !== to) tooltip.release();
  };
  const follow = (target: Document | ShadowRoot) => {
    listen(target, 'mouseover', enter);
    listen(target, 'mouseout', leave);
    listen(target, 'focusin', enter);
    listen(target, 'focusout', leave);
  };
  follow(document);
  // Where the card opens: at the pointer. Coordinates are the viewport's, inside shadow trees too.
  listen(document, 'mousemove', (e) => {
    if (e.isTrusted) tooltip.pointer = { x: (e as MouseEvent).clientX, y: (e as MouseEvent).clientY };
  });
  // Key presses cross shadow boundaries: one listener hears them all.
  listen(document, 'keydown', (e) => {
    if (!e.isTrusted) return;
    const key = e as KeyboardEvent;
    if (key.key === 'Escape') tooltip.escape();
    // Tab from a link inside a highlighted block reaches the block's card before the page's next stop.
    else if (key.key === 'Tab' && !key.shiftKey && !key.altKey && !key.ctrlKey && !key.metaKey && tooltip.takesTabFrom(e.composedPath()[0] as Element)) {
      e.preventDefault();
      tooltip.enter();
    }
  });
  return follow;
}
