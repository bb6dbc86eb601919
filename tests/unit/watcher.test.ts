// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchMutations } from '../../src/dom/watcher';

describe('the mutation watcher', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  function setup() {
    vi.useFakeTimers();
    document.body.innerHTML = '<article><p id="a">First paragraph.</p></article>';
    const onRoots = vi.fn();
    const own = new Set<Node>();
    const watcher = watchMutations(document.documentElement, (n) => own.has(n), onRoots);
    return { onRoots, stop: () => watcher.stop(), watcher, own, article: document.querySelector('article')! };
  }

  it('reports new text once the page has been quiet for a while', async () => {
    const { onRoots, stop, article } = setup();
    const p = document.createElement('p');
    p.textContent = 'Added later by infinite scroll.';
    article.append(p);
    await vi.advanceTimersByTimeAsync(0); // MutationObserver records are delivered as a microtask
    expect(onRoots).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).toHaveBeenCalledTimes(1);
    expect(onRoots.mock.calls[0][0]).toContain(article);
    stop();
  });

  it('ignores our own UI hosts, known by identity, not by name', async () => {
    const { onRoots, stop, own, article } = setup();
    const host = document.createElement('div');
    own.add(host);
    document.documentElement.append(host);
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).not.toHaveBeenCalled();
    // A page element named like ours is the page's: its text is scanned.
    const impostor = document.createElement('reprint-tooltip');
    impostor.textContent = 'Text a page hides under a name that looks like ours.';
    article.append(impostor);
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).toHaveBeenCalledTimes(1);
    stop();
  });

  it('reports at the latest two seconds after a change, even on a page that never stops changing', async () => {
    const { onRoots, stop, article } = setup();
    const ticker = document.createElement('span');
    article.append(ticker);
    for (let t = 0; t < 2400; t += 200) {
      ticker.textContent = `tick ${t}`;
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(onRoots).toHaveBeenCalled();
    stop();
  });

  it('stops: a batch still waiting is dropped and later changes are not observed', async () => {
    const { onRoots, stop, article } = setup();
    article.append(Object.assign(document.createElement('p'), { textContent: 'Pending when the watcher stops.' }));
    await vi.advanceTimersByTimeAsync(100);
    stop();
    await vi.advanceTimersByTimeAsync(500);
    article.append(Object.assign(document.createElement('p'), { textContent: 'Added after the watcher stopped.' }));
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).not.toHaveBeenCalled();
  });
  it('reports a part whose visibility may have changed: a class, style, hidden or open attribute, as revealed, not as changed text', async () => {
    const { onRoots, stop, article } = setup();
    article.insertAdjacentHTML(
      'beforeend',
      '<div id="more" class="collapsed"><p>Hidden until the reader asks.</p></div><details id="d"><p>Inside.</p></details>',
    );
    await vi.advanceTimersByTimeAsync(500);
    onRoots.mockClear();
    const more = document.getElementById('more')!;
    more.className = 'expanded';
    const details = document.getElementById('d')!;
    details.setAttribute('open', '');
    const hidden = document.createElement('p');
    article.append(hidden);
    await vi.advanceTimersByTimeAsync(500);
    onRoots.mockClear();
    hidden.hidden = true;
    hidden.hidden = false;
    await vi.advanceTimersByTimeAsync(0);
    // Other attributes (a page's data-*, aria-expanded on a button) are not watched.
    more.setAttribute('data-state', 'x');
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).toHaveBeenCalledTimes(1);
    const [changed, revealed] = onRoots.mock.calls[0];
    expect(changed).toEqual([]);
    expect(revealed).toEqual([hidden]);
    stop();
  });

  it('reports class and open changes together in one batch', async () => {
    const { onRoots, stop, article } = setup();
    article.insertAdjacentHTML(
      'beforeend',
      '<div id="more" class="collapsed"><p>Hidden until the reader asks.</p></div><details id="d"><p>Inside.</p></details>',
    );
    await vi.advanceTimersByTimeAsync(500);
    onRoots.mockClear();
    const more = document.getElementById('more')!;
    const details = document.getElementById('d')!;
    more.className = 'expanded';
    details.setAttribute('open', '');
    more.style.display = 'block';
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).toHaveBeenCalledTimes(1);
    expect(new Set(onRoots.mock.calls[0][1])).toEqual(new Set([more, details]));
    stop();
  });

  it('hears toggle events, which do not bubble (a popover shows without an attribute), on the way down', async () => {
    const { onRoots, stop, article } = setup();
    const details = document.createElement('details');
    article.append(details);
    await vi.advanceTimersByTimeAsync(500);
    onRoots.mockClear();
    details.dispatchEvent(new Event('toggle', { bubbles: false }));
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).toHaveBeenCalledTimes(1);
    expect(onRoots.mock.calls[0][1]).toEqual([details]);
    stop();
  });

  it('follows an open shadow root it is given: text added and attributes changed inside it', async () => {
    const { onRoots, stop, watcher } = setup();
    const host = document.createElement('news-body');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    await vi.advanceTimersByTimeAsync(500);
    onRoots.mockClear();
    watcher.observe(shadow);
    watcher.observe(shadow);
    const p = document.createElement('p');
    p.textContent = 'Rendered by the component after load.';
    shadow.append(p);
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).toHaveBeenCalledTimes(1);
    // Appended straight into the root: the root is what changed.
    expect(onRoots.mock.calls[0][0]).toEqual([shadow]);
    const d = document.createElement('details');
    shadow.append(d);
    await vi.advanceTimersByTimeAsync(500);
    onRoots.mockClear();
    d.open = true;
    d.dispatchEvent(new Event('toggle'));
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).toHaveBeenCalledTimes(1);
    expect(onRoots.mock.calls[0][1]).toEqual([d]);
    stop();
  });
});
