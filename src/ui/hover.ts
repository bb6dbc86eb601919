import type { Highlighter } from '../dom/highlighter';
import type { Tooltip } from './tooltip';

export type HoverEvent = 'mouseover' | 'mouseout' | 'focusin' | 'focusout' | 'keydown';

/**
 * Adds a capturing listener on the document. The content script passes its
 * context's addEventListener, so the listeners go when the context does.
 */
export type Listen = (type: HoverEvent, handler: (e: Event) => void) => void;

/**
 * Shows the tooltip for the highlighted block under the pointer or focus.
 * Only trusted events count: a page script that dispatches a mouseover
 * cannot open the card, and so cannot make corpus text appear.
 */
export function bindHover(listen: Listen, highlighter: Highlighter, tooltip: Tooltip): void {
  const find = (target: EventTarget | null) => (target instanceof Node ? highlighter.find(target) : undefined);
  const enter = (e: Event) => {
    const t = e.isTrusted ? find(e.target) : undefined;
    if (t) tooltip.request(t);
  };
  const leave = (e: Event) => {
    if (!e.isTrusted) return;
    const from = find(e.target);
    const to = find((e as MouseEvent | FocusEvent).relatedTarget);
    if (from && from !== to) tooltip.release();
  };
  listen('mouseover', enter);
  listen('mouseout', leave);
  listen('focusin', enter);
  listen('focusout', leave);
  listen('keydown', (e) => e.isTrusted && (e as KeyboardEvent).key === 'Escape' && tooltip.hide());
}
