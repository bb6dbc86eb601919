// @vitest-environment happy-dom
/**
 * Blocks inside the page's open shadow roots, and re-reading what a reader
 * may now see after a revealing change: block extraction and the scanner,
 * in a DOM without layout (visibility here is the `hidden` attribute).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { candidateElements, extractBlock, isCandidate } from '../../src/dom/blocks';
import { PageScanner } from '../../src/dom/scanner';
import { composedOrder, openShadowRoots } from '../../src/dom/shadow';
import { watchUpgrades } from '../../src/dom/upgrades';
import type { BlockMatch } from '../../src/match/matcher';

const COPY = 'A paragraph the corpus holds, long enough to be read as prose by the block extraction.';
const OWN = 'The page’s own paragraph, which the corpus does not hold and which is long enough to read.';

/** A host element with an open (or closed) shadow root holding `html`. */
function component(name: string, html: string, mode: ShadowRootMode = 'open'): { host: Element; root: ShadowRoot } {
  const host = document.createElement(name);
  const root = host.attachShadow({ mode });
  root.innerHTML = html;
  return { host, root };
}

/** A scanner whose "background" matches COPY, whole. */
function scanner() {
  const sent: string[] = [];
  const applied = new Map<Element, boolean>();
  const found: ShadowRoot[] = [];
  const s = new PageScanner(
    async (texts) => {
      sent.push(...texts);
      return texts.map((t) => (t === COPY ? ({ kind: 'verbatim' } as BlockMatch) : null));
    },
    (block, match) => applied.set(block.element, match !== null),
    () => undefined,
    (root) => found.push(root),
  );
  const highlighted = () => [...applied].filter(([el, on]) => on && el.isConnected).map(([el]) => el.id);
  return { s, sent, found, highlighted };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('open shadow roots', () => {
  it('are found under a root, nested ones too, each searched once; closed ones are not', async () => {
    const outer = component('news-body', `<p id="a">${COPY}</p><div id="slot-host"></div>`);
    const inner = component('news-quote', `<blockquote id="b">${COPY}</blockquote>`);
    outer.root.getElementById('slot-host')!.append(inner.host);
    const closed = component('news-ad', `<p id="c">${COPY}</p>`, 'closed');
    document.body.append(outer.host, closed.host);
    expect(await openShadowRoots(document.body)).toEqual([outer.root, inner.root]);
    // The host itself is looked at too, when it is the root of a scan.
    expect(await openShadowRoots(outer.host)).toEqual([outer.root, inner.root]);
    const blocks = [outer.root, inner.root].flatMap((r) => candidateElements(r).map((el) => extractBlock(el)?.element.id ?? null));
    // The empty div that holds the inner host has no text of its own.
    expect(blocks).toEqual(['a', null, 'b']);
  });

  it('reads a shadow paragraph as any other, and skips one whose host is furniture or hidden', async () => {
    const inArticle = component('news-body', `<p id="in">${COPY}</p>`);
    const inNav = component('news-links', `<p id="nav">${COPY}</p>`);
    const hidden = component('news-more', `<p id="hidden">${COPY}</p>`);
    hidden.host.setAttribute('hidden', '');
    const nav = document.createElement('nav');
    nav.append(inNav.host);
    document.body.append(inArticle.host, nav, hidden.host);
    expect(extractBlock(inArticle.root.getElementById('in')!)?.text).toBe(COPY);
    expect(isCandidate(inNav.root.getElementById('nav')!)).toBe(false);
    expect(isCandidate(hidden.root.getElementById('hidden')!)).toBe(false);
  });

  it('orders blocks as a reader meets them: a component’s paragraphs where its host is', () => {
    document.body.innerHTML = '<p id="first">x</p><div id="mid"></div><p id="last">y</p>';
    const c = component('news-body', '<p id="s1">1</p><p id="s2">2</p>');
    document.getElementById('mid')!.append(c.host);
    const [first, last] = [document.getElementById('first')!, document.getElementById('last')!];
    const [s1, s2] = [c.root.getElementById('s1')!, c.root.getElementById('s2')!];
    const shuffled = [last, s2, first, c.host, s1];
    expect(shuffled.sort(composedOrder).map((e) => e.id || e.localName)).toEqual(['first', 'news-body', 's1', 's2', 'last']);
  });

  it('the scanner highlights a copy inside a shadow root, and hands each root over to be followed', async () => {
    const { s, found, highlighted } = scanner();
    const c = component('news-body', `<p id="copy">${COPY}</p><p id="own">${OWN}</p>`);
    document.body.append(c.host);
    await s.scan([document.body]);
    expect(highlighted()).toEqual(['copy']);
    expect(found).toEqual([c.root]);
  });

  it('the scanner finds a root attached after load when its host is scanned as new text', async () => {
    const { s, highlighted } = scanner();
    await s.scan([document.body]);
    const late = component('news-body', `<p id="late">${COPY}</p>`);
    document.body.append(late.host);
    await s.scan([late.host]);
    expect(highlighted()).toEqual(['late']);
  });
});

describe('custom elements defined after load', () => {
  it('are looked at again, backing off, and handed over once defined, with the root their constructor attached', async () => {
    document.body.innerHTML = '<article><story-later id="s"></story-later><never-defined></never-defined><p>x</p></article>';
    const timers: Array<[() => void, number]> = [];
    const handed: Element[][] = [];
    watchUpgrades(
      document,
      (els) => handed.push(els),
      (fn, ms) => timers.push([fn, ms]),
    );
    expect(timers.map(([, ms]) => ms)).toEqual([500]);
    timers.shift()![0]();
    expect(handed).toEqual([]);
    customElements.define(
      'story-later',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = `<p id="upgraded">${COPY}</p>`;
        }
      },
    );
    timers.shift()![0]();
    expect(handed).toEqual([[document.getElementById('s')]]);
    const { s, highlighted } = scanner();
    await s.scan(handed[0]);
    expect(highlighted()).toEqual(['upgraded']);
    // The one never defined is looked at until the backing off ends.
    while (timers.length) timers.shift()![0]();
    expect(handed).toHaveLength(1);
  });
});

