import type { Highlighter } from '../dom/highlighter';
import type { Tooltip } from './tooltip';

export type HoverEvent = 'mouseover' | 'mouseout' | 'focusin' | 'focusout' | 'keydown';

/**
 * Adds a capturing listener on the document. The content script passes its
 * context's addEventListener, so the listeners go when the context does.
 */
export type Listen = (type: HoverEvent, handler: (e: Event) => void) => void;

/** Shows the tooltip for the highlighted block under the pointer or focus. */
export function bindHover(listen: Listen, highlighter: Highlighter, tooltip: Tooltip): void {
  const find = (target: EventTarget | null) => {
    const el = target instanceof Element ? target.closest('[data-reprint-kind]') : null;
    return el ? highlighter.get(el) : undefined;
  };
  const enter = (e: Event) => {
    const t = find(e.target);
    if (t) tooltip.request(t);
  };
  const leave = (e: Event) => {
    const from = find(e.target);
    const to = find((e as MouseEvent | FocusEvent).relatedTarget);
    if (from && from !== to) tooltip.release();
  };
  listen('mouseover', enter);
  listen('mouseout', leave);
  listen('focusin', enter);
  listen('focusout', leave);
  listen('keydown', (e) => (e as KeyboardEvent).key === 'Escape' && tooltip.hide());
}
