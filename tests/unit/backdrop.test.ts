// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Backdrops } from '../../src/dom/backdrop';

const p = () => document.getElementById('p')!;

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
  vi.restoreAllMocks();
});

describe('the tone of the background a block is drawn on', () => {
  it('is light on a page that paints nothing, and on a light page', () => {
    document.body.innerHTML = '<article><p id="p">Text</p></article>';
    expect(new Backdrops().toneAt(p())).toBe('light');
    document.body.innerHTML = '<style>body { background: #fdfcf9; color: #222 }</style><article><p id="p">Text</p></article>';
    expect(new Backdrops().toneAt(p())).toBe('light');
  });

  it('is dark under the first opaque background up the ancestors, however far up', () => {
    document.body.innerHTML =
      '<style>.site { background: #111; color: #eee }</style><div class="site"><main><article><section><p id="p">Text</p></section></article></main></div>';
    expect(new Backdrops().toneAt(p())).toBe('dark');
  });

  it('reads a light card on a dark page as light: the nearest opaque background decides', () => {
    document.body.innerHTML = '<div style="background: #111; color: #eee"><div style="background: #fafafa; color: #222"><p id="p">Text</p></div></div>';
    expect(new Backdrops().toneAt(p())).toBe('light');
  });

  it('composites translucent backgrounds over what lies below them', () => {
    // Half-black over white is #808080-ish: luminance 0.22, light; 80% black is dark.
    document.body.innerHTML = '<div style="background: #fff"><div style="background: rgba(0, 0, 0, 0.5)"><p id="p">Text</p></div></div>';
    expect(new Backdrops().toneAt(p())).toBe('light');
    document.body.innerHTML = '<div style="background: #fff"><div style="background: rgba(0, 0, 0, 0.8)"><p id="p">Text</p></div></div>';
    expect(new Backdrops().toneAt(p())).toBe('dark');
  });

  it('takes the canvas as dark when the page asks for a dark colour scheme only', () => {
    document.head.innerHTML = '<meta name="color-scheme" content="dark">';
    document.body.innerHTML = '<p id="p" style="color: #eee">Text</p>';
    expect(new Backdrops().toneAt(p())).toBe('dark');
  });

  it('follows the reader only where the page offers both schemes', () => {
    document.head.innerHTML = '<meta name="color-scheme" content="light dark">';
    document.body.innerHTML = '<p id="p">Text</p>';
    const dark = vi.spyOn(window, 'matchMedia').mockImplementation((q: string) => ({ matches: q.includes('dark'), media: q }) as MediaQueryList);
    expect(new Backdrops().toneAt(p())).toBe('dark');
    dark.mockImplementation((q: string) => ({ matches: false, media: q }) as MediaQueryList);
    expect(new Backdrops().toneAt(p())).toBe('light');
  });

  it('trusts light text over the canvas colour when the page paints its background as an image', () => {
    document.body.innerHTML = '<div style="background-image: linear-gradient(#000, #111); color: #f0f0f0"><p id="p">Text</p></div>';
    expect(new Backdrops().toneAt(p())).toBe('dark');
    // Dark text on the same gradient: the colour found stands.
    document.body.innerHTML = '<div style="background-image: linear-gradient(#fff, #eee); color: #222"><p id="p">Text</p></div>';
    expect(new Backdrops().toneAt(p())).toBe('light');
  });

  it('reads each ancestor once for the blocks of one batch, and afresh in the next', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<p id="p${i}">Text ${i}</p>`).join('');
    document.body.innerHTML = `<div style="background: #111; color: #eee"><main><article>${rows}</article></main></div>`;
    const spy = vi.spyOn(window, 'getComputedStyle');
    const backdrops = new Backdrops();
    for (let i = 0; i < 200; i++) expect(backdrops.toneAt(document.getElementById(`p${i}`)!)).toBe('dark');
    // The three ancestors up to the opaque one are read once each, not once per block.
    const reads = (el: Element | null) => spy.mock.calls.filter(([e]) => e === el).length;
    for (const tag of ['article', 'main', 'div']) expect(reads(document.querySelector(tag))).toBe(1);
    expect(reads(document.body)).toBe(0);
    await new Promise((r) => setTimeout(r, 0));
    (document.querySelector('div') as HTMLElement).style.background = '#fff';
    (document.querySelector('div') as HTMLElement).style.color = '#222';
    expect(backdrops.toneAt(document.getElementById('p0')!)).toBe('light');
  });
});
