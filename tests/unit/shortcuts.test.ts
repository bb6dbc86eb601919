// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { stepIndex, stepOf, type Span } from '../../src/ui/shortcuts';

/** Highlights 300 px apart, the first at `first` px from the viewport's top, each 100 px tall. */
const boxes = (n: number, first: number): Span[] => Array.from({ length: n }, (_, i) => ({ top: first + i * 300, bottom: first + i * 300 + 100 }));

describe('stepping through highlights', () => {
  it('goes to the next and the previous one in reading order, wrapping at either end', () => {
    const b = boxes(3, 0);
    expect(stepIndex(b, 0, 1, 800)).toBe(1);
    expect(stepIndex(b, 1, 1, 800)).toBe(2);
    expect(stepIndex(b, 2, 1, 800)).toBe(0);
    expect(stepIndex(b, 0, -1, 800)).toBe(2);
    expect(stepIndex(b, 2, -1, 800)).toBe(1);
  });

  it('with none current, starts from where the reader is', () => {
    // Scrolled so that the first is above the viewport and the second half in it.
    const b = boxes(4, -350);
    expect(stepIndex(b, -1, 1, 500)).toBe(1);
    // Previous: the last one not wholly below the viewport (tops at -350, -50, 250, 550).
    expect(stepIndex(b, -1, -1, 500)).toBe(2);
    // All above the viewport: next wraps to the first; all below: previous wraps to the last.
    expect(stepIndex(boxes(2, -2000), -1, 1, 500)).toBe(0);
    expect(stepIndex(boxes(2, 2000), -1, -1, 500)).toBe(1);
  });

  it('has nowhere to go without highlights, and stays on a lone one', () => {
    expect(stepIndex([], -1, 1, 500)).toBe(-1);
    expect(stepIndex([], 0, -1, 500)).toBe(-1);
    expect(stepIndex(boxes(1, 0), 0, 1, 500)).toBe(0);
    expect(stepIndex(boxes(1, 0), 0, -1, 500)).toBe(0);
  });
});

describe('the step keys', () => {
  /** A keydown as a person's keyboard makes it: happy-dom lets a test set isTrusted. */
  const press = (init: KeyboardEventInit, trusted = true) => {
    const e = new KeyboardEvent('keydown', init);
    Object.defineProperty(e, 'isTrusted', { value: trusted });
    return e;
  };

  it('are Alt+Shift+J (next) and Alt+Shift+K (previous), by physical key', () => {
    expect(stepOf(press({ code: 'KeyJ', key: 'J', altKey: true, shiftKey: true }))).toBe(1);
    expect(stepOf(press({ code: 'KeyK', key: 'K', altKey: true, shiftKey: true }))).toBe(-1);
    // macOS: Option+Shift+J types "Ô"; the key is still J.
    expect(stepOf(press({ code: 'KeyJ', key: 'Ô', altKey: true, shiftKey: true }))).toBe(1);
  });

  it('ignore other combinations, held-down repeats and synthetic events', () => {
    expect(stepOf(press({ code: 'KeyJ', key: 'j' }))).toBe(0);
    expect(stepOf(press({ code: 'KeyJ', key: 'J', shiftKey: true }))).toBe(0);
    expect(stepOf(press({ code: 'KeyJ', key: 'j', altKey: true }))).toBe(0);
    expect(stepOf(press({ code: 'KeyJ', key: 'J', altKey: true, shiftKey: true, ctrlKey: true }))).toBe(0);
    expect(stepOf(press({ code: 'KeyP', key: 'P', altKey: true, shiftKey: true }))).toBe(0);
    expect(stepOf(press({ code: 'KeyJ', key: 'J', altKey: true, shiftKey: true, repeat: true }))).toBe(0);
    expect(stepOf(press({ code: 'KeyJ', key: 'J', altKey: true, shiftKey: true }, false))).toBe(0);
  });
});
