// @vitest-environment happy-dom
/**
 * The content script's wiring (src/ui/page.ts) in a DOM, with WXT's real
 * ContentScriptContext and the fake browser: the background is a listener
 * answering from the seed matcher.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { dispatcher, sendToBackground, sendToTab, type ContentToBackground, type PageReport } from '../../src/messages';
import { startReprint } from '../../src/ui/page';
import { DEFAULT_SETTINGS, isPausedAt, settingsItem, siteOf } from '../../src/settings';
import { seedIndex, seedParagraph } from './helpers/seeds';

const QUOTED = seedParagraph('000', 'After one diplomatic exchange');
const OTHER = seedParagraph('003', 'The previously unreported');
const OWN = 'Volunteers at the harbour museum repainted the old lifeboat over three weekends this spring.';

/** Every scan request the background got, and a way to hold its answers back. */
let scans: string[][];
let hold: Promise<void> | undefined;
let ctx: ContentScriptContext | undefined;

/** What the content script's main does. */
function start(): ContentScriptContext {
  ctx = new ContentScriptContext('content');
  ctx.onInvalidated(startReprint(ctx));
  return ctx;
}

const popupPage = () => fakeBrowser.runtime.sendMessage({ type: 'tab/report' }) as Promise<PageReport | undefined>;
const highlighted = async () => ((await popupPage())?.items ?? []).map((i) => i.elementId);
const reprintAttributes = () => [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith('data-reprint')));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The shadow roots Reprint attaches, caught by wrapping attachShadow in the
 * test: the product keeps them closed, so the page (and this test, as the
 * page) cannot find them otherwise.
 */
let roots: ShadowRoot[];

beforeEach(() => {
  roots = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
});
beforeEach(() => {
  // WXT logs each invalidation.
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  fakeBrowser.reset();
  scans = [];
  hold = undefined;
  document.body.innerHTML = `<article><p id="quoted">${QUOTED}</p><p id="own">${OWN}</p></article>`;
  fakeBrowser.runtime.onMessage.addListener(
    dispatcher<ContentToBackground>({
      'content/scan': async ({ texts }) => {
        scans.push(texts);
        await hold;
        return (await seedIndex()).matcher.match(texts);
      },
      'content/highlights': () => undefined,
      'content/own': () => null,
    }),
  );
});

afterEach(() => {
  ctx?.notifyInvalidated();
  ctx = undefined;
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('the content script in a page', () => {
  it('highlights without a trace the page can read, and answers the popup and the report', async () => {
    start();
    await vi.waitFor(async () => expect((await popupPage())?.scanned).toBe(2));
    expect(await highlighted()).toEqual(['quoted']);
    const report = (await popupPage())!;
    expect(report.items[0]).toMatchObject({
      kind: 'verbatim',
      statement: 'Original: The New York Times (cited as source), quoted by ZeroHedge News and “President Xi Pushes Putin To “Negotiate” With…”',
    });
    // Nothing on the page's own elements, and Reprint's hosts are plain divs whose roots are closed.
    expect(reprintAttributes()).toEqual([]);
    expect(document.documentElement.getAttributeNames()).toEqual([]);
    expect(roots.length).toBe(2);
    for (const root of roots) {
      expect(root.mode).toBe('closed');
      expect(root.host.tagName).toBe('DIV');
      expect(root.host.shadowRoot).toBeNull();
      expect(root.host.getAttribute('style')).toContain('!important');
    }
  });

  it('opens no card for a synthetic event: only a person can make corpus text appear', async () => {
    start();
    await vi.waitFor(async () => expect(await highlighted()).toEqual(['quoted']));
    const quoted = document.getElementById('quoted')!;
    quoted.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    quoted.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await sleep(400);
    for (const root of roots) expect(root.querySelector('.tip, .dialog')).toBeNull();
  });

  it('puts back its layer when the page removes it or rewrites its style', async () => {
    start();
    await vi.waitFor(async () => expect(await highlighted()).toEqual(['quoted']));
    const [host] = roots.map((r) => r.host);
    const style = host.getAttribute('style');
    host.remove();
    host.setAttribute('style', 'display: none !important');
    host.setAttribute('data-x', '1');
    await sleep(0);
    expect(host.isConnected).toBe(true);
    expect(host.getAttribute('style')).toBe(style);
    expect(host.hasAttribute('data-x')).toBe(false);
  });

  it('leaves the page as it was, and stops listening, when its context is invalidated', async () => {
    const ctx = start();
    await vi.waitFor(async () => expect(await highlighted()).toEqual(['quoted']));
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');

    ctx.notifyInvalidated();

    expect(disconnect).toHaveBeenCalled();
    expect(roots.every((r) => !r.host.isConnected)).toBe(true);
    // The popup's question reaches no one: only the background listener is left.
    expect(await popupPage()).toBeUndefined();
    // New text is not watched for: nothing is sent after the watcher's quiet time.
    const sent = scans.length;
    document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: OTHER }));
    await sleep(600);
    expect(scans.length).toBe(sent);
    expect(roots.every((r) => !r.host.isConnected)).toBe(true);
  });

  it('rescans what changes while it runs', async () => {
    start();
    await vi.waitFor(async () => expect((await popupPage())?.scanned).toBe(2));
    const added = Object.assign(document.createElement('p'), { id: 'added', textContent: OTHER });
    document.querySelector('article')!.append(added);
    await vi.waitFor(async () => expect(await highlighted()).toEqual(['quoted', 'added']), { timeout: 2000 });
    expect(scans.at(-1)).toEqual([OTHER]);
  });

  it('drops answers that arrive after teardown', async () => {
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    const ctx = start();
    await vi.waitFor(() => expect(scans).toHaveLength(1));
    ctx.notifyInvalidated();
    release();
    await sleep(50);
    expect(await popupPage()).toBeUndefined();
    expect(roots.every((r) => !r.host.isConnected)).toBe(true);
  });

  it('does not start at all when invalidated before the page is idle', async () => {
    start().notifyInvalidated();
    await sleep(100);
    expect(scans).toEqual([]);
    expect(roots.every((r) => !r.host.isConnected)).toBe(true);
  });

  it('gives way to a newer copy of itself (extension updated) without leaving its own behind', async () => {
    start();
    await vi.waitFor(async () => expect(await highlighted()).toEqual(['quoted']));
    const old = roots.map((r) => r.host);
    // WXT's context tells the old script when a new one starts; the new one highlights afresh.
    start();
    expect(old.every((h) => !h.isConnected)).toBe(true);
    await vi.waitFor(async () => expect(await highlighted()).toEqual(['quoted']));
    expect(roots.filter((r) => r.host.isConnected)).toHaveLength(2);
  });
});

