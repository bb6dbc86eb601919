// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Tracked } from '../../src/dom/highlighter';
import { Markers } from '../../src/dom/markers';

/** A tracked block for an element: the markers read only the element and what the describer makes of it. */
const tracked = (element: Element, id: number) => ({ id, block: { element }, match: {}, credited: false }) as unknown as Tracked;

let root: ShadowRoot;
let markers: Markers;
let paragraphs: HTMLElement[];
let lost: Tracked[];

beforeEach(() => {
  document.documentElement.innerHTML = '<body><p>one</p><p>two</p><p>three</p><p>four</p></body>';
  paragraphs = [...document.querySelectorAll('p')];
  const host = document.createElement('div');
  document.documentElement.append(host);
  root = host.attachShadow({ mode: 'closed' });
  lost = [];
  markers = new Markers(root, { describe: (t) => `block ${t.id}`, focus: () => undefined, activate: () => undefined, lost: (t) => lost.push(t) });
});

const labels = () => [...root.querySelectorAll('button.marker')].map((b) => b.getAttribute('aria-label'));
const box = (top: number) => DOMRect.fromRect({ x: 10, y: top, width: 100, height: 20 });

describe('highlight markers', () => {
  it('are buttons named by the UI, in reading order whatever order the blocks are matched in', () => {
    const ts = paragraphs.map((p, i) => tracked(p, i + 1));
    for (const i of [2, 0, 3, 1]) markers.add(ts[i]);
    expect(labels()).toEqual(['block 1', 'block 2', 'block 3', 'block 4']);
    expect([...root.querySelectorAll('button.marker')].every((b) => (b as HTMLButtonElement).type === 'button')).toBe(true);
    markers.remove(ts[1]);
    expect(labels()).toEqual(['block 1', 'block 3', 'block 4']);
  });

  it('cover the union of a block’s boxes, and leave Tab alone for a block with none (hidden)', () => {
    const [a, b] = paragraphs.slice(0, 2).map((p, i) => tracked(p, i + 1));
    markers.add(a);
    markers.add(b);
    expect(markers.shown()).toEqual([]);
    // Two lines of a partial copy: one marker over both, in the layer's coordinates.
    markers.place(a, [box(100), DOMRect.fromRect({ x: 0, y: 120, width: 50, height: 20 })], DOMRect.fromRect({ x: 0, y: -40, width: 0, height: 0 }));
    markers.place(b, [], DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 }));
    const el = markers.of(a)!;
    expect(el.style.transform).toBe('translate(0px, 140px)');
    expect([el.style.width, el.style.height]).toEqual(['110px', '40px']);
    expect(markers.of(b)).toBeUndefined();
    expect(markers.shown()).toEqual([a]);
    expect(markers.owner(el)).toBe(a);
  });

  it('keep focus on a block highlighted anew (its text changed), and report a focused highlight that went', async () => {
    const old = tracked(paragraphs[0], 1);
    markers.add(old);
    markers.place(old, [box(0)], box(0));
    markers.of(old)!.focus();
    expect(root.activeElement).toBe(markers.of(old));
    // The highlighter clears the block and adds its new highlight in the same task, then paints it.
    const renewed = tracked(paragraphs[0], 2);
    markers.remove(old);
    markers.add(renewed);
    markers.place(renewed, [box(0)], box(0));
    expect(root.activeElement).toBe(markers.of(renewed));
    await Promise.resolve();
    expect(lost).toEqual([]);
    // No longer a copy: no new marker, and the UI hears that the focused one went.
    markers.remove(renewed);
    await Promise.resolve();
    expect(lost).toEqual([renewed]);
  });
});
