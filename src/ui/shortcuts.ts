/**
 * The keyboard path through a page's highlights: Alt+Shift+J moves to the
 * next, Alt+Shift+K to the previous, in reading order, wrapping at either
 * end. Alt+Shift with a letter is free in Chrome and Firefox on Linux and
 * Windows (Alt+Shift+P is Reprint's own pause command, wxt.config.ts), and
 * sites bind single letters, Ctrl or Alt alone, rarely both modifiers; J and
 * K are next and previous in mail readers and feeds. The physical key
 * (`code`) counts, not the character: macOS's Option+Shift+J types "Ô".
 */

import type { Tracked } from '../dom/highlighter';

export type Step = 1 | -1;

/** Which way a key press steps: 1 next, -1 previous; 0 when the press is not ours (or not a person's). */
export function stepOf(e: KeyboardEvent): Step | 0 {
  if (!e.isTrusted || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.repeat) return 0;
  if (e.code === 'KeyJ') return 1;
  if (e.code === 'KeyK') return -1;
  return 0;
}

/** Whether a key press goes to a text field: there, Option+Shift+J types a letter on a Mac. */
export function typesText(e: Event): boolean {
  const el = e.composedPath()[0];
  return (
    el instanceof HTMLElement &&
    (el.isContentEditable || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
  );
}

/** A highlight's box against the viewport: its top and bottom, in CSS pixels. */
export interface Span {
  top: number;
  bottom: number;
}

/**
 * The highlight to move to, as an index into `boxes` (reading order), or -1
 * for none. From the current one, the next or previous, wrapping around.
 * With none current, from where the reader is: next is the first one not
 * wholly above the viewport, previous the last one not wholly below it.
 */
export function stepIndex(boxes: Span[], current: number, step: Step, viewportHeight: number): number {
  const n = boxes.length;
  if (n === 0) return -1;
  if (current >= 0 && current < n) return (current + step + n) % n;
  if (step === 1) {
    const i = boxes.findIndex((b) => b.bottom > 0);
    return i < 0 ? 0 : i;
  }
  for (let i = n - 1; i >= 0; i--) if (boxes[i].top < viewportHeight) return i;
  return n - 1;
}

/** What stepping needs from the page's Reprint. */
export interface Steps {
  /** The highlights that have a marker on the page now, in reading order. */
  shown(): Tracked[];
  /** The highlight the reader is at: its card, its marker or a link inside it has focus. */
  current(): Tracked | undefined;
  /** Moves focus to the highlight's marker and opens its card. */
  focus(t: Tracked): void;
  /** Whether the keys go elsewhere now (the comparison is open). */
  busy(): boolean;
}

/**
 * Listens for the step keys on the document (they cross shadow boundaries):
 * each scrolls the next or previous highlight into view, smoothly unless
 * the reader asks for reduced motion, and focuses it.
 */
export function bindSteps(signal: AbortSignal, steps: Steps): void {
  const go = (dir: Step) => {
    const shown = steps.shown();
    const current = steps.current();
    const i = stepIndex(
      shown.map((t) => t.block.element.getBoundingClientRect()),
      current ? shown.indexOf(current) : -1,
      dir,
      innerHeight,
    );
    if (i < 0) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    shown[i].block.element.scrollIntoView({ behavior: smooth ? 'smooth' : 'instant', block: 'nearest' });
    steps.focus(shown[i]);
  };
  document.addEventListener(
    'keydown',
    (e) => {
      const dir = stepOf(e);
      if (!dir || typesText(e) || steps.busy()) return;
      e.preventDefault();
      go(dir);
    },
    { capture: true, signal },
  );
}