describe('pausing', () => {
  it('scans nothing on a paused site, takes its highlights off when paused, and comes back when resumed', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pausedSites: [siteOf(location.href) ?? 'localhost'] });
    start();
    await sleep(300);
    expect(scans).toEqual([]);
    expect(await popupPage()).toMatchObject({ paused: true, items: [] });
    expect(roots).toEqual([]);

    await settingsItem.setValue(DEFAULT_SETTINGS);
    await vi.waitFor(async () => expect(await highlighted()).toEqual(['quoted']));
    const hosts = roots.map((r) => r.host);
    expect(hosts.every((h) => h.isConnected)).toBe(true);

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, paused: true });
    await vi.waitFor(async () => expect(await popupPage()).toMatchObject({ paused: true, items: [] }));
    expect(hosts.every((h) => !h.isConnected)).toBe(true);
  });

  it('pauses a site and its subdomains, and only http(s) pages have a site', () => {
    const s = { ...DEFAULT_SETTINGS, pausedSites: ['example.com'] };
    expect(isPausedAt(s, 'https://www.example.com/a')).toBe(true);
    expect(isPausedAt(s, 'https://news.example.com/a')).toBe(true);
    expect(isPausedAt(s, 'https://example.org/a')).toBe(false);
    expect(isPausedAt(s, 'https://notexample.com/')).toBe(false);
    expect(siteOf('file:///tmp/x.html')).toBeNull();
    expect(isPausedAt({ ...DEFAULT_SETTINGS, paused: true }, 'https://example.org/')).toBe(true);
  });
});

describe('typed senders', () => {
  it('send the map’s messages to the background and to a tab', async () => {
    const [answer] = await sendToBackground({ type: 'content/scan', texts: [QUOTED] });
    expect(answer).toMatchObject({ kind: 'verbatim' });
    const toTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true);
    expect(await sendToTab(7, { type: 'tab/reveal', id: 3 })).toBe(true);
    // The top page's content script, not whichever of the tab's frames answers first.
    expect(toTab).toHaveBeenCalledWith(7, { type: 'tab/reveal', id: 3 }, { frameId: 0 });
    await sendToTab(7, { type: 'tab/reveal', id: 3 }, 12);
    expect(toTab).toHaveBeenLastCalledWith(7, { type: 'tab/reveal', id: 3 }, { frameId: 12 });
    await sendToTab(7, { type: 'tab/recheck' }, null);
    expect(toTab).toHaveBeenLastCalledWith(7, { type: 'tab/recheck' });
  });

  it('take only the map’s messages, each with its fields (checked by npm run typecheck)', () => {
    const neverCalled = () => {
      // @ts-expect-error the popup's page report comes from a tab, not the background
      void sendToBackground({ type: 'tab/report' });
      // @ts-expect-error a scan needs its texts
      void sendToBackground({ type: 'content/scan' });
      // @ts-expect-error a reveal's id is a number
      void sendToTab(1, { type: 'tab/reveal', id: '3' });
      // @ts-expect-error no such message
      void sendToTab(1, { type: 'popup/nothing' });
      const status: Promise<{ documents: number; problems: string[] }> = sendToBackground({ type: 'popup/status' });
      const report: Promise<PageReport> = sendToTab(1, { type: 'tab/report' });
      return [status, report];
    };
    expect(typeof neverCalled).toBe('function');
  });
});
