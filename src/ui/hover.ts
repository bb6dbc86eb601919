import type { Highlighter } from '../dom/highlighter';
import type { Tooltip } from './tooltip';

/** Shows the tooltip for the highlighted block under the pointer or focus. */
export function bindHover(doc: Document, highlighter: Highlighter, tooltip: Tooltip): void {
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
  doc.addEventListener('mouseover', enter, true);
  doc.addEventListener('mouseout', leave, true);
  doc.addEventListener('focusin', enter, true);
  doc.addEventListener('focusout', leave, true);
  doc.addEventListener('keydown', (e) => e.key === 'Escape' && tooltip.hide(), true);
}