describe('revealed blocks', () => {
  it('are read again when a revealing change comes; blocks already read are not sent again', async () => {
    const { s, sent, highlighted } = scanner();
    document.body.innerHTML = `<article><p id="own">${OWN}</p><div id="more" hidden><p id="copy">${COPY}</p></div></article>`;
    await s.scan([document.body]);
    expect(highlighted()).toEqual([]);
    expect(sent).toEqual([OWN]);
    const more = document.getElementById('more')!;
    more.removeAttribute('hidden');
    await s.scan([], [more]);
    expect(highlighted()).toEqual(['copy']);
    expect(sent).toEqual([OWN, COPY]);
    // Revealed again with nothing new: nothing is sent.
    await s.scan([], [document.body]);
    expect(sent).toEqual([OWN, COPY]);
  });

  it('a highlighted block that is hidden again is no longer highlighted', async () => {
    const { s, highlighted } = scanner();
    document.body.innerHTML = `<article><div id="more"><p id="copy">${COPY}</p></div></article>`;
    await s.scan([document.body]);
    expect(highlighted()).toEqual(['copy']);
    const more = document.getElementById('more')!;
    more.setAttribute('hidden', '');
    await s.scan([], [more]);
    expect(highlighted()).toEqual([]);
  });

  it('a hidden part of a paragraph, shown, is read with the paragraph around it', async () => {
    const { s, sent, highlighted } = scanner();
    const [head, tail] = [COPY.slice(0, 40), COPY.slice(40)];
    document.body.innerHTML = `<article><p id="copy">${head}<span id="rest" hidden>${tail}</span></p></article>`;
    await s.scan([document.body]);
    expect(highlighted()).toEqual([]);
    const rest = document.getElementById('rest')!;
    rest.removeAttribute('hidden');
    await s.scan([], [rest]);
    expect(sent.at(-1)).toBe(COPY);
    expect(highlighted()).toEqual(['copy']);
  });

  it('a details element opened inside a shadow root', async () => {
    const { s, highlighted } = scanner();
    const c = component('news-body', `<details id="d" hidden><summary>More</summary><p id="copy">${COPY}</p></details>`);
    document.body.append(c.host);
    await s.scan([document.body]);
    expect(highlighted()).toEqual([]);
    const d = c.root.getElementById('d')!;
    d.removeAttribute('hidden');
    await s.scan([], [d]);
    expect(highlighted()).toEqual(['copy']);
  });
});
