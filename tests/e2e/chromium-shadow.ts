import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  shadowRoots?: DomNode[];
  children?: DomNode[];
  contentDocument?: DomNode;
}

/**
 * Reprint's UI in a page, read and driven through the DevTools protocol:
 * `DOM.getDocument` with `pierce` reaches closed shadow roots, which no
 * script of the page can. Clicks are real mouse events at the element's
 * place, so the UI sees them as trusted.
 */
export class ClosedShadow {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<ClosedShadow> {
    return new ClosedShadow(page, await page.context().newCDPSession(page));
  }

  /** Every closed shadow root in the page and its frames, as protocol node ids. */
  async roots(): Promise<number[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const out: number[] = [];
    const walk = (n: DomNode) => {
      for (const s of n.shadowRoots ?? []) {
        if (s.shadowRootType === 'closed') out.push(s.nodeId);
        walk(s);
      }
      for (const c of n.children ?? []) walk(c);
      // A frame's document: Reprint runs in same-origin frames too, with roots of their own.
      if (n.contentDocument) walk(n.contentDocument);
    };
    walk(root);
    return out;
  }

  /** The first element matching `selector` in any closed shadow root, or null. */
  async find(selector: string): Promise<number | null> {
    for (const nodeId of await this.roots()) {
      const found = (await this.cdp.send('DOM.querySelector', { nodeId, selector })) as { nodeId: number };
      if (found.nodeId) return found.nodeId;
    }
    return null;
  }

  /** Runs `fn` on every element matching `selector` in every closed shadow root (the page's and its frames'). */
  async callAll<T>(selector: string, fn: (this: Element) => T): Promise<T[]> {
    const out: T[] = [];
    for (const root of await this.roots()) {
      const { nodeIds } = (await this.cdp.send('DOM.querySelectorAll', { nodeId: root, selector })) as { nodeIds: number[] };
      for (const nodeId of nodeIds) {
        const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
        const { result } = (await this.cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: fn.toString(),
          returnByValue: true,
        })) as { result: { value: T } };
        out.push(result.value);
      }
    }
    return out;
  }

  async waitFor(selector: string, timeout = 3000): Promise<number> {
    const end = Date.now() + timeout;
    for (;;) {
      const id = await this.find(selector);
      if (id) return id;
      if (Date.now() > end) throw new Error(`no ${selector} in a closed shadow root after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async gone(selector: string, timeout = 3000): Promise<void> {
    const end = Date.now() + timeout;
    while (await this.find(selector)) {
      if (Date.now() > end) throw new Error(`${selector} still shown after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Runs `fn` with the element as `this`, in the protocol's hands: the page's scripts never get the element. */
  async call<T>(selector: string, fn: (this: Element) => T): Promise<T> {
    const nodeId = await this.waitFor(selector);
    const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
    const { result } = (await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn.toString(),
      returnByValue: true,
    })) as { result: { value: T } };
    return result.value;
  }

  text(selector: string): Promise<string> {
    return this.call(selector, function () {
      return (this.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
  }

  /** A real click at the middle of the element. */
  async click(selector: string): Promise<void> {
    const nodeId = await this.waitFor(selector);
    const { model } = (await this.cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content;
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }
}
