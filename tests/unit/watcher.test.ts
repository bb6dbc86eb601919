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
    const stop = watchMutations(document.documentElement, onRoots);
    return { onRoots, stop, article: document.querySelector('article')! };
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

  it('ignores our own UI hosts', async () => {
    const { onRoots, stop } = setup();
    document.documentElement.append(document.createElement('reprint-tooltip'));
    await vi.advanceTimersByTimeAsync(500);
    expect(onRoots).not.toHaveBeenCalled();
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
