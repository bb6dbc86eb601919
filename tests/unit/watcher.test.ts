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
    const stop = watchMutations(document.documentElement, (n) => own.has(n), onRoots);
    return { onRoots, stop, own, article: document.querySelector('article')! };
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
});
