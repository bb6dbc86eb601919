import type { Frame, Page } from 'puppeteer-core';

/** What puppeteer-core's BiDi browser exposes inside: its WebDriver BiDi connection. */
interface BidiConnection {
  send(method: string, params: object, timeout?: number): Promise<{ result: unknown }>;
}

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

interface NodeValue extends RemoteValue {
  value?: { localName?: string; shadowRoot?: (RemoteValue & { value?: { mode?: string } }) | null };
}

type CallResult = { type: 'success'; result: RemoteValue } | { type: 'exception'; exceptionDetails: { text: string } };

/** The realm the tests' functions run in: a sandbox of their own, which no page script can see into or patch. */
const SANDBOX = 'reprint-e2e';

/**
 * Reprint's UI in a Firefox page, read and driven through WebDriver BiDi.
 * `script.callFunction` with `serializationOptions.includeShadowTree: 'all'`
 * serializes an element's closed shadow root as a remote reference
 * (`sharedId`), which the test passes back as an argument to query it. A
 * page script has no such way in: `host.shadowRoot` is null to it. The
 * functions run in a sandbox realm, so a page that patches DOM prototypes
 * changes nothing of what the test reads. Clicks are real mouse input at
 * the element's box (`input.performActions`), so the UI sees them as trusted.
 */
export class FirefoxShadow {
  private constructor(
    private readonly page: Page,
    private readonly bidi: BidiConnection,
    private readonly frame: Frame,
  ) {}

  /** Reprint's UI in the page, or in one of its frames (a same-origin frame has a content script, and roots, of its own). */
  static of(page: Page, frame: Frame = page.mainFrame()): FirefoxShadow {
    const bidi = (page.browser() as unknown as { connection?: BidiConnection }).connection;
    if (!bidi?.send) throw new Error('Not a WebDriver BiDi session: launch Firefox with puppeteer-core and browser: "firefox"');
    return new FirefoxShadow(page, bidi, frame);
  }

  /** The browsing context id of the page or frame. */
  private get context(): string {
    return (this.frame as unknown as { _id: string })._id;
  }

  private async callFunction(functionDeclaration: string, args: object[], serializationOptions: object = {}): Promise<RemoteValue> {
    const { result } = (await this.bidi.send('script.callFunction', {
      functionDeclaration,
      arguments: args,
      awaitPromise: false,
      target: { context: this.context, sandbox: SANDBOX },
      resultOwnership: 'none',
      serializationOptions,
    })) as { result: CallResult };
    if (result.type === 'exception') throw new Error(`script.callFunction: ${result.exceptionDetails.text}`);
    return result.result;
  }

  /**
   * Every closed shadow root on the children of <html> (where Reprint puts
   * its hosts), as BiDi shared ids.
   */
  async roots(): Promise<string[]> {
    const hosts = await this.callFunction('() => [...document.documentElement.children]', [], { maxDomDepth: 0, includeShadowTree: 'all' });
    return ((hosts.value as NodeValue[]) ?? [])
      .map((n) => n.value?.shadowRoot)
      .filter((r): r is RemoteValue & { value?: { mode?: string } } => !!r && r.value?.mode === 'closed' && !!r.sharedId)
      .map((r) => r.sharedId!);
  }

  /**
   * Runs `fn` on the first element matching `selector` in any closed root
   * (undefined when none matches). `fn` is sent as source text: it must use
   * nothing but its argument. Its result travels as JSON.
   */
  async query<T>(selector: string, fn: (el: Element) => T): Promise<T | undefined> {
    const roots = await this.roots();
    const out = await this.callFunction(
      `(roots, selector) => {
        for (const root of roots) {
          const el = root.querySelector(selector);
          if (el) return JSON.stringify({ found: true, value: (${fn.toString()})(el) });
        }
        return JSON.stringify({ found: false });
      }`,
      [
        { type: 'array', value: roots.map((sharedId) => ({ sharedId })) },
        { type: 'string', value: selector },
      ],
    );
    const parsed = JSON.parse(String(out.value)) as { found: boolean; value?: T };
    return parsed.found ? (parsed.value as T) : undefined;
  }

  /** `fn` over every element matching `selector` in every closed root. */
  async queryAll<T>(selector: string, fn: (el: Element) => T): Promise<T[]> {
    const roots = await this.roots();
    const out = await this.callFunction(
      `(roots, selector) => JSON.stringify(roots.flatMap((root) => [...root.querySelectorAll(selector)].map((el) => (${fn.toString()})(el))))`,
      [
        { type: 'array', value: roots.map((sharedId) => ({ sharedId })) },
        { type: 'string', value: selector },
      ],
    );
    return JSON.parse(String(out.value)) as T[];
  }

  async has(selector: string): Promise<boolean> {
    return (await this.query(selector, () => true)) === true;
  }

  async waitFor(selector: string, timeout = 3000): Promise<void> {
    const end = Date.now() + timeout;
    while (!(await this.has(selector))) {
      if (Date.now() > end) throw new Error(`no ${selector} in a closed shadow root after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async gone(selector: string, timeout = 3000): Promise<void> {
    const end = Date.now() + timeout;
    while (await this.has(selector)) {
      if (Date.now() > end) throw new Error(`${selector} still shown after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The element's text, spaces collapsed, as a reader sees it. */
  async text(selector: string): Promise<string> {
    await this.waitFor(selector);
    return (await this.query(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()))!;
  }

  async texts(selector: string): Promise<string[]> {
    return this.queryAll(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** The element's box in viewport coordinates. */
  async box(selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
    await this.waitFor(selector);
    return (await this.query(selector, (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }))!;
  }

  /** A real click at the middle of the element. */
  async click(selector: string): Promise<void> {
    const { x, y, width, height } = await this.box(selector);
    await this.page.mouse.click(x + width / 2, y + height / 2);
  }
}
